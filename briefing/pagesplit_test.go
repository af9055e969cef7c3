package briefing

import (
	"fmt"
	"strings"
	"testing"
)

// numbered returns n distinct words, prefix000 … prefix(n-1), easy to find
// in extracted text and in order.
func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%03d", prefix, i)
	}
	return out
}

// Every block that can be taller than a page continues on the next one:
// nothing runs through the footer or off the page.
func TestBlocksTallerThanAPageContinue(t *testing.T) {
	words := numbered("w", 900)
	text := strings.Join(words, " ")
	lines := func(per int) string {
		var b strings.Builder
		for i := 0; i < len(words); i += per {
			b.WriteString(strings.Join(words[i:min(i+per, len(words))], " ") + "\n")
		}
		return b.String()
	}
	// Single-line fields are refused past 200–300 characters
	// (TestWholeDocumentAndFieldCaps); the longest a name may be still
	// prints whole.
	field := numbered("f", 39)
	fieldText := strings.Join(field, " ")
	lib := builtinLibrary(t)
	for _, tc := range []struct {
		name, body, title string
		setting           func(p *Packet, long string)
		want              []string
	}{
		{name: "table cell", body: "Before.\n\n| Topic | Detail |\n|---|---|\n| big one | " + text + " |\n| after | tail |\n",
			want: append(append([]string{"Before", "Topic", "Detail", "big"}, words...), "after", "tail")},
		{name: "table row of two huge cells", body: "| A | B |\n|---|---|\n| " + text + " | " + strings.ToUpper(text) + " |\n| end | row |\n",
			want: append(append([]string{}, words...), "end", "row")},
		{name: "table header cell", body: "| " + text + " | B |\n|---|---|\n| x1 | y1 |\n| x2 | y2 |\n",
			want: append(append([]string{}, words...), "x1", "y1", "x2", "y2")},
		{name: "code block", body: "```\n" + lines(8) + "```\n\nAfter.\n", want: append(append([]string{}, words...), "After")},
		{name: "code line wider than the page", body: "```\n\t" + text + "\n\t" + strings.Join(words, "") + "\n```\n\nAfter.\n",
			want: append(append(append([]string{}, words...), words...), "After")},
		{name: "quote", body: "> " + text + "\n\nAfter.\n", want: append(append([]string{}, words...), "After")},
		{name: "nested quote", body: "> > > " + text + "\n", want: words},
		{name: "call-out", body: "> [!NOTE]\n> " + text + "\n\nAfter.\n", want: append(append([]string{}, words...), "After")},
		{name: "list item", body: "- " + text + "\n- second\n", want: append(append([]string{}, words...), "second")},
		{name: "nested list item", body: "1. one\n   - " + text + "\n2. two\n", want: append(append([]string{"one"}, words...), "two")},
		{name: "glossary", body: "Term\n: " + text + "\n", want: append([]string{"Term"}, words...)},
		{name: "long word", body: strings.Join(words, "") + " after\n", want: append(append([]string{}, words...), "after")},
		{name: "heading", body: "## " + text + "\n\nAfter.\n", want: append(append([]string{}, words...), "After")},
		{name: "section title", title: fieldText, body: "After.\n", want: append(append([]string{}, field...), "After")},
		{name: "packet title on the cover", setting: func(p *Packet, _ string) { p.Title = fieldText; p.PreparedFor = "Ms Reader" },
			body: "After.\n", want: append(append([]string{}, field...), "Ms", "Reader", "After")},
		{name: "prepared for on the cover", setting: func(p *Packet, _ string) { p.PreparedFor = fieldText; p.Author = "An Author" },
			body: "After.\n", want: append(append([]string{}, field...), "An", "Author", "After")},
		{name: "prepared for in the memo heading", setting: func(p *Packet, _ string) { p.Style.Cover = false; p.PreparedFor = fieldText; p.Author = "An Author" },
			body: "After.\n", want: append(append([]string{}, field...), "An", "Author", "After")},
		{name: "answer-line question", body: "1. " + text + "\n\n```lines 40\n```\n\nAfter.\n", want: append(append([]string{}, words...), "After")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPacket("staff")
			p.Style.TOC = false
			body := tc.body
			p.Sections = []SectionRef{{Template: "scope", Title: tc.title, Body: &body, Included: true}}
			if tc.setting != nil {
				tc.setting(p, text)
			}
			data, _, err := RenderPacket(lib, p, "t.briefing")
			if err != nil {
				t.Fatal(err)
			}
			requireAllWords(t, data, tc.want)
		})
	}
}
