package briefing

import (
	"math"
	"strings"
	"testing"
)

// Code keeps its indentation and inner spacing: each line starts at the
// column it was typed at, tabs expanded to the next multiple of four.
func TestCodeBlocksKeepIndentation(t *testing.T) {
	code := "func main() {\n" +
		"    fmt.Println(1)\n" +
		"\tif x {\n" +
		"\t\ty()\n" +
		"  \tz()\n" +
		"\t}\n" +
		"a   := 1 // aligned\n" +
		"}"
	// The column at which each word should start.
	want := map[string]int{"func": 0, "fmt.Println(1)": 4, "if": 4, "y()": 8, "z()": 4, "a": 0, ":=": 4, "//": 9}
	for name, body := range map[string]string{
		"fenced":    "Text.\n\n```go\n" + code + "\n```\n",
		"indented":  "Text.\n\n    " + strings.ReplaceAll(code, "\n", "\n    ") + "\n",
		"list item": "- Item:\n\n  ```\n  " + strings.ReplaceAll(code, "\n", "\n  ") + "\n  ```\n",
	} {
		t.Run(name, func(t *testing.T) {
			p := NewPacket("staff")
			p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
			data, _ := renderPacket(t, p)
			words, _, _ := pdfWords(t, writePDF(t, data))
			charW := 0.6 * (p.Style.FontSize - 1.5) // Liberation Mono: 600 units an em
			x0 := math.NaN()
			found := map[string]bool{}
			for _, w := range words {
				col, ok := want[w.text]
				if !ok || found[w.text] {
					continue
				}
				if w.text == "func" {
					x0 = w.xMin
				}
				found[w.text] = true
				if got := (w.xMin - x0) / charW; math.Abs(got-float64(col)) > 0.2 {
					t.Errorf("%q starts at column %.1f, want %d", w.text, got, col)
				}
			}
			if len(found) != len(want) {
				t.Errorf("found %d of %d words: %v", len(found), len(want), found)
			}
		})
	}
}
