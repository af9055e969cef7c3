package app

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// The Variables tab also holds the packet's own fields: a teacher's
// "School" or a consultant's "Client" that no template declares. Each
// has a label (what the text shows, "[School]"), a value, and a "to
// verify" mark; the name the template source uses is made from the first
// label and never changes, so renaming a field (its label) leaves every
// text that uses it working.

// ownFields lists the packet's fields with their label, mark and delete
// button, and adds new ones.
type ownFields struct {
	w       *mainWindow
	list    *fyne.Container
	names   string // the fields the list was built for
	content fyne.CanvasObject
}

func newOwnFields(w *mainWindow) *ownFields {
	o := &ownFields{w: w, list: container.NewVBox()}
	title := widget.NewLabelWithStyle("Your own fields", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	help := widget.NewLabel("Add a field to use the same value in several places: insert it with Insert ▾ › Field, and set its value above.")
	help.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon("Add field…", theme.ContentAddIcon(), o.onAdd)
	o.content = container.NewVBox(widget.NewSeparator(), title, help, o.list, container.NewHBox(add))
	return o
}

// refresh rebuilds the list when the packet's fields changed.
func (o *ownFields) refresh() {
	var key strings.Builder
	for _, f := range o.w.doc.packet.Fields {
		fmt.Fprintf(&key, "%s=%s/%v;", f.Name, f.Label, f.Verify)
	}
	if key.String() == o.names {
		return
	}
	o.names = key.String()
	o.list.Objects = nil
	for i, f := range o.w.doc.packet.Fields {
		label := widget.NewEntry()
		label.SetText(f.Label)
		label.OnSubmitted = func(s string) { o.rename(i, s) }
		rename := widget.NewButton("Rename", func() { o.rename(i, label.Text) })
		verify := widget.NewCheck("To verify", func(on bool) { o.w.doc.setField(i, func(v *briefing.Variable) { v.Verify = on }) })
		verify.SetChecked(f.Verify)
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { o.remove(i) })
		del.Importance = widget.LowImportance
		o.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(rename, verify, del), label))
	}
	o.list.Refresh()
}

// onAdd asks for a new field's label.
func (o *ownFields) onAdd() {
	o.w.ui.askForm("Add field", []formField{{label: "Label", hint: "How the text shows it, in square brackets: [School]"},
		{label: "Value", hint: "Can be filled in later"}}, func(v []string) {
		if v == nil {
			return
		}
		label := strings.TrimSpace(v[0])
		if err := o.labelProblem(label, -1); err != nil {
			o.w.ui.showError(err)
			return
		}
		name := fieldName(label, o.w.doc.packet)
		o.w.doc.addField(briefing.Variable{Name: name, Label: label}, strings.TrimSpace(v[1]))
	})
}

// rename gives field i a new label.
func (o *ownFields) rename(i int, label string) {
	label = strings.TrimSpace(label)
	if i >= len(o.w.doc.packet.Fields) || label == o.w.doc.packet.Fields[i].Label {
		return
	}
	if err := o.labelProblem(label, i); err != nil {
		o.names = "" // show the label as it is again
		o.refresh()
		o.w.ui.showError(err)
		return
	}
	o.w.doc.setField(i, func(v *briefing.Variable) { v.Label = label })
}

// labelProblem says why label cannot be field other's label, or nil.
func (o *ownFields) labelProblem(label string, other int) error {
	if label == "" || strings.ContainsAny(label, "[]|:\\{}") || strings.HasPrefix(label, "if ") {
		return fmt.Errorf("a field's label needs some text and none of the marks [ ] | : \\ { } (the text shows it as [%s])", label)
	}
	fields := briefing.FieldsOf(o.w.lib, o.w.doc.packet)
	for _, l := range fields.Labels() {
		if l == label && (other < 0 || o.w.doc.packet.Fields[other].Label != l) {
			return fmt.Errorf("there is already a field called “%s”; choose another label", label)
		}
	}
	return nil
}

// remove deletes field i, unless a section's text still uses it: the
// text would otherwise print its template code.
func (o *ownFields) remove(i int) {
	p := o.w.doc.packet
	if i >= len(p.Fields) {
		return
	}
	f := p.Fields[i]
	use := regexp.MustCompile(`\.` + regexp.QuoteMeta(f.Name) + `\b`)
	var in []string
	for k, ref := range p.Sections {
		if ref.Body != nil && use.MatchString(*ref.Body) {
			in = append(in, fmt.Sprint(k+1))
		}
	}
	if len(in) > 0 {
		o.w.ui.showError(fmt.Errorf("“%s” is used in section %s: take [%s] out of the text first, then delete the field", f.Label, strings.Join(in, ", "), f.Label))
		return
	}
	o.w.doc.removeField(i)
}

var nameUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// fieldName makes the name a field's label is written with in template
// source: letters, digits and underscores, not taken in p.
func fieldName(label string, p *briefing.Packet) string {
	base := strings.Trim(nameUnsafe.ReplaceAllString(strings.ToLower(label), "_"), "_")
	if base == "" || base[0] < 'a' || base[0] > 'z' {
		base = "field_" + base
	}
	taken := func(n string) bool {
		if briefing.IsBuiltinVariable(n) {
			return true
		}
		for _, f := range p.Fields {
			if f.Name == n {
				return true
			}
		}
		return false
	}
	name := strings.TrimRight(base, "_")
	for k := 2; taken(name); k++ {
		name = fmt.Sprintf("%s_%d", strings.TrimRight(base, "_"), k)
	}
	return name
}
