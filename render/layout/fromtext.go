package layout

import (
	"strconv"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// FromText builds the renderer's blocks from a filled section model
// (sectiontext.Fill): call-out labels, footnote numbers in the order of
// first reference, unsafe link addresses printed after their text (so
// nothing is hidden and nothing dangerous is clickable), and adjacent
// runs of one style as one run. The model's text is what prints, quotes
// and dashes already set. A body of template code cannot be converted
// (it must be run first) and gives nil.
func FromText(b sectiontext.Body) []Block {
	if b.TemplateCode {
		return nil
	}
	c := converter{notes: map[string]int{}}
	for i, n := range b.Notes {
		c.notes[n.Label] = i + 1
	}
	out := c.blocks(b.Blocks)
	if len(b.Notes) > 0 {
		var notes Notes
		for _, n := range b.Notes {
			notes.Items = append(notes.Items, Note{Label: n.Label, Blocks: c.blocks(n.Blocks)})
		}
		out = append(out, notes)
	}
	return out
}

// converter turns model blocks into layout blocks; notes numbers the
// footnotes by label.
type converter struct{ notes map[string]int }

func (c converter) blocks(in []sectiontext.Block) []Block {
	var out []Block
	for _, x := range in {
		out = append(out, c.block(x))
	}
	return out
}

func (c converter) block(x sectiontext.Block) Block {
	switch x := x.(type) {
	case sectiontext.Paragraph:
		return Paragraph{Text: c.runs(x.Inlines)}
	case sectiontext.Heading:
		return Heading{Level: x.Level, Text: c.runs(x.Inlines)}
	case sectiontext.List:
		l := List{Ordered: x.Ordered, Start: x.Start, Delimiter: byte(x.Delimiter), Tight: x.Tight}
		if !x.Ordered {
			l.Delimiter = '-' // the bullet Write spells
		}
		for _, it := range x.Items {
			l.Items = append(l.Items, ListItem{Blocks: c.blocks(it.Blocks)})
		}
		return l
	case sectiontext.Table:
		t := Table{}
		for _, a := range x.Align {
			t.Align = append(t.Align, map[sectiontext.Align]Align{
				sectiontext.AlignCenter: AlignCenter, sectiontext.AlignRight: AlignRight}[a])
		}
		for _, r := range x.Rows {
			row := TableRow{Header: r.Header}
			for _, cell := range r.Cells {
				row.Cells = append(row.Cells, TableCell{Text: c.runs(cell.Inlines)})
			}
			t.Rows = append(t.Rows, row)
		}
		return t
	case sectiontext.Callout:
		return Callout{Label: x.Kind.Label(), Lead: c.runs(x.Lead), Blocks: c.blocks(x.Blocks)}
	case sectiontext.Quote:
		return Quote{Blocks: c.blocks(x.Blocks)}
	case sectiontext.AnswerLines:
		return AnswerLines{Count: x.Count}
	case sectiontext.Glossary:
		var g Glossary
		for _, e := range x.Entries {
			ge := GlossaryEntry{Term: append([]Run{}, c.runs(e.Term)...)}
			for _, d := range e.Definitions {
				ge.Definitions = append(ge.Definitions, c.blocks(d))
			}
			g.Entries = append(g.Entries, ge)
		}
		return g
	case sectiontext.CodeBlock:
		return Code{Language: x.Language, Text: x.Text}
	case sectiontext.HTMLBlock:
		return Code{Text: x.Text}
	case sectiontext.PageBreak:
		return PageBreak{}
	case sectiontext.Rule:
		return Rule{}
	}
	return Paragraph{}
}

// runs converts one block's inline text.
func (c converter) runs(in []sectiontext.Inline) []Run {
	var out []Run
	add := func(r Run) {
		if k := len(out) - 1; k >= 0 && r.Kind == RunText && out[k].Kind == RunText &&
			out[k].Strong == r.Strong && out[k].Emphasis == r.Emphasis && out[k].Code == r.Code && out[k].Link == r.Link && out[k].Lang == r.Lang {
			out[k].Text += r.Text
			return
		}
		if r.Text != "" || r.Kind != RunText {
			out = append(out, r)
		}
	}
	var walk func([]sectiontext.Inline, Run)
	walk = func(in []sectiontext.Inline, base Run) {
		for _, x := range in {
			r := base
			switch x := x.(type) {
			case sectiontext.Text:
				r.Text = x.Text
				add(r)
			case sectiontext.Bold:
				r.Strong = true
				walk(x.Inlines, r)
			case sectiontext.Italic:
				r.Emphasis = true
				walk(x.Inlines, r)
			case sectiontext.Strike:
				walk(x.Inlines, r)
			case sectiontext.Lang:
				r.Lang = x.Tag
				walk(x.Inlines, r)
			case sectiontext.Code:
				r.Code, r.Text = true, x.Text
				add(r)
			case sectiontext.Link:
				if SafeLink(x.Destination) {
					r.Link = x.Destination
					walk(x.Inlines, r)
					continue
				}
				// Nothing hidden, nothing dangerous clickable.
				walk(x.Inlines, base)
				if x.Destination != "" {
					r.Text = " (" + x.Destination + ")"
					add(r)
				}
			case sectiontext.Autolink:
				if u := autolinkURL(x.Address); SafeLink(u) {
					r.Link = u
				}
				r.Text = x.Address
				add(r)
			case sectiontext.Image:
				r.Kind, r.Target, r.Link = RunImage, x.Destination, ""
				r.Text = strings.Join(strings.Fields(x.Alt), " ")
				add(r)
			case sectiontext.SoftBreak:
				r.Kind, r.Text = RunSoftBreak, " "
				add(r)
			case sectiontext.HardBreak:
				r.Kind, r.Text = RunHardBreak, "\n"
				add(r)
			case sectiontext.FootnoteRef:
				n := c.notes[x.Label]
				r.Kind, r.Note, r.Link, r.Text = RunFootnoteRef, n, "", strconv.Itoa(n)
				add(r)
			case sectiontext.Citation:
				r.Kind, r.Link, r.Text = RunCitation, "", strings.Join(x.IDs, ";")
				add(r)
			case sectiontext.Field:
				// Fill leaves only fields nothing sets, which printing
				// refuses; shown as written.
				r.Text = "{{." + x.Name + "}}"
				add(r)
			case sectiontext.Conditional:
				walk(x.Then, base)
			}
		}
	}
	walk(in, Run{})
	return out
}

// autolinkURL is where an address written as itself goes, as goldmark
// reads it: "www." over http, anything else as written (so an e-mail
// address, having no scheme, is not clickable, as today).
func autolinkURL(addr string) string {
	if strings.HasPrefix(strings.ToLower(addr), "www.") {
		return "http://" + addr
	}
	return addr
}
