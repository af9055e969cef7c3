package layout

import "strings"

// callout draws a shaded box with a label and an accent bar beside each
// line, so the box survives a page break.
func (r *layout) callout(b Callout, c blockCtx) {
	c.callout = true
	c.indent += calloutPad
	c.inset += calloutPad
	r.y += r.lh * 0.2
	r.need(3 * r.lh)
	r.out.BeginElement(ElemCallout, Attrs{Label: b.Label})
	r.shadeCallout(c, r.lh*0.3)
	labelSt := r.text(sans, true, r.base-1.5, r.accent)
	r.block([]span{{strings.ToUpper(b.Label), labelSt}}, c, r.lh, 0)
	if len(b.Lead) > 0 {
		r.out.BeginElement(ElemParagraph, Attrs{})
		r.block(r.spans(b.Lead, r.body()), c, r.lh, r.lh*0.35)
		r.out.EndElement()
	}
	for j := range b.Blocks {
		r.walk(b.Blocks, j, c)
	}
	r.out.EndElement()
	r.y += r.lh * 0.4
}

// calloutPad is the space between a call-out's text and the edges of its
// box, the same on both sides.
const calloutPad = 10

// shadeCallout extends a call-out's shading down by h points, over the
// space between its paragraphs, then moves below it.
func (r *layout) shadeCallout(c blockCtx, h float64) {
	if !c.callout || h <= 0 || r.y+h > r.bottom {
		r.y += h
		return
	}
	x := r.left + c.indent - calloutPad
	r.decorate(func() {
		r.out.Fill(x, r.y, r.right-x, h+0.5, CalloutShade(r.accent))
		r.out.Fill(x, r.y, 3, h+0.5, r.accent)
	})
	r.y += h
}

// answerLines draws ruled lines to write on.
func (r *layout) answerLines(b AnswerLines, c blockCtx) {
	gap := max(r.lh*1.45, 20)
	x0 := r.left + c.indent
	if c.depth > 0 {
		x0 += markerWidth
	}
	for i := 0; i < b.Count; i++ {
		r.need(gap)
		r.y += gap
		r.out.BeginArtifact(ArtifactAnswerLines)
		r.out.Line(x0, r.y, r.right-c.inset, r.y, 0.5, RGB{0xa0, 0xa4, 0xa8}, false)
		r.out.EndArtifact()
	}
	r.y += r.lh * 0.6
}

// keepWithAnswerLines keeps a question (a paragraph or list followed by
// answer lines) on the same page as its lines, when they fit on one page.
func (r *layout) keepWithAnswerLines(bs []Block, i int, c blockCtx) {
	if h, ok := r.questionHeight(bs, i, c); ok {
		r.need(h)
	} else if h, ok := r.tableIntroHeight(bs, i, c); ok {
		r.need(h)
	}
}

// keepHeight is how much of bs[i:] must fit below a heading: a whole
// question with its answer lines, a short paragraph with the start of
// the table it introduces, or else three lines of text.
func (r *layout) keepHeight(bs []Block, i int, c blockCtx) float64 {
	if h, ok := r.questionHeight(bs, i, c); ok {
		return h
	}
	if h, ok := r.tableIntroHeight(bs, i, c); ok {
		return h
	}
	// As many lines as the first paragraph will not leave behind: three
	// of a three-line one, which moves whole (placeBlock). Two kept a
	// heading over a three-line bullet that then went on alone, leaving
	// the heading at the foot of the page.
	if i >= len(bs) {
		return 2 * r.lh
	}
	if n := r.firstParagraphLines(bs[i], c); n > 0 {
		return float64(keptLines(n)) * r.lh
	}
	return 2 * r.lh
}

// firstParagraphLines is how many lines the paragraph b begins with
// takes (a list's first item's), 0 when b begins with no paragraph.
func (r *layout) firstParagraphLines(b Block, c blockCtx) int {
	width := r.right - r.left - c.indent - c.inset
	for {
		switch x := b.(type) {
		case Paragraph:
			return len(r.breakLines(r.spans(x.Text, r.body()), width))
		case List:
			if len(x.Items) == 0 || len(x.Items[0].Blocks) == 0 {
				return 0
			}
			b, width = x.Items[0].Blocks[0], width-markerWidth
		default:
			return 0
		}
	}
}

// tableIntroHeight is the height of a short paragraph (three lines at
// most) and the start of the table right after it — its heading row and
// first row, about three lines — which go to a page together: a line
// saying "The table shows…" left at the foot of a page, its table on
// the next, reads as a mistake.
func (r *layout) tableIntroHeight(bs []Block, i int, c blockCtx) (float64, bool) {
	if i+1 >= len(bs) {
		return 0, false
	}
	p, ok := bs[i].(Paragraph)
	if _, table := bs[i+1].(Table); !ok || !table {
		return 0, false
	}
	lines := len(r.breakLines(r.spans(p.Text, r.body()), r.right-r.left-c.indent-c.inset))
	if lines > 3 {
		return 0, false
	}
	return float64(lines)*r.lh + r.lh*0.45*r.sp + 3*r.lh + 12, true
}

// questionHeight estimates the height of bs[i] and the answer lines
// after it; ok is false when no answer lines follow or they would not fit
// on one page anyway.
func (r *layout) questionHeight(bs []Block, i int, c blockCtx) (float64, bool) {
	if i+1 >= len(bs) {
		return 0, false
	}
	next, ok := bs[i+1].(AnswerLines)
	if !ok {
		return 0, false
	}
	// What the page takes: each paragraph's lines and the space under
	// it, a list's space after it, and the lines to write on (see
	// answerLines), with a point to spare. A line's height more than
	// that sent a question that fitted to the next page, leaving a gap.
	h := float64(next.Count)*max(r.lh*1.45, 20) + 1
	if _, list := bs[i].(List); list {
		h += r.lh * 0.3
	}
	width := r.right - r.left - c.indent - c.inset - markerWidth
	EachParagraph(bs[i], func(text []Run) {
		h += float64(len(r.breakLines(r.spans(text, r.body()), width)))*r.lh + r.lh*0.45*r.sp
	})
	return h, h < r.bottom-r.top
}

// EachParagraph calls f with the text of every paragraph in b and the
// blocks inside it.
func EachParagraph(b Block, f func([]Run)) {
	all := func(bs []Block) {
		for _, x := range bs {
			EachParagraph(x, f)
		}
	}
	switch b := b.(type) {
	case Paragraph:
		f(b.Text)
	case List:
		for _, it := range b.Items {
			all(it.Blocks)
		}
	case Quote:
		all(b.Blocks)
	case Callout:
		f(b.Lead)
		all(b.Blocks)
	case Glossary:
		for _, e := range b.Entries {
			for _, d := range e.Definitions {
				all(d)
			}
		}
	}
}

// definitions prints a glossary: each term in bold, kept with its
// definition, which is indented below it.
func (r *layout) definitions(g Glossary, c blockCtx) {
	r.out.BeginElement(ElemGlossary, Attrs{})
	for _, e := range g.Entries {
		if e.Term != nil {
			st := r.body()
			st.bold = true
			r.need(3 * r.lh)
			r.out.BeginElement(ElemTerm, Attrs{})
			r.block(r.spans(e.Term, st), c, r.lh, r.lh*0.1)
			r.out.EndElement()
		}
		for _, d := range e.Definitions {
			dc := c
			dc.indent += markerWidth
			r.out.BeginElement(ElemDefinition, Attrs{})
			for j := range d {
				r.walk(d, j, dc)
			}
			r.out.EndElement()
		}
	}
	r.out.EndElement()
	r.y += r.lh * 0.3
}
