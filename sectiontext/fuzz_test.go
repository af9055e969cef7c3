package sectiontext_test

import (
	"reflect"
	"strings"
	"testing"

	st "github.com/briefsmith/briefsmith/sectiontext"
)

// FuzzWriteParse builds a model from the fuzz bytes (not Markdown) and
// checks that Parse reads Write's text back as the model, normalized:
// the writer is canonical and loses nothing the model holds.
func FuzzWriteParse(f *testing.F) {
	for _, seed := range []string{
		"", "\x00", "\x01\x02\x03\x04\x05\x06\x07\x08", "hello, world",
		"\x02\x05\x09\x11\x13\x17\x1d\x1f\x25\x29\x2b\x2f",
		strings.Repeat("\x03\xff\x10", 20), strings.Repeat("\x0b\x07\x01\x63", 30),
		"\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04\x04",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := (&gen{data: data}).body()
		md := st.Write(m)
		got := st.Parse(md)
		want := st.Normalize(m)
		if !equalBodies(got, want) {
			t.Fatalf("Parse(Write(m)) != Normalize(m)\nmarkdown:\n%s\ngot:  %#v\nwant: %#v", md, got, want)
		}
		if again := st.Write(got); again != md {
			t.Fatalf("Write is not stable:\nfirst:\n%s\nsecond:\n%s", md, again)
		}
	})
}

func equalBodies(a, b st.Body) bool { return reflect.DeepEqual(a, b) }

// gen draws a model from bytes; past their end every draw is 0, so any
// input makes a small, finite model.
type gen struct {
	data  []byte
	i     int
	depth int
	notes []string // footnote labels defined so far
}

func (g *gen) byte() byte {
	if g.i >= len(g.data) {
		return 0
	}
	g.i++
	return g.data[g.i-1]
}

// n draws a number below k.
func (g *gen) n(k int) int { return int(g.byte()) % k }

func (g *gen) pick(s []string) string { return s[g.n(len(s))] }

var (
	words  = []string{"a", "brief", "Order", "x1", "é", "über", "9"}
	chars  = []string{"a", "b", " ", "#", "*", "_", "|", "[", "]", "\\", "`", "{", "}", "<", ">", "&", "amp;", "!", "-", "+", "=", ":", ".", "1", ")", "(", "@", "/", "~", "\"", "'", "www", "é", "—", "^", "$", "%", "?"}
	fields = []string{"title", "order_number", "client", "x"}
	kinds  = []st.CalloutKind{st.Takeaway, st.Key, st.Note, st.Tip, st.Warning, st.Question}
)

func (g *gen) body() st.Body {
	var b st.Body
	for k := g.n(4); k > 0; k-- {
		label := "n" + string(rune('0'+len(g.notes)))
		g.notes = append(g.notes, label)
		b.Notes = append(b.Notes, st.Footnote{Label: label, Blocks: []st.Block{st.Paragraph{Inlines: g.inlines(false, 1)}}})
	}
	b.Blocks = g.blocks(1 + g.n(6))
	return b
}

func (g *gen) blocks(n int) []st.Block {
	var out []st.Block
	for ; n > 0; n-- {
		x := g.block()
		if len(out) > 0 {
			if merges(out[len(out)-1], x) {
				x = st.Paragraph{Inlines: []st.Inline{st.Text{Text: "between"}}}
			}
		}
		out = append(out, x)
	}
	return out
}

// merges reports whether two blocks written one after the other read as
// one (two lists, two glossaries), which the editor never makes.
func merges(a, b st.Block) bool {
	_, la := a.(st.List)
	_, lb := b.(st.List)
	_, ga := a.(st.Glossary)
	_, gb := b.(st.Glossary)
	return (la || ga) && (lb || gb)
}

func (g *gen) block() st.Block {
	k := g.n(14)
	if g.depth >= 3 && k >= 2 && k <= 5 {
		k = 0
	}
	g.depth++
	defer func() { g.depth-- }()
	switch k {
	case 1:
		return st.Heading{Level: 1 + g.n(7), Inlines: g.inlines(true, 0)}
	case 2:
		l := st.List{Ordered: g.n(2) == 1, Tight: g.n(2) == 1}
		if l.Ordered {
			l.Start, l.Delimiter = g.n(12), st.Delimiter(".)"[g.n(2)])
		}
		for k := 1 + g.n(3); k > 0; k-- {
			it := st.Item{Blocks: []st.Block{st.Paragraph{Inlines: g.inlines(false, 0)}}}
			switch g.n(4) {
			case 1:
				// Not a glossary: goldmark reads a list item of a
				// paragraph, a blank line and a glossary as tight.
				it.Blocks = append(it.Blocks, []st.Block{st.Paragraph{Inlines: g.inlines(false, 0)},
					st.CodeBlock{Text: g.text(4, true)}, st.Quote{Blocks: g.blocks(1)}, st.AnswerLines{Count: 2}}[g.n(4)])
			case 2:
				it.Blocks = append(it.Blocks, st.List{Items: []st.Item{{Blocks: []st.Block{st.Paragraph{Inlines: g.inlines(false, 0)}}}}})
			}
			l.Items = append(l.Items, it)
		}
		return l
	case 3:
		return g.table()
	case 4:
		return st.Callout{Kind: kinds[g.n(len(kinds))], Lead: g.inlines(false, 0), Blocks: g.blocks(g.n(3))}
	case 5:
		return st.Quote{Blocks: g.blocks(g.n(3))}
	case 6:
		return st.AnswerLines{Count: g.n(45)}
	case 7:
		var gl st.Glossary
		for k := 1 + g.n(2); k > 0; k-- {
			e := st.GlossaryEntry{Term: g.inlines(true, 0)}
			for d := 1 + g.n(2); d > 0; d-- {
				e.Definitions = append(e.Definitions, []st.Block{st.Paragraph{Inlines: g.inlines(false, 0)}})
			}
			gl.Entries = append(gl.Entries, e)
		}
		return gl
	case 8:
		var lines []string
		for k := g.n(4); k > 0; k-- {
			lines = append(lines, g.text(8, true))
		}
		return st.CodeBlock{Language: []string{"", "go", "text"}[g.n(3)], Text: strings.Join(lines, "\n")}
	case 9:
		return st.HTMLBlock{Text: "<div>\n" + g.pick(words) + "\n</div>"}
	case 10:
		return st.PageBreak{}
	case 11:
		return st.Rule{}
	}
	return st.Paragraph{Inlines: g.inlines(false, 0)}
}

