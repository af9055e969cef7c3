package sectiontext

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// inlines reads n's inline children, merges adjacent text (goldmark
// splits it where its parsers looked and found nothing) and resolves the
// template markers in them.
func (b *builder) inlines(n ast.Node) []Inline {
	out, ok := b.low.resolveMarkers(mergeText(b.collect(n)))
	if !ok {
		b.failed = true
	}
	return out
}

// collect reads n's inline children.
func (b *builder) collect(n ast.Node) []Inline {
	var kids []ast.Node
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		kids = append(kids, ch)
	}
	return b.collectNodes(kids)
}

// collectNodes reads a sequence of inline nodes, finding passages in
// another language in their text (see langs).
func (b *builder) collectNodes(kids []ast.Node) []Inline {
	if b.hasLangClose(kids) {
		return b.langs(kids)
	}
	var out []Inline
	src := b.src
	for _, ch := range kids {
		switch ch := ch.(type) {
		case *ast.Text:
			out = append(out, Text{inlineText(ch.Segment.Value(src))})
			if ch.HardLineBreak() {
				out = append(out, HardBreak{})
			} else if ch.SoftLineBreak() {
				out = append(out, SoftBreak{})
			}
		case *ast.String:
			out = append(out, Text{string(ch.Value)})
		case *ast.CodeSpan:
			var s strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					s.Write(tx.Segment.Value(src))
				}
			}
			out = append(out, Code{s.String()})
		case *ast.Emphasis:
			if ch.Level >= 2 {
				out = append(out, Bold{b.inlines(ch)})
			} else {
				out = append(out, Italic{b.inlines(ch)})
			}
		case *east.Strikethrough:
			out = append(out, Strike{b.inlines(ch)})
		case *ast.Link:
			out = append(out, Link{Destination: string(ch.Destination), Inlines: b.inlines(ch)})
		case *ast.AutoLink:
			out = append(out, Autolink{string(ch.Label(src))})
		case *ast.Image:
			out = append(out, Image{Alt: plainText(b.collect(ch)), Destination: string(ch.Destination)})
		case *east.FootnoteLink:
			out = append(out, FootnoteRef{b.notes[ch.Index]})
		case *east.FootnoteBacklink:
		case *citation:
			out = append(out, Citation{ch.ids})
		case *ast.RawHTML:
			// Inline HTML prints as the text it is.
			for i := 0; i < ch.Segments.Len(); i++ {
				seg := ch.Segments.At(i)
				out = append(out, Text{string(seg.Value(src))})
			}
		default:
			out = append(out, b.collect(ch)...)
		}
	}
	return out
}

// mergeText joins adjacent text runs and drops empty ones.
func mergeText(in []Inline) []Inline {
	var out []Inline
	for _, x := range in {
		t, ok := x.(Text)
		if !ok {
			out = append(out, x)
			continue
		}
		if t.Text == "" {
			continue
		}
		if k := len(out) - 1; k >= 0 {
			if prev, ok := out[k].(Text); ok {
				out[k] = Text{prev.Text + t.Text}
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// inlineText resolves Markdown escapes and character references.
func inlineText(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

// plainText is the text of runs, spaces collapsed: an image's
// description, as printing shows it.
func plainText(in []Inline) string {
	var b strings.Builder
	var walk func([]Inline)
	walk = func(in []Inline) {
		for _, x := range in {
			switch x := x.(type) {
			case Text:
				b.WriteString(x.Text)
			case Code:
				b.WriteString(x.Text)
			case SoftBreak:
				b.WriteString(" ")
			case HardBreak:
				b.WriteString("\n")
			case Autolink:
				b.WriteString(x.Address)
			case Bold:
				walk(x.Inlines)
			case Italic:
				walk(x.Inlines)
			case Strike:
				walk(x.Inlines)
			case Link:
				walk(x.Inlines)
			case Lang:
				walk(x.Inlines)
			}
		}
	}
	walk(in)
	return strings.Join(strings.Fields(b.String()), " ")
}

// Citations are written as Pandoc writes them: "[@id]" or "[@a; @b]".
// Ids start with a letter or digit and may hold "_-.:/" inside.
var citationPattern = regexp.MustCompile(`^\[@[\pL\pN][\pL\pN_.:/-]*(?:\s*;\s*@[\pL\pN][\pL\pN_.:/-]*)*\]`)

// citation is the inline node a citation parses to.
type citation struct {
	ast.BaseInline
	ids []string
}

var kindCitation = ast.NewNodeKind("SectionCitation")

// Kind implements ast.Node.
func (c *citation) Kind() ast.NodeKind { return kindCitation }

// Dump implements ast.Node.
func (c *citation) Dump(src []byte, level int) {
	ast.DumpHelper(c, src, level, map[string]string{"ids": strings.Join(c.ids, ";")}, nil)
}

// citationParser reads citations ahead of the link and footnote parsers,
// which would otherwise take the brackets.
type citationParser struct{}

// Trigger implements parser.InlineParser.
func (citationParser) Trigger() []byte { return []byte{'['} }

// Parse implements parser.InlineParser.
func (citationParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 3 || line[1] != '@' {
		return nil
	}
	m := citationPattern.Find(line)
	if m == nil {
		return nil
	}
	block.Advance(len(m))
	return &citation{ids: splitCitation(string(m))}
}

// holdsRune reports whether any text of b holds r: a template marker
// left where the model cannot show it.
func holdsRune(b Body, r rune) bool {
	found := false
	see := func(s string) {
		if !found && strings.ContainsRune(s, r) {
			found = true
		}
	}
	walkStrings(b, see)
	return found
}

// walkStrings calls f with every string the model of b holds.
func walkStrings(b Body, f func(string)) {
	var inl func([]Inline)
	inl = func(in []Inline) {
		for _, x := range in {
			switch x := x.(type) {
			case Text:
				f(x.Text)
			case Code:
				f(x.Text)
			case Link:
				f(x.Destination)
			case Lang:
				f(x.Tag)
			case Autolink:
				f(x.Address)
			case Image:
				f(x.Alt)
				f(x.Destination)
			case FootnoteRef:
				f(x.Label)
			case Citation:
				for _, id := range x.IDs {
					f(id)
				}
			case Field:
				f(x.Name)
			case Conditional:
				f(x.Field)
				inl(x.Then)
				inl(x.Else)
			}
			inl(nested(x))
		}
	}
	// Code and HTML hold text too, which eachText leaves alone.
	var code func([]Block)
	code = func(bs []Block) {
		for _, x := range bs {
			switch x := x.(type) {
			case CodeBlock:
				f(x.Language)
				f(x.Text)
			case HTMLBlock:
				f(x.Text)
			case List:
				for _, it := range x.Items {
					code(it.Blocks)
				}
			case Callout:
				code(x.Blocks)
			case Glossary:
				for _, e := range x.Entries {
					for _, d := range e.Definitions {
						code(d)
					}
				}
			case Quote:
				code(x.Blocks)
			}
		}
	}
	eachText(b.Blocks, inl)
	code(b.Blocks)
	for _, n := range b.Notes {
		f(n.Label)
		eachText(n.Blocks, inl)
		code(n.Blocks)
	}
}
