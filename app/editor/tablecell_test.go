package editor

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// grid2 is a section with a table of two columns, a header row and two
// rows, between two paragraphs.
const grid2 = "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nAfter\n"

// cell is the position o steps into cell c (row by row) of table block i.
func cell(e *Editor, i, c, o int) pos { return pos{i, e.blocks[i].cellStart(c) + o} }

// clickText taps the page just after the drawn text s.
func clickText(t *testing.T, e *Editor, w fyne.Window, s string) {
	t.Helper()
	x := drawnText(t, e, s)
	p := x.Position().Add(fyne.NewPos(x.MinSize().Width-1, x.MinSize().Height/2))
	test.TapCanvas(w.Canvas(), onCanvas(e, p))
}

// The trial's finding: a click in a cell and typing wrote a paragraph
// under the table. Now the text goes in the cell clicked.
func TestClickInACellAndType(t *testing.T) {
	e, w := open(t, grid2)
	if e.blocks[1].kind != kTable {
		t.Fatalf("the table is a %v block", e.blocks[1].kind)
	}
	clickText(t, e, w, "Value")
	if e.cursor != cell(e, 1, 1, 5) || e.anchor != e.cursor {
		t.Fatalf("the click put the cursor at %v–%v, want the end of Value %v", e.anchor, e.cursor, cell(e, 1, 1, 5))
	}
	typeText(e, "s!")
	want(t, e, "Before\n\n| Name | Values! |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nAfter")
	key(e, fyne.KeyBackspace)
	clickText(t, e, w, "1")
	key(e, fyne.KeyBackspace)
	typeText(e, "one")
	want(t, e, "Before\n\n| Name | Values |\n|---|---|\n| a | one |\n| b | 2 |\n\nAfter")
	// At a cell's start Backspace, and at its end Delete, merge nothing.
	key(e, fyne.KeyHome)
	key(e, fyne.KeyBackspace)
	key(e, fyne.KeyEnd)
	key(e, fyne.KeyDelete)
	want(t, e, "Before\n\n| Name | Values |\n|---|---|\n| a | one |\n| b | 2 |\n\nAfter")
	if e.cursor != cell(e, 1, 3, 3) {
		t.Errorf("cursor %v after Home, End", e.cursor)
	}
}

// Bold, a selection in a cell, a field's chip and a typed pipe work in a
// cell as in a paragraph, and the table is stored as canonical Markdown
// with the pipe escaped.
func TestCellFormattingChipsAndPipes(t *testing.T) {
	e, _ := open(t, grid2)
	e.collapse(cell(e, 1, 2, 0))
	shiftKey(e, fyne.KeyRight)
	ctrl(e, fyne.KeyB, false)
	e.collapse(cell(e, 1, 3, 1))
	e.InsertBody(sectiontext.Parse("{{.client}}"))
	typeText(e, " a|b")
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| **a** | 1{{.client}} a\\|b |\n| b | 2 |\n\nAfter")
	b := sectiontext.Parse(md(e))
	tb := b.Blocks[1].(sectiontext.Table)
	if got := e.plain(atomsOf(tb.Rows[1].Cells[1].Inlines, style{}, nil)); got != "1client a|b" {
		t.Errorf("the cell reads back as %q", got)
	}
	// Bold across cells all bold makes them plain again.
	e.anchor, e.cursor = cell(e, 1, 0, 0), cell(e, 1, 2, 1)
	ctrl(e, fyne.KeyB, false)
	ctrl(e, fyne.KeyB, false)
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1{{.client}} a\\|b |\n| b | 2 |\n\nAfter")
	// A line break pasted into a cell is a space: a cell is one line.
	e.collapse(pos{0, 3})
	shiftKey(e, fyne.KeyReturn)
	e.anchor, e.cursor = pos{0, 2}, pos{0, 5}
	c := test.NewClipboard()
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	e.collapse(cell(e, 1, 4, 1))
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	if got := e.plain(e.blocks[1].atoms); strings.Contains(got, "\n") || !strings.Contains(md(e), "| bf o | 2 |") {
		t.Errorf("a line break pasted in a cell: %q, stored %q", got, md(e))
	}
}

