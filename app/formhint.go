package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Settings, Variables and Preferences are forms in a narrow pane beside
// the pages. Fyne draws a form item's hint as one unbroken line, so a long
// hint held the form wider than the pane at 1024 pixels, and the fields'
// right ends — dropdown arrows, the hints themselves — were cut off.
// Hints here are labels under their field that wrap to its width.

// hinted puts hint under obj as a small grey label that wraps; the label
// is returned so its words can change (Marking becomes Header text).
func hinted(obj fyne.CanvasObject, hint string) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabel(hint)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return container.NewVBox(obj, l), l
}

// hintedItem is a form item with a wrapping hint under its field.
func hintedItem(label string, obj fyne.CanvasObject, hint string) *widget.FormItem {
	o, _ := hinted(obj, hint)
	return widget.NewFormItem(label, o)
}

// wheelThrough lets the mouse wheel scroll s wherever the pointer is over
// it. Fyne hands a wheel turn to the innermost scrollable thing under the
// pointer, and every text field is one (it scrolls its own line), so the
// wheel did nothing over a form's fields. A transparent layer over s, the
// last thing under the pointer that takes the wheel, passes it to s;
// clicks, typing and the pointer's shape still reach the fields beneath,
// since the layer takes nothing else.
func wheelThrough(s *container.Scroll) fyne.CanvasObject {
	return container.NewStack(s, newWheelLayer(s))
}

// wheelLayer is wheelThrough's layer.
type wheelLayer struct {
	widget.BaseWidget
	to fyne.Scrollable
}

func newWheelLayer(to fyne.Scrollable) *wheelLayer {
	l := &wheelLayer{to: to}
	l.ExtendBaseWidget(l)
	return l
}

// Scrolled passes the wheel to the scroll beneath.
func (l *wheelLayer) Scrolled(ev *fyne.ScrollEvent) { l.to.Scrolled(ev) }

// CreateRenderer implements fyne.Widget: the layer draws nothing.
func (l *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}
