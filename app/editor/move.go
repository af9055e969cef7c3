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

// wordLeft is the start of the word before q (Ctrl+←).
func (e *Editor) wordLeft(q pos) pos {
	b := e.blocks[q.b]
	if q.o == 0 || b.kind == kBox {
		return e.left(q)
	}
	o := q.o
	for o > 0 && isSpaceAtom(b.atoms[o-1]) {
		o--
	}
	if o > 0 {
		a, _ := wordAt(b.atoms, o-1)
		o = a
	}
	return pos{q.b, o}
}

// wordRight is the start of the next word after q (Ctrl+→).
func (e *Editor) wordRight(q pos) pos {
	b := e.blocks[q.b]
	if q.o >= b.length() || b.kind == kBox {
		return e.right(q)
	}
	_, z := wordAt(b.atoms, q.o)
	for z < len(b.atoms) && isSpaceAtom(b.atoms[z]) {
		z++
	}
	return pos{q.b, z}
}

func isSpaceAtom(a atom) bool { return a.obj == nil && unicode.IsSpace(a.r) }

// lineStart and lineEnd are Home and End: the ends of the line on screen.
func (e *Editor) lineStart(q pos) pos {
	if e.blocks[q.b].kind == kBox {
		return pos{q.b, 0}
	}
	l := e.view.lay(q.b)
	return pos{q.b, l.lines[lineOf(l, q.o)].start}
}

func (e *Editor) lineEnd(q pos) pos {
	b := e.blocks[q.b]
	if b.kind == kBox {
		return pos{q.b, 1}
	}
	l := e.view.lay(q.b)
	k := lineOf(l, q.o)
	if k == len(l.lines)-1 {
		return pos{q.b, len(b.atoms)}
	}
	return pos{q.b, lineEnd(b.atoms, &l.lines[k])}
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

// up is the position on the line above q's.
func (e *Editor) up(q pos) pos {
	_, y, _ := e.view.caret(q)
	if e.blocks[q.b].kind == kBox || lineOf(e.view.lay(q.b), q.o) == 0 {
		y = e.view.tops[q.b]
	}
	return e.vertical(q, y-2)
}

// down is the position on the line below q's.
func (e *Editor) down(q pos) pos {
	i := q.b
	y := e.view.tops[i+1]
	if l := e.view.lay(i); e.blocks[i].kind != kBox {
		if k := lineOf(l, q.o); k < len(l.lines)-1 {
			y = e.view.tops[i] + l.ty + l.lines[k+1].y
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
