package layout

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// allRuns is every run of bs, nested blocks and notes included, in
// reading order.
func allRuns(bs []Block) []Run {
	var out []Run
	var walk func(bs []Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case Paragraph:
				out = append(out, b.Text...)
			case Heading:
				out = append(out, b.Text...)
			case List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			case Table:
				for _, r := range b.Rows {
					for _, c := range r.Cells {
						out = append(out, c.Text...)
					}
				}
			case Callout:
				out = append(out, b.Lead...)
				walk(b.Blocks)
			case Quote:
				walk(b.Blocks)
			case Glossary:
				for _, e := range b.Entries {
					out = append(out, e.Term...)
					for _, d := range e.Definitions {
						walk(d)
					}
				}
			case Notes:
				for _, n := range b.Items {
					walk(n.Blocks)
				}
			}
		}
	}
	walk(bs)
	return out
}

// plain is the runs' text joined.
func plain(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// FromText gives the renderer what the page must show for each construct
// a section can hold, from the model as the editor stores it: links only
// where they are safe, footnotes numbered by first reference, quotes and
// and every block kind.
func TestFromTextBuildsWhatThePagePrints(t *testing.T) {
	blocks := func(body string) []Block {
		t.Helper()
		m := sectiontext.Parse(body)
		if w := sectiontext.Write(m); w != body {
			t.Fatalf("test body %q is not canonical: %q", body, w)
		}
		return FromText(sectiontext.Fill(m, func(string) (string, bool) { return "", false }))
	}
	linked := func(runs []Run, text string) string {
		for _, r := range runs {
			if strings.Contains(r.Text, text) {
				return r.Link
			}
		}
		t.Fatalf("no run holds %q in %q", text, plain(runs))
		return ""
	}

	runs := allRuns(blocks("See [the order](https://example.gov/eo) and [a file](file:///etc/passwd).\n"))
	if linked(runs, "the order") != "https://example.gov/eo" || linked(runs, "a file") != "" || !strings.Contains(plain(runs), "a file (file:///etc/passwd)") {
		t.Errorf("links: %+v", runs)
	}
	runs = allRuns(blocks("Visit www.example.com or <https://example.com/x>.\n"))
	if linked(runs, "www.example.com") != "http://www.example.com" || linked(runs, "https://example.com/x") != "https://example.com/x" {
		t.Errorf("addresses: %+v", runs)
	}

	bs := blocks("A claim[^a] and another[^b], again[^a].\n\n[^a]: First note.\n\n[^b]: Second note.\n")
	var refs []int
	for _, r := range allRuns(bs[:1]) {
		if r.Kind == RunFootnoteRef {
			refs = append(refs, r.Note)
		}
	}
	notes, ok := bs[len(bs)-1].(Notes)
	if !ok || len(notes.Items) != 2 || plain(allRuns(notes.Items[0].Blocks)) != "First note." || len(refs) != 3 || refs[0] != 1 || refs[1] != 2 || refs[2] != 1 {
		t.Errorf("footnotes: refs %v, blocks %+v", refs, bs)
	}

	bs = blocks("Line one\\\nline two\nline three.\n")
	var kinds []RunKind
	for _, r := range allRuns(bs) {
		if r.Kind != RunText {
			kinds = append(kinds, r.Kind)
		}
	}
	if len(kinds) != 2 || kinds[0] != RunHardBreak || kinds[1] != RunSoftBreak {
		t.Errorf("breaks: %v", kinds)
	}

	bs = blocks("```go\nfmt.Println(\"x\")\n```\n\n<div>\nraw\n</div>\n\n<!-- pagebreak -->\n\n---\n\n```lines 4\n```\n")
	if len(bs) != 5 {
		t.Fatalf("blocks: %+v", bs)
	}
	if c, ok := bs[0].(Code); !ok || c.Language != "go" || c.Text != "fmt.Println(\"x\")" {
		t.Errorf("code: %+v", bs[0])
	}
	if c, ok := bs[1].(Code); !ok || !strings.Contains(c.Text, "<div>") {
		t.Errorf("HTML is printed as written: %+v", bs[1])
	}
	if _, ok := bs[2].(PageBreak); !ok {
		t.Errorf("page break: %+v", bs[2])
	}
	if _, ok := bs[3].(Rule); !ok {
		t.Errorf("rule: %+v", bs[3])
	}
	if a, ok := bs[4].(AnswerLines); !ok || a.Count != 4 {
		t.Errorf("answer lines: %+v", bs[4])
	}

	bs = blocks("> [!WARNING]\n> Careful – really.\n\n> Quoted.\n")
	if c, ok := bs[0].(Callout); !ok || c.Label != "Warning" || plain(c.Lead) != "Careful – really." {
		t.Errorf("call-out: %+v", bs[0])
	}
	if _, ok := bs[1].(Quote); !ok {
		t.Errorf("quote: %+v", bs[1])
	}

	bs = blocks("3. third\n4. fourth\n\n1) one\n\n- [@a; @b] cited\n")
	if l, ok := bs[0].(List); !ok || !l.Ordered || l.Start != 3 || l.Delimiter != '.' || len(l.Items) != 2 {
		t.Errorf("ordered list: %+v", bs[0])
	}
	if l, ok := bs[1].(List); !ok || l.Delimiter != ')' {
		t.Errorf("list with ')': %+v", bs[1])
	}
	if r := allRuns(bs[2:])[0]; r.Kind != RunCitation || r.Text != "a;b" {
		t.Errorf("citation: %+v", r)
	}

	bs = blocks("| a | b |\n|:---|---:|\n| `c` | d – e |\n")
	if tb, ok := bs[0].(Table); !ok || len(tb.Rows) != 2 || !tb.Rows[0].Header || tb.Align[1] != AlignRight || !tb.Rows[1].Cells[0].Text[0].Code || plain(tb.Rows[1].Cells[1].Text) != "d – e" {
		t.Errorf("table: %+v", bs[0])
	}

	bs = blocks("Term\n: Its definition.\n: Another.\n")
	if g, ok := bs[0].(Glossary); !ok || len(g.Entries) != 1 || plain(g.Entries[0].Term) != "Term" || len(g.Entries[0].Definitions) != 2 {
		t.Errorf("glossary: %+v", bs[0])
	}

	runs = allRuns(blocks("Before [pendant]{lang=fr} after.\n"))
	if len(runs) != 3 || runs[0].Lang != "" || runs[1].Lang != "fr" || runs[1].Text != "pendant" || runs[2].Lang != "" {
		t.Errorf("a passage in another language: %+v", runs)
	}
}
