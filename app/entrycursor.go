package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne's entry places its cursor by wrapped row and column, which only
// the entry knows; Go to Start and Go to End (Ctrl+Home, Ctrl+End) in a
// one-line field such as a section's title need it as an offset.

// setCursorOffset puts e's cursor at rune offset pos of its text, with
// nothing selected. CursorTextOffset reports where a row starts, so the
// row holding pos is found by halving the rows (rowAt).
func setCursorOffset(e *widget.Entry, pos int) {
	if e.SelectedText() != "" {
		// An arrow key ends a selection; moving the cursor alone would
		// stretch it to the new place.
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
	pos = min(max(pos, 0), utf8.RuneCountInString(e.Text))
	row := rowAt(e, pos)
	e.CursorRow, e.CursorColumn = row, pos-rowStart(e, row)
	e.Refresh()
}

// rowStart is the rune offset at which wrapped row row of e starts; a row
// past the last starts at 0, as Fyne reports it.
func rowStart(e *widget.Entry, row int) int {
	r, c := e.CursorRow, e.CursorColumn
	e.CursorRow, e.CursorColumn = row, 0
	off := e.CursorTextOffset()
	e.CursorRow, e.CursorColumn = r, c
	return off
}

// rowAt is the wrapped row of e holding rune offset pos: the last row
// starting at or before it. Row 0 starts at 0 and a row past the last
// reports 0 too, so the rows that start after 0 and at or before pos are
// a run from row 1, found by halving.
func rowAt(e *widget.Entry, pos int) int {
	lo, hi := 0, utf8.RuneCountInString(e.Text)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if b := rowStart(e, mid); b > 0 && b <= pos {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
