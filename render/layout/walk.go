package layout

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

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
	// inset is space kept clear at the right of the text column: a
	// call-out's text stays as far from the box's right edge as from its
	// left.
	inset float64
	// hang prints marker as part of the paragraph (a check box starting
	// the text), not as a list label: the text still hangs beside it.
	hang bool
}

func (r *layout) body() Style { return r.text(serif, false, r.base, black) }

// walk lays out bs[i]; the blocks after it decide what must stay with it.
func (r *layout) walk(bs []Block, i int, c blockCtx) {
	switch b := bs[i].(type) {
	case Heading:
		r.heading(b, bs[i+1:], c)
	case Paragraph:
		r.keepWithAnswerLines(bs, i, c)
		r.out.BeginElement(ElemParagraph, Attrs{})
		text := b.Text
		if box, rest, ok := checkboxLead(text); ok && c.marker == "" {
			// A check-box line hangs: its wrapped lines start under
			// the text, not under the box.
			c.marker, c.hang, text = box, true, rest
		}
		r.block(r.spans(text, r.body()), c, r.lh, r.lh*0.45*r.sp)
		r.out.EndElement()
	case List:
		r.keepWithAnswerLines(bs, i, c)
		r.list(b, c)
	case Quote:
		c.indent = r.capIndent(c.indent + 14)
		c.quote++
		r.out.BeginElement(ElemBlockQuote, Attrs{})
		for j := range b.Blocks {
			r.walk(b.Blocks, j, c)
			c.marker = ""
		}
		r.out.EndElement()
	case Callout:
		r.callout(b, c)
	case AnswerLines:
		if i > 0 && c.depth == 0 {
			if _, afterList := bs[i-1].(List); afterList {
				// Lines answering a numbered question hang under the
				// question's text, not under its number.
				c.indent = r.capIndent(c.indent + markerWidth)
			}
		}
		r.answerLines(b, c)
	case Code:
		r.codeBlock(b, c)
	case PageBreak:
		if r.y > r.top {
			r.newPage()
		}
	case Glossary:
		r.definitions(b, c)
	case Rule:
		r.need(r.lh)
		r.decorate(func() { r.out.Line(r.left+c.indent, r.y+r.lh/2, r.right-c.inset, r.y+r.lh/2, 0.75, RuleGrey, false) })
		r.y += r.lh
	case Table:
		r.table(b, c)
	case SourceList:
		r.sources(b)
	case Notes:
		// Printed at the foot of the pages that refer to them.
	case Cover:
		r.cover()
	case MemoHeading:
		r.titleBlock()
	case Contents:
		if len(r.entries) > 0 {
			r.contents()
		}
	}
}

// spans sets runs in st and the styles each run carries.
func (r *layout) spans(runs []Run, st Style) []span {
	out := make([]span, 0, len(runs))
	for _, rn := range runs {
		s := st
		if rn.Strong {
			s.bold = true
		}
		if rn.Emphasis {
			s.italic = true
		}
		if rn.Link != "" {
			s.link, s.color = rn.Link, LinkBlue
		}
		if rn.Code {
			s.fam, s.size = mono, s.size-1
		}
		s.lang = rn.Lang
		switch rn.Kind {
		case RunFootnoteRef:
			out = append(out, r.refSpans(rn, s)...)
			continue
		case RunCitation:
			out = append(out, r.citeSpans(rn, s)...)
			continue
		}
		text := rn.Text
		if rn.Kind == RunImage {
			s.italic = true
			text = "[image: " + rn.Text + "]"
		}
		out = append(out, span{text, s})
	}
	return out
}

// codeBlock prints code, and raw HTML, as written in a shaded block.
func (r *layout) codeBlock(b Code, c blockCtx) {
	st := r.text(mono, false, r.base-1.5, black)
	c.code = true
	r.out.BeginElement(ElemCode, Attrs{})
	lines := r.preLines(b.Text, st, r.right-r.left-r.blockIndent(c)-c.inset)
	r.placeBlock(lines, st, c, (r.base-1.5)*1.35, r.lh*0.5)
	r.out.EndElement()
}

// HeadingLook is how a body heading of one structure level is set: each
// level its own size, weight and colour, so a reader sees the hierarchy
// the bookmarks and tags carry.
type HeadingLook struct {
	Grow         float64 // points above the body size
	Bold, Italic bool
	Accent, Grey bool    // in the accent colour, in grey
	Before       float64 // space above, in body lines
}

// headingLooks is indexed by structure level (a body "#" is level 2; the
// section title is level 1, see sectionTitle).
var headingLooks = [7]HeadingLook{
	2: {Grow: 2.5, Bold: true, Accent: true, Before: 0.5},
	3: {Grow: 1.5, Bold: true, Before: 0.45},
	4: {Grow: 0.5, Bold: true, Before: 0.4},
	5: {Bold: true, Italic: true, Before: 0.35},
	6: {Italic: true, Grey: true, Before: 0.35},
}

