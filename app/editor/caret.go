package editor

import (
	"slices"
	"unicode"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// lineOf is the index of the line of lines the cursor at o stands on.
func lineOf(lines []line, o int) int {
	for k, ln := range lines {
		if o >= ln.start && o < ln.end {
			return k
		}
	}
	return len(lines) - 1
}

// caret is where the cursor at q is drawn, in page coordinates: its left
// edge, top and height.
func (p *page) caret(q pos) (x, y, h float32) {
	l := p.lay(q.b)
	top := p.tops[q.b]
	if p.e.blocks[q.b].kind == kBox {
		lh := baseSize() * 1.3
		if q.o == 0 {
			return margin - 3, top, lh
		}
		return margin + l.width + 1, top + l.h - baseSize()*0.7 - lh, lh
	}
	tx, ty, lines := l.textAt(q.o)
	ln := &lines[lineOf(lines, q.o)]
	return margin + tx + p.e.xAt(ln, q.o), top + ty + ln.y, ln.h
}

// posAt is the cursor position nearest a point on the page.
func (p *page) posAt(at fyne.Position) pos {
	y0, y1 := at.Y-1, at.Y+1
	p.ensure(y0, y1)
	i := p.blockAt(at.Y)
	if at.Y < p.tops[0] {
		i = 0
	}
	b := p.e.blocks[i]
	l := p.lay(i)
	if b.kind == kBox {
		if at.Y < p.tops[i]+l.h/2 {
			return pos{i, 0}
		}
		return pos{i, 1}
	}
	tx, ty, lines := l.tx, l.ty, l.lines
	if b.kind == kTable {
		c := l.cellAtPoint(at.X-margin, at.Y-p.tops[i])
		tx, ty, lines = c.tx, c.ty, c.lines
	}
	return pos{i, p.e.offsetIn(b.atoms, lines, at.X-margin-tx, at.Y-p.tops[i]-ty)}
}

// offsetIn is the offset nearest a point (x, y) relative to the top left
// of laid-out lines.
func (e *Editor) offsetIn(as []atom, lines []line, x, y float32) int {
	k := len(lines) - 1
	for j, ln := range lines {
		if y < ln.y+ln.h {
			k = j
			break
		}
	}
	if y < 0 {
		k = 0
	}
	ln := &lines[k]
	o := e.offsetAt(ln, x, k == len(lines)-1)
	if o == ln.end && k < len(lines)-1 && o > ln.start {
		o = lineEnd(as, ln)
	}
	return o
}

// lineEnd is where End puts the cursor on a line: before the space or
// line break the line ends with, unless it is the block's last line.
func lineEnd(as []atom, ln *line) int {
	e := ln.end
	if e > ln.start && e <= len(as) {
		a := as[e-1]
		_, hard := a.obj.(sectiontext.HardBreak)
		if hard || a.obj == nil && unicode.IsSpace(a.r) {
			e--
		}
	}
	return e
}

// drawSelection shades the selection where it is on screen: text line by
// line, boxes whole, a table's cells whole when it runs across cells.
func (p *page) drawSelection(r *pageRenderer, y0, y1 float32) {
	e := p.e
	s, t := order(e.anchor, e.cursor)
	if s == t {
		return
	}
	first := max(s.b, p.blockAt(y0))
	for i := first; i <= t.b && i < len(e.blocks) && p.tops[i] < y1; i++ {
		b := e.blocks[i]
		l := e.layoutBlock(b, p.width())
		top := p.tops[i]
		a, z := e.span(i, s, t)
		switch {
		case b.kind == kBox:
			if (i > s.b || s.o == 0) && (i < t.b || t.o == 1) {
				r.rect(&r.over, &r.no, prim{col: rSel, x: -4, y: -2, w: l.width + 8, h: l.h - baseSize()*0.7 + 4, radius: 4}, margin, top)
			}
		case b.kind == kTable && s.b == t.b && !slices.ContainsFunc(b.atoms[a:z], isSep):
			tx, ty, lines := l.textAt(a)
			p.shadeLines(r, lines, tx, ty, top, a, z, false)
		case b.kind == kTable:
			for _, c := range l.cells {
				ca, cz := c.lines[0].start, c.lines[len(c.lines)-1].end
				if max(a, ca) < min(z, cz) || ca == cz && a <= ca && ca <= z {
					r.rect(&r.rects, &r.nr, prim{col: rSel, x: c.x, y: c.y, w: c.w, h: c.h}, margin, top)
				}
			}
		default:
			p.shadeLines(r, l.lines, l.tx, l.ty, top, a, z, i < t.b)
		}
	}
}

// shadeLines shades atoms [a, z) of laid-out lines whose text starts at
// (tx, ty) in a block at top; more is set when the selection goes on
// past them.
func (p *page) shadeLines(r *pageRenderer, lines []line, tx, ty, top float32, a, z int, more bool) {
	e := p.e
	for _, ln := range lines {
		if z < ln.start || a > ln.end || (a == ln.end && ln.end > ln.start && a != z) {
			continue
		}
		x1 := e.xAt(&ln, max(a, ln.start))
		x2 := e.xAt(&ln, min(z, ln.end))
		if z > ln.end || more && z == ln.end {
			x2 += baseSize() * 0.4
		}
		if x2 > x1 {
			r.rect(&r.rects, &r.nr, prim{col: rSel, x: x1 + tx, y: ty + ln.y, w: x2 - x1, h: ln.h}, margin, top)
		}
	}
}

// drawMarker draws a list item's bullet or number, which the editor
// draws and the user never types.
func (p *page) drawMarker(r *pageRenderer, i int, l *blockLayout) {
	b := p.e.blocks[i]
	s := baseSize()
	mark := [...]string{"•", "◦", "▪"}[b.depth%3]
	if n := p.nums[i]; b.list != nil && b.list.ordered {
		d := b.list.delim
		if d == sectiontext.NoDelimiter {
			d = sectiontext.Period
		}
		mark = itoa(n) + string(rune(d))
	}
	f := font{size: s}
	w := p.e.measr.width(mark, f)
	y := l.ty
	if len(l.lines) > 0 {
		y += l.lines[0].h - p.e.measr.height(f)
	}
	r.prim(prim{k: pText, x: l.tx - w - s*0.5, y: y, text: mark, f: f, col: rFg}, margin, p.tops[i])
}

// drawCursor draws the text cursor while the editor has the keyboard.
func (p *page) drawCursor(r *pageRenderer) {
	e := p.e
	if !e.focused || e.readOnly {
		return
	}
	x, y, h := p.caret(e.cursor)
	r.rect(&r.over, &r.no, prim{col: rCursor, x: x - 1, y: y, w: 2, h: h}, 0, 0)
}

// reveal scrolls so the cursor at q is on screen.
func (p *page) reveal(q pos) {
	if q.b >= len(p.e.blocks) {
		return
	}
	_, y, h := p.caret(q)
	bottom := p.alsoShown(q, y+h)
	y0, y1 := p.view()
	off := p.e.scrl.Offset
	switch {
	case y < y0:
		off.Y = max(y-margin, 0)
	case bottom > y1:
		// As much below as asked for, the cursor kept in sight.
		off.Y = min(bottom+margin-(y1-y0), y-margin)
	default:
		return
	}
	p.e.scrl.ScrollToOffset(off)
}

// alsoShown is how far down the page must show with the cursor at q,
// whose line ends at bottom: the note under the text whose number is
// selected alone (Find's match in a note is there), and at the very
// end of the text (Ctrl+End) the notes under it.
func (p *page) alsoShown(q pos, bottom float32) float32 {
	if len(p.noteRows) == 0 {
		return bottom
	}
	top := p.tops[len(p.e.blocks)] + baseSize()
	if last := len(p.e.blocks) - 1; q == (pos{last, p.e.blocks[last].length()}) {
		return max(bottom, top+p.notesH)
	}
	if label, ok := p.e.selectedNote(); ok {
		for _, row := range p.noteRows {
			if row.label == label {
				return max(bottom, top+row.y1)
			}
		}
	}
	return bottom
}
