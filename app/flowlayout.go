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
// A Fyne layout reports its minimum size before it is given its width,
// so the height its rows need is worked out from the width of within, the
// panel it spans (set before that panel lays out its parts); until then,
// from the width it was last given. Taking the width from the last layout
// alone was a step behind: dragging the divider drew the second row over
// the text, and dragging back left an empty band.
type flowLayout struct {
	width  float32
	within fyne.CanvasObject
	// gap is the space between objects, the theme's padding when 0 (a
	// space's width between the words of a paragraph).
	gap float32
}

// place positions objects across width and returns the height used.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	if l.gap > 0 {
		pad = l.gap
	}
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if x > 0 && x+s.Width > width {
			x, y = 0, y+rowH+pad
			rowH = 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(s)
		}
		x += s.Width + pad
		rowH = max(rowH, s.Height)
	}
	return y + rowH
}

// Layout implements fyne.Layout.
func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.place(objects, size.Width, true)
	l.width = size.Width
}

// MinSize implements fyne.Layout: the widest object's width, and the
// height the rows take at within's width (or the last width given).
func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	widest := float32(0)
	for _, o := range objects {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	w := l.width
	if l.within != nil && l.within.Size().Width > 0 {
		w = l.within.Size().Width
	}
	if w <= 0 {
		w = 1e6 // not laid out yet: one row
	}
	h := l.place(objects, max(w, widest), false)
	return fyne.NewSize(widest, h)
}
