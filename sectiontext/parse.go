package sectiontext

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md reads the Markdown subset of section text. Its typographer sets
// straight quotes, "--", "---", "..." and "<<"/">>" as the characters a
// printed brief has, as real characters rather than the HTML entities it
// defaults to: the model holds what prints, so a quote the author
// escaped ("\'") stays straight, and writing and reading again changes
// nothing.
var md = goldmark.New(
	goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(citationParser{}, 100))),
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify,
		extension.DefinitionList, extension.Footnote,
		extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
			extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
			extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
			extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»", extension.Apostrophe: "’",
		}))))

// Parse reads a section body: Markdown with the template subset the model
// shows. Every body parses; one whose template code the model cannot show
// comes back with TemplateCode set and Source holding it. The caller
// bounds the body's shape first, as for printing (goldmark is slow on some
// hostile shapes); Parse itself never panics.
func Parse(body string) (out Body) {
	defer func() {
		if recover() != nil {
			out = Body{TemplateCode: true, Source: body}
		}
	}()
	l, ok := lowerTemplate(body)
	if !ok {
		return Body{TemplateCode: true, Source: body}
	}
	return parseLowered(body, l)
}

// ParseFilled reads Markdown whose template code has already run: a body
// the model keeps as template code, filled for printing. Braces in it are
// text, as the filled text prints them; it is never template code.
func ParseFilled(markdown string) (out Body) {
	defer func() {
		if recover() != nil {
			out = Body{Blocks: []Block{CodeBlock{Text: markdown}}}
		}
	}()
	return parseLowered(markdown, lowered{markdown: markdown})
}

// parseLowered parses l, the lowered form of body.
func parseLowered(body string, l lowered) (out Body) {
	src := []byte(l.markdown)
	root := md.Parser().Parse(text.NewReader(src))
	b := builder{src: src, low: &l, notes: map[int]string{}}
	// Footnote references carry the note's number; the model names
	// notes by label, so the numbers are looked up first.
	for n := root.LastChild(); n != nil; n = n.PreviousSibling() {
		if list, isList := n.(*east.FootnoteList); isList {
			for fn := list.FirstChild(); fn != nil; fn = fn.NextSibling() {
				if f, isNote := fn.(*east.Footnote); isNote {
					b.notes[f.Index] = string(f.Ref)
				}
			}
		}
	}
	out.Blocks = b.children(root, &out)
	if b.failed || (l.mark != 0 && holdsRune(out, l.mark)) {
		return Body{TemplateCode: true, Source: body}
	}
	return out
}

// builder turns goldmark's tree into the model; src is the text its
// segments point into.
type builder struct {
	src    []byte
	low    *lowered
	notes  map[int]string // footnote number → label
	failed bool           // a conditional did not close where it opened
}

func (b *builder) children(n ast.Node, body *Body) []Block {
	var out []Block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = b.block(ch, out, body)
	}
	return out
}

// block appends the blocks n becomes to out; footnote definitions go to
// body.Notes (nil inside a footnote, where none can be).
func (b *builder) block(n ast.Node, out []Block, body *Body) []Block {
	switch n := n.(type) {
	case *ast.Heading:
		return append(out, Heading{Level: n.Level, Inlines: b.inlines(n)})
	case *ast.Paragraph, *ast.TextBlock:
		return append(out, Paragraph{Inlines: b.inlines(n)})
	case *ast.List:
		l := List{Ordered: n.IsOrdered(), Tight: n.IsTight}
		if l.Ordered {
			l.Start, l.Delimiter = n.Start, Delimiter(n.Marker)
		}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			l.Items = append(l.Items, Item{Blocks: b.children(item, body)})
		}
		return append(out, l)
	case *ast.Blockquote:
		if c, ok := b.callout(n, body); ok {
			return append(out, c)
		}
		return append(out, Quote{Blocks: b.children(n, body)})
	case *ast.FencedCodeBlock:
		lang := string(n.Language(b.src))
		if lang == "lines" {
			return append(out, AnswerLines{Count: answerLineCount(n, b.src)})
		}
		return append(out, CodeBlock{Language: lang, Text: strings.TrimRight(blockText(n, b.src), "\n")})
	case *ast.CodeBlock:
		return append(out, CodeBlock{Text: strings.TrimRight(blockText(n, b.src), "\n")})
	case *ast.HTMLBlock:
		t := blockText(n, b.src)
		if n.HasClosure() {
			t += string(n.ClosureLine.Value(b.src))
		}
		if strings.ToLower(strings.Join(strings.Fields(t), "")) == "<!--pagebreak-->" {
			return append(out, PageBreak{})
		}
		return append(out, HTMLBlock{Text: strings.TrimRight(t, "\n")})
	case *east.DefinitionList:
		var g Glossary
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *east.DefinitionTerm:
				g.Entries = append(g.Entries, GlossaryEntry{Term: b.inlines(ch)})
			case *east.DefinitionDescription:
				if len(g.Entries) == 0 {
					g.Entries = append(g.Entries, GlossaryEntry{})
				}
				e := &g.Entries[len(g.Entries)-1]
				e.Definitions = append(e.Definitions, b.children(ch, body))
			}
		}
		return append(out, g)
	case *ast.ThematicBreak:
		return append(out, Rule{})
	case *east.Table:
		return append(out, b.table(n))
	case *east.FootnoteList:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if fn, ok := ch.(*east.Footnote); ok && body != nil {
				body.Notes = append(body.Notes, Footnote{Label: string(fn.Ref), Blocks: b.children(fn, nil)})
			}
		}
		return out
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = b.block(ch, out, body)
	}
	return out
}

