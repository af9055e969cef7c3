package editor

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// role is what a colour is for; colours come from the theme when drawn,
// so a change of theme needs no new layout.
type role int

const (
	rNone role = iota
	rFg
	rHeading
	rLink
	rMuted
	rChip
	rCond
	rCondText
	rMarker
	rBox
	rBorder
	rHeader
	rCode
	rSel
	rCursor
)

type primKind int

const (
	pText primKind = iota
	pRect
	pLine
)

// prim is one thing drawn: text at (x, y), a rectangle, or a line from
// (x, y) to (x+w, y+h).
type prim struct {
	k          primKind
	x, y, w, h float32
	text       string
	f          font
	col        role // text or line colour, or a rectangle's fill
	stroke     role // a rectangle's border
	radius     float32
	width      float32 // a line's or border's width
}

// blockLayout is a block laid out at a width: its height (with the space
// after it), where its text starts, its lines and what it draws.
type blockLayout struct {
	width  float32
	labels int // Editor.labels when laid out
	h      float32
	tx, ty float32
	lines  []line
	prims  []prim
	// cells are a table's cells, row by row.
	cells []cellArea
}

// spacing is the room below a block and, for headings, above.
func (e *Editor) blockBase(b *block) (base textBase, above, below, indent float32) {
	s := baseSize()
	base = textBase{f: font{size: s}, col: rFg}
	below = s * 0.7
	if e.opts.Plain {
		// Lines of a text, not paragraphs: no room between them.
		base.f.ts.Monospace = e.mono
		return base, 0, 0, 0
	}
	switch b.kind {
	case kHeading:
		// As the page sets it (a body "#" is one level under the section
		// title): a size, weight and colour per level, in proportion to
		// the body's 11 points.
		look := layout.HeadingLookOf(b.level + 1)
		base.f.size = s * float32((11+look.Grow)/11)
		base.f.ts.Bold, base.f.ts.Italic = look.Bold, look.Italic
		switch {
		case look.Accent:
			base.col = rHeading
		case look.Grey:
			base.col = rMuted
		}
		above, below = s*0.5, s*0.35
	case kItem:
		indent = float32(b.depth+1) * s * 1.8
		below = s * 0.3
		if b.list != nil && !b.list.tight {
			below = s * 0.7
		}
	}
	return
}

// layoutBlock lays b out at width.
func (e *Editor) layoutBlock(b *block, width float32) *blockLayout {
	if b.lay != nil && b.lay.width == width && b.lay.labels == e.labels {
		return b.lay
	}
	l := &blockLayout{width: width, labels: e.labels}
	if b.kind == kTable {
		cells, prims, h := e.gridLayout(b, 0, 0, width)
		l.cells, l.prims, l.h = cells, prims, h+baseSize()*0.7
		b.lay = l
		return l
	}
	if b.kind == kBox {
		prims, h := e.boxPrims(b.box, 0, 0, width)
		l.prims, l.h = prims, h+baseSize()*0.7
		b.lay = l
		return l
	}
	base, above, below, indent := e.blockBase(b)
	l.tx, l.ty = indent, above
	l.lines = e.layoutText(b.atoms, width-indent, base)
	l.prims = e.textPrims(l.lines, l.tx, l.ty, base)
	last := l.lines[len(l.lines)-1]
	l.h = above + last.y + last.h + below
	b.lay = l
	return l
}

// textPrims draws laid-out lines with their origin at (x0, y0).
func (e *Editor) textPrims(lines []line, x0, y0 float32, base textBase) []prim {
	var out []prim
	for _, ln := range lines {
		for _, p := range ln.pieces {
			fh := e.measr.height(p.f)
			x, y := x0+p.x, y0+ln.y+ln.h-fh
			if p.lead > 0 {
				out = append(out, e.markerPrims(p, x, y, fh, base)...)
				x, p.w = x+p.lead, p.w-p.lead
			}
			if p.st.cond != nil {
				// Conditional text is tinted, so the user sees where it
				// ends as well as where it begins.
				out = append(out, prim{k: pRect, x: x, y: y, w: p.w, h: fh, col: rCondText})
			}
			col := base.col
			if p.st.link != nil {
				col = rLink
			}
			if p.st.lang != nil && p.obj == nil {
				// A passage in another language is underlined faintly,
				// so the user sees where it begins and ends.
				out = append(out, prim{k: pRect, x: x, y: y + fh - 1, w: p.w, h: 1, col: rCond})
			}
			switch o := p.obj.(type) {
			case sectiontext.FootnoteRef:
				// Raised, bold, on a tint of its own: a number a few
				// pixels wide must still be seen, and be seen to be
				// something a double click opens.
				out = append(out, prim{k: pRect, x: x, y: y0 + ln.y, w: p.w, h: fh, col: rChip, radius: 3})
				out = append(out, prim{k: pText, x: x + 1, y: y0 + ln.y, text: p.text, f: p.f, col: rLink})
				continue
			case sectiontext.Autolink, sectiontext.Link:
				col = rLink
			case sectiontext.HardBreak:
				continue
			case nil:
			default:
				fill := rChip
				c, cond := o.(sectiontext.Conditional)
				if cond {
					fill = rCond
				}
				pad := padOf(o)
				out = append(out, prim{k: pRect, x: x + min(pad, 1), y: y - chipPad/2, w: p.w - 2*min(pad, 1), h: fh + chipPad, col: fill, radius: 5})
				out = append(out, prim{k: pText, x: x + pad, y: y, text: p.text, f: p.f, col: rFg})
				if cond {
					mf := markerFont(p.f)
					mx := x + chipPad + e.measr.width(p.text, p.f) + chipPad
					out = append(out, prim{k: pText, x: mx, y: y + fh - e.measr.height(mf), text: e.condMarker(c), f: mf, col: rMuted})
				}
				continue
			}
			if p.st.code {
				out = append(out, prim{k: pRect, x: x, y: y, w: p.w, h: fh, col: rCode, radius: 2})
			}
			out = append(out, prim{k: pText, x: x, y: y, text: p.text, f: p.f, col: col})
			if col == rLink {
				out = append(out, prim{k: pLine, x: x, y: y + fh - 1, w: p.w, col: rLink, width: 1})
			}
			if p.st.strike {
				out = append(out, prim{k: pLine, x: x, y: y + fh/2, w: p.w, col: col, width: 1})
			}
		}
	}
	return out
}

