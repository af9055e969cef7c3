package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formField is one question of a small form: a line of text, one of
// choices when there are any, or a box to tick when check is set (its
// answer "true" when ticked, else "").
type formField struct {
	label, hint, value string
	choices            []string
	check              bool
}

// showForm asks fields in a dialog; done gets the answers in order, or
// nil when the user cancels.
func (w *mainWindow) showForm(title string, fields []formField, done func([]string)) {
	items := make([]*widget.FormItem, len(fields))
	get := make([]func() string, len(fields))
	var first fyne.Focusable
	for i, f := range fields {
		if f.check {
			c := widget.NewCheck(f.label, nil)
			c.SetChecked(f.value == "true")
			items[i] = &widget.FormItem{Widget: c, HintText: f.hint}
			get[i] = func() string {
				if c.Checked {
					return "true"
				}
				return ""
			}
			continue
		}
		if len(f.choices) > 0 {
			sel := widget.NewSelect(f.choices, nil)
			sel.SetSelected(f.value)
			items[i] = &widget.FormItem{Text: f.label, Widget: sel, HintText: f.hint}
			get[i] = func() string { return sel.Selected }
			continue
		}
		e := newDialogEntry(w)
		e.SetText(f.value)
		items[i] = &widget.FormItem{Text: f.label, Widget: e, HintText: f.hint}
		get[i] = func() string { return e.Text }
		if first == nil {
			first = e
		}
	}
	d := dialog.NewForm(title, "OK", "Cancel", items, func(ok bool) {
		if !ok {
			done(nil)
			return
		}
		out := make([]string, len(get))
		for i, g := range get {
			out[i] = g()
		}
		done(out)
	}, w.win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	w.withKeys(d, d.Submit, d.Hide)
	if first != nil {
		w.win.Canvas().Focus(first)
	}
}
