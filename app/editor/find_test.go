package editor

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// Find sees the text as shown: a field is one object step no query
// matches, blocks are lines, and a match selected is drawn as selected
// while the keyboard is elsewhere.
func TestShownTextAndSelectRange(t *testing.T) {
	e, w := open(t, "# Alpha\n\nBeta **gamma** {{.client}} delta.\n\n| a |\n|---|\n| b |\n\n- gamma two\n")
	got := e.ShownText()
	want := "Alpha\nBeta gamma \uFFFC delta.\na\tb\ngamma two"
	if got != want {
		t.Fatalf("shown text %q, want %q", got, want)
	}
	w.Canvas().Unfocus()
	at := strings.Index(want, "gamma")
	at = len([]rune(want[:at]))
	e.SelectRange(at, at+5)
	if got := e.SelectedText(); got != "gamma" {
		t.Errorf("selected %q", got)
	}
	if from, to := e.SelectionRange(); from != at || to != at+5 {
		t.Errorf("selection range %d–%d, want %d–%d", from, to, at, at+5)
	}
	if len(rects(e, rSel)) == 0 {
		t.Error("the match is not shown selected without the keyboard")
	}
}

// Replace All is one undo step; each replacement keeps the style of what
// it replaced, and the cursor stays by its text.
func TestReplaceRangesIsOneUndoStep(t *testing.T) {
	e, _ := open(t, "Beta **gamma** and gamma.\n\n- gamma two\n")
	text := e.ShownText()
	var ranges [][2]int
	rs := []rune(text)
	for i := 0; i+5 <= len(rs); i++ {
		if string(rs[i:i+5]) == "gamma" {
			ranges = append(ranges, [2]int{i, i + 5})
		}
	}
	e.SetCursorOffset(len([]rune("Beta gamma and ")))
	if !e.ReplaceRanges(ranges, []string{"delta*", "delta", "Delta"}) {
		t.Fatal("refused")
	}
	want(t, e, "Beta **delta\\*** and delta.\n\n- Delta two\n")
	if got := e.CursorOffset(); got != len([]rune("Beta delta* and ")) {
		t.Errorf("cursor at %d", got)
	}
	e.Undo()
	want(t, e, "Beta **gamma** and gamma.\n\n- gamma two\n")
	if e.CanUndo() {
		t.Error("Replace All took more than one undo step")
	}
}

// Replace All inside boxes and notes is one undo step with the text's
// replacements; a box or note changed alone keeps the selection.
func TestApplyChangesTextBoxesAndNotesAsOneStep(t *testing.T) {
	src := "Beta gamma.[^1]\n\n> [!NOTE]\n> Gamma.\n\n[^1]: A gamma note.\n"
	e, _ := open(t, src)
	notes := e.ShownNotes()
	if len(notes) != 1 || notes[0].Label != "1" || notes[0].Offset != len([]rune("Beta gamma.")) {
		t.Fatalf("shown notes %+v", notes)
	}
	boxes := e.Boxes()
	callout := sectiontext.Parse("> [!NOTE]\n> Delta.\n").Blocks[0]
	note := sectiontext.Parse("A delta note.").Blocks
	at := len([]rune("Beta "))
	if !e.Apply(Changes{Ranges: [][2]int{{at, at + 5}}, With: []string{"delta"},
		Boxes: map[int]sectiontext.Block{boxes[0].Offset: callout}, Notes: map[string][]sectiontext.Block{"1": note}}) {
		t.Fatal("refused")
	}
	want(t, e, "Beta delta.[^1]\n\n> [!NOTE]\n> Delta.\n\n[^1]: A delta note.\n")
	e.Undo()
	want(t, e, src)
	if e.CanUndo() {
		t.Error("the changes took more than one undo step")
	}
	e.SelectRange(boxes[0].Offset, boxes[0].Offset+1)
	e.Apply(Changes{Boxes: map[int]sectiontext.Block{boxes[0].Offset: callout}})
	if from, to := e.SelectionRange(); from != boxes[0].Offset || to != from+1 {
		t.Errorf("the box changed is not selected: %d–%d", from, to)
	}
}

// A note's number selected alone (Find's match in the note) shades the
// note under the text too, as the number is too small to show it well.
func TestSelectedNumberShadesItsNote(t *testing.T) {
	e, w := open(t, "Text[^1] more.\n\n[^1]: The note.\n")
	w.Canvas().Unfocus()
	shaded := func() bool {
		note := drawnText(t, e, "The note.")
		y := note.Position().Y + note.Size().Height/2
		for _, r := range rects(e, rSel) {
			if r.Position().Y <= y && y <= r.Position().Y+r.Size().Height {
				return true
			}
		}
		return false
	}
	e.SelectRange(0, 4)
	if shaded() {
		t.Error("the note is shaded with its number not selected")
	}
	e.SelectRange(4, 5)
	if !shaded() {
		t.Error("the note is not shaded with its number selected")
	}
}
