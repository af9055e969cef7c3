package raster

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"image"
	"strconv"
)

// Pages is a document laid out exactly as Render prints it, kept as a
// list of drawing calls per page rather than as pixels: recording costs
// about what a layout pass costs, and each page is rasterised only when
// someone looks at it (Draw), at whatever resolution the screen needs.
//
// A Pages value never changes after RecordPages returns, so any number of
// goroutines may draw from it, and from different Pages, at once.
type Pages struct {
	w, h  float64
	pages [][]drawOp
	// logo is the image the PDF embeds (resampled to print resolution),
	// so the preview shows the same pixels the printer gets.
	logo image.Image
}

// opKind says which Surface call a drawOp records.
type opKind uint8

const (
	opText opKind = iota
	opLine
	opFill
	opStroke
	opLogo
	opWatermark
)

// drawOp is one recorded drawing call. Coordinates are the Surface's:
// points from the page's top-left corner. A flat struct rather than an
// interface per kind keeps a page one allocation-light slice.
type drawOp struct {
	kind opKind
	st   layout.Style
	// Text and Watermark: the baseline origin. Line: the first end.
	// Fill, Stroke, Logo: the top-left corner.
	x, y float64
	// Line: the second end. Fill, Stroke, Logo: the size.
	x2, y2 float64
	width  float64 // line or stroke width
	c      layout.RGB
	dashed bool
	s      string
	// Watermark: rotation in degrees about (cx, cy).
	deg, cx, cy float64
}

// recorder is the Surface that keeps the display list. Links, targets,
// bookmarks and tags change nothing visible, so NullSurface takes them.
//
// It keeps positions and sizes as the PDF holds them: fpdf writes two
// decimals, measuring y up from the page's foot (h is the page height). A
// baseline at 473.3349 points from the top can otherwise land on the
// other side of a pixel boundary than in the PDF, and the whole line
// moves by a pixel.
type recorder struct {
	layout.NullSurface
	h     float64
	pages [][]drawOp
}

// round2 is v to the two decimals fpdf writes (correctly rounded, as
// strconv formats: 535.885 may be 535.88).
func round2(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	if err != nil {
		return v // ±Inf or NaN: layout never makes them
	}
	return r
}

// x is a distance or horizontal position as the PDF holds it; y a
// vertical position.
func (r *recorder) x(v float64) float64 { return round2(v) }
func (r *recorder) y(v float64) float64 { return r.h - round2(r.h-v) }

func (r *recorder) AddPage() { r.pages = append(r.pages, nil) }

func (r *recorder) add(op drawOp) {
	if len(r.pages) == 0 {
		// Layout always opens a page first; a drawing before that would
		// be a layout bug, kept rather than lost.
		r.AddPage()
	}
	n := len(r.pages) - 1
	r.pages[n] = append(r.pages[n], op)
}

func (r *recorder) Text(st layout.Style, x, y float64, s string, _ bool) {
	r.add(drawOp{kind: opText, st: st, x: r.x(x), y: r.y(y), s: s})
}

func (r *recorder) Line(x1, y1, x2, y2, width float64, c layout.RGB, dashed bool) {
	r.add(drawOp{kind: opLine, x: r.x(x1), y: r.y(y1), x2: r.x(x2), y2: r.y(y2), width: r.x(width), c: c, dashed: dashed})
}

func (r *recorder) Fill(x, y, w, h float64, c layout.RGB) {
	r.add(drawOp{kind: opFill, x: r.x(x), y: r.y(y), x2: r.x(w), y2: r.x(h), c: c})
}

func (r *recorder) Stroke(x, y, w, h, width float64, c layout.RGB) {
	r.add(drawOp{kind: opStroke, x: r.x(x), y: r.y(y), x2: r.x(w), y2: r.x(h), width: r.x(width), c: c})
}

func (r *recorder) Logo(x, y, w, h float64) {
	r.add(drawOp{kind: opLogo, x: x, y: y, x2: w, y2: h})
}

func (r *recorder) Watermark(st layout.Style, deg, cx, cy, x, y float64, s string) {
	r.add(drawOp{kind: opWatermark, st: st, deg: deg, cx: cx, cy: cy, x: x, y: y, s: s})
}

// RecordPages lays doc out as Render does — a first pass to learn the page
// of every section and the page count, a second with those numbers in
// the contents and footers — and records the second pass's drawing, so
// the pages match the exported PDF's, page numbers included. It reports
// the same errors as Render (ErrTooManyPages for the page limit).
func RecordPages(doc *layout.Document) (pages *Pages, info layout.Info, err error) {
	rec := &recorder{h: doc.Settings.PageHeight}
	if info, err = layout.Print(doc, rec); err != nil {
		return nil, info, err
	}
	s := &doc.Settings
	p := &Pages{w: s.PageWidth, h: s.PageHeight, pages: rec.pages}
	if s.Logo != nil {
		p.logo = doc.LogoForPrint().Image()
	}
	return p, info, nil
}

// Len is the number of pages.
func (p *Pages) Len() int { return len(p.pages) }

// Size is the page size in points; every page of a document has the same.
// n is accepted for callers that think page by page and is not checked.
func (p *Pages) Size(n int) (w, h float64) { return p.w, p.h }