// Arrows: Left at a cell's start goes to the cell before, Right at its
// end to the next; Up and Down go to the cell above and below, and out
// of the table at its first and last rows.
func TestArrowsInATable(t *testing.T) {
	e, _ := open(t, grid2)
	e.collapse(cell(e, 1, 1, 0))
	key(e, fyne.KeyLeft)
	if e.cursor != cell(e, 1, 0, 4) {
		t.Errorf("Left at a cell's start: %v", e.cursor)
	}
	key(e, fyne.KeyRight)
	key(e, fyne.KeyRight)
	if e.cursor != cell(e, 1, 1, 1) {
		t.Errorf("Right, Right: %v", e.cursor)
	}
	key(e, fyne.KeyDown)
	if c, _, _ := e.blocks[1].cellAt(e.cursor.o); e.cursor.b != 1 || c != 3 {
		t.Errorf("Down from Value: %v, cell %d", e.cursor, c)
	}
	key(e, fyne.KeyDown)
	if c, _, _ := e.blocks[1].cellAt(e.cursor.o); e.cursor.b != 1 || c != 5 {
		t.Errorf("Down again: %v, cell %d", e.cursor, c)
	}
	key(e, fyne.KeyDown)
	if e.cursor.b != 2 {
		t.Errorf("Down from the last row: %v, want in After", e.cursor)
	}
	key(e, fyne.KeyUp)
	if c, _, _ := e.blocks[1].cellAt(e.cursor.o); e.cursor.b != 1 || c != 5 {
		t.Errorf("Up from After: %v, cell %d, want the last row's cell in the column Down left", e.cursor, c)
	}
	key(e, fyne.KeyUp)
	if c, _, _ := e.blocks[1].cellAt(e.cursor.o); e.cursor.b != 1 || c != 3 {
		t.Errorf("Up from the last row: %v, cell %d", e.cursor, c)
	}
	key(e, fyne.KeyUp)
	key(e, fyne.KeyUp)
	if e.cursor.b != 0 {
		t.Errorf("Up from the header row: %v, want in Before", e.cursor)
	}
	e.collapse(pos{2, 0})
	key(e, fyne.KeyLeft)
	if e.cursor != (pos{1, len(e.blocks[1].atoms)}) {
		t.Errorf("Left from After: %v, want the end of the last cell", e.cursor)
	}
}

// Tab selects the next cell's text, Shift+Tab the one before; Tab in the
// last cell adds a row (one undo step), Enter goes to the cell below and
// from the last row to a new paragraph after the table.
func TestTabAndEnterInATable(t *testing.T) {
	e, _ := open(t, grid2)
	e.collapse(cell(e, 1, 0, 2))
	key(e, fyne.KeyTab)
	if selected(e) != "Value" {
		t.Errorf("Tab selected %q", selected(e))
	}
	shiftKey(e, fyne.KeyTab)
	if selected(e) != "Name" {
		t.Errorf("Shift+Tab selected %q", selected(e))
	}
	shiftKey(e, fyne.KeyTab)
	if selected(e) != "Name" {
		t.Errorf("Shift+Tab in the first cell selected %q", selected(e))
	}
	e.collapse(cell(e, 1, 5, 1))
	key(e, fyne.KeyTab)
	typeText(e, "c")
	key(e, fyne.KeyTab)
	typeText(e, "3")
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n| c | 3 |\n\nAfter")
	e.Undo()
	e.Undo()
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n|  |  |\n\nAfter")
	e.Undo()
	want(t, e, grid2)
	if e.cursor != cell(e, 1, 5, 1) {
		t.Errorf("Undo put the cursor at %v, want where Tab was pressed", e.cursor)
	}
	e.collapse(cell(e, 1, 0, 1))
	key(e, fyne.KeyReturn)
	if e.cursor != cell(e, 1, 2, 1) {
		t.Errorf("Enter: %v, want the end of the cell below", e.cursor)
	}
	if e.CanUndo() && md(e) != grid2 {
		t.Error("Enter changed the text")
	}
	e.collapse(cell(e, 1, 5, 1))
	key(e, fyne.KeyReturn)
	typeText(e, "Next")
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nNext\n\nAfter")
	// Shift+Enter in a cell does nothing: a cell is one line.
	e.collapse(cell(e, 1, 0, 1))
	shiftKey(e, fyne.KeyReturn)
	want(t, e, "Before\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nNext\n\nAfter")
}

