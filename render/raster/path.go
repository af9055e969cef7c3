package raster

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"image"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// shape is a filled path in device pixels, kept as segments until its
// bounds are known: the rasteriser then covers only the shape's own
// pixels, not the whole page, which matters for thousands of glyphs.
type shape struct {
	segs           []segment
	x0, y0, x1, y1 float64
	open           bool // a subpath is in progress
}

type segment struct {
	n   int // points used: 1 move or line, 2 quad, 3 cube
	pts [3][2]float64
	mv  bool
}

func (sh *shape) grow(x, y float64) {
	if len(sh.segs) == 0 && !sh.open {
		sh.x0, sh.y0, sh.x1, sh.y1 = x, y, x, y
	}
	sh.x0, sh.y0 = min(sh.x0, x), min(sh.y0, y)
	sh.x1, sh.y1 = max(sh.x1, x), max(sh.y1, y)
}

func (sh *shape) add(mv bool, pts ...float64) {
	var s segment
	s.mv, s.n = mv, len(pts)/2
	for i := 0; i < s.n; i++ {
		s.pts[i] = [2]float64{pts[2*i], pts[2*i+1]}
		sh.grow(pts[2*i], pts[2*i+1])
	}
	sh.segs = append(sh.segs, s)
	sh.open = true
}

func (sh *shape) moveTo(x, y float64)                   { sh.add(true, x, y) }
func (sh *shape) lineTo(x, y float64)                   { sh.add(false, x, y) }
func (sh *shape) quadTo(x1, y1, x2, y2 float64)         { sh.add(false, x1, y1, x2, y2) }
func (sh *shape) cubeTo(x1, y1, x2, y2, x3, y3 float64) { sh.add(false, x1, y1, x2, y2, x3, y3) }
func (sh *shape) poly(pts ...float64)                   { sh.moveTo(pts[0], pts[1]); sh.lineSeq(pts[2:]) }
func (sh *shape) lineSeq(pts []float64) {
	for i := 0; i+1 < len(pts); i += 2 {
		sh.lineTo(pts[i], pts[i+1])
	}
}

