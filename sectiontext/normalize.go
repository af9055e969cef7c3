package sectiontext

import (
	"strings"
)

// Normalize returns b in the one form Parse gives for it: what Markdown
// cannot tell apart is made the same, so Parse(Write(m)) equals
// Normalize(m). In inline text:
//
//   - adjacent text runs are one run, and empty runs and styles around
//     nothing go;
//   - adjacent code runs are one;
//   - bold inside bold (italic inside italic, strike inside strike) is
//     plain bold, and adjacent runs of one style are one run;
//   - spaces at the edges of bold, italic and struck text move outside it;
//   - a "\n" in text is a soft line break; breaks never begin or end a
//     block's text, and several in a row are one (hard if any is);
//   - spaces at the start and end of a block's text and around line
//     breaks go, as Markdown drops them (spaces before a hard break stay);
//   - in headings, table cells, glossary terms and image descriptions a
//     line break is a space, since those are one line.
//
// In blocks: empty paragraphs, list items, lists, glossary entries and
// tables go; heading levels are 1–6; answer lines 1–40; a table has one
// header row first and every row as wide as its columns; a list is tight
// when it cannot be loose (one item of one block) and loose when it cannot
// be tight (an item of several blocks other than a paragraph and its
// sub-list); code text ends without a newline, and a line of spaces in
// it is empty; footnotes no reference
// names are dropped (they never print). Normalize does not separate two
// adjacent lists of one kind or two adjacent glossaries, which Markdown
// reads as one; the editor must not make them.
func Normalize(b Body) Body {
	if b.TemplateCode {
		return b
	}
	out := Body{Blocks: normBlocks(b.Blocks)}
	// Notes print in the order of their first reference: the body's,
	// then those in the notes themselves, as Markdown numbers them.
	byLabel := map[string][]Block{}
	for _, n := range b.Notes {
		if _, dup := byLabel[n.Label]; !dup {
			byLabel[n.Label] = normBlocks(n.Blocks)
		}
	}
	var order []string
	seen := map[string]bool{}
	visit := func(bs []Block) {
		for _, l := range refsIn(bs) {
			if _, defined := byLabel[l]; defined && !seen[l] {
				seen[l] = true
				order = append(order, l)
			}
		}
	}
	visit(out.Blocks)
	for i := 0; i < len(order); i++ {
		visit(byLabel[order[i]])
	}
	for _, l := range order {
		out.Notes = append(out.Notes, Footnote{Label: l, Blocks: byLabel[l]})
	}
	return out
}

func normBlocks(in []Block) []Block {
	var out []Block
	for _, x := range in {
		if y, ok := normBlock(x); ok {
			out = append(out, y)
		}
	}
	return out
}

