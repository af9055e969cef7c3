package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Code is edited as the lines it prints, in the fixed-width face with
// every space kept; no fence is ever shown.

// editCode opens code text to edit; put makes the box that replaces it.
func (s *sectionPanel) editCode(old sectiontext.Block, text string, put func(string) sectiontext.Block) {
	s.w.ui.editCode(text, func(text string, ok bool) {
		if ok {
			s.replaceBox(old, put(text))
		}
	})
}

// showCodeEditor is the real code editor: a field of several lines, not
// wrapped, since a code line is as long as it was written.
func (w *mainWindow) showCodeEditor(text string, done func(string, bool)) {
	e := newDialogEntry(w)
	e.MultiLine, e.Wrapping = true, fyne.TextWrapOff
	e.TextStyle = fyne.TextStyle{Monospace: true}
	// Enter is a new line here; Ctrl+Enter presses OK (dialogEntry).
	e.OnSubmitted = nil
	e.SetMinRowsVisible(10)
	e.SetText(text)
	hint := widget.NewLabel("Ctrl+Enter is OK, Esc cancels.")
	hint.Importance = widget.LowImportance
	d := dialog.NewCustomConfirm("Edit code", "OK", "Cancel", container.NewBorder(nil, hint, nil, nil, e), func(ok bool) {
		done(e.Text, ok)
	}, w.win)
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-80, 760), min(size.Height-80, 460)))
	w.withKeys(d, d.Confirm, d.Hide)
	w.win.Canvas().Focus(e)
}
