package briefing

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// PDFs are checked with the tools a recipient's software resembles
// (poppler, qpdf), never by matching our own bytes. `make test` installs
// them; running without them is a set-up mistake, so the tests fail.

// writePDF stores data in a temporary file for the tools to read.
func writePDF(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs a PDF tool and returns its standard output.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed: run `make deps` (poppler-utils, qpdf)", name)
	}
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, msg)
	}
	return string(out)
}

// pdfPages returns the text of each page, as pdftotext extracts it in
// reading order, leaving out diagonal text (the watermark).
func pdfPages(t *testing.T, path string, flags ...string) []string {
	t.Helper()
	if len(flags) == 0 {
		flags = []string{"-nodiag"}
	}
	args := append(append([]string{"-enc", "UTF-8"}, flags...), path, "-")
	pages := strings.Split(tool(t, "pdftotext", args...), "\f")
	return pages[:len(pages)-1] // text ends with a form feed
}

// outlineItem is one entry of qpdf's JSON view of the outline.
type outlineItem struct {
	Title string        `json:"title"`
	Page  int           `json:"destpageposfrom1"`
	Dest  []any         `json:"dest"`
	Kids  []outlineItem `json:"kids"`
}

func pdfOutline(t *testing.T, path string) []outlineItem {
	t.Helper()
	var doc struct {
		Outlines []outlineItem `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Outlines
}

// eachPDFDict calls fn for every dictionary in the file, as qpdf's JSON
// shows it (direct ones inside others included).
func eachPDFDict(t *testing.T, path string, fn func(d map[string]any)) {
	t.Helper()
	var doc struct {
		Qpdf []any `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=qpdf", path)), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			fn(v)
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc.Qpdf)
}

// pdfURIs lists the targets of every link annotation in the file.
func pdfURIs(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	eachPDFDict(t, path, func(d map[string]any) {
		if u, ok := d["/URI"].(string); ok {
			out = append(out, strings.TrimPrefix(u, "u:"))
		}
	})
	return out
}