// normBlock normalizes one block; ok is false when nothing is left of it.
func normBlock(x Block) (Block, bool) {
	switch x := x.(type) {
	case Paragraph:
		t := normText(x.Inlines, false)
		return Paragraph{t}, len(t) > 0
	case Heading:
		return Heading{Level: min(max(x.Level, 1), 6), Inlines: normText(x.Inlines, true)}, true
	case List:
		l := List{Ordered: x.Ordered, Tight: x.Tight}
		if l.Ordered {
			l.Start, l.Delimiter = min(max(x.Start, 0), 999_999_999), x.Delimiter
			if l.Delimiter != Paren {
				l.Delimiter = Period
			}
		}
		for _, it := range x.Items {
			if bs := normBlocks(it.Blocks); len(bs) > 0 {
				l.Items = append(l.Items, Item{bs})
			}
		}
		if len(l.Items) == 0 {
			return nil, false
		}
		if len(l.Items) == 1 && len(l.Items[0].Blocks) == 1 {
			l.Tight = true
		}
		for _, it := range l.Items {
			if !tightItem(it) {
				l.Tight = false
			}
		}
		return l, true
	case Table:
		return normTable(x)
	case Callout:
		if !x.Kind.Valid() {
			return normBlock(Quote{Blocks: append([]Block{Paragraph{x.Lead}}, x.Blocks...)})
		}
		return Callout{Kind: x.Kind, Lead: normText(x.Lead, false), Blocks: normBlocks(x.Blocks)}, true
	case AnswerLines:
		if x.Count < 1 {
			x.Count = DefaultAnswerLines
		}
		return AnswerLines{min(x.Count, MaxAnswerLines)}, true
	case Glossary:
		var g Glossary
		for _, e := range x.Entries {
			term := normText(e.Term, true)
			var defs [][]Block
			for _, d := range e.Definitions {
				if bs := normBlocks(d); len(bs) > 0 {
					defs = append(defs, bs)
				}
			}
			if len(term) > 0 && len(defs) > 0 {
				g.Entries = append(g.Entries, GlossaryEntry{Term: term, Definitions: defs})
			}
		}
		return g, len(g.Entries) > 0
	case CodeBlock:
		lang := x.Language
		if f := strings.Fields(lang); len(f) > 0 {
			lang = f[0]
		} else {
			lang = ""
		}
		// A line of spaces alone is blank inside a list or quote.
		lines := strings.Split(x.Text, "\n")
		for i, l := range lines {
			if strings.TrimLeft(l, " \t") == "" {
				lines[i] = ""
			}
		}
		return CodeBlock{Language: lang, Text: strings.TrimRight(strings.Join(lines, "\n"), "\n")}, true
	case HTMLBlock:
		return HTMLBlock{strings.TrimRight(x.Text, "\n")}, true
	case Quote:
		return Quote{normBlocks(x.Blocks)}, true
	case PageBreak, Rule:
		return x, true
	}
	return nil, false
}

// tightItem reports whether it can be written without blank lines: a
// paragraph alone or followed by its sub-list.
func tightItem(it Item) bool {
	switch len(it.Blocks) {
	case 1:
		return true
	case 2:
		_, p := it.Blocks[0].(Paragraph)
		_, l := it.Blocks[1].(List)
		return p && l
	}
	return false
}

func normTable(x Table) (Block, bool) {
	cols := len(x.Align)
	if cols == 0 || len(x.Rows) == 0 {
		return nil, false
	}
	t := Table{Align: make([]Align, cols)}
	for i, a := range x.Align {
		if a >= AlignNone && a <= AlignRight {
			t.Align[i] = a
		}
	}
	for i, r := range x.Rows {
		row := Row{Header: i == 0, Cells: make([]Cell, cols)}
		for j := 0; j < cols && j < len(r.Cells); j++ {
			row.Cells[j] = Cell{normText(r.Cells[j].Inlines, true)}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, true
}

// FootnoteRefs lists the footnote labels bs refers to, in order, with
// repeats: an editor shows the notes a body refers to, as the page does.
func FootnoteRefs(bs []Block) []string { return refsIn(bs) }

// refsIn lists the footnote labels bs refers to, in order.
func refsIn(bs []Block) []string {
	var out []string
	var inl func([]Inline)
	inl = func(in []Inline) {
		for _, x := range in {
			switch x := x.(type) {
			case FootnoteRef:
				out = append(out, x.Label)
			case Conditional:
				inl(x.Then)
				inl(x.Else)
			default:
				inl(nested(x))
			}
		}
	}
	eachText(bs, inl)
	return out
}

// eachText calls f with every inline sequence directly in bs and the
// blocks inside them.
func eachText(bs []Block, f func([]Inline)) {
	for _, x := range bs {
		switch x := x.(type) {
		case Paragraph:
			f(x.Inlines)
		case Heading:
			f(x.Inlines)
		case List:
			for _, it := range x.Items {
				eachText(it.Blocks, f)
			}
		case Table:
			for _, r := range x.Rows {
				for _, c := range r.Cells {
					f(c.Inlines)
				}
			}
		case Callout:
			f(x.Lead)
			eachText(x.Blocks, f)
		case Glossary:
			for _, e := range x.Entries {
				f(e.Term)
				for _, d := range e.Definitions {
					eachText(d, f)
				}
			}
		case Quote:
			eachText(x.Blocks, f)
		}
	}
}
