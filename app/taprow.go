package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tapRow wraps a list row so it can react to a double tap (Fyne lists
// only report selection); a single tap is passed on as selection.
type tapRow struct {
	widget.BaseWidget
	content     fyne.CanvasObject
	onTap       func()
	onDoubleTap func()
}

func newTapRow(content fyne.CanvasObject) *tapRow {
	r := &tapRow{content: content}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *tapRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

// Tapped selects the row.
func (r *tapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// DoubleTapped runs the row's default action.
func (r *tapRow) DoubleTapped(*fyne.PointEvent) {
	if r.onDoubleTap != nil {
		r.onDoubleTap()
	} else if r.onTap != nil {
		r.onTap()
	}
}
