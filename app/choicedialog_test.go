package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A choice dialog answers once: with the button pressed, or, closed
// another way, with its safe answer, so a question about the file on
// disk can never be left unanswered and stop the window looking.
func TestAChoiceDialogAnswersOnce(t *testing.T) {
	h := newHarness(t, nil)
	var got []int
	ask := func() *dialog.CustomDialog {
		return askChoice(h.w, "Question", "Which?", 0, func(c int) { got = append(got, c) },
			choiceButton[int]{"Zero", 0, false}, choiceButton[int]{"Two", 2, true})
	}
	ask()
	button := findButton(h.w.win.Canvas().Overlays().Top(), "Two")
	if button == nil {
		t.Fatal("no Two button")
	}
	test.Tap(button)
	if len(got) != 1 || got[0] != 2 {
		t.Fatalf("after Two: %v", got)
	}
	ask().Hide()
	if len(got) != 2 || got[1] != 0 {
		t.Fatalf("after Esc: %v", got)
	}
}

func findButton(o fyne.CanvasObject, label string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == label {
		return b
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, k := range c.Objects {
			if b := findButton(k, label); b != nil {
				return b
			}
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		r := test.WidgetRenderer(w)
		for _, k := range r.Objects() {
			if b := findButton(k, label); b != nil {
				return b
			}
		}
	}
	return nil
}
