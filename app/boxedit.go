package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// The formatted editor edits a table's cells in place (Format › Table
// adds and removes rows and columns) and shows call-outs and answer lines
// as the page does but does not edit inside them; a double click on one
// (or Insert › Edit table or box…) opens it here — answer lines as their
// count, a call-out or a quote in a formatted editor of its own, a
// glossary as rows of terms, code as its lines, and (from the menu, the
// cursor in it) a table as a grid of fields to type in — and what comes
// back replaces it, one undo step. No box is edited as Markdown.

// onEditBox edits the box selected in the formatted editor.
func (s *sectionPanel) onEditBox() {
	if !s.richOn() || !s.editable() {
		return
	}
	b, ok := s.rich.SelectedBox()
	if !ok {
		s.w.ui.showInfo("Edit a table or box", "Click in a table, or click a call-out or answer lines to select it first, or double-click it.")
		return
	}
	s.editBox(b)
}

// editBox opens box b (the one selected) to edit.
func (s *sectionPanel) editBox(b sectiontext.Block) {
	switch x := b.(type) {
	case sectiontext.Table:
		s.w.ui.editTable(tableCells(x), func(cells [][]string) {
			if cells != nil {
				s.rich.ReplaceSelectedBox(withCells(x, cells))
				s.focusBody()
			}
		})
	case sectiontext.AnswerLines:
		s.askCount("Answer lines", []formField{{label: "Lines", value: strconv.Itoa(x.Count)}}, sectiontext.MaxAnswerLines, func(n []int) {
			s.rich.ReplaceSelectedBox(sectiontext.AnswerLines{Count: n[0]})
			s.focusBody()
		})
	case sectiontext.Callout:
		s.editCallout(x)
	case sectiontext.Quote:
		s.editQuote(x)
	case sectiontext.Glossary:
		s.editGlossary(x)
	case sectiontext.CodeBlock:
		s.editCode(x, x.Text, func(t string) sectiontext.Block { return sectiontext.CodeBlock{Language: x.Language, Text: t} })
	case sectiontext.HTMLBlock:
		s.editCode(x, x.Text, func(t string) sectiontext.Block { return sectiontext.HTMLBlock{Text: t} })
	case sectiontext.PageBreak:
		s.w.ui.showInfo("Page break", "A page break has nothing to edit: the text after it starts a new page. To remove it, click it and press Delete.")
	case sectiontext.Rule:
		s.w.ui.showInfo("Line", "A line across the page has nothing to edit. To remove it, click it and press Delete.")
	default:
		// A list whose items hold more than a line of text each (a
		// table in an item, say): the formatted editor shows it whole.
		s.w.ui.showInfo("A list of boxes", "Items of this list hold more than text (a table or a box inside an item), so it is moved and deleted as one box. To change it, delete it and make the list again.")
	}
}

// tableCells is a table's cells as plain text, the heading row first.
func tableCells(t sectiontext.Table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		for _, c := range r.Cells {
			out[i] = append(out[i], cellText(c.Inlines))
		}
	}
	return out
}

// cellText is a cell's text as a person reads it: styles dropped, a
// field as its label in brackets.
func cellText(in []sectiontext.Inline) string {
	return plainInlines(in, func(x sectiontext.Inline) string {
		switch x := x.(type) {
		case sectiontext.Field:
			return "[" + x.Name + "]"
		case sectiontext.Citation:
			return "[@" + strings.Join(x.IDs, "; @") + "]"
		}
		return "…"
	})
}

