package app

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pageGap is the backdrop shown around and between pages, in logical
// pixels: enough for the shadow and to tell one sheet from the next.
const pageGap = 16

// pageStack shows laid-out pages one under another, each a sheet of white
// paper with its rendered image on it, over a backdrop in the theme's
// colours. It only shows: the page view decides the scale and which pages
// are drawn, and hands it their images.
type pageStack struct {
	widget.BaseWidget
	count    int
	wPt, hPt float32 // the page size in points
	scale    float32 // logical pixels per point
	// images are the pages' pictures, nil for a page not drawn yet: it
	// shows as blank paper, so scrolling never shows a hole.
	images []image.Image
	// dimmed veils the pages when they are the last version that could be
	// laid out rather than the packet as it is.
	dimmed bool
}

func newPageStack() *pageStack {
	s := &pageStack{scale: 1, wPt: 612, hPt: 792}
	s.ExtendBaseWidget(s)
	return s
}

// pageSize is one page's size on screen.
func (s *pageStack) pageSize() fyne.Size {
	return fyne.NewSize(s.wPt*s.scale, s.hPt*s.scale)
}

// pageTop is where page n's sheet starts, from the stack's top.
func (s *pageStack) pageTop(n int) float32 {
	return pageGap + float32(n)*(s.pageSize().Height+pageGap)
}

// pageAt is the page at height y of the stack, the one above when y is in
// a gap, clamped to the pages there are.
func (s *pageStack) pageAt(y float32) int {
	step := s.pageSize().Height + pageGap
	if step <= 0 || s.count == 0 {
		return 0
	}
	n := int(math.Floor(float64((y - pageGap) / step)))
	return min(max(n, 0), s.count-1)
}

// MinSize is the pages at the current scale with the gaps around them.
func (s *pageStack) MinSize() fyne.Size {
	ps := s.pageSize()
	return fyne.NewSize(ps.Width+2*pageGap, float32(s.count)*(ps.Height+pageGap)+pageGap)
}

// CreateRenderer is Fyne's hook for drawing the stack.
func (s *pageStack) CreateRenderer() fyne.WidgetRenderer {
	r := &pageStackRenderer{s: s, backdrop: canvas.NewRectangle(color.Transparent), veil: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

// sheet is one page's drawing: a shadow, the paper, the picture.
type sheet struct {
	shadow, paper *canvas.Rectangle
	img           *canvas.Image
	// shown is the picture img last displayed: re-uploading an unchanged
	// texture on every refresh would make scrolling stutter.
	shown image.Image
}

type pageStackRenderer struct {
	s        *pageStack
	backdrop *canvas.Rectangle
	veil     *canvas.Rectangle
	sheets   []*sheet
	objects  []fyne.CanvasObject
}

// Destroy has nothing to release: the pictures belong to the page view's
// cache.
func (r *pageStackRenderer) Destroy() {}

// Objects are the backdrop, each page's shadow, paper and picture, and the
// veil over them all.
func (r *pageStackRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is the stack's: it knows the scale.
func (r *pageStackRenderer) MinSize() fyne.Size { return r.s.MinSize() }

// Layout centres the pages across the width the scroll gives, which is
// wider than they are at a small zoom.
func (r *pageStackRenderer) Layout(size fyne.Size) {
	r.backdrop.Resize(size)
	r.veil.Resize(size)
	ps := r.s.pageSize()
	x := float32(math.Round(float64(size.Width-ps.Width) / 2))
	for i, sh := range r.sheets {
		y := r.s.pageTop(i)
		sh.shadow.Move(fyne.NewPos(x+2, y+3))
		sh.shadow.Resize(ps)
		sh.paper.Move(fyne.NewPos(x, y))
		sh.paper.Resize(ps)
		sh.img.Move(fyne.NewPos(x, y))
		sh.img.Resize(ps)
	}
}

// Refresh matches the sheets to the page count and the images, and takes
// the backdrop's colours from the current theme, light or dark.
func (r *pageStackRenderer) Refresh() {
	s := r.s
	for len(r.sheets) < s.count {
		img := canvas.NewImageFromImage(nil)
		img.FillMode = canvas.ImageFillStretch // the sheet already has the page's proportions
		img.ScaleMode = canvas.ImageScaleSmooth
		r.sheets = append(r.sheets, &sheet{shadow: canvas.NewRectangle(color.Transparent),
			paper: canvas.NewRectangle(color.White), img: img})
	}
	r.sheets = r.sheets[:s.count]
	r.objects = append(r.objects[:0], r.backdrop)
	for _, sh := range r.sheets {
		r.objects = append(r.objects, sh.shadow, sh.paper, sh.img)
	}
	r.objects = append(r.objects, r.veil)

	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := s.Theme()
	// The backdrop is the theme's background a shade towards its text
	// colour: darker than white paper in a light theme, lighter than the
	// window in a dark one, and right for any custom theme too.
	back := mix(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNameForeground, v), 0.1)
	r.backdrop.FillColor = back
	shadow := th.Color(theme.ColorNameShadow, v)
	// The veil is the backdrop, see-through: dimmed pages sink into it.
	veil := back
	veil.A = 0xa0
	r.veil.FillColor = veil
	r.veil.Hidden = !s.dimmed
	for i, sh := range r.sheets {
		if sh.shadow.FillColor != shadow {
			sh.shadow.FillColor = shadow
			sh.shadow.Refresh()
		}
		var pic image.Image
		if i < len(s.images) {
			pic = s.images[i]
		}
		if pic != sh.shown {
			sh.shown, sh.img.Image = pic, pic
			sh.img.Hidden = pic == nil
			sh.img.Refresh()
		}
	}
	r.Layout(s.Size())
	r.backdrop.Refresh()
	r.veil.Refresh()
}

// setPicture shows img as page n without refreshing the other pages.
func (s *pageStack) setPicture(n int, img image.Image) {
	if n < 0 || n >= len(s.images) || s.images[n] == img {
		return
	}
	s.images[n] = img
	s.Refresh()
}

// setPages shows count pages of w×h points; pictures already shown stay
// until newer ones replace them, so an edit never flashes blank paper.
func (s *pageStack) setPages(count int, w, h float32) {
	s.count, s.wPt, s.hPt = count, w, h
	if len(s.images) > count {
		s.images = s.images[:count]
	}
	for len(s.images) < count {
		s.images = append(s.images, nil)
	}
}

// mix is a blended a share t of the way to b, opaque.
func mix(a, b color.Color, t float64) color.NRGBA {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	m := func(x, y uint32) uint8 { return uint8((float64(x)*(1-t) + float64(y)*t) / 257) }
	return color.NRGBA{R: m(ar, br), G: m(ag, bg), B: m(ab, bb), A: 0xff}
}
