package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout sets objects left to right at their own widths and starts
// a new row when the next would not fit, like words in a paragraph: the
// formatting toolbar keeps one row in a wide editor and wraps in the
// narrow one beside the page view at 1024 pixels, every button in sight.
//
// A Fyne layout reports its minimum size before it knows its width, so
// it remembers the width it was last given and reports the rows that
// width needs; when the row count changes it asks the container to lay
// out again.
type flowLayout struct {
	width float32
	rows  int
	owner fyne.CanvasObject
}

// place positions objects across width and returns the height used.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, move bool) (float32, int) {
	pad := theme.Padding()
	x, y, rowH := float32(0), float32(0), float32(0)
	rows := 1
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if x > 0 && x+s.Width > width {
			x, y = 0, y+rowH+pad
			rowH = 0
			rows++
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(s)
		}
		x += s.Width + pad
		rowH = max(rowH, s.Height)
	}
	return y + rowH, rows
}

// Layout implements fyne.Layout.
func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	_, rows := l.place(objects, size.Width, true)
	l.width = size.Width
	if rows != l.rows {
		l.rows = rows
		if l.owner != nil {
			// The height changed with the width: the container above
			// must make room (or give it back).
			owner := l.owner
			fyne.Do(owner.Refresh)
		}
	}
}

// MinSize implements fyne.Layout: the widest object's width, and the
// height the rows take at the last width given.
func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	widest := float32(0)
	for _, o := range objects {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	w := l.width
	if w <= 0 {
		w = 1e6 // not laid out yet: one row
	}
	h, _ := l.place(objects, max(w, widest), false)
	return fyne.NewSize(widest, h)
}
