package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7's dialogs answer neither Enter nor Esc (its source handles
// neither), so a user who presses Enter to save or Esc to close, as in
// every other program, gets nothing. Each dialog the window shows says
// what the two keys do; the window passes them to the dialog on top.

// dialogKeys is what Enter and Esc do in one dialog; nil does nothing.
type dialogKeys struct {
	enter, esc func()
}

// withKeys makes Enter and Esc do enter and esc while d is open (the
// newest dialog open takes them), and shows d.
func (w *mainWindow) withKeys(d dialog.Dialog, enter, esc func()) {
	k := &dialogKeys{enter: enter, esc: esc}
	w.dialogKeys = append(w.dialogKeys, k)
	d.SetOnClosed(func() {
		for i := len(w.dialogKeys) - 1; i >= 0; i-- {
			if w.dialogKeys[i] == k {
				w.dialogKeys = append(w.dialogKeys[:i], w.dialogKeys[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// dialogKey runs what the dialog on top does for key, and reports
// whether a dialog took it. The canvas sends keys here when nothing in
// the dialog has the keyboard; a dialog's text field sends Esc, and
// Enter through its OnSubmitted.
func (w *mainWindow) dialogKey(key fyne.KeyName) bool {
	if len(w.dialogKeys) == 0 || !w.dialogOpen() {
		return false
	}
	k := w.dialogKeys[len(w.dialogKeys)-1]
	switch key {
	case fyne.KeyEscape:
		if k.esc != nil {
			k.esc()
		}
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.enter != nil {
			k.enter()
		}
		return true
	}
	return false
}

// dialogEntry is a one-line field in a dialog: Enter presses the
// dialog's default button (OnSubmitted) and Esc closes it, as in any
// other program's dialogs. Fyne's field keeps Esc to itself.
type dialogEntry struct {
	widget.Entry
	w *mainWindow
}

func newDialogEntry(w *mainWindow) *dialogEntry {
	e := &dialogEntry{w: w}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { w.dialogKey(fyne.KeyReturn) }
	return e
}

// TypedKey implements fyne.Focusable.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.w.dialogKey(fyne.KeyEscape) {
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut implements fyne.Shortcutable: Ctrl+Enter presses the
// dialog's default button, in a field of several lines too, where Enter
// makes a new line.
func (e *dialogEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		c.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 && e.w.dialogKey(fyne.KeyReturn) {
		return
	}
	e.Entry.TypedShortcut(s)
}
