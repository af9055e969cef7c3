package editor

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Rows and columns are added and removed where the cursor is, each one
// undo step that puts back the text and the cursor.
func TestInsertAndDeleteRowsAndColumns(t *testing.T) {
	e, _ := open(t, grid2)
	if e.InsertRow(true) {
		t.Error("InsertRow outside a table did something")
	}
	e.collapse(cell(e, 1, 5, 1))
	steps := []struct {
		do   func() bool
		want string
	}{
		{func() bool { return e.InsertRow(true) }, "| Name | Value |\n|---|---|\n| a | 1 |\n|  |  |\n| b | 2 |"},
		{func() bool { return e.InsertRow(false) }, "| Name | Value |\n|---|---|\n| a | 1 |\n|  |  |\n|  |  |\n| b | 2 |"},
		{e.DeleteRow, "| Name | Value |\n|---|---|\n| a | 1 |\n|  |  |\n| b | 2 |"},
		{func() bool { return e.InsertColumn(true) }, "| Name |  | Value |\n|---|---|---|\n| a |  | 1 |\n|  |  |  |\n| b |  | 2 |"},
		{func() bool { return e.InsertColumn(false) }, "| Name |  |  | Value |\n|---|---|---|---|\n| a |  |  | 1 |\n|  |  |  |  |\n| b |  |  | 2 |"},
		{e.DeleteColumn, "| Name |  | Value |\n|---|---|---|\n| a |  | 1 |\n|  |  |  |\n| b |  | 2 |"},
	}
	var before []pos
	for k, s := range steps {
		before = append(before, e.cursor)
		if !s.do() {
			t.Fatalf("step %d did nothing", k)
		}
		want(t, e, "Before\n\n"+s.want+"\n\nAfter")
	}
	typeText(e, "new")
	if !strings.Contains(md(e), "| b | | 2new |") {
		t.Errorf("typed in the new column: %q", md(e))
	}
	e.Undo()
	for k := len(steps) - 1; k >= 0; k-- {
		e.Undo()
		if e.cursor != before[k] {
			t.Errorf("Undo of step %d put the cursor at %v, want %v", k, e.cursor, before[k])
		}
	}
	want(t, e, grid2)
	// Undo gives back the alignments of a table whose columns changed.
	src := "| A | B | C |\n|:---|:---:|---:|\n| 1 | 2 | 3 |\n"
	e, _ = open(t, src)
	e.collapse(pos{0, 0})
	e.InsertColumn(true)
	e.Undo()
	if md(e) != src {
		t.Errorf("after InsertColumn and Undo: %q", md(e))
	}
	// Removing the last row and the last column removes the table.
	e, _ = open(t, "| A |\n|---|\n\nAfter\n")
	e.collapse(pos{0, 0})
	e.DeleteColumn()
	want(t, e, "After")
}

// A right click in a table's cell puts the cursor there and opens the
// table's menu, whose items add and remove rows and columns there.
func TestRightClickOpensTheTableMenu(t *testing.T) {
	e, w := open(t, grid2)
	e.collapse(cell(e, 1, 0, 1))
	x, y, _ := e.view.caret(cell(e, 1, 3, 1))
	e.view.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(x, y+4), AbsolutePosition: onCanvas(e, fyne.NewPos(x, y+4))})
	if e.cursor != cell(e, 1, 3, 1) {
		t.Errorf("the right click put the cursor at %v", e.cursor)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu opened")
	}
	var labels []string
	for _, it := range e.tableMenu().Items {
		labels = append(labels, it.Label)
		if it.Label == "Insert row below" {
			it.Action()
		}
	}
	if !reflect.DeepEqual(labels, []string{"Insert row above", "Insert row below", "Delete row", "", "Insert column left", "Insert column right", "Delete column"}) {
		t.Errorf("menu %q", labels)
	}
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n|  |  |\n| b | 2 |\n\nAfter")
	w.Canvas().Overlays().Top().Hide()
	// Not in a paragraph.
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	e.view.TappedSecondary(&fyne.PointEvent{Position: pagePos(e, pos{0, 2})})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a right click on a paragraph opened the table's menu")
	}
}
