package briefing

import (
	"strings"
	"testing"
)

// The shapes that made goldmark run for seconds to forever are refused
// before parsing, with their line; ordinary writing is not.
func TestSlowMarkdownShapesAreRefused(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		line       int
		want       string
	}{
		{"emphasis run", "Intro.\n\n" + strings.Repeat("*a_", 80000), 3, "more than 2000 emphasis marks"},
		{"link openers", strings.Repeat("[a](", 100000), 1, "more than 2000"},
		{"quote nesting", "x\n" + strings.Repeat(">", 500000), 2, "nested 500000 deep"},
		{"list nesting", strings.Repeat("- ", 250000) + "x", 1, "nested 250000 deep"},
		{"escaped backticks", strings.Repeat("\\`", 150000), 1, "more than 2000"},
		{"brackets", strings.Repeat("[", 200000), 1, "more than 2000"},
		{"one long quoted paragraph", strings.Repeat("> [a](b)\n", 600), 1, "more than 2000"},
		{"many paragraphs", strings.Repeat(strings.Repeat("[", 1999)+"\n\n", 60), 101, "more than 100000 emphasis marks, brackets and code marks in all"},
		{"ordered lists", strings.Repeat("1. ", 100) + "x", 1, "nested 100 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			faults := markdownShapeFaults(tc.body)
			if len(faults) != 1 || faults[0].line != tc.line || !strings.Contains(faults[0].msg, tc.want) {
				t.Fatalf("faults = %+v, want line %d saying %q", faults, tc.line, tc.want)
			}
		})
	}
	// Every built-in, a long table of bold terms and links, a deep but
	// real list and a fenced block full of marks all pass.
	lib := builtinLibrary(t)
	for _, tm := range lib.Templates() {
		if f := markdownShapeFaults(tm.Body); len(f) > 0 {
			t.Errorf("%s: %+v", tm.ID, f)
		}
	}
	var table strings.Builder
	table.WriteString("| Term | Source |\n|---|---|\n")
	for i := 0; i < 400; i++ {
		table.WriteString("| **Term** _x_ | [link](https://example.org/a_b) `code` |\n")
	}
	for name, body := range map[string]string{
		"table": table.String(),
		"list":  "- a\n  - b\n    - c\n      > quote *with* [link](x)\n",
		"code":  "```\n" + strings.Repeat("[*_`", 5000) + "\n```\nAfter.\n",
		"items": strings.Repeat("- **Bold** item with [a link](https://example.org) and `code`\n", 500),
	} {
		if f := markdownShapeFaults(body); len(f) > 0 {
			t.Errorf("%s refused: %+v", name, f)
		}
	}
}
