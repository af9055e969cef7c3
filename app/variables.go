package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// variablesPanel is a form of the variables the included sections
// declare, rebuilt when that set changes.
type variablesPanel struct {
	w       *mainWindow
	form    *widget.Form
	entries map[string]*widget.Entry
	// names is the declared set the form was built for.
	names   string
	empty   *widget.Label
	showing bool
	own     *ownFields
	content fyne.CanvasObject
}

func newVariablesPanel(w *mainWindow) *variablesPanel {
	v := &variablesPanel{w: w, entries: map[string]*widget.Entry{}}
	v.form = widget.NewForm()
	v.empty = widget.NewLabel("The included sections declare no variables.")
	intro := widget.NewLabel("Values the sections fill in where their text shows a field (shaded words in the text, such as Prepared for). Facts marked “to verify” are not in the sources the templates cite: check them before you fill them in.")
	intro.Wrapping = fyne.TextWrapWord
	v.own = newOwnFields(w)
	v.content = wheelThrough(container.NewVScroll(container.NewVBox(intro, v.empty, v.form, v.own.content)))
	return v
}

// refresh rebuilds the form if the declared variables changed, and shows
// current values.
func (v *variablesPanel) refresh() {
	vars := briefing.Declared(v.w.lib, v.w.doc.packet)
	var names []string
	for _, d := range vars {
		names = append(names, d.Name+"="+d.Label)
	}
	if key := strings.Join(names, ","); key != v.names {
		v.names = key
		v.build(vars)
	}
	v.own.refresh()
	v.showing = true
	defer func() { v.showing = false }()
	for name, e := range v.entries {
		if val := v.w.doc.packet.Variables[name]; e.Text != val {
			e.SetText(val)
		}
		_ = e.Validate()
	}
}

func (v *variablesPanel) build(vars []briefing.Variable) {
	v.form.Items = nil
	v.entries = map[string]*widget.Entry{}
	for _, d := range vars {
		d := d
		e := widget.NewEntry()
		e.SetPlaceHolder(d.Default)
		if d.Default == "" && d.Example != "" {
			e.SetPlaceHolder("For example: " + d.Example)
		}
		e.OnChanged = func(s string) {
			if !v.showing {
				v.w.doc.setVariable(d.Name, s)
			}
		}
		if d.Required {
			e.Validator = func(s string) error {
				if strings.TrimSpace(s) == "" && strings.TrimSpace(d.Default) == "" {
					return errors.New("required: the packet cannot be exported without it")
				}
				return nil
			}
		}
		label := d.Label
		if label == "" {
			label = d.Name
		}
		hint := d.Help
		if d.Verify {
			hint = strings.TrimSpace("To verify. " + hint)
		}
		if hint == "" {
			v.form.AppendItem(widget.NewFormItem(label, e))
		} else {
			v.form.AppendItem(hintedItem(label, e, hint))
		}
		v.entries[d.Name] = e
	}
	if len(vars) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.form.Refresh()
}

// focus gives the keyboard to the field of the variable name, if the tab
// shows one: where a problem about it is put right.
func (v *variablesPanel) focus(name string) {
	if e, ok := v.entries[name]; ok {
		if c := v.w.win.Canvas(); c != nil {
			c.Focus(e)
		}
	}
}
