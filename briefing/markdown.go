package briefing

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// md parses section bodies. The typographer turns straight quotes and
// dashes into the typographic ones a printed brief should have, as real
// characters rather than the HTML entities it defaults to.
var md = goldmark.New(goldmark.WithExtensions(
	extension.Table,
	extension.Strikethrough,
	extension.DefinitionList,
	extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
		extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
		extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
		extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
		extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»", extension.Apostrophe: "’",
	})),
))

// blockCtx is the state a block inherits from the blocks around it.
type blockCtx struct {
	indent float64
	quote  int    // block quote depth: a bar is drawn beside each line
	marker string // list marker printed beside the block's first line
	depth  int    // list nesting depth
	code   bool   // shade each line as a code block
	// callout shades each line and draws an accent bar: a key-takeaway or
	// note box that follows its text across page breaks.
	callout bool
}

func (r *renderer) body() style { return r.text(serif, false, r.base, black) }

// walk renders a block node and its children.
func (r *renderer) walk(n ast.Node, src []byte, c blockCtx) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n, src, c)
	case *ast.Paragraph, *ast.TextBlock:
		r.keepWithAnswerLines(n, src, c)
		r.block(r.inlines(n, src, r.body()), c, r.lh, r.lh*0.5)
	case *ast.List:
		r.keepWithAnswerLines(n, src, c)
		r.list(n, src, c)
	case *ast.Blockquote:
		if label, ok := calloutLabel(n, src); ok {
			r.callout(n, src, c, label)
			return
		}
		c.indent = r.capIndent(c.indent + 14)
		c.quote++
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			r.walk(ch, src, c)
			c.marker = ""
		}
	case *ast.FencedCodeBlock:
		if string(n.Language(src)) == "lines" {
			r.answerLines(n, src, c)
			return
		}
		r.codeBlock(n, src, c)
	case *ast.HTMLBlock:
		if isPageBreak(n, src) {
			if r.y > r.top {
				r.newPage()
			}
			return
		}
		r.codeBlock(n, src, c)
	case *east.DefinitionList:
		r.definitions(n, src, c)
	case *ast.CodeBlock:
		r.codeBlock(n, src, c)
	case *ast.ThematicBreak:
		r.need(r.lh)
		r.out.Line(r.left+c.indent, r.y+r.lh/2, r.right, r.y+r.lh/2, 0.75, rule, false)
		r.y += r.lh
	case *east.Table:
		r.table(n, src, c)
	default:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			r.walk(ch, src, c)
		}
	}
}

// codeBlock prints code, and raw HTML, as written in a shaded block:
// printing HTML is honest, dropping it would lose what the author typed.
func (r *renderer) codeBlock(n ast.Node, src []byte, c blockCtx) {
	st := r.text(mono, false, r.base-1.5, black)
	c.code = true
	lines := r.preLines(strings.TrimRight(blockText(n, src), "\n"), st, r.right-r.left-r.blockIndent(c))
	r.placeBlock(lines, st, c, (r.base-1.5)*1.35, r.lh*0.5)
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

// heading renders a heading inside a section body: one step below the
// section title, kept with the lines that follow it.
func (r *renderer) heading(n *ast.Heading, src []byte, c blockCtx) {
	size := r.base + 2.5
	if n.Level >= 3 {
		size = r.base + 1
	}
	st := r.text(sans, true, size, black)
	if n.Level <= 2 {
		st.color = r.accent
	}
	spans := r.inlines(n, src, st)
	lh := size * 1.3
	lines := r.breakLines(spans, r.right-r.left-c.indent)
	if r.y > r.top {
		r.y += r.lh * 0.6
	}
	r.need(float64(len(lines))*lh + r.keepHeight(n.NextSibling(), src, c))
	r.out.Bookmark(plainText(spans), 1, r.y)
	r.outline = append(r.outline, "  "+plainText(spans))
	r.drawLines(lines, c, lh)
	r.y += r.lh * 0.25
}

// list renders bullet and numbered lists; nested lists indent further and
// change bullet.
func (r *renderer) list(n *ast.List, src []byte, c blockCtx) {
	bullets := []string{"•", "–", "◦"}
	num := n.Start
	if num == 0 {
		num = 1
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		ic := c
		ic.depth = c.depth + 1
		if n.IsOrdered() {
			ic.marker = fmt.Sprintf("%d%c", num, n.Marker)
			num++
		} else {
			ic.marker = bullets[c.depth%len(bullets)]
		}
		for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				r.walk(ch, src, ic)
			default:
				// Nested lists, code, quotes and tables sit under the
				// item's text, not under its marker.
				cc := ic
				cc.indent = r.capIndent(ic.indent + markerWidth)
				if _, nested := ch.(*ast.List); !nested {
					cc.depth = 0
				}
				r.walk(ch, src, cc)
			}
			ic.marker = ""
		}
		if !n.IsTight {
			r.y += r.lh * 0.2
		}
	}
	if c.depth == 0 {
		r.y += r.lh * 0.3
	}
}

// markerWidth is the hanging indent of list items.
const markerWidth = 18

// maxQuoteBars is how many nested quote bars are drawn; deeper quotes
// (a hostile file may nest a thousand) share the last one.
const maxQuoteBars = 6

// capIndent stops indentation at half the text width, so deeply nested
// lists and quotes still leave room for their text.
func (r *renderer) capIndent(x float64) float64 {
	return min(x, (r.right-r.left)/2)
}

