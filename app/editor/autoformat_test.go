package editor

import (
	"testing"

	"fyne.io/fyne/v2"
)

func autoEditor(t *testing.T, md string) *Editor {
	e, _ := open(t, md)
	e.opts.Autoformat, e.opts.SmartQuotes = true, true
	return e
}

// "- ", "* " and "1. " typed at a paragraph's start make a list item, as
// in Word; one Undo gives back the characters as typed; "#" stays text.
func TestAutoformatListsAndUndo(t *testing.T) {
	e := autoEditor(t, "")
	typeText(e, "- milk\n")
	typeText(e, "eggs")
	want(t, e, "- milk\n- eggs")
	key(e, fyne.KeyReturn)
	key(e, fyne.KeyReturn) // an empty item ends the list
	typeText(e, "1. First")
	want(t, e, "- milk\n- eggs\n\n1. First")
	e.Undo() // the typing
	e.Undo() // the autoformat
	typeText(e, "First")
	want(t, e, "- milk\n- eggs\n\n1\\. First")
	if e.blocks[len(e.blocks)-1].kind != kPara {
		t.Error("Undo left a list item")
	}

	e = autoEditor(t, "")
	typeText(e, "* ")
	e.Undo()
	want(t, e, "\\* ")
	if got := e.CursorOffset(); got != 2 {
		t.Errorf("after Undo the cursor is at %d, not after the typed space", got)
	}

	e = autoEditor(t, "")
	typeText(e, "# not a heading, a-b - c 3. d")
	want(t, e, "\\# not a heading, a-b - c 3. d")
	if e.blocks[0].kind != kPara {
		t.Error("# made a heading")
	}
}

// Without the option, and in the middle of text, the characters stay.
func TestAutoformatOnlyAtTheStart(t *testing.T) {
	e := autoEditor(t, "Text\n")
	e.SetCursorOffset(len("Text"))
	typeText(e, " - x")
	want(t, e, "Text - x")
	e, _ = open(t, "")
	typeText(e, "- x")
	want(t, e, "\\- x")
}
