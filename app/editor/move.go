package editor

import (
	"unicode"

	"fyne.io/fyne/v2"
)

// moveTo moves the cursor to q, extending the selection when extend is
// set; any move ends a burst of typing and a pending style.
func (e *Editor) moveTo(q pos, extend bool) {
	e.cursor = q
	if !extend {
		e.anchor = q
	}
	e.endBurst()
	e.typing = nil
	e.changedLayout()
}

// left is the position one step before q.
func (e *Editor) left(q pos) pos {
	if q.o > 0 {
		return pos{q.b, q.o - 1}
	}
	if q.b > 0 {
		return pos{q.b - 1, e.blocks[q.b-1].length()}
	}
	return q
}

// right is the position one step after q.
func (e *Editor) right(q pos) pos {
	if q.o < e.blocks[q.b].length() {
		return pos{q.b, q.o + 1}
	}
	if q.b < len(e.blocks)-1 {
		return pos{q.b + 1, 0}
	}
	return q
}

// wordLeft is the start of the word before q (Ctrl+←); at a cell's
// start, the end of the cell before.
func (e *Editor) wordLeft(q pos) pos {
	b := e.blocks[q.b]
	if q.o == 0 || b.kind == kBox || isSep(b.atoms[q.o-1]) {
		return e.left(q)
	}
	o := q.o
	for o > 0 && isSpaceAtom(b.atoms[o-1]) {
		o--
	}
	if o > 0 && !isSep(b.atoms[o-1]) {
		a, _ := wordAt(b.atoms, o-1)
		o = a
	}
	return pos{q.b, o}
}

// wordRight is the start of the next word after q (Ctrl+→).
func (e *Editor) wordRight(q pos) pos {
	b := e.blocks[q.b]
	if q.o >= b.length() || b.kind == kBox || isSep(b.atoms[q.o]) {
		return e.right(q)
	}
	_, z := wordAt(b.atoms, q.o)
	for z < len(b.atoms) && isSpaceAtom(b.atoms[z]) {
		z++
	}
	return pos{q.b, z}
}

func isSpaceAtom(a atom) bool { return a.obj == nil && unicode.IsSpace(a.r) }

// lineStart and lineEnd are Home and End: the ends of the line on screen
// (in a table, of the line in the cell).
func (e *Editor) lineStart(q pos) pos {
	if e.blocks[q.b].kind == kBox {
		return pos{q.b, 0}
	}
	_, _, lines := e.view.lay(q.b).textAt(q.o)
	return pos{q.b, lines[lineOf(lines, q.o)].start}
}

func (e *Editor) lineEnd(q pos) pos {
	b := e.blocks[q.b]
	if b.kind == kBox {
		return pos{q.b, 1}
	}
	_, _, lines := e.view.lay(q.b).textAt(q.o)
	k := lineOf(lines, q.o)
	if k == len(lines)-1 {
		return pos{q.b, lines[k].end}
	}
	return pos{q.b, lineEnd(b.atoms, &lines[k])}
}

// vertical is the position on the line at height y, in the column the
// cursor went up or down from.
func (e *Editor) vertical(q pos, y float32) pos {
	if e.goalX < 0 {
		x, _, _ := e.view.caret(q)
		e.goalX = x
	}
	if y < e.view.tops[0] {
		return pos{0, 0}
	}
	if y >= e.view.tops[len(e.blocks)] {
		last := len(e.blocks) - 1
		return pos{last, e.blocks[last].length()}
	}
	return e.view.posAt(fyne.NewPos(e.goalX, y))
}

// up is the position on the line above q's: in a table, the cell
// above's last line from a cell's first line.
func (e *Editor) up(q pos) pos {
	_, y, _ := e.view.caret(q)
	top := e.view.tops[q.b]
	l := e.view.lay(q.b)
	switch e.blocks[q.b].kind {
	case kBox:
		y = top
	case kTable:
		if _, _, lines := l.textAt(q.o); lineOf(lines, q.o) == 0 {
			c := l.cellAtPoint(0, y-top)
			y = top + c.y
		}
	default:
		if lineOf(l.lines, q.o) == 0 {
			y = top
		}
	}
	return e.vertical(q, y-2)
}

// down is the position on the line below q's: in a table, the cell
// below's first line from a cell's last line, the text after the table
// from its last row.
func (e *Editor) down(q pos) pos {
	i := q.b
	top := e.view.tops[i]
	y := e.view.tops[i+1]
	l := e.view.lay(i)
	switch e.blocks[i].kind {
	case kBox:
	case kTable:
		tx, ty, lines := l.textAt(q.o)
		k := lineOf(lines, q.o)
		c := l.cellAtPoint(tx, ty)
		switch {
		case k < len(lines)-1:
			y = top + ty + lines[k+1].y
		case c.row < e.blocks[i].rows()-1:
			y = top + c.y + c.h
		}
	default:
		if k := lineOf(l.lines, q.o); k < len(l.lines)-1 {
			y = top + l.ty + l.lines[k+1].y
		}
	}
	return e.vertical(q, y+2)
}

// pageMove is the position a screen below q (above when up), scrolling
// the text by as much.
func (e *Editor) pageMove(q pos, up bool) pos {
	y0, y1 := e.view.view()
	h := y1 - y0
	_, y, lh := e.view.caret(q)
	if up {
		h = -h
	}
	off := e.scrl.Offset
	off.Y = max(0, min(off.Y+h, e.view.total-(y1-y0)))
	e.scrl.ScrollToOffset(off)
	return e.vertical(q, y+lh/2+h)
}
