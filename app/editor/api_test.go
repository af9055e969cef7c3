package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// InsertBody puts a phrase into the text at the cursor and blocks in
// whole, each one undo step, with footnotes joining the notes.
func TestInsertBodyAtTheCursor(t *testing.T) {
	e, _ := open(t, "Before after.\n")
	e.SetCursorOffset(len("Before "))
	e.InsertBody(sectiontext.Parse("**bold** {{.name}},"))
	if got := sectiontext.Write(e.Body()); got != "Before **bold** {{.name}},after.\n" {
		t.Fatalf("phrase: %q", got)
	}
	e.SetCursorOffset(len("Before "))
	e.InsertBody(sectiontext.Parse("| a | b |\n|---|---|\n| 1 | 2 |\n"))
	got := sectiontext.Write(e.Body())
	if got != "Before\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n**bold** {{.name}},after.\n" {
		t.Errorf("table: %q", got)
	}
	e.Undo()
	if got := sectiontext.Write(e.Body()); got != "Before **bold** {{.name}},after.\n" {
		t.Errorf("one Undo after the table: %q", got)
	}
	e.SetCursorOffset(len("Before"))
	e.InsertBody(sectiontext.Body{Blocks: []sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.FootnoteRef{Label: "1"}}}},
		Notes: []sectiontext.Footnote{{Label: "1", Blocks: []sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.Text{Text: "The note."}}}}}}})
	if got := sectiontext.Write(e.Body()); got != "Before[^1] **bold** {{.name}},after.\n\n[^1]: The note.\n" {
		t.Errorf("footnote: %q", got)
	}
}

// The cursor's offset survives showing the text again.
func TestCursorOffsetRoundTrips(t *testing.T) {
	e, _ := open(t, "One.\n\nTwo words.\n")
	e.SetCursorOffset(len("One.") + 1 + len("Two"))
	off := e.CursorOffset()
	if err := e.SetBody(sectiontext.Parse("One.\n\nTwo words.\n")); err != nil {
		t.Fatal(err)
	}
	e.SetCursorOffset(off)
	e.TypedRune('!')
	if got := sectiontext.Write(e.Body()); got != "One.\n\nTwo! words.\n" {
		t.Errorf("typed after restoring the cursor: %q", got)
	}
	e.SelectAll()
	if got := e.SelectedText(); got != "One.\nTwo! words." {
		t.Errorf("selected text %q", got)
	}
}

// Tab nests list items, so Ctrl+Tab moves the keyboard on to the next
// control, Ctrl+Shift+Tab back.
func TestCtrlTabLeavesTheText(t *testing.T) {
	a := test.NewTempApp(t)
	_ = a
	e := NewWithOptions(Options{})
	if err := e.SetBody(sectiontext.Parse("Text.\n")); err != nil {
		t.Fatal(err)
	}
	before, after := widget.NewEntry(), widget.NewEntry()
	w := test.NewWindow(container.NewVBox(before, e, after))
	defer w.Close()
	w.Canvas().Focus(e)
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if w.Canvas().Focused() != after {
		t.Errorf("Ctrl+Tab left the keyboard at %T", w.Canvas().Focused())
	}
	w.Canvas().Focus(e)
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if w.Canvas().Focused() != before {
		t.Errorf("Ctrl+Shift+Tab left the keyboard at %T", w.Canvas().Focused())
	}
}
