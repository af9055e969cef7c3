package app

import (
	"fmt"
	"image"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// zoomMode is how large the page view shows pages.
type zoomMode int

const (
	// zoomFitWidth makes a page as wide as the pane: the whole line of
	// text in view, whatever the pane's width.
	zoomFitWidth zoomMode = iota
	// zoomActual is 100 %: actualDPI logical pixels per inch.
	zoomActual
)

// actualDPI is what 100 % means: 96 logical pixels per inch, the CSS pixel
// that browsers and their PDF viewers call 100 %, and what a Fyne logical
// pixel is on a screen at scale 1. A letter page is then 816 pixels wide,
// as in Firefox or Chrome, and a 11 pt line reads like 11 pt on paper.
const actualDPI = 96

// dpiStep rounds drawing resolutions up to a multiple, so resizing the
// pane by a few pixels reuses drawn pages (slightly reduced) instead of
// drawing them again for every pixel of the drag.
const dpiStep = 8

// maxCached bounds the pages kept drawn: a page at fit width is a few
// megabytes, and a long packet must not hold them all.
const maxCached = 12

func (v *pageView) setZoom(m zoomMode) {
	v.zoom = m
	v.markZoom()
	v.fitScale()
}

// markZoom highlights the zoom in use.
func (v *pageView) markZoom() {
	v.fitBtn.Importance, v.actualBtn.Importance = widget.MediumImportance, widget.MediumImportance
	if v.zoom == zoomFitWidth {
		v.fitBtn.Importance = widget.HighImportance
	} else {
		v.actualBtn.Importance = widget.HighImportance
	}
	v.fitBtn.Refresh()
	v.actualBtn.Refresh()
}

// fitScale sets the pages' scale for the zoom and the pane's width,
// keeping the same spot of the same page at the top of the view, and
// reports whether it changed.
func (v *pageView) fitScale() bool {
	s := float32(actualDPI) / 72
	if v.zoom == zoomFitWidth {
		if v.viewport.Width <= 0 || v.stack.wPt <= 0 {
			return false
		}
		s = max((v.viewport.Width-2*pageGap)/v.stack.wPt, 0.1)
	}
	if s == v.stack.scale {
		return false
	}
	// A view at the top of a page (after a jump) has the gap above it
	// in view, which belongs to that page, not the one before.
	top := v.scroll.Offset.Y
	page := v.stack.pageAt(top + pageGap)
	within := (top - v.stack.pageTop(page)) / v.stack.scale
	v.stack.scale = s
	v.stack.Refresh()
	v.scroll.Refresh()
	v.scrollTo(v.stack.pageTop(page) + within*s)
	return true
}

// canvasScale is how many device pixels a logical pixel has, so pages are
// drawn sharp on a high-density screen.
func (v *pageView) canvasScale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.content); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// dpi is the resolution pages are drawn at for the current scale.
func (v *pageView) dpi() float64 {
	return quantizeDPI(float64(v.stack.scale) * 72 * float64(v.canvasScale()))
}

func quantizeDPI(d float64) float64 { return max(dpiStep, math.Ceil(d/dpiStep)*dpiStep) }

// visibleRange is the pages in view; before any layout, the first two.
func (v *pageView) visibleRange() (first, last int) {
	if v.shown == nil || v.stack.count == 0 {
		return 0, 1
	}
	top := v.scroll.Offset.Y
	h := v.scroll.Size().Height
	if h <= 0 {
		h = v.stack.pageSize().Height
	}
	return v.stack.pageAt(top), v.stack.pageAt(top + h)
}

// scrolled shows the pages now in view, drawing those not drawn yet, and
// the page number.
func (v *pageView) scrolled() {
	v.updateIndicator()
	if v.shown == nil {
		return
	}
	first, last := v.visibleRange()
	dpi := v.dpi()
	// The pages in view first, then one either side, ready to scroll to.
	order := []int{}
	for n := first; n <= last; n++ {
		order = append(order, n)
	}
	order = append(order, last+1, first-1)
	for _, n := range order {
		if n < 0 || n >= v.stack.count {
			continue
		}
		k := drawKey{v.shown.gen, n, dpi}
		if img, ok := v.cache[k]; ok {
			v.stack.setPicture(n, img)
			continue
		}
		v.draw(k, v.cache, func(img image.Image) {
			// A picture at a resolution since left behind would replace
			// a sharper one.
			if v.dpi() == k.dpi {
				v.stack.setPicture(k.page, img)
			}
		})
	}
	v.trimCache(first-1, last+1, dpi)
}

