package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// The changes a Word document brings back are reviewed before they land:
// one row per section changed, added or removed, each ticked to keep;
// beside the list, the chosen section's text with the words taken out
// struck through and those put in underlined, as Word's tracked changes
// read. What is kept lands as one Undo step.

// editLabel is what a change's row says.
func editLabel(e briefing.WordEdit) string {
	switch e.Kind {
	case briefing.SectionAdded:
		return fmt.Sprintf("New section “%s”", e.NewTitle)
	case briefing.SectionRemoved:
		return fmt.Sprintf("“%s” removed", e.Title)
	}
	s := fmt.Sprintf("“%s”: text changed", e.Title)
	switch {
	case e.NewTitle != e.Title && e.Before != e.Text:
		s = fmt.Sprintf("“%s” renamed “%s”, text changed", e.Title, e.NewTitle)
	case e.NewTitle != e.Title:
		s = fmt.Sprintf("“%s” renamed “%s”", e.Title, e.NewTitle)
	}
	if e.FieldsLost {
		s += " (fields in changed paragraphs become text)"
	}
	return s
}

// showWordReview is the real review dialog.
func (w *mainWindow) showWordReview(name string, edits []briefing.WordEdit, notes []string, done func([]briefing.WordEdit, bool)) {
	keep := make([]bool, len(edits))
	for i := range keep {
		keep[i] = true
	}
	shown := container.NewVScroll(widget.NewLabel(""))
	show := func(i int) {
		e := edits[i]
		paras := diffSection(e.Before, e.Text)
		switch {
		case e.Kind == briefing.SectionAdded:
			paras = append([][]marked{{{e.NewTitle, inserted}}}, paras...)
		case e.Kind == briefing.SectionRemoved:
			paras = append([][]marked{{{e.Title, deleted}}}, paras...)
		case e.Title != e.NewTitle:
			paras = append([][]marked{{{e.Title, deleted}, {e.NewTitle, inserted}}}, paras...)
		default:
			paras = append([][]marked{{{e.Title, kept}}}, paras...)
		}
		shown.Content = diffView(paras, shown)
		shown.Refresh()
		shown.ScrollToTop()
	}
	// A row is its box, which keeps or leaves the change, and its words,
	// which show it: one target for both ticked the box when the user
	// only meant to read.
	list := &dialogList{w: w}
	list.Length = func() int { return len(edits) }
	list.CreateItem = func() fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, widget.NewLabel(""))
	}
	list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container)
		label, c := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Check)
		label.SetText(editLabel(edits[i]))
		c.OnChanged = nil
		c.SetChecked(keep[i])
		c.OnChanged = func(on bool) { keep[i] = on }
	}
	list.ExtendBaseWidget(list)
	list.OnSelected = show
	intro := widget.NewLabel(name + " came back with these changes. Untick any you do not want; choose one to read it — words taken out are struck through, words put in underlined.")
	intro.Wrapping = fyne.TextWrapWord
	top := fyne.CanvasObject(intro)
	if len(notes) > 0 {
		// Comments and what has no place in section text are read here,
		// beside the changes, not brought in.
		more := widget.NewLabel("Also in the document, not brought in: " + strings.Join(notes, "; ") + ".")
		more.Wrapping = fyne.TextWrapWord
		more.Importance = widget.LowImportance
		top = container.NewVBox(intro, more)
	}
	var d *dialog.CustomDialog
	finish := func(accepted []briefing.WordEdit, asNew bool) {
		d.Hide()
		done(accepted, asNew)
	}
	bringIn := widget.NewButton("Bring in the ticked changes", func() {
		var out []briefing.WordEdit
		for i, e := range edits {
			if keep[i] {
				out = append(out, e)
			}
		}
		finish(out, false)
	})
	bringIn.Importance = widget.HighImportance
	buttons := container.NewHBox(widget.NewButton("Make a new packet instead", func() { finish(nil, true) }),
		widget.NewButton("Cancel", func() { finish(nil, false) }), bringIn)
	split := container.NewHSplit(list, shown)
	split.Offset = 0.4
	d = dialog.NewCustomWithoutButtons("Bring in changes from Word", container.NewBorder(top, container.NewCenter(buttons), nil, nil, split), w.win)
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-60, 1100), min(size.Height-60, 700)))
	w.withKeys(d, bringIn.OnTapped, func() { finish(nil, false) })
	list.Select(0)
}

// dialogList is a list in a dialog: Enter presses the dialog's default
// button and Esc closes it, as they do from its other fields (Fyne's list
// keeps both to itself once clicked).
type dialogList struct {
	widget.List
	w *mainWindow
}

// TypedKey implements fyne.Focusable.
func (l *dialogList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if l.w.dialogKey(k.Name) {
			return
		}
	}
	l.List.TypedKey(k)
}
