package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestClickPlacesCursorAndTakesFocus(t *testing.T) {
	e, w := open(t, "Hello world\n\nSecond\n")
	w.Canvas().Unfocus()
	test.TapCanvas(w.Canvas(), at(e, pos{0, 6}))
	if e.cursor != (pos{0, 6}) || e.anchor != e.cursor {
		t.Errorf("click: %v–%v", e.anchor, e.cursor)
	}
	if w.Canvas().Focused() != e {
		t.Error("a click did not give the editor the keyboard")
	}
	e.view.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pagePos(e, pos{1, 3})},
		Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	if got := selected(e); got != "world\nSec" {
		t.Errorf("Shift+click selected %q", got)
	}
}

func TestDragSelects(t *testing.T) {
	// As the desktop driver sends it: a press, then drag events whose
	// position is where the mouse is now (test.Drag sends the start).
	e, _ := open(t, "Hello world\n\nSecond\n")
	from, mid, to := pagePos(e, pos{0, 6}), pagePos(e, pos{0, 9}), pagePos(e, pos{1, 3})
	e.view.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	e.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.Delta{DX: mid.X - from.X}})
	if got := selected(e); got != "wor" {
		t.Errorf("drag selected %q", got)
	}
	e.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.Delta{DX: to.X - mid.X, DY: to.Y - mid.Y}})
	e.view.DragEnd()
	if got := selected(e); got != "world\nSec" {
		t.Errorf("drag selected %q", got)
	}
	// Without a press first (touch), the drag starts where it began.
	e.mouse = clicks{}
	e.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.Delta{DX: to.X - from.X, DY: to.Y - from.Y}})
	e.view.DragEnd()
	if got := selected(e); got != "world\nSec" {
		t.Errorf("touch drag selected %q", got)
	}
}

func TestDoubleClickWordTripleClickParagraph(t *testing.T) {
	e, w := open(t, "Hello wide world\n\nSecond\n")
	p := pagePos(e, pos{0, 8})
	e.view.DoubleTapped(&fyne.PointEvent{Position: p})
	if got := selected(e); got != "wide" {
		t.Errorf("double click selected %q", got)
	}
	test.TapCanvas(w.Canvas(), onCanvas(e, p))
	if got := selected(e); got != "Hello wide world" {
		t.Errorf("triple click selected %q", got)
	}
	// The desktop driver's presses count clicks themselves.
	e.mouse = clicks{}
	for n, want := range []string{"", "wide", "Hello wide world"} {
		e.view.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary})
		if got := selected(e); got != want {
			t.Errorf("click %d selected %q, want %q", n+1, got, want)
		}
	}
	// A tap the driver sends after those presses changes nothing.
	e.view.Tapped(&fyne.PointEvent{Position: pagePos(e, pos{1, 0})})
	if got := selected(e); got != "Hello wide world" {
		t.Errorf("the late tap changed the selection to %q", got)
	}
}

func TestClickOnChipSelectsAroundIt(t *testing.T) {
	e, w := open(t, "See [@src] here\n")
	x, y, h := e.view.caret(pos{0, 4})
	test.TapCanvas(w.Canvas(), onCanvas(e, fyne.NewPos(x+2, y+h/2)))
	if e.cursor != (pos{0, 4}) {
		t.Errorf("click on a chip's left half: %v", e.cursor)
	}
	x2, _, _ := e.view.caret(pos{0, 5})
	test.TapCanvas(w.Canvas(), onCanvas(e, fyne.NewPos(x2-2, y+h/2)))
	if e.cursor != (pos{0, 5}) {
		t.Errorf("click on a chip's right half: %v", e.cursor)
	}
}
