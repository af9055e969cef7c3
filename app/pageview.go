package app

import (
	"fmt"
	"image"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	doclayout "github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/raster"
)

// pageViewDelay is how long typing must pause before the pages are laid
// out again: a fast typist's burst makes one layout, and with the layout
// and drawing (about 10 ms at 5,000 words) the pages are current about
// 110 ms after the last keystroke, inside the 150 ms users notice.
const pageViewDelay = 100 * time.Millisecond

// laidOut is one version of the packet laid out, as the worker hands it to
// the UI goroutine.
type laidOut struct {
	// gen is the refresh that asked for it; keys are the packet's section
	// keys then, so a section is found by key even after the packet moved
	// on, and from is the document they belong to (keys restart with each
	// document opened).
	gen   int64
	keys  []sectionKey
	from  *document
	doc   *doclayout.Document
	pages *raster.Pages // nil when this version could not be laid out
	info  doclayout.Info
	// problem says in plain words why this version could not be laid out.
	problem string
	// drawn are the pages the worker drew at dpi: the ones on screen when
	// the refresh was asked for, so they appear with the layout.
	drawn map[int]image.Image
	dpi   float64
}

// drawKey names one drawn picture: a page of one layout at one resolution.
type drawKey struct {
	gen  int64
	page int
	dpi  float64
}

// pageView shows the packet's pages as the PDF prints them, beside the
// editor. Layout and drawing run off the UI goroutine; the UI goroutine
// only places finished pictures, so typing never waits for layout.
type pageView struct {
	w *mainWindow
	// gen numbers refreshes; a result for an older one is dropped.
	gen       atomic.Int64
	stopTimer func()
	// after, background and onUI are the window's (a manual clock and
	// direct calls in tests); tests replace after to finish refreshes out
	// of order.
	after      func(time.Duration, func()) func()
	background func(func())
	onUI       func(func())

	// shown is the last layout that succeeded: what the pages show, dimmed
	// while the packet as it is cannot be laid out.
	shown *laidOut
	// cache holds drawn pages, thumbs the thumbnails; drawing marks
	// pictures being drawn so a page is never drawn twice at once.
	cache, thumbs map[drawKey]image.Image
	drawing       map[drawKey]bool

	zoom     zoomMode
	viewport fyne.Size
	// followed is the section the view last scrolled to (or will, once
	// laid out: followPending), in the document followedIn.
	followed      sectionKey
	followedIn    *document
	followPending bool

	stack                        *pageStack
	scroll                       *container.Scroll
	message, indicator           *widget.Label
	fitBtn, actualBtn, thumbsBtn *widget.Button
	thumbList                    *widget.List
	thumbPane                    *fyne.Container
	content                      fyne.CanvasObject
}

func newPageView(w *mainWindow) *pageView {
	v := &pageView{w: w, after: w.env.after, background: w.env.background, onUI: w.env.onUI,
		cache: map[drawKey]image.Image{}, thumbs: map[drawKey]image.Image{}, drawing: map[drawKey]bool{}}
	v.stack = newPageStack()
	v.scroll = container.NewScroll(v.stack)
	v.scroll.OnScrolled = func(fyne.Position) { v.scrolled() }
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.WarningImportance
	v.message.Hide()
	v.indicator = widget.NewLabel("")
	v.fitBtn = widget.NewButton("Fit width", func() { v.setZoom(zoomFitWidth) })
	v.actualBtn = widget.NewButton("100 %", func() { v.setZoom(zoomActual) })
	// The thumbnails' toggle is an icon: a word more would hold the
	// window wider than a 1024-pixel screen.
	v.thumbsBtn = widget.NewButtonWithIcon("", theme.ListIcon(), v.toggleThumbs)
	v.thumbList = v.newThumbList()
	v.thumbPane = container.NewBorder(nil, nil, nil, widget.NewSeparator(), v.thumbList)
	v.thumbPane.Hide()
	v.markZoom()
	bar := container.NewHBox(v.thumbsBtn, v.fitBtn, v.actualBtn, layout.NewSpacer(), v.indicator)
	viewport := container.New(viewportLayout{v}, v.scroll)
	v.content = container.NewBorder(container.NewVBox(bar, v.message), nil, v.thumbPane, nil, viewport)
	return v
}

