package layout

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/sectiontext"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FromText builds the renderer's blocks from a filled section model
// (sectiontext.Fill), giving what ParseMarkdown gives for the same
// text, so the page does not depend on which of the two built it: call-out
// labels, footnote numbers in the order of first reference, unsafe link
// addresses printed after their text, and the typographer's quotes and
// dashes. Adjacent runs of one style come as one run, where goldmark's
// parse leaves them in the pieces its parser happened to cut. A body of
// template code cannot be converted (it must be run first) and gives nil.
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
	set := typeset(in)
	var out []Run
	add := func(r Run) {
		if k := len(out) - 1; k >= 0 && r.Kind == RunText && out[k].Kind == RunText &&
			out[k].Strong == r.Strong && out[k].Emphasis == r.Emphasis && out[k].Code == r.Code && out[k].Link == r.Link {
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
				r.Text = set.text(x.Text)
				add(r)
			case sectiontext.Bold:
				r.Strong = true
				walk(x.Inlines, r)
			case sectiontext.Italic:
				r.Emphasis = true
				walk(x.Inlines, r)
			case sectiontext.Strike:
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
				r.Text = strings.Join(strings.Fields(set.text(x.Alt)), " ")
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

// The Markdown parse sets straight quotes, "--", "---", "..." and ">>" as
// typographic characters, deciding by the source characters around each
// (a "*" of bold beside a quote counts). typeset asks goldmark's own
// typographer the same question over the text as Write spells it, so
// quotes next to bold or a link come out as the parse sets them.

// typographer is goldmark's typographer with the substitutions printing
// uses.
var typographer = extension.NewTypographerParser(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
	extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
	extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
	extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
	extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»", extension.Apostrophe: "’",
}))

// piece is a stretch of a block's source: markup, or one character of
// text (run is the index of its text in walk order, at the byte offset).
type piece struct {
	raw  string
	text bool
	esc  bool // written escaped, so never read as punctuation to set
	run  int
	at   int
}

// typesetText is a block's text runs with typographic characters set, in
// walk order.
type typesetText struct {
	out  []string
	next int
}

// text returns the next text run, set.
func (t *typesetText) text(orig string) string {
	if t.next >= len(t.out) {
		return orig
	}
	t.next++
	return t.out[t.next-1]
}

// typeset sets the typographic characters of one block's inline text.
func typeset(in []sectiontext.Inline) *typesetText {
	var pieces []piece
	var texts []string
	lineStart := true
	mark := func(s string) {
		pieces = append(pieces, piece{raw: s})
		lineStart = strings.HasSuffix(s, "\n")
	}
	addText := func(s string) {
		run := len(texts)
		texts = append(texts, s)
		// Write escapes the "." or ")" after digits that begin a line.
		digitsEnd := -1
		if lineStart {
			k := 0
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k > 0 && k < len(s) {
				digitsEnd = k
			}
		}
		for i, r := range s {
			raw := string(r)
			esc := strings.ContainsRune("\\`*_[]<|~#&{", r) || (i == 0 && lineStart && strings.ContainsRune("-+>=:", r)) ||
				(i == digitsEnd && (r == '.' || r == ')'))
			if esc {
				raw = "\\" + raw
			}
			pieces = append(pieces, piece{raw: raw, text: true, esc: esc, run: run, at: i})
		}
		if s != "" {
			lineStart = false
		}
	}
	var walk func([]sectiontext.Inline)
	walk = func(in []sectiontext.Inline) {
		for _, x := range in {
			switch x := x.(type) {
			case sectiontext.Text:
				addText(x.Text)
			case sectiontext.Bold:
				mark("**")
				walk(x.Inlines)
				mark("**")
			case sectiontext.Italic:
				mark("*")
				walk(x.Inlines)
				mark("*")
			case sectiontext.Strike:
				mark("~~")
				walk(x.Inlines)
				mark("~~")
			case sectiontext.Code:
				mark("`" + x.Text + "`")
			case sectiontext.Link:
				mark("[")
				walk(x.Inlines)
				mark("](" + x.Destination + ")")
			case sectiontext.Autolink:
				mark("<" + x.Address + ">")
			case sectiontext.Image:
				mark("![")
				addText(x.Alt)
				mark("](" + x.Destination + ")")
			case sectiontext.SoftBreak:
				mark("\n")
			case sectiontext.HardBreak:
				mark("\\\n")
			case sectiontext.FootnoteRef:
				mark("[^" + x.Label + "]")
			case sectiontext.Citation:
				mark("[@" + strings.Join(x.IDs, "; @") + "]")
			case sectiontext.Field:
				mark("{{." + x.Name + "}}")
			case sectiontext.Conditional:
				walk(x.Then)
			}
		}
	}
	walk(in)

	// subst[i] replaces the text piece i; consumed pieces become "".
	subst := map[int]string{}
	pc := parser.NewContext()
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if !p.text || p.esc || !strings.ContainsAny(p.raw, `'"-.>`) {
			continue
		}
		before := '\n'
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(pieces[i-1].raw)
		}
		// Enough of the line for the typographer to decide: the run of
		// this character and a few characters past it.
		var line strings.Builder
		for j := i; j < len(pieces) && (line.Len() < 8 || pieces[j].raw == p.raw); j++ {
			line.WriteString(pieces[j].raw)
			if strings.HasSuffix(pieces[j].raw, "\n") {
				break
			}
		}
		lead := string(before)
		reader := text.NewReader([]byte(lead + line.String()))
		reader.Advance(len(lead))
		node := typographer.Parse(nil, reader, pc)
		s, ok := node.(*ast.String)
		if !ok {
			continue
		}
		_, pos := reader.Position()
		used := pos.Start - len(lead)
		subst[i] = string(s.Value)
		for k := 1; k < used && i+k < len(pieces); k++ {
			subst[i+k] = ""
		}
		i += used - 1
	}
	out := append([]string(nil), texts...)
	if len(subst) > 0 {
		bufs := make([]strings.Builder, len(texts))
		for i, p := range pieces {
			if !p.text {
				continue
			}
			if s, ok := subst[i]; ok {
				bufs[p.run].WriteString(s)
			} else {
				r, _ := utf8.DecodeRuneInString(texts[p.run][p.at:])
				bufs[p.run].WriteRune(r)
			}
		}
		for i := range out {
			out[i] = bufs[i].String()
		}
	}
	return &typesetText{out: out}
}
