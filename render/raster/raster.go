package raster

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Draw rasterises page n (counted from 0, below Len) at dpi dots per inch
// on a white page, the size pdftoppm gives the exported PDF at the same
// resolution. It returns nil for a page that does not exist or a dpi that
// is not positive.
//
// Glyphs are filled from the very TrueType outlines the PDF embeds, placed
// with the advance widths the PDF's font dictionaries carry (fpdf's, as
// layout measured them), unhinted and without kerning, so every word sits
// where a PDF viewer puts it. Each call has its own buffers; only the
// parsed fonts and the advance table are shared, and both are safe for
// concurrent use.
func (p *Pages) Draw(n int, dpi float64) *image.RGBA {
	if n < 0 || n >= len(p.pages) || !(dpi > 0) || math.IsInf(dpi, 0) {
		return nil
	}
	k := dpi / 72
	img := image.NewRGBA(image.Rect(0, 0, pixels(p.w*k), pixels(p.h*k)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	pt := &painter{dst: img, k: k, h: p.h, logo: p.logo, glyphs: map[glyphKey]glyphMask{}}
	for i := range p.pages[n] {
		op := &p.pages[n][i]
		switch op.kind {
		case opText:
			pt.text(op)
		case opLine:
			pt.line(op)
		case opFill:
			pt.fillRect(op.x, op.y, op.x2, op.y2, op.c)
		case opStroke:
			pt.strokeRect(op)
		case opLogo:
			pt.drawLogo(op)
		case opWatermark:
			pt.watermark(op)
		}
	}
	return img
}

// pixels is a page extent in device pixels, rounded up as poppler rounds
// it; the small allowance keeps 850.0000001 from becoming 851.
func pixels(v float64) int { return max(1, int(math.Ceil(v-1e-6))) }

// painter draws one page. k converts points to pixels; h is the page
// height in points.
type painter struct {
	dst  *image.RGBA
	k, h float64
	logo image.Image
	buf  sfnt.Buffer
	z    vector.Rasterizer
	// glyphs keeps each glyph's coverage by size and sub-pixel phase: a
	// page prints the same few dozen letters hundreds of times.
	glyphs map[glyphKey]glyphMask
}

// subpixel is how finely a glyph's position is kept across a pixel, as
// poppler keeps it.
const subpixel = 4

type glyphKey struct {
	font *sfnt.Font
	idx  sfnt.GlyphIndex
	size float64 // in pixels per em
	fx   uint8   // sub-pixel phase across, in 1/subpixel
}

// glyphMask is a glyph's coverage and where its top-left sits relative to
// the whole pixel holding the glyph's origin; mask is nil for a blank glyph.
type glyphMask struct {
	mask *image.Alpha
	off  image.Point
}

// text prints a run in the one face the PDF surface sets for it (layout
// has already split runs where a character needs another face), glyph by
// glyph, each advanced by fpdf's width. Like a PDF viewer, it adds the
// advances up in points and converts each origin to pixels.
func (pt *painter) text(op *drawOp) {
	face := op.st.Face()
	f := face.Parsed()
	src := image.NewUniform(rgba(op.st.Color()))
	size := op.st.Size() * pt.k
	y := pt.baseline(op.y)
	whole := pt.large(f, size)
	x := op.x
	for _, r := range op.s {
		if r != ' ' && !layout.Ignorable(r) {
			if idx, err := f.GlyphIndex(&pt.buf, r); err == nil {
				pt.glyph(f, idx, size, x*pt.k, y, whole, src)
			}
		}
		x += advance(face, r) / 1000 * op.st.Size()
	}
}

// glyph paints glyph idx of f at size pixels per em, its origin at
// (x, y) in pixels. The origin is placed as poppler's glyph cache places
// it — the baseline on the whole pixel row above, across to a quarter
// pixel below, or to a whole pixel for a large face (whole) — rather than
// exactly: a glyph then falls on the same pixels as in pdftoppm's
// rendering, and a page cached in the app looks like the PDF opened
// beside it. It moves no glyph by a pixel or more.
func (pt *painter) glyph(f *sfnt.Font, idx sfnt.GlyphIndex, size, x, y float64, whole bool, src image.Image) {
	ix, iy := math.Floor(x), math.Floor(y)
	fx := uint8((x - ix) * subpixel)
	if whole {
		fx = 0
	}
	key := glyphKey{f, idx, size, fx}
	g, ok := pt.glyphs[key]
	if !ok {
		var sh shape
		ox := float64(fx) / subpixel
		sh.outline(f, &pt.buf, idx, size, func(gx, gy float64) (float64, float64) { return ox + gx, gy })
		g.mask, g.off = sh.mask(&pt.z, image.Rect(-1<<20, -1<<20, 1<<20, 1<<20))
		pt.glyphs[key] = g
	}
	if g.mask != nil {
		r := g.mask.Rect.Add(g.off).Add(image.Pt(int(ix), int(iy)))
		draw.DrawMask(pt.dst, r, src, image.Point{}, g.mask, image.Point{}, draw.Over)
	}
}

// baseline is the pixel row of a baseline y points from the top, computed
// as poppler computes it — the PDF's y, up from the foot, through the page
// matrix — because a baseline on a pixel boundary (y a multiple of 0.72
// points at 100 dpi) goes to the row above or below on the last bit of
// the arithmetic. The explicit conversions keep the compiler from fusing
// the multiply and add, which would round differently.
func (pt *painter) baseline(y float64) float64 {
	up := round2(pt.h - y)
	return float64(up*-pt.k) + float64(pt.h*pt.k)
}

// large reports whether poppler places glyphs of f at size pixels per em
// on whole pixels: when its cache cell, the font's bounding box truncated
// to whole pixels above and below the baseline plus three, is over 50
// pixels high.
func (pt *painter) large(f *sfnt.Font, size float64) bool {
	upem := f.UnitsPerEm()
	b, err := f.Bounds(&pt.buf, fixed.Int26_6(upem)<<6, font.HintingNone)
	if err != nil {
		return false
	}
	s := size / float64(upem) / 64
	return int(float64(-b.Min.Y)*s)+int(float64(b.Max.Y)*s)+3 > 50
}

// outline adds glyph idx of f at size pixels per em, each point placed by
// at (the glyph's own coordinates, y down, origin on the baseline). The
// outline is read at the font's own units and scaled here, so positions
// keep full precision at any size.
func (sh *shape) outline(f *sfnt.Font, buf *sfnt.Buffer, idx sfnt.GlyphIndex, size float64, at func(x, y float64) (float64, float64)) {
	upem := f.UnitsPerEm()
	segs, err := f.LoadGlyph(buf, idx, fixed.Int26_6(upem)<<6, nil)
	if err != nil {
		return
	}
	scale := size / float64(upem) / 64
	p := func(q fixed.Point26_6) (float64, float64) { return at(float64(q.X)*scale, float64(q.Y)*scale) }
	for _, seg := range segs {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			sh.moveTo(p(seg.Args[0]))
		case sfnt.SegmentOpLineTo:
			sh.lineTo(p(seg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := p(seg.Args[0])
			x2, y2 := p(seg.Args[1])
			sh.quadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := p(seg.Args[0])
			x2, y2 := p(seg.Args[1])
			x3, y3 := p(seg.Args[2])
			sh.cubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
}

// advances holds fpdf's advance width of each character in each face, in
// thousandths of an em, as layout measured it: the same numbers the PDF's
// /W arrays give a viewer. The table is filled on demand and shared.
var advances struct {
	mu sync.Mutex
	m  map[advanceKey]float64
}

type advanceKey struct {
	face layout.Face
	r    rune
}

// advance is the width of r in face at 1000 points.
func advance(face layout.Face, r rune) float64 {
	key := advanceKey{face, r}
	advances.mu.Lock()
	w, ok := advances.m[key]
	advances.mu.Unlock()
	if ok {
		return w
	}
	w = face.Advance(r)
	advances.mu.Lock()
	if advances.m == nil {
		advances.m = map[advanceKey]float64{}
	}
	advances.m[key] = w
	advances.mu.Unlock()
	return w
}

// watermark fills the watermark's glyph outlines rotated about its centre
// and multiplies them onto the page, as the PDF surface does: the text it
// crosses stays as dark as it was. Like the PDF, it advances by the
// outlines' own unhinted widths.
func (pt *painter) watermark(op *drawOp) {
	k := pt.k
	rad := op.deg * math.Pi / 180
	sin, cos := math.Sincos(rad)
	cx, cy := op.cx*k, op.cy*k
	// A positive angle turns the text counter-clockwise on the page, as
	// fpdf's TransformRotate does; y grows downwards here.
	rot := func(x, y float64) (float64, float64) {
		dx, dy := x-cx, y-cy
		return cx + dx*cos + dy*sin, cy - dx*sin + dy*cos
	}
	x, y := op.x*k, op.y*k
	for _, r := range op.s {
		f := op.st.ForRune(r).Face().Parsed()
		size := op.st.Size() * k
		idx, err := f.GlyphIndex(&pt.buf, r)
		if err != nil {
			continue
		}
		var sh shape
		gx := x
		sh.outline(f, &pt.buf, idx, size, func(px, py float64) (float64, float64) { return rot(gx+px, y+py) })
		if m, off := sh.mask(&pt.z, pt.dst.Bounds()); m != nil {
			multiply(pt.dst, m, off, op.st.Color())
		}
		upem := fixed.Int26_6(f.UnitsPerEm()) << 6
		if adv, err := f.GlyphAdvance(&pt.buf, idx, upem, font.HintingNone); err == nil {
			x += float64(adv) / 64 * size / float64(f.UnitsPerEm())
		}
	}
}

// drawLogo scales the logo the PDF embeds into its box as poppler does:
// the box widened to whole pixels (from the pixel holding its top-left
// corner through the one holding its bottom-right), each pixel the
// average of the image pixels it covers.
func (pt *painter) drawLogo(op *drawOp) {
	if pt.logo == nil {
		return
	}
	k := pt.k
	r := image.Rect(int(math.Floor(op.x*k)), int(math.Floor(op.y*k)),
		int(math.Floor((op.x+op.x2)*k))+1, int(math.Floor((op.y+op.y2)*k))+1)
	boxFilter.Scale(pt.dst, r, pt.logo, pt.logo.Bounds(), xdraw.Over, nil)
}

// boxFilter averages the source pixels under each destination pixel when
// shrinking (x/image/draw widens a kernel's support by the scale factor).
var boxFilter = &xdraw.Kernel{Support: 0.5, At: func(float64) float64 { return 1 }}

func rgba(c layout.RGB) color.RGBA {
	return color.RGBA{uint8(c.R), uint8(c.G), uint8(c.B), 0xff}
}
