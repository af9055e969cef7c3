package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The table is selected whole by a click at its left edge (or Ctrl+A),
// copied and pasted whole, and Delete removes it; typing over some of
// its cells empties them and writes in the first.
func TestWholeTableSelectCopyDelete(t *testing.T) {
	e, w := open(t, grid2)
	top := e.view.tops[1]
	test.TapCanvas(w.Canvas(), onCanvas(e, fyne.NewPos(margin-4, top+8)))
	if e.anchor != (pos{1, 0}) || e.cursor != (pos{1, len(e.blocks[1].atoms)}) {
		t.Fatalf("a click at the table's edge selected %v–%v", e.anchor, e.cursor)
	}
	if n := len(rects(e, rSel)); n != 6 {
		t.Errorf("%d cells shaded, want 6", n)
	}
	c := test.NewClipboard()
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	if c.Content() != "Name\tValue\na\t1\nb\t2" {
		t.Errorf("copied %q", c.Content())
	}
	key(e, fyne.KeyDelete)
	want(t, e, "Before\n\nAfter")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nAfter")
	// A selection from a paragraph into the table takes it whole.
	e.anchor, e.cursor = pos{0, 3}, cell(e, 1, 1, 2)
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	if c.Content() != "ore\nName\tValue\na\t1\nb\t2" {
		t.Errorf("copied %q", c.Content())
	}
	key(e, fyne.KeyBackspace)
	want(t, e, "Bef\n\nAfter")
	e.Undo()
	ctrl(e, fyne.KeyEnd, false)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, strings.TrimSuffix(grid2, "After\n")+"Afterore\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |")
	// Across cells, typing empties them and writes in the first.
	e, _ = open(t, grid2)
	e.anchor, e.cursor = cell(e, 1, 1, 2), cell(e, 1, 3, 1)
	if n := len(rects(e, rSel)); n != 3 {
		t.Errorf("%d cells shaded, want 3", n)
	}
	e.TypedRune('X')
	want(t, e, "Before\n\n| Name | VaX |\n|---|---|\n|  |  |\n| b | 2 |\n\nAfter")
	e.SelectAll()
	key(e, fyne.KeyDelete)
	want(t, e, "")
}

// Text with tabs pasted into a cell fills the cells to its right and
// the rows below (adding rows); pasted elsewhere, tabs are spaces.
func TestPastedTabsFillCells(t *testing.T) {
	e, _ := open(t, grid2)
	e.collapse(cell(e, 1, 2, 1))
	e.PasteText("x\ty\tz\np\tq\nr")
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| ax | y z |\n| p | q |\n| r |  |\n\nAfter")
	e.PasteText("\n\nlast")
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| ax | y z |\n| p | q |\n| r |  |\n|  |  |\n| last |  |\n\nAfter")
	if e.cursor != cell(e, 1, 10, 4) {
		t.Errorf("cursor %v after the paste, want the end of last", e.cursor)
	}
	e.collapse(pos{2, 5})
	e.PasteText("\tx\ty")
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| ax | y z |\n| p | q |\n| r |  |\n|  |  |\n| last |  |\n\nAfter x y")
}

// A drag from the paragraph above into a table selects the table whole
// (shaded whole) and Delete takes it with the text dragged over.
func TestDragAcrossATableTakesItWhole(t *testing.T) {
	e, _ := open(t, grid2)
	from := pagePos(e, pos{0, 3})
	to := pagePos(e, cell(e, 1, 2, 1))
	e.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	e.view.DragEnd()
	if e.anchor != (pos{0, 3}) || e.cursor.b != 1 {
		t.Fatalf("the drag selected %v–%v", e.anchor, e.cursor)
	}
	if n := len(rects(e, rSel)); n < 7 {
		t.Errorf("%d shaded rectangles, want the text and all 6 cells", n)
	}
	key(e, fyne.KeyDelete)
	want(t, e, "Bef\n\nAfter")
}
