package layout

import (
	"errors"
	"fmt"
)

// Info describes a laid-out document.
type Info struct {
	Pages int
	// Outline lists the bookmarks in order: the section titles, and the
	// headings inside them indented by two spaces, as a reader's sidebar
	// shows them.
	Outline []string
	// SectionStarts is where each of the Document's sections begins, in
	// pages from the top of the first page's text area (1.5 is half way
	// down page 2), then where the text ends: the difference of
	// neighbours is a section's share of the pages, which tells a user
	// over the page limit what to cut.
	SectionStarts []float64
}

// recovered turns a panic during layout into an error: the page limit as
// ErrTooManyPages, anything else (fpdf panics on a few inputs validation
// is meant to catch first) as a failure of what.
func recovered(v any, what string) error {
	if _, ok := v.(tooManyPages); ok {
		return ErrTooManyPages
	}
	return fmt.Errorf("%s: %v", what, v)
}

// Paginate lays doc out without producing a PDF, with fonts parsed once
// per process: the page count the app shows live, at a fraction of an
// export's cost. It gives the same count as Render.
func Paginate(doc *Document) (Info, error) { return Layout(doc, NullSurface{}) }

// Layout lays doc out once on s, with no page numbers known in advance
// (the contents shows dashes): for surfaces that look at the drawing
// rather than print it, such as tests.
func Layout(doc *Document, s Surface) (info Info, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = recovered(v, "layout failed")
		}
	}()
	r := newLayout(doc, nil, s)
	r.run()
	return Info{Pages: r.page, Outline: r.outline, SectionStarts: r.starts}, nil
}

// IsTooManyPages reports whether err is the page limit.
func IsTooManyPages(err error) bool { return errors.Is(err, ErrTooManyPages) }

// pass is what one layout pass learns for the next: how many pages
// there are and where each contents entry landed.
type pass struct {
	pages int
	entry []int
}

func (a pass) equal(b *pass) bool {
	if a.pages != b.pages || len(a.entry) != len(b.entry) {
		return false
	}
	for i := range a.entry {
		if a.entry[i] != b.entry[i] {
			return false
		}
	}
	return true
}

// tocEntry is a section title as the table of contents and the outline
// list it.
type tocEntry struct {
	title string
	link  int
	page  int
}

// layout lays a Document out: it measures with measurer, fills pages
// with flow, and holds what the document's blocks need besides.
type layout struct {
	measurer
	flow
	doc    *Document
	prev   *pass
	accent RGB
	base   float64 // body type size
	lh     float64 // body line height
	sp     float64 // the share of paragraph and heading spacing kept
	starts []float64

	entries []tocEntry
	outline []string
	// bookmarkLevel is the outline level of the last bookmark: 0 for a
	// section title, so a heading nests at most one level below it.
	bookmarkLevel int
	// logoW and logoH are the logo's pixel size, 0 without a logo.
	logoW, logoH float64
	notes        notes
	// cites maps a source's id to its number in the Sources list.
	cites map[string]int
}

func newLayout(doc *Document, prev *pass, out Surface) *layout {
	s := &doc.Settings
	r := &layout{
		measurer: measurer{metrics: &metrics},
		flow: flow{out: out, pageW: s.PageWidth, pageH: s.PageHeight,
			left: s.Margins.Left, right: s.PageWidth - s.Margins.Right,
			top: s.Margins.Top, bottom: s.PageHeight - s.Margins.Bottom, floor: s.PageHeight - s.Margins.Bottom},
		doc: doc, prev: prev, accent: s.Accent,
		base: s.BodySize, lh: s.LineHeight, sp: s.spacing(),
	}
	r.finish = func() { r.drawNotes(); r.footer() }
	r.start = func() { r.header(); r.carryNotes() }
	if s.Logo != nil {
		r.logoW, r.logoH = float64(s.Logo.Width), float64(s.Logo.Height)
	}
	return r
}

func (r *layout) result() pass {
	res := pass{pages: r.page}
	for _, e := range r.entries {
		res.entry = append(res.entry, e.page)
	}
	return res
}

// run draws the whole document: what opens it, then every section.
func (r *layout) run() {
	for _, s := range r.doc.Sections {
		r.entries = append(r.entries, tocEntry{title: s.Title, link: len(r.entries) + 1})
	}
	r.cites = CitationNumbers(r.doc)
	r.newPage()
	for i := range r.doc.Front {
		r.walk(r.doc.Front, i, blockCtx{})
	}
	for i, s := range r.doc.Sections {
		r.starts = append(r.starts, r.position())
		r.out.BeginElement(ElemSection, Attrs{Label: s.Title, Lang: s.Lang})
		r.beginNotes(s.Blocks)
		r.sectionTitle(i, s.Title, r.keepHeight(s.Blocks, 0, blockCtx{}))
		for j := range s.Blocks {
			r.walk(s.Blocks, j, blockCtx{})
		}
		r.placeNotes()
		r.out.EndElement()
	}
	r.starts = append(r.starts, r.position())
	// A long note the last page had no room for continues on pages of
	// its own.
	for r.placeNotes(); len(r.notes.carry) > 0; {
		r.newPage()
	}
	r.finish()
}

// position is how far down the document layout is, in pages.
func (r *layout) position() float64 {
	return float64(r.page-1) + min(max((r.y-r.top)/(r.bottom-r.top), 0), 1)
}

func (r *layout) text(fam family, bold bool, size float64, c RGB) Style {
	return Style{fam: fam, bold: bold, size: size, color: c}
}

// Print lays doc out for an output that prints it: a first pass draws
// nothing and learns where every section lands; the second draws on s
// with those page numbers in the contents and footers. Page numbers never
// change the layout (the contents has one line per entry whatever the
// numbers), so the second pass is the last; the check only guards that
// promise. The PDF and the page view both print through here, so their
// pages agree.
func Print(doc *Document, s Surface) (info Info, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = recovered(v, "layout failed")
		}
	}()
	first := newLayout(doc, nil, NullSurface{})
	first.run()
	prev := first.result()
	second := newLayout(doc, &prev, s)
	second.run()
	if res := second.result(); !res.equal(&prev) {
		return info, fmt.Errorf("page layout did not settle: %d pages, then %d", prev.pages, res.pages)
	}
	return Info{Pages: prev.pages, Outline: second.outline, SectionStarts: second.starts}, nil
}

// Recovered turns a panic during an output's work into an error: the
// page limit as ErrTooManyPages, anything else as a failure of what.
func Recovered(v any, what string) error { return recovered(v, what) }