func (g *gen) table() st.Table {
	cols := 1 + g.n(3)
	t := st.Table{}
	for c := 0; c < cols; c++ {
		t.Align = append(t.Align, st.Align(g.n(4)))
	}
	for r := 1 + g.n(3); r > 0; r-- {
		row := st.Row{Header: len(t.Rows) == 0}
		for c := 0; c < cols; c++ {
			var in []st.Inline
			if g.n(3) > 0 {
				in = g.inlines(true, 0)
			}
			row.Cells = append(row.Cells, st.Cell{Inlines: in})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// text draws up to n pieces of text; code text has no "|" (a table reads
// it as a cell's end even in code).
func (g *gen) text(n int, code bool) string {
	var b strings.Builder
	for k := 1 + g.n(n); k > 0; k-- {
		s := g.pick(chars)
		if code && s == "|" {
			s = "/"
		}
		b.WriteString(s)
	}
	return b.String()
}

// inlines draws a sequence of inlines; oneLine forbids line breaks,
// depth counts the styles around it.
func (g *gen) inlines(oneLine bool, depth int) []st.Inline {
	var out []st.Inline
	for k := 1 + g.n(5); k > 0; k-- {
		x := g.inline(oneLine, depth)
		if len(out) > 0 && starred(out[len(out)-1]) && starred(x) {
			// "**a***b*" is ambiguous; the editor keeps text between.
			out = append(out, st.Text{Text: " "})
		}
		out = append(out, x)
	}
	return out
}

// starred reports whether x is written between asterisks.
func starred(x st.Inline) bool {
	switch x.(type) {
	case st.Bold, st.Italic:
		return true
	}
	return false
}

// word is text that can sit at the edge of a style.
func (g *gen) word() st.Inline { return st.Text{Text: g.pick(words)} }

func (g *gen) styled(depth int) []st.Inline {
	in := []st.Inline{g.word()}
	if g.n(2) == 1 {
		in = append(in, g.inline(true, depth+1), g.word())
	}
	return in
}

func (g *gen) inline(oneLine bool, depth int) st.Inline {
	k := g.n(18)
	if depth >= 2 && k >= 1 && k <= 5 {
		k = 0
	}
	switch k {
	case 1:
		return st.Bold{Inlines: g.styled(depth)}
	case 2:
		return st.Italic{Inlines: g.styled(depth)}
	case 3:
		return st.Strike{Inlines: g.styled(depth)}
	case 4:
		return st.Link{Destination: g.pick([]string{"https://example.com/a", "b.html", "https://e.org/x(1)", "a b", ""}),
			Inlines: []st.Inline{g.word()}}
	case 5:
		c := st.Conditional{Field: g.pick(fields), Then: g.styled(depth)}
		switch g.n(3) {
		case 1:
			c.Else = g.styled(depth)
		case 2:
			c.Else = []st.Inline{st.Conditional{Field: g.pick(fields), Then: g.styled(depth)}}
		}
		return c
	case 6:
		return st.Code{Text: g.text(5, true)}
	case 7:
		return st.Autolink{Address: g.pick([]string{"https://example.com/x", "someone@example.org"})}
	case 8:
		return st.Image{Alt: g.text(4, false), Destination: "img.png"}
	case 9, 10:
		if !oneLine && depth == 0 {
			if k == 9 {
				return st.SoftBreak{}
			}
			return st.HardBreak{}
		}
	case 11:
		if len(g.notes) > 0 && depth == 0 {
			return st.FootnoteRef{Label: g.notes[g.n(len(g.notes))]}
		}
	case 12:
		if depth == 0 {
			return st.Citation{IDs: []string{"article", "eo14110", "x-1"}[:1+g.n(3)]}
		}
	case 13:
		return st.Field{Name: g.pick(fields)}
	case 14:
		if depth == 0 {
			return st.Lang{Tag: g.pick([]string{"fr", "es-MX", "de"}), Inlines: g.styled(depth)}
		}
	}
	return st.Text{Text: g.text(6, false)}
}
