package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// A double click on a footnote's number, or on its note under the text,
// asks the app to edit the note; a double click on a word still selects
// the word.
func TestDoubleClickOnFootnoteEditsItsNote(t *testing.T) {
	e, _ := open(t, "Text[^1] more words.\n\n[^1]: The note.\n")
	var asked []string
	e.OnEditNote = func(l string) { asked = append(asked, l) }
	x0, y, h := e.view.caret(pos{0, 4})
	x1, _, _ := e.view.caret(pos{0, 5})
	e.view.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos((x0+x1)/2, y+h/2)})
	if len(asked) != 1 || asked[0] != "1" {
		t.Fatalf("double click on the number asked %q", asked)
	}
	if got := selected(e); got != "1" {
		t.Errorf("the number is not selected: %q", got)
	}
	e.view.DoubleTapped(&fyne.PointEvent{Position: pagePos(e, pos{0, 12})})
	if len(asked) != 1 || selected(e) != "words" {
		t.Errorf("double click on a word: asked %q, selected %q", asked, selected(e))
	}
	note := drawnText(t, e, "The note.")
	e.view.DoubleTapped(&fyne.PointEvent{Position: note.Position().AddXY(5, note.Size().Height/2)})
	if len(asked) != 2 || asked[1] != "1" {
		t.Errorf("double click on the note asked %q", asked)
	}
}

// A note's new text is one undo step; Undo gives the old text back.
func TestReplaceNoteIsOneUndoStep(t *testing.T) {
	src := "Text[^1] more.\n\n[^1]: The note.\n"
	e, _ := open(t, src)
	if b, ok := e.Note("1"); !ok || len(b) != 1 {
		t.Fatalf("Note: %v %v", b, ok)
	}
	e.ReplaceNote("1", sectiontext.Parse("A *better* note.\n\nTwo paragraphs.").Blocks)
	want(t, e, "Text[^1] more.\n\n[^1]: A *better* note.\n\n    Two paragraphs.\n")
	drawnText(t, e, "Two paragraphs.")
	e.Undo()
	want(t, e, src)
	drawnText(t, e, "The note.")
	e.Redo()
	want(t, e, "Text[^1] more.\n\n[^1]: A *better* note.\n\n    Two paragraphs.\n")
}

// A note whose number is deleted is no longer shown under the text (it is
// not stored or printed either); Undo shows it again.
func TestDeletedNumberHidesItsNote(t *testing.T) {
	e, _ := open(t, "Text[^1] more.\n\n[^1]: The note.\n")
	e.collapse(pos{0, 5})
	key(e, fyne.KeyBackspace)
	for _, x := range drawn(e) {
		if x.Text == "The note." || x.Text == "Notes" {
			t.Errorf("%q is still drawn", x.Text)
		}
	}
	e.Undo()
	drawnText(t, e, "The note.")
}

// In a dialog, Enter makes a paragraph; Ctrl+Enter and Esc are the
// dialog's.
func TestCtrlEnterAndEscapeAreTheDialogs(t *testing.T) {
	e, _ := open(t, "One\n")
	submits, escapes := 0, 0
	e.OnSubmit = func() { submits++ }
	e.OnEscape = func() { escapes++ }
	ctrl(e, fyne.KeyEnd, false)
	key(e, fyne.KeyReturn)
	typeText(e, "Two")
	want(t, e, "One\n\nTwo\n")
	ctrl(e, fyne.KeyReturn, false)
	key(e, fyne.KeyEscape)
	if submits != 1 || escapes != 1 {
		t.Errorf("Ctrl+Enter %d times, Esc %d times", submits, escapes)
	}
	want(t, e, "One\n\nTwo\n")
}

// A box put at the start of a paragraph — an empty one, as in a new
// section or after Enter — goes in above it, with no blank paragraph
// above the box.
func TestBoxInsertedAtStartLeavesNoBlankAbove(t *testing.T) {
	gloss := sectiontext.Parse("Term\n: What it means.\n")
	for _, c := range []struct {
		src  string
		at   pos
		want []kind
	}{
		{"", pos{0, 0}, []kind{kBox, kPara}},
		{"Hello\n", pos{0, 0}, []kind{kBox, kPara}},
		{"Hello\n", pos{0, 5}, []kind{kPara, kBox, kPara}},
		{"Hello\n\n```lines 2\n```\n", pos{1, 1}, []kind{kPara, kBox, kBox, kPara}},
	} {
		e, _ := open(t, c.src)
		e.collapse(c.at)
		e.InsertBody(gloss)
		var got []kind
		for _, b := range e.blocks {
			got = append(got, b.kind)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q at %v: blocks %v, want %v", c.src, c.at, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q at %v: blocks %v, want %v", c.src, c.at, got, c.want)
				break
			}
		}
		if b := e.blocks[e.cursor.b]; b.kind == kBox {
			t.Errorf("%q: the cursor is on the box", c.src)
		}
	}
}

// Ctrl+End shows the end of the text and the notes under it, as the end
// of a document in a word processor shows its last footnotes.
func TestCtrlEndShowsTheNotesUnderTheText(t *testing.T) {
	md := strings.Repeat("A paragraph of words to fill the editor.\n\n", 40) + "The end.[^1]\n\n[^1]: The last note.\n"
	e, _ := open(t, md)
	ctrl(e, fyne.KeyEnd, true)
	ctrl(e, fyne.KeyEnd, false)
	_, y1 := e.view.view()
	if end := e.view.tops[len(e.blocks)] + baseSize() + e.view.notesH; y1 < end-1 {
		t.Errorf("the view ends at %v, the notes at %v: Ctrl+End left them out of sight", y1, end)
	}
}
