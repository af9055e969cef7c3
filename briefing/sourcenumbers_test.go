package briefing

import (
	"maps"
	"path/filepath"
	"testing"

	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/spf13/afero"
)

// The editor numbers citations as the PDF does: for each sample packet,
// SourceNumbers agrees with the numbers the laid-out document prints.
func TestSourceNumbersAreThePrintedOnes(t *testing.T) {
	lib := builtinLibrary(t)
	files, _ := filepath.Glob("../assets/samples/*.briefing")
	if len(files) == 0 {
		t.Fatal("no sample packets")
	}
	for _, f := range files {
		p, err := LoadPacket(afero.NewOsFs(), f)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := Resolve(lib, p, f)
		want := layout.CitationNumbers(doc)
		if got := SourceNumbers(lib, p); !maps.Equal(got, want) {
			t.Errorf("%s: numbered %v, the PDF prints %v", filepath.Base(f), got, want)
		}
		if len(want) == 0 {
			t.Logf("%s cites nothing", filepath.Base(f))
		}
	}
}