// heading renders a heading inside a section body: one step below the
// section title, kept with the lines that follow it, and bookmarked
// under the heading it belongs to.
func (r *layout) heading(b Heading, after []Block, c blockCtx) {
	// The section title is level 1, so a body's "#" is level 2.
	level := min(b.Level+1, 6)
	look := headingLooks[level]
	size := r.base + look.Grow
	st := r.text(sans, look.Bold, size, black)
	st.italic = look.Italic
	switch {
	case look.Accent:
		st.color = r.accent
	case look.Grey:
		st.color = Grey
	}
	spans := r.spans(b.Text, st)
	lh := size * 1.3
	lines := r.breakLines(spans, r.right-r.left-c.indent-c.inset)
	if r.y > r.top {
		r.y += r.lh * look.Before * r.sp
	}
	r.need(float64(len(lines))*lh + r.keepHeight(after, 0, c))
	// An outline level may not skip one (a "###" straight under the
	// section title hangs under it, one level down).
	mark := min(level-1, r.bookmarkLevel+1)
	r.bookmarkLevel = mark
	r.out.Bookmark(plainText(spans), mark, r.y)
	r.outline = append(r.outline, strings.Repeat("  ", mark)+plainText(spans))
	// The structure tree follows the outline: a "####" straight after a
	// "#" is tagged one level down, never H5 after H2 (a screen reader's
	// list of headings would show a gap).
	r.out.BeginElement(ElemHeading, Attrs{Level: mark + 1})
	r.drawLines(lines, c, lh)
	r.out.EndElement()
	r.y += r.lh * 0.25 * r.sp
}

// list renders bullet and numbered lists; nested lists indent further and
// change bullet.
func (r *layout) list(l List, c blockCtx) {
	bullets := []string{"•", "–", "◦"}
	// What a screen reader announces for each kind of label; PDF 1.7 has
	// no name for a dash, so it is a disc, a plain bullet.
	numbering := []string{"Disc", "Disc", "Circle"}
	num := l.Start
	if num == 0 {
		num = 1
	}
	kind := numbering[c.depth%len(numbering)]
	if l.Ordered {
		kind = "Decimal"
	}
	r.out.BeginElement(ElemList, Attrs{Numbering: kind})
	for _, item := range l.Items {
		ic := c
		ic.depth = c.depth + 1
		if l.Ordered {
			ic.marker = fmt.Sprintf("%d%c", num, l.Delimiter)
			num++
		} else {
			ic.marker = bullets[c.depth%len(bullets)]
		}
		r.out.BeginElement(ElemListItem, Attrs{})
		for j, ch := range item.Blocks {
			switch ch.(type) {
			case Paragraph:
				r.walk(item.Blocks, j, ic)
			default:
				// Nested lists, code, quotes and tables sit under the
				// item's text, not under its marker.
				cc := ic
				cc.indent = r.capIndent(ic.indent + markerWidth)
				if _, nested := ch.(List); !nested {
					cc.depth = 0
				}
				r.walk(item.Blocks, j, cc)
			}
			ic.marker = ""
		}
		r.out.EndElement()
		// The item's paragraphs already leave space below them; a loose
		// list (blank lines between items) adds a little more.
		if !l.Tight {
			r.y += r.lh * 0.1
		}
	}
	r.out.EndElement()
	if c.depth == 0 {
		r.y += r.lh * 0.2
	}
}

// checkBoxes are the characters a line to tick off starts with.
const checkBoxes = "☐☑☒"

// checkboxLead splits a paragraph that starts with a check box and a
// space into the box and the rest of its text.
func checkboxLead(text []Run) (box string, rest []Run, ok bool) {
	if len(text) == 0 || text[0].Code || text[0].Link != "" {
		return "", nil, false
	}
	first := text[0].Text
	r, n := utf8.DecodeRuneInString(first)
	if !strings.ContainsRune(checkBoxes, r) || !strings.HasPrefix(first[n:], " ") {
		return "", nil, false
	}
	rest = append([]Run{}, text...)
	rest[0].Text = strings.TrimLeft(first[n:], " ")
	if rest[0].Text == "" {
		rest = rest[1:]
	}
	return string(r), rest, len(rest) > 0
}

// CheckBox splits a paragraph that starts with a check box (☐, ☑ or ☒)
// and a space into the box and the rest of its text, as the PDF sets
// it: an output that has check-box lists of its own (Word) makes the
// box the list's bullet.
func CheckBox(text []Run) (box string, rest []Run, ok bool) { return checkboxLead(text) }

// markerWidth is the hanging indent of list items.
const markerWidth = 18

// maxQuoteBars is how many nested quote bars are drawn; deeper quotes
// (a hostile file may nest a thousand) share the last one.
const maxQuoteBars = 6

// capIndent stops indentation at half the text width, so deeply nested
// lists and quotes still leave room for their text.
func (r *layout) capIndent(x float64) float64 {
	return min(x, (r.right-r.left)/2)
}