// refresh lays the packet out again once edits pause. It copies what the
// worker needs now, on the UI goroutine, so the worker never reads the
// document while the user edits it.
func (v *pageView) refresh() {
	gen := v.gen.Add(1)
	snap := v.w.doc.packet.Clone()
	keys, from := slices.Clone(v.w.doc.keys), v.w.doc
	lib, name := v.w.lib, v.w.doc.name()
	first, last := v.visibleRange()
	dpi := v.dpi()
	if v.stopTimer != nil {
		v.stopTimer()
	}
	v.stopTimer = v.after(pageViewDelay, func() {
		if v.gen.Load() != gen {
			return // a newer edit has its own refresh coming
		}
		res := layOut(lib, snap, name, first, last, dpi)
		res.gen, res.keys, res.from = gen, keys, from
		v.onUI(func() { v.apply(res) })
	})
}

// stop cancels a pending refresh and makes any under way stale, when the
// window closes.
func (v *pageView) stop() {
	v.gen.Add(1)
	if v.stopTimer != nil {
		v.stopTimer()
	}
}

// layOut is the worker: it resolves p as an export does (fitted to its
// page limit when asked), records its pages and draws pages first to last
// at dpi. It touches no widget, so it runs on any goroutine.
func layOut(lib *briefing.Library, p *briefing.Packet, name string, first, last int, dpi float64) *laidOut {
	res := &laidOut{dpi: dpi}
	doc, probs := briefing.ExportDocument(lib, p, name)
	if probs.HasErrors() {
		res.problem = firstProblem(probs)
		return res
	}
	pages, info, err := raster.RecordPages(doc)
	if err != nil {
		res.problem = err.Error()
		return res
	}
	res.doc, res.pages, res.info = doc, pages, info
	res.drawn = map[int]image.Image{}
	for n := max(first, 0); n <= last && n < pages.Len(); n++ {
		res.drawn[n] = pages.Draw(n, dpi)
	}
	return res
}

// firstProblem is the first error as the Problems tab words it (it names
// its section and line), and how many more that tab lists.
func firstProblem(probs briefing.Problems) string {
	errs := probs.Errors()
	if len(errs) == 0 {
		return ""
	}
	msg := errs[0].Text()
	if n := len(errs) - 1; n > 0 {
		msg += fmt.Sprintf(" (%d more in Problems)", n)
	}
	return msg
}

// apply shows a finished layout, unless a newer refresh has been asked
// for since: its result is the one to show, and this one would flash the
// pages back to an older text.
func (v *pageView) apply(res *laidOut) {
	if res.gen != v.gen.Load() {
		return
	}
	if res.pages == nil {
		v.showProblem(res.problem)
		return
	}
	v.shown = res
	for _, m := range []map[drawKey]image.Image{v.cache, v.thumbs} {
		for k := range m {
			if k.gen != res.gen {
				delete(m, k)
			}
		}
	}
	v.message.Hide()
	v.stack.dimmed = false
	w, h := res.pages.Size(0)
	v.stack.setPages(res.pages.Len(), float32(w), float32(h))
	v.fitScale()
	for n, img := range res.drawn {
		v.cache[drawKey{res.gen, n, res.dpi}] = img
		v.stack.images[n] = img
	}
	v.stack.Refresh()
	v.scroll.Refresh()
	if v.thumbPane.Visible() {
		v.thumbList.Refresh()
	}
	if v.followPending {
		v.followPending = !v.scrollToSection(v.followed)
	}
	v.scrolled()
}

// showProblem keeps the last pages that could be laid out, dimmed, under
// a line saying why the packet as it is cannot be.
func (v *pageView) showProblem(problem string) {
	if v.shown == nil {
		v.message.SetText("The pages cannot be laid out yet: " + problem)
	} else {
		v.message.SetText("The page view shows the last version that could be laid out: " + problem)
	}
	v.message.Show()
	v.stack.dimmed = v.shown != nil
	v.stack.Refresh()
}

// viewportLayout gives the scroll all its room and tells the page view
// how wide that is, which "Fit width" scales the pages to.
type viewportLayout struct{ v *pageView }

// Layout gives the scroll the whole pane, and the pages the scale that
// fits them to its width at "Fit width", before the scroll lays them out.
func (l viewportLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.v.viewport = size
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.v.fitScale()
}

// MinSize is small: the pages scroll, and a narrow pane shrinks them.
func (l viewportLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(120, 120) }