// inlinePrims lays out and draws inline text in a box, returning its
// height.
func (e *Editor) inlinePrims(in []sectiontext.Inline, x0, y0, width float32, base textBase) ([]prim, float32) {
	lines := e.layoutText(atomsOf(in, style{}, nil), width, base)
	last := lines[len(lines)-1]
	return e.textPrims(lines, x0, y0, base), last.y + last.h
}

// boxPrims draws a block the editor shows read-only, returning its height.
func (e *Editor) boxPrims(x sectiontext.Block, x0, y0, width float32) ([]prim, float32) {
	s := baseSize()
	body := textBase{f: font{size: s}, col: rFg}
	pad := s * 0.5
	switch x := x.(type) {
	case sectiontext.Paragraph:
		return e.inlinePrims(x.Inlines, x0, y0, width, body)
	case sectiontext.Heading:
		b := &block{kind: kHeading, level: x.Level}
		base, _, _, _ := e.blockBase(b)
		return e.inlinePrims(x.Inlines, x0, y0, width, base)
	case sectiontext.Table:
		return e.tablePrims(x, x0, y0, width)
	case sectiontext.Callout:
		label := []sectiontext.Inline{sectiontext.Bold{Inlines: []sectiontext.Inline{sectiontext.Text{Text: x.Kind.Label()}}}}
		inner := append([]sectiontext.Block{sectiontext.Paragraph{Inlines: label}}, x.Blocks...)
		if len(x.Lead) > 0 {
			inner = append([]sectiontext.Block{inner[0], sectiontext.Paragraph{Inlines: x.Lead}}, x.Blocks...)
		}
		ps, h := e.stackPrims(inner, x0+pad*2, y0+pad, width-pad*4)
		bg := prim{k: pRect, x: x0, y: y0, w: width, h: h + 2*pad, col: rBox, radius: 6}
		bar := prim{k: pRect, x: x0, y: y0, w: 4, h: h + 2*pad, col: rHeading}
		return append([]prim{bg, bar}, ps...), h + 2*pad
	case sectiontext.Quote:
		ps, h := e.stackPrims(x.Blocks, x0+pad*2, y0, width-pad*2)
		return append([]prim{{k: pRect, x: x0, y: y0, w: 3, h: h, col: rBorder}}, ps...), h
	case sectiontext.AnswerLines:
		var ps []prim
		gap := s * 2
		for i := 1; i <= x.Count; i++ {
			ps = append(ps, prim{k: pLine, x: x0, y: y0 + float32(i)*gap, w: width, col: rBorder, width: 1})
		}
		return ps, float32(x.Count)*gap + pad
	case sectiontext.Glossary:
		var ps []prim
		var h float32
		for _, en := range x.Entries {
			tp, th := e.inlinePrims([]sectiontext.Inline{sectiontext.Bold{Inlines: en.Term}}, x0, y0+h, width, body)
			ps, h = append(ps, tp...), h+th+pad/2
			for _, d := range en.Definitions {
				dp, dh := e.stackPrims(d, x0+s*2, y0+h, width-s*2)
				ps, h = append(ps, dp...), h+dh
			}
			h += pad
		}
		return ps, h - pad
	case sectiontext.CodeBlock:
		return e.codePrims(x.Text, x0, y0, width)
	case sectiontext.HTMLBlock:
		return e.codePrims(x.Text, x0, y0, width)
	case sectiontext.PageBreak:
		f := font{size: s * 0.8}
		lw := e.measr.width("Page break", f)
		mid := y0 + e.measr.height(f)/2
		return []prim{
			{k: pLine, x: x0, y: mid, w: (width-lw)/2 - pad, col: rMuted, width: 1},
			{k: pText, x: x0 + (width-lw)/2, y: y0, text: "Page break", f: f, col: rMuted},
			{k: pLine, x: x0 + (width+lw)/2 + pad, y: mid, w: (width-lw)/2 - pad, col: rMuted, width: 1},
		}, e.measr.height(f)
	case sectiontext.Rule:
		return []prim{{k: pLine, x: x0, y: y0 + pad, w: width, col: rBorder, width: 1}}, 2 * pad
	case sectiontext.List:
		return e.listPrims(x, x0, y0, width)
	}
	return nil, 0
}