// callout reads a block quote whose first paragraph opens with a
// call-out marker, as printing reads it.
func (b *builder) callout(n *ast.Blockquote, body *Body) (Callout, bool) {
	first, ok := n.FirstChild().(*ast.Paragraph)
	if !ok || first.Lines().Len() == 0 {
		return Callout{}, false
	}
	seg := first.Lines().At(0)
	line := seg.Value(b.src)
	kind, size := calloutMarker(line)
	if !kind.Valid() {
		return Callout{}, false
	}
	c := Callout{Kind: kind, Lead: nilIfEmpty(stripLead(b.inlines(first), size))}
	for ch := first.NextSibling(); ch != nil; ch = ch.NextSibling() {
		c.Blocks = b.block(ch, c.Blocks, body)
	}
	return c, true
}

// calloutMarker reads "[!WORD]" at the start of line: the word, and the
// marker's length in bytes.
func calloutMarker(line []byte) (CalloutKind, int) {
	if len(line) < 4 || line[0] != '[' || line[1] != '!' {
		return "", 0
	}
	i := 2
	for i < len(line) && line[i] >= 'A' && line[i] <= 'Z' {
		i++
	}
	if i == 2 || i >= len(line) || line[i] != ']' {
		return "", 0
	}
	return CalloutKind(line[2:i]), i + 1
}

// stripLead removes the marker's n bytes from the start of a call-out's
// first paragraph, and the spaces and line break after it.
func stripLead(in []Inline, n int) []Inline {
	if len(in) == 0 {
		return nil
	}
	t, ok := in[0].(Text)
	if !ok || len(t.Text) < n {
		return in
	}
	rest := strings.TrimLeft(t.Text[n:], " \t")
	in = in[1:]
	if rest != "" {
		return append([]Inline{Text{rest}}, in...)
	}
	for len(in) > 0 {
		switch x := in[0].(type) {
		case SoftBreak, HardBreak:
			in = in[1:]
			continue
		case Text:
			if s := strings.TrimLeft(x.Text, " \t\n"); s != x.Text {
				in = in[1:]
				if s != "" {
					in = append([]Inline{Text{s}}, in...)
				}
				continue
			}
		}
		break
	}
	return in
}

func (b *builder) table(n *east.Table) Table {
	t := Table{}
	for _, a := range n.Alignments {
		switch a {
		case east.AlignLeft:
			t.Align = append(t.Align, AlignLeft)
		case east.AlignCenter:
			t.Align = append(t.Align, AlignCenter)
		case east.AlignRight:
			t.Align = append(t.Align, AlignRight)
		default:
			t.Align = append(t.Align, AlignNone)
		}
	}
	cols := len(t.Align)
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		_, header := row.(*east.TableHeader)
		r := Row{Header: header}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r.Cells = append(r.Cells, Cell{Inlines: b.inlines(cell)})
		}
		for len(r.Cells) < cols {
			r.Cells = append(r.Cells, Cell{})
		}
		r.Cells = r.Cells[:cols]
		t.Rows = append(t.Rows, r)
	}
	return t
}

// answerLineCount reads the count from "```lines N", as printing does.
func answerLineCount(n *ast.FencedCodeBlock, src []byte) int {
	if n.Info != nil {
		fields := strings.Fields(string(n.Info.Segment.Value(src)))
		if len(fields) > 1 {
			if v, err := strconv.Atoi(fields[1]); err == nil && v > 0 {
				return min(v, MaxAnswerLines)
			}
		}
	}
	return DefaultAnswerLines
}

func blockText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}
