package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Page Up and Page Down move the section field's cursor by a screenful of
// rows, as a word processor's do. Fyne's entry sends the cursor to the
// start or end of its whole text instead, which in a long section's part
// (textWindow) skipped several screens at a press.

// page moves e's cursor a screenful of rows down (or up), keeping its
// column where the row is long enough.
func (e *bodyEntry) page(down bool) {
	n := pageRows(&e.Entry)
	row, col := e.CursorRow, e.CursorColumn
	if down {
		row += n
		if !rowExists(&e.Entry, row) {
			row = lastRow(&e.Entry)
		}
	} else {
		row = max(row-n, 0)
	}
	if row == e.CursorRow {
		// On the first or last row already: to the start or the end.
		pos := 0
		if down {
			pos = utf8.RuneCountInString(e.Text)
		}
		setCursorOffset(&e.Entry, pos)
		return
	}
	start := rowStart(&e.Entry, row)
	end := utf8.RuneCountInString(e.Text)
	if rowExists(&e.Entry, row+1) {
		// The cursor after a row's last letter stands at the next row's
		// start; one before it is that row's end.
		end = rowStart(&e.Entry, row+1) - 1
	}
	setCursorOffset(&e.Entry, min(start+col, max(end, start)))
}

// pageRows is how many rows of text e shows at once, less one kept in
// view from the screen before, and at least one.
func pageRows(e *widget.Entry) int {
	th := e.Theme()
	h := fyne.MeasureText("M", th.Size(theme.SizeNameText), e.TextStyle).Height + th.Size(theme.SizeNameLineSpacing)
	if h <= 0 {
		return 1
	}
	return max(int(e.Size().Height/h)-1, 1)
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

// rowExists reports whether e has a wrapped row row.
func rowExists(e *widget.Entry, row int) bool {
	return row == 0 || (row > 0 && rowStart(e, row) > 0)
}

// lastRow is e's last wrapped row.
func lastRow(e *widget.Entry) int { return rowAt(e, utf8.RuneCountInString(e.Text)) }

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
