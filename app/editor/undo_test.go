package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

func md2(b sectiontext.Body) string { return sectiontext.Write(b) }

func TestUndoBurstsAndStructuralSteps(t *testing.T) {
	e, _ := open(t, "")
	changes := 0
	e.OnChanged = func() { changes++ }
	typeText(e, "Hello world")
	if changes != len("Hello world") {
		t.Errorf("OnChanged called %d times for 11 characters", changes)
	}
	key(e, fyne.KeyReturn)
	typeText(e, "Next")
	ctrl(e, fyne.KeyHome, false)
	ctrl(e, fyne.KeyRight, true)
	ctrl(e, fyne.KeyB, false)
	want(t, e, "**Hello** world\n\nNext")
	e.TypedShortcut(&fyne.ShortcutUndo{})
	want(t, e, "Hello world\n\nNext")
	if s, c := e.anchor, e.cursor; s != (pos{0, 0}) || c != (pos{0, 6}) {
		t.Errorf("Undo restored the selection as %v–%v", s, c)
	}
	e.Undo()
	want(t, e, "Hello world")
	e.Undo()
	want(t, e, "Hello world") // the Enter
	if len(e.blocks) != 1 || e.cursor != (pos{0, 11}) {
		t.Errorf("after undoing Enter: %d blocks, cursor %v", len(e.blocks), e.cursor)
	}
	e.Undo()
	want(t, e, "")
	ctrl(e, fyne.KeyZ, true)
	want(t, e, "Hello world")
	e.TypedShortcut(&fyne.ShortcutRedo{})
	e.Redo()
	want(t, e, "Hello world\n\nNext")
	e.Redo()
	want(t, e, "**Hello** world\n\nNext")
	if e.CanRedo() {
		t.Error("more to redo")
	}
}

func TestMovingEndsATypingBurst(t *testing.T) {
	e, _ := open(t, "")
	typeText(e, "ab")
	key(e, fyne.KeyLeft)
	typeText(e, "X")
	want(t, e, "aXb")
	e.Undo()
	want(t, e, "ab")
}

// A key that changes nothing (Tab on an item that cannot nest) leaves
// no step: the next Undo takes back the
// last real change, and Redo is not lost.
func TestAChangeThatChangesNothingIsNoUndoStep(t *testing.T) {
	e, _ := open(t, "- one\n- two")
	ctrl(e, fyne.KeyEnd, false)
	typeText(e, "!")
	e.Undo()
	want(t, e, "- one\n- two")
	ctrl(e, fyne.KeyHome, false)
	key(e, fyne.KeyTab) // the first item cannot nest
	key(e, fyne.KeyTab)
	if !e.CanRedo() {
		t.Fatal("a Tab that did nothing took away Redo")
	}
	e.Redo()
	want(t, e, "- one\n- two!")
	e.Undo()
	want(t, e, "- one\n- two")
	if e.CanUndo() {
		t.Error("Tabs that did nothing left undo steps")
	}
}
