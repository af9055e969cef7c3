package briefing

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Block extensions a handout or brief needs beyond CommonMark, each written
// in syntax that other Markdown tools still show sensibly:
//
//	```lines 4          four ruled answer lines (the count is optional; 3)
//	```
//
//	> [!TAKEAWAY]       a shaded call-out box; also [!NOTE], [!KEY], [!TIP],
//	> Text of the box.  [!WARNING] and [!QUESTION]
//
//	Term                a glossary entry (definition list)
//	: Definition.
//
//	<!-- pagebreak -->  start a new page

// calloutLabels maps the marker word to the box's printed label.
var calloutLabels = map[string]string{
	"TAKEAWAY": "Key takeaway", "KEY": "Key point", "NOTE": "Note", "TIP": "Tip",
	"WARNING": "Caution", "QUESTION": "Question to consider",
}

var calloutMarker = regexp.MustCompile(`^\[!([A-Z]+)\]`)

// calloutLabel reports whether a block quote is a call-out, by its first
// line, and the label to print.
func calloutLabel(n *ast.Blockquote, src []byte) (string, bool) {
	first := n.FirstChild()
	if first == nil || first.Lines().Len() == 0 {
		return "", false
	}
	seg := first.Lines().At(0)
	m := calloutMarker.FindSubmatch(seg.Value(src))
	if m == nil {
		return "", false
	}
	label, ok := calloutLabels[string(m[1])]
	return label, ok
}

// callout draws a shaded box with a label and an accent bar beside each
// line, so the box survives a page break.
func (r *renderer) callout(n *ast.Blockquote, src []byte, c blockCtx, label string) {
	c.callout = true
	c.indent += 10
	r.y += r.lh * 0.2
	r.need(3 * r.lh)
	r.shadeCallout(c, r.lh*0.3)
	labelSt := r.text(sans, true, r.base-1.5, r.accent)
	r.block([]span{{strings.ToUpper(label), labelSt}}, c, r.lh, 0)
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if ch == n.FirstChild() {
			seg := ch.Lines().At(0)
			spans := stripPrefix(r.inlines(ch, src, r.body()), len(calloutMarker.Find(seg.Value(src))))
			if len(spans) > 0 {
				r.block(spans, c, r.lh, r.lh*0.35)
			}
			continue
		}
		r.walk(ch, src, c)
	}
	r.y += r.lh * 0.4
}

// shadeCallout extends a call-out's shading down by h points, over the
// space between its paragraphs, then moves below it.
func (r *renderer) shadeCallout(c blockCtx, h float64) {
	if !c.callout || h <= 0 || r.y+h > r.bottom {
		r.y += h
		return
	}
	x := r.left + c.indent - 10
	r.out.Fill(x, r.y, r.right-x, h+0.5, r.accent.mix(0.9))
	r.out.Fill(x, r.y, 3, h+0.5, r.accent)
	r.y += h
}

// stripPrefix removes the first n bytes of text from spans (the call-out
// marker, which the parser may have split over several text nodes) and the
// line break after it.
func stripPrefix(spans []span, n int) []span {
	for len(spans) > 0 && n > 0 {
		if len(spans[0].text) <= n {
			n -= len(spans[0].text)
			spans = spans[1:]
			continue
		}
		spans[0].text = spans[0].text[n:]
		n = 0
	}
	for len(spans) > 0 {
		t := strings.TrimLeft(spans[0].text, " \n")
		if t != "" {
			spans[0].text = t
			break
		}
		spans = spans[1:]
	}
	return spans
}

// answerLineCount reads the count from "```lines N"; 3 by default, 40 at
// most.
func answerLineCount(n *ast.FencedCodeBlock, src []byte) int {
	if n.Info != nil {
		fields := strings.Fields(string(n.Info.Segment.Value(src)))
		if len(fields) > 1 {
			if v, err := strconv.Atoi(fields[1]); err == nil && v > 0 {
				return min(v, 40)
			}
		}
	}
	return 3
}

// answerLines draws ruled lines to write on; the info string may give the
// count ("```lines 5").
func (r *renderer) answerLines(n *ast.FencedCodeBlock, src []byte, c blockCtx) {
	count := answerLineCount(n, src)
	gap := max(r.lh*1.45, 20)
	x0 := r.left + c.indent
	if c.depth > 0 {
		x0 += markerWidth
	}
	for i := 0; i < count; i++ {
		r.need(gap)
		r.y += gap
		r.out.Line(x0, r.y, r.right, r.y, 0.5, rgb{0xa0, 0xa4, 0xa8}, false)
	}
	r.y += r.lh * 0.6
}

// keepWithAnswerLines keeps a question (a paragraph or list followed by
// answer lines) on the same page as its lines, when they fit on one page.
func (r *renderer) keepWithAnswerLines(n ast.Node, src []byte, c blockCtx) {
	if h, ok := r.questionHeight(n, src, c); ok {
		r.need(h)
	}
}

// keepHeight is how much of what follows a heading must fit below it: a
// whole question with its answer lines, or else three lines of text.
func (r *renderer) keepHeight(n ast.Node, src []byte, c blockCtx) float64 {
	if h, ok := r.questionHeight(n, src, c); ok {
		return h
	}
	return 3 * r.lh
}

// questionHeight estimates the height of n and the answer lines after
// it; ok is false when no answer lines follow or they would not fit on
// one page anyway.
func (r *renderer) questionHeight(n ast.Node, src []byte, c blockCtx) (float64, bool) {
	if n == nil {
		return 0, false
	}
	next, ok := n.NextSibling().(*ast.FencedCodeBlock)
	if !ok || string(next.Language(src)) != "lines" {
		return 0, false
	}
	h := float64(answerLineCount(next, src)+1) * max(r.lh*1.45, 20)
	width := r.right - r.left - c.indent - markerWidth
	_ = ast.Walk(n, func(d ast.Node, entering bool) (ast.WalkStatus, error) {
		switch d.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if entering {
				h += float64(len(r.breakLines(r.inlines(d, src, r.body()), width))+1) * r.lh
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return h, h < r.bottom-r.top
}

// isPageBreak reports whether an HTML block is the page break comment.
func isPageBreak(n *ast.HTMLBlock, src []byte) bool {
	t := strings.ToLower(strings.Join(strings.Fields(blockText(n, src)), ""))
	return t == "<!--pagebreak-->"
}

// definitions prints a glossary: each term in bold, kept with its
// definition, which is indented below it.
func (r *renderer) definitions(n *east.DefinitionList, src []byte, c blockCtx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *east.DefinitionTerm:
			st := r.body()
			st.bold = true
			r.need(3 * r.lh)
			r.block(r.inlines(ch, src, st), c, r.lh, r.lh*0.1)
		case *east.DefinitionDescription:
			dc := c
			dc.indent += markerWidth
			for b := ch.FirstChild(); b != nil; b = b.NextSibling() {
				r.walk(b, src, dc)
			}
		}
	}
	r.y += r.lh * 0.3
}
