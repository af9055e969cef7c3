package editor

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// clicks counts quick clicks in one place (double, triple click) and
// remembers whether the desktop driver's mouse-down events are coming,
// since taps then arrive late (after the double-tap wait) and must not
// move the cursor a second time.
type clicks struct {
	at    time.Time
	where fyne.Position
	n     int
	down  time.Time
	// tapAt is when the latest double tap came, for a tap that makes it
	// a triple.
	tapAt time.Time
	// dragFrom is where a drag began, set while a drag selects.
	dragFrom pos
	dragging bool
	// open is a box or note a double click opens, once the button is up:
	// a dialog shown at the press lost the keyboard to the window, which
	// on the press and again on the release takes the focus from what is
	// not under the pointer (a teacher's first word went nowhere).
	open func()
}

// clickGap is how soon a click must follow the one before to count with
// it (the usual desktop setting).
const clickGap = 500 * time.Millisecond

// press is a press of the primary button at a point on the page: n is
// the click count; shift extends the selection.
func (e *Editor) press(at fyne.Position, n int, shift bool) {
	e.focus()
	if n == 2 && !shift && e.OnEditNote != nil && !e.readOnly {
		if label, ref, ok := e.view.noteAt(at); ok {
			// The number is selected, so the user sees which note opens.
			if ref.b >= 0 {
				e.anchor = ref
				e.moveTo(pos{ref.b, ref.o + 1}, true)
			}
			e.goalX = -1
			e.mouse.open = func() { e.OnEditNote(label) }
			return
		}
	}
	q := e.view.posAt(at)
	b := e.blocks[q.b]
	switch {
	case b.kind == kBox:
		// A box is selected whole; a double click opens it to edit.
		if shift {
			e.moveTo(pos{q.b, q.o}, true)
		} else {
			e.anchor = pos{q.b, 0}
			e.moveTo(pos{q.b, 1}, true)
		}
		if n == 2 && !shift && e.OnEditBox != nil && !e.readOnly {
			box := b.box
			e.mouse.open = func() { e.OnEditBox(box) }
		}
	case b.kind == kTable && at.X < margin+3 && !shift:
		// Left of its cells (at its left edge): the table whole, to
		// copy or delete.
		e.anchor = pos{q.b, 0}
		e.moveTo(pos{q.b, len(b.atoms)}, true)
	case n == 2:
		a, z := e.wordIn(q)
		e.anchor = pos{q.b, a}
		e.moveTo(pos{q.b, z}, true)
		if z == a+1 && a < len(b.atoms) && e.OnEditConditional != nil && !e.readOnly {
			if c, ok := b.atoms[a].obj.(sectiontext.Conditional); ok {
				e.mouse.open = func() { e.OnEditConditional(c) }
			}
		}
	case n >= 3:
		// A paragraph, or a table's cell.
		a, z := 0, len(b.atoms)
		if b.kind == kTable {
			_, a, z = b.cellAt(q.o)
		}
		e.anchor = pos{q.b, a}
		e.moveTo(pos{q.b, z}, true)
	default:
		e.moveTo(q, shift)
	}
	e.goalX = -1
	e.mouse.dragFrom = e.anchor
}

// wordIn is the word around q in its block, within q's cell in a table.
func (e *Editor) wordIn(q pos) (int, int) {
	b := e.blocks[q.b]
	if b.kind != kTable {
		return wordAt(b.atoms, q.o)
	}
	_, a, z := b.cellAt(q.o)
	wa, wz := wordAt(b.atoms[a:z], q.o-a)
	return a + wa, a + wz
}

// focus takes the keyboard, as clicking a text field does.
func (e *Editor) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}

// MouseDown is part of desktop.Mouseable.
func (p *page) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	c := &p.e.mouse
	now := time.Now()
	// Clicks count together by where they are on the screen: the first
	// of a double click may scroll the text (selecting a box reveals its
	// end), which moves every point of the page under the pointer.
	if now.Sub(c.at) < clickGap && near(ev.AbsolutePosition, c.where) {
		c.n++
	} else {
		c.n = 1
	}
	c.at, c.where, c.down = now, ev.AbsolutePosition, now
	c.open = nil
	p.e.press(ev.Position, c.n, ev.Modifier&fyne.KeyModifierShift != 0)
}

// MouseUp is part of desktop.Mouseable: what a double click opens opens
// now, after the window has done with the release (fyne.Do queues it).
func (p *page) MouseUp(*desktop.MouseEvent) {
	if open := p.e.mouse.open; open != nil {
		p.e.mouse.open = nil
		fyne.Do(open)
	}
}

