package editor

import (
	"testing"

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
