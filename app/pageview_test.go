package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"image"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
)

// longText is n words in paragraphs of 100, the shape of a long section.
func longText(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 && i%100 == 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString([]string{"agencies", "coordinate", "with", "developers", "on", "securing", "networks"}[i%7])
	}
	return b.String()
}

// exportedPages is the page count of the PDF an export makes, counted by
// the export itself, not by the page view.
func exportedPages(t testing.TB, h *harness) int {
	t.Helper()
	_, res, err := briefing.RenderPacket(h.w.lib, h.doc(), h.w.doc.name())
	if err != nil {
		t.Fatal(err)
	}
	return res.Info.Pages
}

// blank reports whether img is white paper only.
func blank(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			if r, g, bl, _ := img.At(x, y).RGBA(); r != 0xffff || g != 0xffff || bl != 0xffff {
				return false
			}
		}
	}
	return true
}

// setBody edits section i's body as the editor does, through the document.
func (h *harness) setBody(i int, text string) {
	h.w.doc.setBody(h.w.doc.keyAt(i), "", text)
}

func TestPageViewShowsTheExportedPages(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	if v.shown != nil {
		t.Fatal("pages laid out on the UI goroutine before the pause")
	}
	h.settle()
	want := exportedPages(t, h)
	if v.stack.count != want || !strings.HasSuffix(v.indicator.Text, " of "+strconv.Itoa(want)) {
		t.Fatalf("page view shows %d pages (%q), the PDF has %d", v.stack.count, v.indicator.Text, want)
	}
	first, last := v.visibleRange()
	for n := first; n <= last; n++ {
		if img := v.stack.images[n]; img == nil || blank(img) {
			t.Errorf("page %d is in view but not drawn", n+1)
		}
	}
	if !v.message.Hidden || v.stack.dimmed {
		t.Errorf("a packet that lays out shows a problem: %q", v.message.Text)
	}
}

// The page view lays out what export prints: with "fit to the page limit"
// on, the fitted document, which has fewer pages than the packet as set.
func TestPageViewShowsTheFittedDocument(t *testing.T) {
	h := newHarness(t, nil)
	h.setBody(2, longText(600))
	limit := exportedPages(t, h) - 1
	h.w.doc.setChoice(func(p *briefing.Packet) { p.PageLimit = limit })
	h.settle()
	unfitted := h.w.pages.stack.count
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Style.FitToLimit = true })
	h.settle()
	want := exportedPages(t, h)
	if got := h.w.pages.stack.count; got != want || got >= unfitted {
		t.Fatalf("fitted: page view %d pages, export %d, unfitted %d", got, want, unfitted)
	}
}

func TestPageViewCatchesUpAfterTyping(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	before, gen := v.stack.count, v.shown.gen
	h.setBody(3, "Hello {{.prepared_for}}.\n\n"+longText(2000))
	if v.shown.gen != gen || v.stack.count != before {
		t.Fatal("the edit was laid out before typing paused")
	}
	h.settle()
	if v.stack.count <= before || v.stack.count != exportedPages(t, h) {
		t.Fatalf("after a 2,000-word section: %d pages, was %d, export has %d", v.stack.count, before, exportedPages(t, h))
	}
	var text string
	for _, s := range v.shown.doc.Sections {
		if s.Index == 3 {
			text = s.Markdown
		}
	}
	if !strings.HasPrefix(text, "Hello the Member and senior staff.") {
		t.Errorf("the pages do not show the edit with its placeholder filled: %.60q", text)
	}
}

// Two refreshes finish out of order: the older result arrives last and
// must not replace the newer pages.
func TestPageViewDropsAStaleLayout(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	var jobs, results []func()
	v.after = func(_ time.Duration, f func()) func() {
		jobs = append(jobs, f)
		return func() {}
	}
	v.onUI = func(f func()) { results = append(results, f) }
	h.setBody(3, longText(2000))
	jobs[0]() // the long version is laid out while the user goes on
	h.w.undoItem.Action()
	jobs[1]()
	if len(results) != 2 {
		t.Fatalf("%d results", len(results))
	}
	results[1]()
	want := exportedPages(t, h)
	results[0]()
	if v.stack.count != want || v.shown.gen != v.gen.Load() {
		t.Fatalf("stale layout shown: %d pages, the packet has %d", v.stack.count, want)
	}
}

// sectionY is where section i's first line is in the page view.
func sectionY(t *testing.T, v *pageView, i int) float32 {
	t.Helper()
	for j, s := range v.shown.doc.Sections {
		if s.Index != i {
			continue
		}
		at := v.shown.info.SectionStarts[j]
		page := int(at)
		st := &v.shown.doc.Settings
		y := st.Margins.Top + (at-float64(page))*(st.PageHeight-st.Margins.Bottom-st.Margins.Top)
		return v.stack.pageTop(page) + float32(y)*v.stack.scale
	}
	t.Fatalf("section %d is not in the pages", i)
	return 0
}