// openNow opens what a tap's press asked to open: taps come after the
// button is up.
func (e *Editor) openNow() {
	if open := e.mouse.open; open != nil {
		e.mouse.open = nil
		open()
	}
}

func near(a, b fyne.Position) bool {
	dx, dy := a.X-b.X, a.Y-b.Y
	return dx*dx+dy*dy < 25
}

// mouseDriven reports whether the latest press came as a mouse-down, so
// the tap events that follow it are already handled.
func (p *page) mouseDriven() bool { return time.Since(p.e.mouse.down) < 2*clickGap }

// Tapped is part of fyne.Tappable: a tap where no mouse-down came first
// (touch, or tests) places the cursor; a tap soon after a double tap
// selects the paragraph.
func (p *page) Tapped(ev *fyne.PointEvent) {
	if p.mouseDriven() {
		return
	}
	n := 1
	if time.Since(p.e.mouse.tapAt) < clickGap {
		n = 3
	}
	p.e.press(ev.Position, n, p.e.mods&fyne.KeyModifierShift != 0)
}

// DoubleTapped is part of fyne.DoubleTappable: selects a word.
func (p *page) DoubleTapped(ev *fyne.PointEvent) {
	if p.mouseDriven() {
		return
	}
	p.e.mouse.tapAt = time.Now()
	p.e.press(ev.Position, 2, false)
	p.e.openNow()
}

// Dragged is part of fyne.Draggable: dragging selects from where the
// press was, a word or paragraph at a time after a double or triple
// click.
func (p *page) Dragged(ev *fyne.DragEvent) {
	e := p.e
	c := &e.mouse
	if !c.dragging {
		c.dragging = true
		if !p.mouseDriven() {
			// No press came first (tests, touch): the drag's start is.
			e.press(ev.Position.Subtract(ev.Dragged), 1, false)
		}
		c.dragFrom = e.anchor
	}
	to := p.posAt(ev.Position)
	if _, y1 := p.view(); ev.Position.Y > y1 {
		e.scrl.ScrollToOffset(fyne.NewPos(0, e.scrl.Offset.Y+ev.Position.Y-y1))
	} else if y0, _ := p.view(); ev.Position.Y < y0 {
		e.scrl.ScrollToOffset(fyne.NewPos(0, max(0, ev.Position.Y)))
	}
	e.anchor = c.dragFrom
	if e.blocks[to.b].kind == kBox {
		// Dragging over a box takes it whole.
		if to.less(e.anchor) {
			to.o = 0
		} else {
			to.o = 1
		}
	}
	e.cursor = to
	e.endBurst()
	e.changedLayout()
}

// DragEnd is part of fyne.Draggable.
func (p *page) DragEnd() { p.e.mouse.dragging = false }

// Cursor is part of desktop.Cursorable: the text cursor over text.
func (p *page) Cursor() desktop.Cursor { return desktop.TextCursor }

// noteAt is the footnote at a point on the page: a footnote number in
// the text (ref is where it is) or a note in the notes under the text
// (ref.b is -1). A number is small, so a point a little beside it counts.
func (p *page) noteAt(at fyne.Position) (label string, ref pos, ok bool) {
	n := len(p.e.blocks)
	if len(p.tops) != n+1 {
		p.heightsChanged()
	}
	if at.Y >= p.tops[n] {
		top := p.tops[n] + baseSize()
		for _, r := range p.noteRows {
			if at.Y >= top+r.y0-2 && at.Y < top+r.y1+2 {
				return r.label, pos{-1, 0}, true
			}
		}
		return "", pos{}, false
	}
	p.ensure(at.Y-1, at.Y+1)
	i := p.blockAt(at.Y)
	if p.e.blocks[i].kind == kBox {
		return "", pos{}, false
	}
	l := p.lay(i)
	tx, ty, lines := l.tx, l.ty, l.lines
	if p.e.blocks[i].kind == kTable {
		c := l.cellAtPoint(at.X-margin, at.Y-p.tops[i])
		tx, ty, lines = c.tx, c.ty, c.lines
	}
	y, x := at.Y-p.tops[i]-ty, at.X-margin-tx
	for _, ln := range lines {
		if y < ln.y || y >= ln.y+ln.h {
			continue
		}
		for _, pc := range ln.pieces {
			if r, isRef := pc.obj.(sectiontext.FootnoteRef); isRef && x >= pc.x-3 && x <= pc.x+pc.w+3 {
				return r.Label, pos{i, pc.start}, true
			}
		}
	}
	return "", pos{}, false
}