// A long cell wraps inside its column, and the row is as tall as it.
func TestLongCellWrapsInItsCell(t *testing.T) {
	long := strings.Repeat("word ", 40) + "end"
	e, _ := open(t, "| A | B |\n|---|---|\n| "+long+" | x |\n")
	l := e.view.lay(0)
	c, other := l.cells[2], l.cells[3]
	if len(c.lines) < 3 {
		t.Fatalf("the long cell is %d lines", len(c.lines))
	}
	for _, ln := range c.lines {
		if w := ln.pieces[len(ln.pieces)-1]; w.x+w.w > c.w+1 {
			t.Errorf("a line runs %v wide in a cell %v wide", w.x+w.w, c.w)
		}
	}
	last := c.lines[len(c.lines)-1]
	if other.h != c.h || c.h < last.y+last.h {
		t.Errorf("row heights %v and %v, the long cell's text %v", c.h, other.h, last.y+last.h)
	}
	for _, x := range drawn(e) {
		if strings.HasPrefix(x.Text, "word") && x.Position().X+x.MinSize().Width > margin+c.x+c.w+e.measr.width(" ", font{size: baseSize()}) {
			t.Errorf("%q is drawn from %v to %v, past the cell's right edge %v", x.Text, x.Position().X, x.Position().X+x.MinSize().Width, margin+c.x+c.w)
		}
	}
}

// A double click in a cell selects a word there: the grid dialog is not
// opened for a table, whose cells are edited in place.
func TestDoubleClickInACellSelectsAWord(t *testing.T) {
	e, _ := open(t, "| Head | B |\n|---|---|\n| two words | x |\n")
	opened := false
	e.OnEditBox = func(sectiontext.Block) { opened = true }
	for _, c := range []struct {
		at   pos
		word string
	}{{cell(e, 0, 2, 1), "two"}, {cell(e, 0, 2, 9), "words"}} {
		x, y, _ := e.view.caret(c.at)
		e.view.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(x, y+4)})
		if opened || selected(e) != c.word {
			t.Errorf("double click: opened %v, selected %q, want %q", opened, selected(e), c.word)
		}
		e.mouse.tapAt = time.Time{}
	}
	if b, ok := e.SelectedBox(); !ok || len(b.(sectiontext.Table).Rows) != 2 {
		t.Errorf("Edit Table… does not see the table the cursor is in: %v", ok)
	}
	// What the grid dialog gives back replaces it, still a table edited
	// in place, selected whole.
	if !e.ReplaceSelectedBox(sectiontext.Parse("| X |\n|---|\n| y |\n").Blocks[0]) {
		t.Fatal("ReplaceSelectedBox refused")
	}
	want(t, e, "| X |\n|---|\n| y |")
	if e.blocks[0].kind != kTable || !e.wholeTable() {
		t.Errorf("the new table is a %v block, selected %v–%v", e.blocks[0].kind, e.anchor, e.cursor)
	}
	e.Undo()
	want(t, e, "| Head | B |\n|---|---|\n| two words | x |")
}