func inView(v *pageView, y float32) bool {
	return y >= v.scroll.Offset.Y && y <= v.scroll.Offset.Y+v.scroll.Size().Height
}

func TestPageViewFollowsTheSelectedSection(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	last := len(h.doc().Sections) - 1
	for _, i := range []int{last, 0, 4} {
		h.w.selectSection(i)
		if y := sectionY(t, v, i); !inView(v, y) {
			t.Errorf("section %d starts at %v, the view shows %v from %v", i, y, v.scroll.Size().Height, v.scroll.Offset.Y)
		}
	}
	// Typing in the same section never moves the view, wherever the user
	// scrolled to read.
	v.scrollTo(0)
	h.setBody(4, "Shorter now.")
	h.settle()
	if v.scroll.Offset.Y != 0 {
		t.Errorf("typing in the selected section scrolled the view to %v", v.scroll.Offset.Y)
	}
	// A section just added is scrolled to once it is laid out.
	h.w.selectSection(last)
	v.scrollTo(0)
	h.w.doc.addSection("general-key-facts")
	h.settle()
	if y := sectionY(t, v, last+1); !inView(v, y) {
		t.Errorf("the added section starts at %v, the view shows from %v", y, v.scroll.Offset.Y)
	}
}

// Keys restart with each packet opened: the first section of another
// packet is another section, and the view goes to it.
func TestPageViewFollowsIntoAnotherPacket(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	// The old packet's first key goes last, so its old place is far from
	// where the new packet's first section starts.
	h.w.selectSection(0)
	for range len(h.doc().Sections) - 1 {
		h.w.doc.moveSelected(1)
	}
	h.settle()
	v.scrollTo(v.stack.pageTop(v.stack.count - 1))
	p := testPacket()
	p.Sections = p.Sections[2:]
	h.w.setDocument(h.w.newDocument(p, ""))
	h.settle()
	if y := sectionY(t, v, 0); !inView(v, y) {
		t.Errorf("the new packet's first section starts at %v, the view shows from %v", y, v.scroll.Offset.Y)
	}
}

// A packet whose first section starts on page 1 opens on that page from
// its top, title and all, not scrolled down to the section's heading.
func TestAPacketOpensOnItsFirstPage(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	v.scrollTo(v.stack.pageTop(v.stack.count - 1))
	p := testPacket()
	p.Style.Cover, p.Style.TOC = false, false
	h.w.setDocument(h.w.newDocument(p, ""))
	h.settle()
	if y := sectionY(t, v, 0); y <= 0 || v.scroll.Offset.Y != 0 {
		t.Errorf("the first section starts at %v on page 1; the view shows from %v", y, v.scroll.Offset.Y)
	}
}

func TestPageViewKeepsTheLastPagesWhenTheEditCannotBeLaidOut(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	count, gen := v.stack.count, v.shown.gen
	h.setBody(2, "See {{.no_such_value}}.")
	h.settle()
	msg := v.message.Text
	if v.message.Hidden || !strings.HasPrefix(msg, "The page view shows the last version that could be laid out: ") ||
		!strings.Contains(msg, "no_such_value") || strings.Contains(msg, "goroutine") {
		t.Fatalf("message: %q (hidden %v)", msg, v.message.Hidden)
	}
	if !v.stack.dimmed || v.stack.count != count || v.shown.gen != gen {
		t.Fatalf("last pages not kept dimmed: dimmed %v, %d pages (was %d)", v.stack.dimmed, v.stack.count, count)
	}
	h.w.undoItem.Action()
	h.settle()
	if !v.message.Hidden || v.stack.dimmed {
		t.Errorf("fixed packet still shows the problem: %q", v.message.Text)
	}
}

func TestPageViewZoomAndThumbnails(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	if w := v.stack.pageSize().Width; w != v.viewport.Width-2*pageGap {
		t.Errorf("fit width: page %v wide in a %v pane", w, v.viewport.Width)
	}
	test.Tap(v.actualBtn)
	if w := v.stack.pageSize().Width; w < 815.9 || w > 816.1 {
		t.Errorf("100 %%: a letter page is %v wide, want 816 (8.5 in at 96 per inch)", w)
	}
	test.Tap(v.fitBtn)
	// Back at fit width, the pages show pictures drawn for it (from the
	// cache), not the 100 % ones scaled down.
	first, last := v.visibleRange()
	wantW := int(math.Ceil(float64(v.stack.wPt) * v.dpi() / 72))
	for n := first; n <= last; n++ {
		if img := v.stack.images[n]; img == nil || img.Bounds().Dx() != wantW {
			t.Errorf("page %d at fit width shows %v, want a picture %d wide", n+1, img, wantW)
		}
	}
	test.Tap(v.thumbsBtn)
	if !v.thumbPane.Visible() {
		t.Fatal("thumbnails not shown")
	}
	v.thumbList.Select(2)
	if v.indicator.Text != "Page 3 of "+strconv.Itoa(v.stack.count) || !inView(v, v.stack.pageTop(2)) {
		t.Errorf("thumbnail 3 went to %q, offset %v", v.indicator.Text, v.scroll.Offset.Y)
	}
}