// stackPrims draws blocks one under another.
func (e *Editor) stackPrims(bs []sectiontext.Block, x0, y0, width float32) ([]prim, float32) {
	var ps []prim
	var h float32
	for i, b := range bs {
		if i > 0 {
			h += baseSize() * 0.5
		}
		bp, bh := e.boxPrims(b, x0, y0+h, width)
		ps, h = append(ps, bp...), h+bh
	}
	return ps, h
}

// listPrims draws a list the editor shows read-only (one whose items hold
// more than text).
func (e *Editor) listPrims(l sectiontext.List, x0, y0, width float32) ([]prim, float32) {
	s := baseSize()
	var ps []prim
	var h float32
	for i, it := range l.Items {
		mark := "•"
		if l.Ordered {
			mark = itoa(l.Start+i) + string(rune(max(l.Delimiter, sectiontext.Period)))
		}
		ps = append(ps, prim{k: pText, x: x0, y: y0 + h, text: mark, f: font{size: s}, col: rFg})
		ip, ih := e.stackPrims(it.Blocks, x0+s*1.8, y0+h, width-s*1.8)
		ps, h = append(ps, ip...), h+ih+s*0.3
	}
	return ps, h
}

func (e *Editor) codePrims(text string, x0, y0, width float32) ([]prim, float32) {
	s := baseSize()
	f := font{size: s * 0.9, ts: mono}
	lh := e.measr.height(f)
	pad := s * 0.4
	var ps []prim
	y := y0 + pad
	for _, ln := range splitLines(text) {
		ps = append(ps, prim{k: pText, x: x0 + pad, y: y, text: ln, f: f, col: rFg})
		y += lh
	}
	bg := prim{k: pRect, x: x0, y: y0, w: width, h: y - y0 + pad, col: rCode, radius: 4}
	return append([]prim{bg}, ps...), y - y0 + pad
}

// noteRow is where one note is drawn in the notes area, from its top.
type noteRow struct {
	label  string
	y0, y1 float32
}

// notesPrims draws the footnote definitions notes under the text.
func (e *Editor) notesPrims(notes []sectiontext.Footnote, width float32) ([]prim, float32, []noteRow) {
	if len(notes) == 0 {
		return nil, 0, nil
	}
	s := baseSize()
	small := font{size: s * 0.85}
	ps := []prim{
		{k: pLine, x: 0, y: 0, w: width / 3, col: rBorder, width: 1},
		{k: pText, x: 0, y: s * 0.4, text: "Notes", f: font{size: s * 0.85, ts: bold}, col: rMuted},
	}
	h := s*0.4 + e.measr.height(small) + s*0.3
	var rows []noteRow
	for _, n := range notes {
		ps = append(ps, prim{k: pText, x: 0, y: h, text: n.Label + ".", f: small, col: rMuted})
		np, nh := e.stackPrims(n.Blocks, s*2, h, width-s*2)
		rows = append(rows, noteRow{n.Label, h, h + nh})
		ps, h = append(ps, np...), h+nh+s*0.3
	}
	return ps, h, rows
}

// shownNotes are the notes the text refers to, in the order the page
// numbers them (those a note refers to after the text's): a note whose
// number was deleted is not shown, as it is not stored or printed, but
// stays in e.notes for an Undo or a paste of its number.
func (e *Editor) shownNotes() []sectiontext.Footnote {
	if len(e.notes) == 0 {
		return nil
	}
	var labels []string
	for _, b := range e.blocks {
		if b.kind == kBox {
			labels = append(labels, sectiontext.FootnoteRefs([]sectiontext.Block{b.box})...)
			continue
		}
		for _, a := range b.atoms {
			switch o := a.obj.(type) {
			case nil:
			case sectiontext.FootnoteRef:
				labels = append(labels, o.Label)
			default:
				labels = append(labels, sectiontext.FootnoteRefs([]sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{o}}})...)
			}
		}
	}
	var out []sectiontext.Footnote
	seen := map[string]bool{}
	for i := 0; i < len(labels); i++ {
		l := labels[i]
		if seen[l] {
			continue
		}
		seen[l] = true
		for _, n := range e.notes {
			if n.Label == l {
				out = append(out, n)
				labels = append(labels, sectiontext.FootnoteRefs(n.Blocks)...)
				break
			}
		}
	}
	return out
}

// sameNotes reports whether a and b are the same notes, by identity:
// notes are replaced, never changed in place, so this is enough to know
// the notes area need not be laid out again.
func sameNotes(a, b []sectiontext.Footnote) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Label != y.Label || len(x.Blocks) != len(y.Blocks) || len(x.Blocks) > 0 && &x.Blocks[0] != &y.Blocks[0] {
			return false
		}
	}
	return true
}
