package editor

import (
	"strings"
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

// Questions numbered one by one, each followed by its answer lines, count
// on (1, 2, 3), as a word processor continues a numbered list past what
// stands between; after text of its own a new list starts at 1.
func TestNumbersCountOnPastAnswerLines(t *testing.T) {
	e, _ := open(t, "1. First?\n\n```lines 3\n```\n\nSecond?\n\n```lines 3\n```\n\nThird?\n\nA paragraph.\n\nAnother?\n")
	for _, text := range []string{"Second?", "Third?", "Another?"} {
		e.SetCursorOffset(offsetOf(t, e, text))
		e.SetList(true)
	}
	got := sectiontext.Write(e.Body())
	for _, want := range []string{"1. First?", "2. Second?", "3. Third?", "A paragraph.\n\n1. Another?"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

// offsetOf is the cursor offset at the start of the block whose text is
// text.
func offsetOf(t *testing.T, e *Editor, text string) int {
	t.Helper()
	n := 0
	for i, b := range e.blocks {
		if b.kind != kBox && e.plain(b.atoms) == text {
			return n
		}
		n += e.blockLen(i) + 1
	}
	t.Fatalf("no block %q", text)
	return 0
}

// A box selected by a click is not replaced by what is typed next:
// Enter and typing write on after it; Delete still removes it.
func TestTypingOverASelectedBoxWritesAfterIt(t *testing.T) {
	const box = "> [!KEY]\n> Remember this.\n"
	e, _ := open(t, "Before.\n\n"+box)
	e.anchor, e.cursor = pos{1, 0}, pos{1, 1}
	key(e, fyne.KeyReturn)
	e.TypedRune('X')
	if got := md(e); got != "Before.\n\n"+box+"\nX\n" {
		t.Errorf("Enter and X on a selected box: %q", got)
	}
	e.anchor, e.cursor = pos{1, 0}, pos{1, 1}
	e.TypedRune('Y')
	if got := md(e); !strings.Contains(got, "Remember this.") || !strings.Contains(got, "Y") {
		t.Errorf("typing over a selected box: %q", got)
	}
	e.anchor, e.cursor = pos{1, 0}, pos{1, 1}
	key(e, fyne.KeyDelete)
	if got := md(e); strings.Contains(got, "Remember this.") {
		t.Errorf("Delete kept the box: %q", got)
	}
}

// A double click on a box hands it to OnEditBox (the app opens it to
// edit), selected, and ReplaceSelectedBox puts the edited one in its
// place as one undo step.
func TestDoubleClickOnABoxOpensIt(t *testing.T) {
	e, _ := open(t, "Before\n\n```lines 3\n```\n\nAfter\n")
	var got sectiontext.Block
	e.OnEditBox = func(b sectiontext.Block) { got = b }
	x, y, _ := e.view.caret(pos{1, 0})
	click := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x+40, y+4)}, Button: desktop.MouseButtonPrimary}
	e.view.MouseDown(click)
	e.view.MouseUp(click)
	e.view.MouseDown(click)
	// Not while the button is down: the window would take the keyboard
	// from the dialog as the press and the release end.
	if got != nil {
		t.Fatalf("opened at the press: %#v", got)
	}
	e.view.MouseUp(click)
	if got != (sectiontext.AnswerLines{Count: 3}) {
		t.Fatalf("OnEditBox got %#v", got)
	}
	if !e.ReplaceSelectedBox(sectiontext.AnswerLines{Count: 5}) {
		t.Fatal("the box was not selected")
	}
	if md(e) != "Before\n\n```lines 5\n```\n\nAfter\n" {
		t.Errorf("replaced: %q", md(e))
	}
	e.Undo()
	if md(e) != "Before\n\n```lines 3\n```\n\nAfter\n" {
		t.Errorf("after Undo: %q", md(e))
	}
}