// A page once drawn is not drawn again when it comes back into view.
func TestPageViewDrawsEachPageOnce(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	draws := 0
	v.background = func(f func()) { draws++; f() }
	v.scrollTo(v.stack.pageTop(v.stack.count - 1))
	v.scrollTo(0)
	after := draws
	v.scrollTo(v.stack.pageTop(v.stack.count - 1))
	v.scrollTo(0)
	if draws != after || after == 0 {
		t.Errorf("pages drawn again: %d draws scrolling down and up, %d more the second time", after, draws-after)
	}
}

// BenchmarkPageViewRefresh is the page view's refresh after a keystroke in
// a 5,000-word section (10 pages of it): resolve, lay out and record, then
// draw the first page at fit width in a 420-pixel pane or at 100 %, the
// worker's whole job; "layout" leaves the drawing out.
func BenchmarkPageViewRefresh(b *testing.B) {
	lib, err := briefing.LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		b.Fatal(err)
	}
	p := testPacket()
	text := longText(5000)
	p.Sections[3].Body = &text
	for _, c := range []struct {
		name        string
		first, last int
		dpi         float64
	}{
		{"fit-width", 0, 0, quantizeDPI((420 - 2*pageGap) / 8.5)},
		{"100%", 0, 0, actualDPI},
		{"layout", 0, -1, actualDPI},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res := layOut(lib, p, "bench.briefing", c.first, c.last, c.dpi)
				if res.pages == nil || len(res.drawn) != c.last-c.first+1 {
					b.Fatal(res.problem)
				}
			}
		})
	}
}

// With real goroutines for the worker and the drawing, and the test's
// goroutine standing in for the UI goroutine, nothing the worker does
// touches the UI's state: run with -race.
func TestPageViewWorksOffTheUIGoroutine(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	ui := make(chan func(), 64)
	v.after = func(_ time.Duration, f func()) func() {
		go f()
		return func() {}
	}
	v.background = func(f func()) { go f() }
	v.onUI = func(f func()) { ui <- f }
	h.setBody(3, longText(3000))
	h.setBody(3, longText(2500))
	deadline := time.After(30 * time.Second) // a hang, not a timing check
	for v.shown == nil || v.shown.gen != v.gen.Load() || len(v.drawing) > 0 {
		select {
		case f := <-ui:
			f()
		case <-deadline:
			t.Fatal("the page view never caught up")
		}
	}
	if v.stack.count != exportedPages(t, h) {
		t.Errorf("%d pages, the export has %d", v.stack.count, exportedPages(t, h))
	}
}

// The pages can be read from the keyboard: View › Next Page and Previous
// Page (Ctrl+Page Down, Ctrl+Page Up) step through them, and the zoom and
// thumbnails are menu items too.
func TestPageViewFromTheKeyboard(t *testing.T) {
	h := newHarness(t, nil)
	v := h.w.pages
	h.settle()
	if v.stack.count < 3 {
		t.Fatalf("the sample has %d pages", v.stack.count)
	}
	v.scrollTo(0)
	next, prev := h.w.menuItem("View", "Next Page"), h.w.menuItem("View", "Previous Page")
	if sc, ok := next.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyPageDown {
		t.Errorf("Next Page's shortcut is %v", next.Shortcut)
	}
	next.Action()
	next.Action()
	if v.indicator.Text != "Page 3 of "+strconv.Itoa(v.stack.count) || !inView(v, v.stack.pageTop(2)) {
		t.Errorf("two Next Page went to %q, offset %v", v.indicator.Text, v.scroll.Offset.Y)
	}
	prev.Action()
	if v.indicator.Text != "Page 2 of "+strconv.Itoa(v.stack.count) {
		t.Errorf("Previous Page went to %q", v.indicator.Text)
	}
	for range v.stack.count + 2 {
		next.Action()
	}
	if v.indicator.Text != pageOf(v.stack.count, v.stack.count) {
		t.Errorf("Next Page past the end shows %q", v.indicator.Text)
	}
	h.w.menuItem("View", "Actual Size (100 %)").Action()
	if v.zoom != zoomActual {
		t.Error("Actual Size did not zoom")
	}
	h.w.menuItem("View", "Page Thumbnails").Action()
	if !v.thumbPane.Visible() {
		t.Error("Page Thumbnails did not show them")
	}
}