// draw rasterises a page in the background into cache, then calls show on
// the UI goroutine, unless a newer layout has replaced the pages.
func (v *pageView) draw(k drawKey, cache map[drawKey]image.Image, show func(image.Image)) {
	if v.drawing[k] {
		return
	}
	v.drawing[k] = true
	pages := v.shown.pages
	v.background(func() {
		img := pages.Draw(k.page, k.dpi)
		v.onUI(func() {
			delete(v.drawing, k)
			if v.shown == nil || v.shown.gen != k.gen || img == nil {
				return
			}
			cache[k] = img
			show(img)
		})
	})
}

// trimCache forgets drawn pages away from first–last, or at another
// resolution, once more than maxCached are kept.
func (v *pageView) trimCache(first, last int, dpi float64) {
	if len(v.cache) <= maxCached {
		return
	}
	for k := range v.cache {
		if k.page < first || k.page > last || k.dpi != dpi {
			delete(v.cache, k)
		}
	}
}

func (v *pageView) updateIndicator() {
	if v.shown == nil || v.stack.count == 0 {
		v.indicator.SetText("")
		return
	}
	v.indicator.SetText(pageOf(v.readingPage()+1, v.stack.count))
}

// readingPage is the page being read (from 0): the one taking most of the
// view, the first of equals; at the end of the document that is the last
// page even when it starts below the middle of the view.
func (v *pageView) readingPage() int {
	top := v.scroll.Offset.Y
	bottom := top + v.scroll.Size().Height
	first, last := v.stack.pageAt(top), v.stack.pageAt(bottom)
	best, most := first, float32(-1)
	for n := first; n <= last; n++ {
		y := v.stack.pageTop(n)
		if seen := min(bottom, y+v.stack.pageSize().Height) - max(top, y); seen > most {
			best, most = n, seen
		}
	}
	return best
}

func pageOf(n, m int) string { return fmt.Sprintf("Page %d of %d", n, m) }

// scrollTo puts height y of the pages at the top of the view, as far as
// the pages reach.
func (v *pageView) scrollTo(y float32) {
	limit := v.stack.MinSize().Height - v.scroll.Size().Height
	y = max(min(y, limit), 0)
	v.scroll.ScrollToOffset(fyne.NewPos(v.scroll.Offset.X, y))
	v.scrolled()
}

// follow is told the section being edited (its packet position, -1 for
// none) whenever the selection may have changed. The rule: the view
// scrolls to a section's first line when the section being edited becomes
// another one — a row chosen, a section added, duplicated or removed, an
// undo that selects another — and never while the same one stays selected
// (by key: typing in it, moving it, changing settings), so the page the
// user is reading stays put under their typing. A section not laid out
// yet (just added, or in a packet just opened) is scrolled to when its
// layout arrives.
func (v *pageView) follow(i int) {
	k := v.w.doc.keyAt(i)
	if k == v.followed && v.w.doc == v.followedIn {
		return
	}
	v.followed, v.followedIn = k, v.w.doc
	v.followPending = k != 0
	if v.followPending && v.shown != nil {
		v.followPending = !v.scrollToSection(k)
	}
}

// scrollToSection scrolls to where the section with key k starts. It
// reports false when the shown layout predates the section, to try again
// with the next; a section left out of the PDF is done with, unscrolled.
func (v *pageView) scrollToSection(k sectionKey) bool {
	r := v.shown
	idx := slices.Index(r.keys, k)
	if idx < 0 || r.from != v.w.doc {
		return false
	}
	for j, s := range r.doc.Sections {
		if s.Index != idx || j >= len(r.info.SectionStarts) {
			continue
		}
		// Starts count pages of text area: 1.5 is half way down page
		// 2's text, which begins at the top margin.
		at := r.info.SectionStarts[j]
		page := min(int(at), v.stack.count-1)
		st := &r.doc.Settings
		yPt := st.Margins.Top + (at-float64(page))*(st.PageHeight-st.Margins.Bottom-st.Margins.Top)
		if j == 0 && page == 0 {
			// The first section under the title: the page from its top,
			// title and all, as the packet opens ("page 2 of 8" greeted
			// a new sample, its first page scrolled half away).
			v.scrollTo(0)
			return true
		}
		v.scrollTo(v.stack.pageTop(page) + float32(yPt)*v.stack.scale - pageGap)
		return true
	}
	return true
}

// stepPage scrolls the view by delta pages from the page being read: the
// keyboard's way through the pages (View › Next Page).
func (v *pageView) stepPage(delta int) {
	if v.stack.count == 0 {
		return
	}
	n := min(max(v.readingPage()+delta, 0), v.stack.count-1)
	v.scrollTo(v.stack.pageTop(n))
}
