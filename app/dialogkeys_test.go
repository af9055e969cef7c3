package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Enter presses a dialog's default button and Esc closes it, as in every
// other program (Fyne's dialogs answer neither: Esc did not close Answer
// lines, Enter did not save in the Export dialog). In a text field the
// field passes them on; with nothing focused the window does.
func TestEnterAndEscWorkInDialogs(t *testing.T) {
	h := newHarness(t, nil)
	key := func(name fyne.KeyName) {
		if f := h.w.win.Canvas().Focused(); f != nil {
			f.TypedKey(&fyne.KeyEvent{Name: name})
			return
		}
		h.w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name})
	}

	// A form (Insert › Answer lines asks this way): Esc cancels, Enter
	// in its field answers.
	var answer []string
	answered := 0
	ask := func() {
		h.w.showForm("Answer lines", []formField{{label: "How many lines", value: "3"}}, func(a []string) { answer, answered = a, answered+1 })
	}
	ask()
	key(fyne.KeyEscape)
	if answered != 1 || answer != nil || h.w.dialogOpen() {
		t.Fatalf("Esc in the form: answered %d times with %v, dialog open %v", answered, answer, h.w.dialogOpen())
	}
	ask()
	test.Type(h.w.win.Canvas().Focused(), "5")
	key(fyne.KeyReturn)
	if answered != 2 || len(answer) != 1 || answer[0] != "53" || h.w.dialogOpen() {
		t.Fatalf("Enter in the form: answered %d times with %v", answered, answer)
	}

	// The Export dialog: Enter saves under the name shown.
	saved := "none"
	_ = h.fs.MkdirAll("/out", 0o755)
	h.w.showSaveDialog("Export PDF", "/out", "memo.pdf", ".pdf", func(p string) { saved = p })
	key(fyne.KeyReturn)
	if saved != "/out/memo.pdf" {
		t.Fatalf("Enter in the Export dialog saved %q", saved)
	}

	// A question with buttons and nothing focused: Enter is the
	// highlighted answer, Esc the safe one.
	var got []int
	q := func() {
		askChoice(h.w, "Question", "Which?", 0, func(c int) { got = append(got, c) },
			choiceButton[int]{"Zero", 0, false}, choiceButton[int]{"Two", 2, true})
	}
	q()
	h.w.win.Canvas().Unfocus()
	key(fyne.KeyReturn)
	q()
	h.w.win.Canvas().Unfocus()
	key(fyne.KeyEscape)
	if len(got) != 2 || got[0] != 2 || got[1] != 0 || h.w.dialogOpen() {
		t.Fatalf("Enter then Esc on a question: %v", got)
	}
	// With no dialog, the keys do nothing to the window.
	if h.w.dialogKey(fyne.KeyEscape) {
		t.Error("Esc with no dialog open was taken")
	}
}
