package editor

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

func TestEnterInListAddsItemAndEmptyItemEndsList(t *testing.T) {
	e, _ := open(t, "- one\n- two\n")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyEnd)
	key(e, fyne.KeyReturn)
	typeText(e, "three")
	want(t, e, "- one\n- two\n- three")
	key(e, fyne.KeyReturn)
	key(e, fyne.KeyReturn)
	typeText(e, "After")
	want(t, e, "- one\n- two\n- three\n\nAfter")
}

func TestTabNestsShiftTabUnnests(t *testing.T) {
	e, _ := open(t, "1. one\n2. two\n3. three\n")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyTab)
	want(t, e, "1. one\n   1. two\n2. three")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyTab)
	want(t, e, "1. one\n   1. two\n   2. three")
	if e.view.nums[2] != 2 {
		t.Errorf("nested second item numbered %d", e.view.nums[2])
	}
	key(e, fyne.KeyTab) // cannot nest two levels below the item above
	want(t, e, "1. one\n   1. two\n      1. three")
	shiftKey(e, fyne.KeyTab)
	shiftKey(e, fyne.KeyTab)
	want(t, e, "1. one\n   1. two\n2. three")
	shiftKey(e, fyne.KeyTab)
	want(t, e, "1. one\n   1. two\n\nthree")
	key(e, fyne.KeyUp)
	key(e, fyne.KeyUp)
	key(e, fyne.KeyTab) // the first item has nothing above to go under
	want(t, e, "1. one\n   1. two\n\nthree")
}

func TestEnterOnEmptyNestedItemMovesOut(t *testing.T) {
	e, _ := open(t, "- one\n  - two\n")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyEnd)
	key(e, fyne.KeyReturn)
	key(e, fyne.KeyReturn)
	typeText(e, "three")
	want(t, e, "- one\n  - two\n- three")
}

func TestBackspaceAtItemStartMakesParagraph(t *testing.T) {
	e, _ := open(t, "Intro\n\n- one\n- two\n- three\n")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyDown)
	key(e, fyne.KeyHome)
	key(e, fyne.KeyBackspace)
	want(t, e, "Intro\n\n- one\n\ntwo\n\n- three")
	key(e, fyne.KeyBackspace)
	want(t, e, "Intro\n\n- onetwo\n- three")
}

func TestBulletsAndNumbersAreDrawn(t *testing.T) {
	e, _ := open(t, "- one\n  - sub\n\n3. three\n4. four\n")
	drawnText(t, e, "•")
	drawnText(t, e, "◦")
	drawnText(t, e, "3.")
	drawnText(t, e, "4.")
	for _, s := range []string{"one", "sub", "three", "four"} {
		drawnText(t, e, s)
	}
	if x1, x2 := drawnText(t, e, "one").Position().X, drawnText(t, e, "sub").Position().X; x2 <= x1 {
		t.Errorf("nested item at x %v, its parent at %v", x2, x1)
	}
	e.SetList(true)
	// The new numbered item and the numbered list below are one list now.
	want(t, e, "1. one\n   - sub\n2. three\n3. four")
}

// A question, its answer lines, the next question: the list goes on past
// the lines, stored and shown 1, 2 (it printed 1, 1, and the editor
// showed a loaded "2." as 1, a teacher's trial).
func TestNumbersGoOnPastAnswerLines(t *testing.T) {
	e, _ := open(t, "1. Q1\n")
	e.collapse(pos{0, 2})
	e.InsertBody(sectiontext.Parse("```lines 2\n```\n"))
	typeText(e, "Q2")
	if got := md(e); got != "1. Q1\n\n```lines 2\n```\n\n2. Q2\n" {
		t.Errorf("stored %q", got)
	}
	if got := e.view.nums; !slices.Equal(got, []int{1, 0, 2}) {
		t.Errorf("shown numbers %v", got)
	}
	loaded, _ := open(t, "1. A\n\n```lines 2\n```\n\n2. B\n\n```lines 2\n```\n\n3. C\n\nText.\n\n1. New\n")
	if got := loaded.view.nums; !slices.Equal(got, []int{1, 0, 2, 0, 3, 0, 1}) {
		t.Errorf("a loaded handout's numbers are shown as %v", got)
	}
}
