package rendertest

import (
	"os/exec"
	"strings"
	"testing"
)

// The renderer's stages stay apart: no output imports another, none (nor
// layout) imports the domain package briefing, and layout imports no
// output. Read from `go list -deps`, the build's own view of the imports,
// test files aside.
func TestStagesImportOnlyWhatTheyMay(t *testing.T) {
	const mod = "github.com/briefsmith/briefsmith/"
	outputs := []string{"render/pdf", "render/docx", "render/raster", "render/markdown"}
	forbidden := map[string][]string{"render/layout": append([]string{"briefing", "app", "cli"}, outputs...)}
	for _, o := range outputs {
		forbidden[o] = []string{"briefing", "app", "cli"}
		for _, other := range outputs {
			if other != o {
				forbidden[o] = append(forbidden[o], other)
			}
		}
	}
	for pkg, never := range forbidden {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", mod+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		deps := map[string]bool{}
		for _, d := range strings.Fields(string(out)) {
			deps[strings.TrimPrefix(d, mod)] = true
		}
		for _, n := range never {
			if deps[n] {
				t.Errorf("%s imports %s (directly or through another package)", pkg, n)
			}
		}
	}
}