// withCells is t with cells typed in the grid: a cell whose text is as it
// was keeps its formatting; a changed one is the text typed, literally
// (what a user types is what prints). Rows and columns may have been
// added or removed; the first row stays the heading row.
func withCells(t sectiontext.Table, cells [][]string) sectiontext.Table {
	old := tableCells(t)
	cols := 0
	for _, r := range cells {
		cols = max(cols, len(r))
	}
	out := sectiontext.Table{Align: slices.Clone(t.Align)}
	for len(out.Align) < cols {
		out.Align = append(out.Align, sectiontext.AlignNone)
	}
	out.Align = out.Align[:cols]
	for i, r := range cells {
		row := sectiontext.Row{Header: i == 0}
		for j := range cols {
			text := ""
			if j < len(r) {
				text = r[j]
			}
			if i < len(old) && j < len(old[i]) && old[i][j] == text {
				row.Cells = append(row.Cells, t.Rows[i].Cells[j])
				continue
			}
			var in []sectiontext.Inline
			if text != "" {
				in = []sectiontext.Inline{sectiontext.Text{Text: text}}
			}
			row.Cells = append(row.Cells, sectiontext.Cell{Inlines: in})
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// showTableEditor is the real table editor: a field per cell, the heading
// row first, Tab from one to the next; rows and columns are added and
// removed at the end.
func (w *mainWindow) showTableEditor(cells [][]string, done func([][]string)) {
	cells = slices.Clone(cells)
	for i := range cells {
		cells[i] = slices.Clone(cells[i])
	}
	grid := container.NewVBox()
	var entries [][]*cellEntry
	var build func()
	read := func() {
		for i, r := range entries {
			for j, e := range r {
				cells[i][j] = e.Text
			}
		}
	}
	// Tab in the last cell adds a row, as in Word, and goes to its first
	// cell.
	addRow := func() {
		read()
		cells = append(cells, make([]string, len(cells[0])))
		build()
		w.win.Canvas().Focus(entries[len(entries)-1][0])
	}
	build = func() {
		grid.Objects = nil
		entries = nil
		cols := len(cells[0])
		g := container.NewGridWithColumns(cols)
		for i, r := range cells {
			var row []*cellEntry
			for j := range cols {
				e := newCellEntry(w)
				if j < len(r) {
					e.SetText(r[j])
				}
				if i == len(cells)-1 && j == cols-1 {
					e.onTab = addRow
				}
				if i == 0 {
					e.TextStyle = fyne.TextStyle{Bold: true}
					e.SetPlaceHolder(fmt.Sprintf("Heading %d", j+1))
				}
				row = append(row, e)
				g.Add(e)
			}
			entries = append(entries, row)
		}
		grid.Add(g)
		grid.Refresh()
	}
	build()
	buttons := container.NewHBox(
		widget.NewButton("Add row", addRow),
		widget.NewButton("Add column", func() {
			read()
			for i := range cells {
				cells[i] = append(cells[i], "")
			}
			build()
		}),
		widget.NewButton("Remove last row", func() {
			if read(); len(cells) > 2 {
				cells = cells[:len(cells)-1]
				build()
			}
		}),
		widget.NewButton("Remove last column", func() {
			if read(); len(cells[0]) > 1 {
				for i := range cells {
					cells[i] = cells[i][:len(cells[i])-1]
				}
				build()
			}
		}),
	)
	hint := widget.NewLabel("The first row is the heading row. Tab moves to the next cell; in the last cell it adds a row. Enter is Done.")
	content := container.NewBorder(hint, buttons, nil, nil, container.NewVScroll(grid))
	d := dialog.NewCustomConfirm("Edit table", "Done", "Cancel", content, func(ok bool) {
		if !ok {
			done(nil)
			return
		}
		read()
		done(cells)
	}, w.win)
	d.Resize(fyne.NewSize(min(w.win.Canvas().Size().Width-80, 900), min(w.win.Canvas().Size().Height-80, 560)))
	w.withKeys(d, d.Confirm, d.Hide)
	w.win.Canvas().Focus(entries[0][0])
}

// cellEntry is a table cell's field in the table editor: moving into it
// selects what it holds, as a spreadsheet's or Word's table cell does, so
// typing replaces a new table's "Heading 2" or "Text" (it was added to:
// "ShareHeading 2"); Enter presses Done and Esc cancels (dialogEntry).
type cellEntry struct {
	dialogEntry
	// onTab, set on the last cell, is what Tab does there: add a row.
	onTab func()
}

func newCellEntry(w *mainWindow) *cellEntry {
	e := &cellEntry{}
	e.w = w
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { w.dialogKey(fyne.KeyReturn) }
	return e
}

// FocusGained selects the cell's text.
func (e *cellEntry) FocusGained() {
	e.dialogEntry.FocusGained()
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// AcceptsTab reports whether Tab is the cell's own: the last cell's, which
// adds a row; elsewhere Tab moves to the next cell.
func (e *cellEntry) AcceptsTab() bool { return e.onTab != nil }

// TypedKey adds a row on Tab in the last cell.
func (e *cellEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyTab && e.onTab != nil {
		if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
			e.w.win.Canvas().FocusPrevious()
			return
		}
		e.onTab()
		return
	}
	e.dialogEntry.TypedKey(k)
}