// mask rasterises the shape (nonzero winding, every subpath closed, as a
// PDF fill closes them) within clip and returns its coverage and where
// the mask's top-left goes; nil when nothing is covered.
func (sh *shape) mask(z *vector.Rasterizer, clip image.Rectangle) (*image.Alpha, image.Point) {
	if len(sh.segs) == 0 {
		return nil, image.Point{}
	}
	r := image.Rect(int(math.Floor(sh.x0)), int(math.Floor(sh.y0)), int(math.Ceil(sh.x1)), int(math.Ceil(sh.y1))).Intersect(clip)
	if r.Empty() {
		return nil, image.Point{}
	}
	z.Reset(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	f := func(i int, s *segment) (float32, float32) {
		return float32(s.pts[i][0] - ox), float32(s.pts[i][1] - oy)
	}
	started := false
	for i := range sh.segs {
		s := &sh.segs[i]
		switch {
		case s.mv:
			if started {
				z.ClosePath()
			}
			z.MoveTo(f(0, s))
			started = true
		case s.n == 1:
			z.LineTo(f(0, s))
		case s.n == 2:
			ax, ay := f(0, s)
			bx, by := f(1, s)
			z.QuadTo(ax, ay, bx, by)
		case s.n == 3:
			ax, ay := f(0, s)
			bx, by := f(1, s)
			cx, cy := f(2, s)
			z.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	if started {
		z.ClosePath()
	}
	m := image.NewAlpha(image.Rect(0, 0, r.Dx(), r.Dy()))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	return m, r.Min
}

// paint composites c through the shape's coverage.
func (pt *painter) paint(sh *shape, c layout.RGB) {
	m, off := sh.mask(&pt.z, pt.dst.Bounds())
	if m == nil {
		return
	}
	draw.DrawMask(pt.dst, m.Rect.Add(off), image.NewUniform(rgba(c)), image.Point{}, m, image.Point{}, draw.Over)
}

// fillRect fills a rectangle with its edges snapped to whole pixels, as
// poppler's stroke adjustment does for a path that is one rectangle:
// shading and bars come out crisp, never half a pixel of blend.
func (pt *painter) fillRect(x, y, w, h float64, c layout.RGB) {
	k := pt.k
	x0, x1 := snapSpan(min(x, x+w)*k, max(x, x+w)*k)
	y0, y1 := snapSpan(min(y, y+h)*k, max(y, y+h)*k)
	var sh shape
	sh.poly(x0, y0, x1, y0, x1, y1, x0, y1)
	pt.paint(&sh, c)
}

// snapSpan rounds an extent to whole pixels and keeps it at least one
// pixel wide, as poppler's stroke adjustment does: a 0.75-point rule at
// 100 dpi is one solid row, not two faint ones.
func snapSpan(a, b float64) (float64, float64) {
	a, b = math.Floor(a+0.5), math.Floor(b+0.5)
	if b <= a {
		b = a + 1
	}
	return a, b
}

// strokeRect draws a rectangle's outline centred on its edges with mitred
// corners, as PDF's "re S" does: the outer rectangle less the inner one,
// each edge snapped to whole pixels like a line.
func (pt *painter) strokeRect(op *drawOp) {
	k, hw := pt.k, op.width/2
	l0, l1 := snapSpan((op.x-hw)*k, (op.x+hw)*k)
	r0, r1 := snapSpan((op.x+op.x2-hw)*k, (op.x+op.x2+hw)*k)
	t0, t1 := snapSpan((op.y-hw)*k, (op.y+hw)*k)
	b0, b1 := snapSpan((op.y+op.y2-hw)*k, (op.y+op.y2+hw)*k)
	var sh shape
	sh.poly(l0, t0, r1, t0, r1, b1, l0, b1)
	if l1 < r0 && t1 < b0 {
		sh.poly(l1, t1, l1, b0, r0, b0, r0, t1) // the other way round: a hole
	}
	pt.paint(&sh, op.c)
}

// dash is the PDF surface's dash pattern for dashed lines, in points: on,
// off, starting with a dash at the line's first end.
var dash = [2]float64{0.8, 2.4}

// line strokes a segment with butt ends, as PDF's default line cap, and
// the PDF surface's dash pattern when dashed. A level or upright line, or
// each dash of one, is snapped to whole pixels in both directions, as
// poppler's stroke adjustment snaps it: a dotted leader is a row of
// one-pixel dots, not a grey smear.
func (pt *painter) line(op *drawOp) {
	dx, dy := op.x2-op.x, op.y2-op.y
	length := math.Hypot(dx, dy)
	if length == 0 || op.width <= 0 {
		return
	}
	ux, uy := dx/length, dy/length
	hw, k := op.width/2, pt.k
	var sh shape
	piece := func(t0, t1 float64) {
		ax, ay := op.x+ux*t0, op.y+uy*t0
		bx, by := op.x+ux*t1, op.y+uy*t1
		switch {
		case dy == 0 || dx == 0:
			x0, x1 := min(ax, bx)*k, max(ax, bx)*k
			y0, y1 := min(ay, by)*k, max(ay, by)*k
			if dy == 0 {
				y0, y1 = y0-hw*k, y1+hw*k
			} else {
				x0, x1 = x0-hw*k, x1+hw*k
			}
			x0, x1 = snapSpan(x0, x1)
			y0, y1 = snapSpan(y0, y1)
			sh.poly(x0, y0, x1, y0, x1, y1, x0, y1)
		default:
			nx, ny := -uy*hw, ux*hw
			sh.poly((ax+nx)*k, (ay+ny)*k, (bx+nx)*k, (by+ny)*k, (bx-nx)*k, (by-ny)*k, (ax-nx)*k, (ay-ny)*k)
		}
	}
	if !op.dashed {
		piece(0, length)
	} else {
		for t := 0.0; t < length; t += dash[0] + dash[1] {
			piece(t, min(t+dash[0], length))
		}
	}
	pt.paint(&sh, op.c)
}

// multiply blends c onto dst through mask m placed at off: each covered
// pixel is multiplied by c in proportion to its coverage, so light marks
// darken what is under them without hiding it (PDF's Multiply blend).
func multiply(dst *image.RGBA, m *image.Alpha, off image.Point, c layout.RGB) {
	r := m.Rect.Add(off).Intersect(dst.Rect)
	cs := [3]int{c.R, c.G, c.B}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			a := int(m.AlphaAt(x-off.X, y-off.Y).A)
			if a == 0 {
				continue
			}
			i := dst.PixOffset(x, y)
			for j := 0; j < 3; j++ {
				d := int(dst.Pix[i+j])
				// d·(1−a) + d·c·a, in 0–255 with rounding.
				dst.Pix[i+j] = uint8((d*(255*255-a*(255-cs[j])) + 255*255/2) / (255 * 255))
			}
		}
	}
}
