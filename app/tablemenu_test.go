package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// tableMenuItem is Format › Table › label.
func (w *mainWindow) tableMenuItem(t *testing.T, label string) *fyne.MenuItem {
	t.Helper()
	table := w.menuItem("Format", "Table")
	if table.ChildMenu == nil {
		t.Fatal("Format › Table has no submenu")
	}
	for _, it := range table.ChildMenu.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no Format › Table › %s", label)
	return nil
}

// Format › Table adds and removes rows and columns of the table the
// cursor is in, each one undo step; with the cursor elsewhere it says to
// click in a cell.
func TestFormatTableMenu(t *testing.T) {
	src := "Intro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
	h, s := boxHarness(t, src)
	s.rich.SetCursorOffset(0)
	h.w.tableMenuItem(t, "Insert row below").Action()
	if len(h.ui.infos) != 1 || !strings.Contains(h.ui.infos[0], "Click in a cell") {
		t.Errorf("outside a table: told %q", h.ui.infos)
	}
	// In cell "1": past "Intro." and the step into the table, A, B.
	s.rich.SetCursorOffset(len("Intro.") + 1 + len("A\tB\t"))
	if !s.rich.InTable() {
		t.Fatal("the cursor is not in the table")
	}
	h.w.tableMenuItem(t, "Insert row below").Action()
	h.w.tableMenuItem(t, "Insert column right").Action()
	if got := h.body2(); !strings.Contains(got, "| A | | B |\n|---|---|---|\n| 1 | | 2 |\n| | | |") {
		t.Errorf("after Insert row below, Insert column right: %q", got)
	}
	h.w.tableMenuItem(t, "Delete column").Action()
	h.w.tableMenuItem(t, "Delete row").Action()
	h.w.tableMenuItem(t, "Insert row above").Action()
	h.w.tableMenuItem(t, "Insert column left").Action()
	if got := h.body2(); !strings.Contains(got, "| A | | B |\n|---|---|---|\n| | | |\n| 1 | | 2 |\n") {
		t.Errorf("after Delete column, Delete row, Insert row above, Insert column left: %q", got)
	}
	for range 6 {
		h.w.menuItem("Edit", "Undo").Action()
	}
	if got := h.body2(); !strings.Contains(got, "| A | B |\n|---|---|\n| 1 | 2 |") {
		t.Errorf("six Undos: %q", got)
	}
}