// block lays out and draws one paragraph-like block, then leaves after
// points of space below it.
func (r *layout) block(spans []span, c blockCtx, lh, after float64) {
	st := r.body()
	if len(spans) > 0 {
		st = spans[0].st
	}
	r.placeBlock(r.breakLines(spans, r.right-r.left-r.blockIndent(c)-c.inset), st, c, lh, after)
}

// blockIndent is where a block's text starts: list items leave room for
// their marker.
func (r *layout) blockIndent(c blockCtx) float64 {
	if c.depth > 0 || c.marker != "" {
		return r.capIndent(c.indent + markerWidth)
	}
	return c.indent
}

// placeBlock draws a block's laid-out lines, with its list marker (set
// like st) beside the first, then leaves after points of space below.
func (r *layout) placeBlock(lines []textLine, st Style, c blockCtx, lh, after float64) {
	inner := c
	inner.indent = r.blockIndent(c)
	if len(lines) == 0 && c.marker == "" {
		return
	}
	// Never leave a paragraph's first line alone at the foot of a page;
	// a three-line paragraph split anywhere leaves a line alone, so it
	// moves whole (drawLines keeps the last line company).
	if n := keptLines(len(lines)); n > 1 {
		r.need(float64(n) * lh)
	}
	if c.marker != "" {
		r.need(lh)
		st.link, st.internal, st.italic = "", 0, false
		st.color = black
		m := r.breakLines([]span{{c.marker, st}}, 1e6)[0]
		if c.hang {
			// Part of the paragraph's text, set at the left edge.
			r.drawLine(m, r.left+c.indent, r.y, lh, markerWidth-5, "L")
		} else {
			r.out.BeginElement(ElemListLabel, Attrs{})
			r.drawLine(m, r.left+c.indent, r.y, lh, markerWidth-5, "R")
			r.out.EndElement()
		}
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

// keptLines is how many of a block's n lines must start on the same
// page: a three-line paragraph split anywhere leaves a line alone.
func keptLines(n int) int {
	switch {
	case n == 3:
		return 3
	case n >= 2:
		return 2
	}
	return 1
}

// drawLines draws lines at the context's indent, breaking pages between
// lines and drawing quote bars and code shading beside each line so they
// follow the text across page breaks.
//
// The last line never goes alone to a new page (a widow): when the last
// two do not both fit, the second to last goes over with it, as long as
// two lines stay behind.
func (r *layout) drawLines(lines []textLine, c blockCtx, lh float64) {
	pageStart, page := 0, r.page
	for i, ln := range lines {
		if i == len(lines)-2 && i-pageStart >= 2 && r.y+lh <= r.bottom && r.y+2*lh > r.bottom {
			r.newPage()
		}
		if r.notesPushLine(ln, lh) {
			r.newPage()
		}
		r.need(lh)
		if r.page != page {
			pageStart, page = i, r.page
		}
		if c.callout {
			y := r.y
			r.shadeCallout(c, lh)
			r.y = y
		}
		if c.code || c.quote > 0 {
			r.decorate(func() {
				if c.code {
					r.out.Fill(r.left+c.indent-4, r.y-2, r.right-r.left-c.indent-c.inset+8, lh+4, RGB{0xf3, 0xf4, 0xf6})
				}
				for q := 0; q < min(c.quote, maxQuoteBars); q++ {
					r.out.Fill(r.left+float64(q)*14, r.y, 2.5, lh, r.accent.Mix(0.55))
				}
			})
		}
		if ln.cont && len(ln.runs) > 0 {
			space := r.width(ln.runs[0].st, " ")
			r.decorate(func() { r.continuationMark(r.left+c.indent+ln.runs[0].x-contIndent*space, r.y, space*1.6, lh) })
		}
		r.drawLine(ln, r.left+c.indent, r.y, lh, r.right-r.left-c.indent-c.inset, "L")
		r.y += lh
		r.placeNotes()
	}
}

// continuationMark draws a hooked arrow (↪) w wide at x in the line box
// at y: lines, not a character, so copying the code or extracting its
// text never picks it up.
func (r *layout) continuationMark(x, y, w, lh float64) {
	top, mid := y+lh*0.3, y+lh*0.62
	end := x + w
	r.out.Line(x+0.8, top, x+0.8, mid, 0.6, Grey, false)
	r.out.Line(x+0.8, mid, end, mid, 0.6, Grey, false)
	r.out.Line(end-2, mid-1.8, end, mid, 0.6, Grey, false)
	r.out.Line(end-2, mid+1.8, end, mid, 0.6, Grey, false)
}

// paragraphLines draws plain spans at x across width, with no context:
// the cover and contents use it.
func (r *layout) paragraphLines(spans []span, x, width, lh float64, align string) {
	for _, ln := range r.breakLines(spans, width) {
		r.need(lh)
		r.drawLine(ln, x, r.y, lh, width, align)
		r.y += lh
	}
}

func plainText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// HeadingLookOf is how a heading of structure level (2–6; a body "#" is
// 2) is set, for an output that styles headings itself: Word's heading
// styles follow the PDF's table, so the two stay in step.
func HeadingLookOf(level int) HeadingLook { return headingLooks[min(max(level, 0), 6)] }
