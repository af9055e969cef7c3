package briefing

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestHostileCorpus feeds every file in testdata/hostile to the loader,
// validator and renderer, and checks each gets the message expected.txt
// names — never a panic, and never a silent success for a bad file.
func TestHostileCorpus(t *testing.T) {
	lib := builtinLibrary(t)
	fs := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), "testdata/hostile"))
	f, err := os.Open("testdata/hostile/expected.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, want, _ := strings.Cut(line, "\t")
		cases++
		t.Run(name, func(t *testing.T) {
			got := hostileOutcome(t, lib, fs, name)
			if want == "OK" {
				if got != "" {
					t.Fatalf("expected to load and render, got: %s", got)
				}
				return
			}
			if !strings.Contains(got, want) {
				t.Fatalf("got %q\nwant it to say %q", got, want)
			}
			if !strings.Contains(got, name) {
				t.Errorf("message %q does not name the file", got)
			}
		})
	}
	if cases < 20 {
		t.Fatalf("only %d cases in expected.txt", cases)
	}
}

// hostileOutcome returns every message loading, checking and rendering
// the file produced, or "" if it rendered cleanly.
func hostileOutcome(t *testing.T, lib *Library, fs afero.Fs, name string) string {
	t.Helper()
	if filepath.Ext(name) == ".md" {
		data, err := afero.ReadFile(fs, name)
		if err != nil {
			t.Fatal(err)
		}
		tm, err := ParseTemplate(name, data)
		if err != nil {
			return err.Error()
		}
		if _, err := tm.Execute(map[string]any{}); err != nil {
			return err.Error()
		}
		return ""
	}
	p, err := LoadPacket(fs, name)
	if err != nil {
		return err.Error()
	}
	probs := Validate(lib, p, name)
	if len(probs) > 0 && probs.HasErrors() {
		return probs.Error()
	}
	pdf, res, err := RenderPacket(lib, p, name)
	if err != nil {
		return err.Error()
	}
	var warnings []string
	for _, w := range res.Warnings {
		if !strings.Contains(w.Message, "to verify") {
			warnings = append(warnings, w.String())
		}
	}
	if len(warnings) > 0 {
		return strings.Join(warnings, "\n")
	}
	tool(t, "qpdf", "--check", writePDF(t, pdf))
	return ""
}

// TestFiftyMegabyteBody is generated rather than committed: a packet
// whose section body is 50 MB must be refused with a size message.
func TestFiftyMegabyteBody(t *testing.T) {
	lib := builtinLibrary(t)
	body := strings.Repeat("word ", 10<<20)
	p := NewPacket("staff")
	p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	fs := afero.NewMemMapFs()
	if err := SavePacket(fs, "/big.briefing", p); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadPacket(fs, "/big.briefing")
	if err != nil {
		t.Fatal(err)
	}
	probs := Validate(lib, loaded, "/big.briefing")
	if !strings.Contains(probs.Error(), "the text is 51200 KB; the limit is 512 KB") {
		t.Fatalf("problems: %.300s", probs.Error())
	}
}