// A table left as it was is handed back as SetBody gave it, and text
// typed around it leaves it so.
func TestUneditedTableKeepsItsBytes(t *testing.T) {
	src := "Before\n\n|Name|Value|\n|:--|--:|\n|a|1|\n\nAfter\n"
	e, _ := open(t, src)
	orig := sectiontext.Parse(src).Blocks[1]
	e.collapse(pos{0, 6})
	typeText(e, "!")
	e.collapse(cell(e, 1, 0, 0))
	key(e, fyne.KeyLeft)
	key(e, fyne.KeyTab)
	if got := e.Body().Blocks[1]; !tableSame(got, orig) {
		t.Errorf("the unedited table came back as %#v", got)
	}
	e.collapse(cell(e, 1, 2, 1))
	typeText(e, "b")
	if got := md(e); !strings.Contains(got, "| Name | Value |\n|:---|---:|\n| ab | 1 |") {
		t.Errorf("an edited table keeps its alignments: %q", got)
	}
	// A table as the app built it, rows short of cells, comes back as
	// it was given while unedited.
	given := sectiontext.Table{Align: make([]sectiontext.Align, 2), Rows: []sectiontext.Row{{Cells: []sectiontext.Cell{{}}}}}
	if err := e.SetBody(sectiontext.Body{Blocks: []sectiontext.Block{given}}); err != nil {
		t.Fatal(err)
	}
	key(e, fyne.KeyRight)
	if got := e.Body().Blocks[0]; !reflect.DeepEqual(got, given) {
		t.Errorf("handed back %#v", got)
	}
}

func tableSame(a, b sectiontext.Block) bool {
	return sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{a}}) == sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{b}})
}

// Backspace and Delete beside a table never merge text into it: an empty
// paragraph next to it goes, Backspace after it goes into its last cell.
func TestBackspaceAndDeleteBesideATable(t *testing.T) {
	e, _ := open(t, grid2)
	end := pos{1, len(e.blocks[1].atoms)}
	e.collapse(end)
	key(e, fyne.KeyReturn)
	key(e, fyne.KeyBackspace)
	want(t, e, grid2)
	if e.cursor != end || len(e.blocks) != 3 {
		t.Errorf("Backspace in the empty paragraph: cursor %v, want %v; %d blocks, want 3", e.cursor, end, len(e.blocks))
	}
	e.collapse(pos{2, 0})
	key(e, fyne.KeyBackspace)
	want(t, e, grid2)
	if e.cursor != end {
		t.Errorf("Backspace at After's start: cursor %v, want %v", e.cursor, end)
	}
	key(e, fyne.KeyDelete)
	want(t, e, grid2)
	key(e, fyne.KeyReturn)
	e.collapse(end)
	key(e, fyne.KeyDelete)
	want(t, e, grid2)
	if len(e.blocks) != 3 {
		t.Errorf("%d blocks after Delete at the table's end, want 3", len(e.blocks))
	}
	e.collapse(pos{0, 6})
	key(e, fyne.KeyDelete)
	want(t, e, grid2)
	e.anchor, e.cursor = pos{0, 0}, pos{0, 6}
	key(e, fyne.KeyDelete)
	key(e, fyne.KeyDelete)
	want(t, e, strings.TrimPrefix(grid2, "Before\n\n"))
	if e.cursor != (pos{0, 0}) || e.blocks[0].kind != kTable {
		t.Errorf("Delete in the empty paragraph before the table: cursor %v", e.cursor)
	}
}

// A narrow column is given room for its longest word rather than break
// it ("Instrume / nt"), the room taken from columns of long text.
func TestColumnFitsItsLongestWord(t *testing.T) {
	long := strings.Repeat("long text ", 5)
	e, _ := open(t, "| A | B | C |\n|---|---|---|\n| **Infrastructure** | "+long+" | "+long+" |\n")
	l := e.view.lay(0)
	if c := l.cells[3]; len(c.lines) != 1 {
		t.Errorf("Infrastructure (bold) is set on %d lines in a column %v wide", len(c.lines), c.w)
	}
	if c := l.cells[4]; c.w <= l.cells[3].w {
		t.Errorf("the long text's column (%v) is not the wider", c.w)
	}
}