// block lays out and draws one paragraph-like block, then leaves after
// points of space below it.
func (r *renderer) block(spans []span, c blockCtx, lh, after float64) {
	st := r.body()
	if len(spans) > 0 {
		st = spans[0].st
	}
	r.placeBlock(r.breakLines(spans, r.right-r.left-r.blockIndent(c)), st, c, lh, after)
}

// blockIndent is where a block's text starts: list items leave room for
// their marker.
func (r *renderer) blockIndent(c blockCtx) float64 {
	if c.depth > 0 || c.marker != "" {
		return r.capIndent(c.indent + markerWidth)
	}
	return c.indent
}

// placeBlock draws a block's laid-out lines, with its list marker (set
// like st) beside the first, then leaves after points of space below.
func (r *renderer) placeBlock(lines []textLine, st style, c blockCtx, lh, after float64) {
	inner := c
	inner.indent = r.blockIndent(c)
	if len(lines) == 0 && c.marker == "" {
		return
	}
	// Never leave a paragraph's first line alone at the foot of a page.
	if len(lines) >= 2 {
		r.need(2 * lh)
	}
	if c.marker != "" {
		r.need(lh)
		st.link, st.internal, st.italic = "", 0, false
		st.color = black
		m := r.breakLines([]span{{c.marker, st}}, 1e6)[0]
		r.drawLine(m, r.left+c.indent, r.y, lh, markerWidth-5, "R")
	}
	if c.code {
		r.y += 2
	}
	r.drawLines(lines, inner, lh)
	if c.code {
		r.y += 2
	}
	if len(lines) == 0 {
		r.y += lh
	}
	r.shadeCallout(c, after)
}

// drawLines draws lines at the context's indent, breaking pages between
// lines and drawing quote bars and code shading beside each line so they
// follow the text across page breaks.
func (r *renderer) drawLines(lines []textLine, c blockCtx, lh float64) {
	for _, ln := range lines {
		r.need(lh)
		if c.callout {
			y := r.y
			r.shadeCallout(c, lh)
			r.y = y
		}
		if c.code {
			r.out.Fill(r.left+c.indent-4, r.y-2, r.right-r.left-c.indent+8, lh+4, rgb{0xf3, 0xf4, 0xf6})
		}
		for q := 0; q < min(c.quote, maxQuoteBars); q++ {
			r.out.Fill(r.left+float64(q)*14, r.y, 2.5, lh, r.accent.mix(0.55))
		}
		r.drawLine(ln, r.left+c.indent, r.y, lh, r.right-r.left-c.indent, "L")
		r.y += lh
	}
}

// paragraphLines draws plain spans at x across width, with no context:
// the cover and contents use it.
func (r *renderer) paragraphLines(spans []span, x, width, lh float64, align string) {
	for _, ln := range r.breakLines(spans, width) {
		r.need(lh)
		r.drawLine(ln, x, r.y, lh, width, align)
		r.y += lh
	}
}

// inlines flattens n's inline children into styled spans.
func (r *renderer) inlines(n ast.Node, src []byte, st style) []span {
	var out []span
	r.collect(n, src, st, &out)
	return out
}

func (r *renderer) collect(n ast.Node, src []byte, st style, out *[]span) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			*out = append(*out, span{inlineText(ch.Segment.Value(src)), st})
			if ch.HardLineBreak() {
				*out = append(*out, span{"\n", st})
			} else if ch.SoftLineBreak() {
				*out = append(*out, span{" ", st})
			}
		case *ast.String:
			*out = append(*out, span{string(ch.Value), st})
		case *ast.CodeSpan:
			cs := st
			cs.fam, cs.size = mono, st.size-1
			var b strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			*out = append(*out, span{b.String(), cs})
		case *ast.Emphasis:
			es := st
			if ch.Level >= 2 {
				es.bold = true
			} else {
				es.italic = true
			}
			r.collect(ch, src, es, out)
		case *ast.Link:
			r.link(ch, string(ch.Destination), src, st, out)
		case *ast.AutoLink:
			u := string(ch.URL(src))
			ls := st
			if safeLink(u) {
				ls.link, ls.color = u, linkBlue
			}
			*out = append(*out, span{string(ch.Label(src)), ls})
		case *ast.Image:
			is := st
			is.italic = true
			*out = append(*out, span{"[image: ", is})
			r.collect(ch, src, is, out)
			*out = append(*out, span{"]", is})
		case *ast.RawHTML:
			for i := 0; i < ch.Segments.Len(); i++ {
				seg := ch.Segments.At(i)
				*out = append(*out, span{string(seg.Value(src)), st})
			}
		default:
			r.collect(ch, src, st, out)
		}
	}
}

// link makes a link clickable only for http, https and mailto; any other
// destination is printed after the text so nothing is hidden.
func (r *renderer) link(n *ast.Link, dest string, src []byte, st style, out *[]span) {
	if safeLink(dest) {
		ls := st
		ls.link, ls.color = dest, linkBlue
		r.collect(n, src, ls, out)
		return
	}
	r.collect(n, src, st, out)
	if dest != "" {
		*out = append(*out, span{" (" + dest + ")", st})
	}
}

// safeLink reports whether u may be a clickable link in a PDF we send:
// web and mail addresses only, never files or scripts.
func safeLink(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

// inlineText resolves Markdown escapes and character references, as an
// HTML renderer would before printing.
func inlineText(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

func plainText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
