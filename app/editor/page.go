package editor

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// margin is the room left and right of the text and above it.
const margin = 14

// page is the whole text, as tall as its blocks (measured, or estimated
// until first seen), inside the editor's scroll container. It draws only
// the blocks on screen and takes the mouse (see mouse.go).
type page struct {
	widget.BaseWidget
	e *Editor
	// tops[i] is where block i starts; tops[len(blocks)] is where the
	// notes start, and total where they end.
	tops  []float32
	total float32
	// nums are the numbers list items show (0 for bullets), counted
	// per list and depth.
	nums []int
	// notes is the notes area laid out, for notesW and the notes shown;
	// noteRows are where each note is in it, for a double click.
	notes      []prim
	notesH     float32
	notesW     float32
	shown      []sectiontext.Footnote
	noteRows   []noteRow
	refreshing bool
}

func newPage(e *Editor) *page {
	p := &page{e: e}
	p.ExtendBaseWidget(p)
	return p
}

// width is the text's width; a page not yet sized lays out as if 600
// wide, so an editor that is not shown can still answer questions.
func (p *page) width() float32 {
	if w := p.Size().Width - 2*margin; w > 50 {
		return w
	}
	return 600
}

// view is the part of the page on screen.
func (p *page) view() (y0, y1 float32) {
	y0 = p.e.scrl.Offset.Y
	h := p.e.scrl.Size().Height
	if h <= 0 {
		h = 600
	}
	return y0, y0 + h
}

// height is a block's height: measured if it has been laid out at this
// width, else a guess from its length.
func (p *page) height(b *block, w float32) float32 {
	if b.lay != nil && b.lay.width == w {
		return b.lay.h
	}
	s := baseSize()
	if b.boxLike() {
		return s * 4
	}
	lines := float32(int(float32(len(b.atoms))*s*0.5/w) + 1)
	return lines*s*1.4 + s*0.7
}

// heightsChanged recomputes where every block starts and the list
// numbers: O(blocks), cheap beside laying out a block.
func (p *page) heightsChanged() {
	bs := p.e.blocks
	w := p.width()
	if cap(p.tops) < len(bs)+1 {
		p.tops = make([]float32, len(bs)+1)
		p.nums = make([]int, len(bs))
	}
	p.tops, p.nums = p.tops[:len(bs)+1], p.nums[:len(bs)]
	y := float32(margin)
	var count [16]int
	var props [16]*listProps
	// boxed is set by a box since the last item: the list goes on past
	// it when the next item is of the same list (build numbers it so),
	// and a list of its own there starts from its own number.
	boxed := false
	for i, b := range bs {
		p.tops[i] = y
		y += p.height(b, w)
		p.nums[i] = 0
		if b.kind != kItem {
			if b.boxLike() {
				boxed = true
			} else {
				count, props, boxed = [16]int{}, [16]*listProps{}, false
			}
			continue
		}
		d := min(b.depth, 15)
		for k := d + 1; k < 16; k++ {
			count[k], props[k] = 0, nil
		}
		if props[d] == nil || boxed && props[d] != b.list || !boxed && !sameKind(props[d], b.list) {
			props[d], count[d] = b.list, 0
		}
		boxed = false
		if b.list != nil && b.list.ordered {
			start := props[d].start
			p.nums[i] = start + count[d]
		}
		count[d]++
	}
	p.tops[len(bs)] = y
	if shown := p.e.shownNotes(); p.notesW != w || !sameNotes(shown, p.shown) {
		p.notes, p.notesH, p.noteRows = p.e.notesPrims(shown, w)
		p.notesW, p.shown = w, shown
	}
	old := p.total
	p.total = y + p.notesH + margin
	if old != p.total && !p.refreshing {
		p.refreshing = true
		p.e.scrl.Refresh()
		p.refreshing = false
	}
}

// ensure lays out the blocks between y0 and y1, fixing the positions of
// those below when a guess was wrong.
func (p *page) ensure(y0, y1 float32) {
	w := p.width()
	for range 4 {
		changed := false
		for i := p.blockAt(y0); i < len(p.e.blocks) && p.tops[i] < y1; i++ {
			b := p.e.blocks[i]
			was := p.height(b, w)
			if p.e.layoutBlock(b, w).h != was {
				changed = true
			}
		}
		if !changed {
			return
		}
		p.heightsChanged()
	}
}

// blockAt is the block at height y (the last if below all).
func (p *page) blockAt(y float32) int {
	n := len(p.e.blocks)
	i := sort.Search(n, func(i int) bool { return p.tops[i+1] > y })
	return min(i, n-1)
}

// lay is block i laid out.
func (p *page) lay(i int) *blockLayout {
	w := p.width()
	b := p.e.blocks[i]
	was := p.height(b, w)
	l := p.e.layoutBlock(b, w)
	if l.h != was {
		p.heightsChanged()
	}
	return l
}

// MinSize is part of fyne.CanvasObject: as tall as the text.
func (p *page) MinSize() fyne.Size { return fyne.NewSize(0, p.total) }

// CreateRenderer is part of fyne.Widget.
func (p *page) CreateRenderer() fyne.WidgetRenderer { return &pageRenderer{p: p} }

// pageRenderer keeps its canvas objects from one refresh to the next,
// changing only what they show.
type pageRenderer struct {
	p      *page
	rects  []*canvas.Rectangle
	lines  []*canvas.Line
	texts  []*canvas.Text
	over   []*canvas.Rectangle
	nr, nl int
	nt, no int
	objs   []fyne.CanvasObject
}

func (r *pageRenderer) Destroy()                     {}
func (r *pageRenderer) Layout(fyne.Size)             { r.Refresh() }
func (r *pageRenderer) MinSize() fyne.Size           { return r.p.MinSize() }
func (r *pageRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *pageRenderer) Refresh() {
	p := r.p
	if len(p.tops) != len(p.e.blocks)+1 {
		p.heightsChanged()
	}
	y0, y1 := p.view()
	p.ensure(y0, y1)
	r.nr, r.nl, r.nt, r.no = 0, 0, 0, 0
	p.drawSelection(r, y0, y1)
	for i := p.blockAt(y0); i < len(p.e.blocks) && p.tops[i] < y1; i++ {
		b := p.e.blocks[i]
		l := p.e.layoutBlock(b, p.width())
		for _, pr := range l.prims {
			r.prim(pr, margin, p.tops[i])
		}
		if b.kind == kItem {
			p.drawMarker(r, i, l)
		}
	}
	if top := p.tops[len(p.e.blocks)]; top < y1 {
		p.drawSelectedNote(r, top+baseSize())
		for _, pr := range p.notes {
			r.prim(pr, margin, top+baseSize())
		}
	}
	p.drawCursor(r)
	r.objs = r.objs[:0]
	for _, o := range r.rects[:r.nr] {
		r.objs = append(r.objs, o)
	}
	for _, o := range r.lines[:r.nl] {
		r.objs = append(r.objs, o)
	}
	for _, o := range r.texts[:r.nt] {
		r.objs = append(r.objs, o)
	}
	for _, o := range r.over[:r.no] {
		r.objs = append(r.objs, o)
	}
}

// prim draws one prim at an offset, reusing a canvas object.
func (r *pageRenderer) prim(pr prim, dx, dy float32) {
	switch pr.k {
	case pText:
		if r.nt == len(r.texts) {
			r.texts = append(r.texts, &canvas.Text{})
		}
		t := r.texts[r.nt]
		r.nt++
		c := colorOf(pr.col, r.p.e.opts)
		if t.Text != pr.text || t.TextSize != pr.f.size || t.TextStyle != pr.f.ts || t.Color != c {
			t.Text, t.TextSize, t.TextStyle, t.Color = pr.text, pr.f.size, pr.f.ts, c
			t.Refresh()
		}
		t.Move(fyne.NewPos(pr.x+dx, pr.y+dy))
		t.Resize(t.MinSize())
	case pRect:
		r.rect(&r.rects, &r.nr, pr, dx, dy)
	case pLine:
		if r.nl == len(r.lines) {
			r.lines = append(r.lines, &canvas.Line{})
		}
		l := r.lines[r.nl]
		r.nl++
		l.StrokeColor, l.StrokeWidth = colorOf(pr.col, r.p.e.opts), pr.width
		l.Position1 = fyne.NewPos(pr.x+dx, pr.y+dy)
		l.Position2 = fyne.NewPos(pr.x+dx+pr.w, pr.y+dy+pr.h)
		l.Refresh()
	}
}

func (r *pageRenderer) rect(pool *[]*canvas.Rectangle, n *int, pr prim, dx, dy float32) {
	if *n == len(*pool) {
		*pool = append(*pool, &canvas.Rectangle{})
	}
	o := (*pool)[*n]
	*n++
	o.FillColor, o.CornerRadius = colorOf(pr.col, r.p.e.opts), pr.radius
	o.StrokeColor, o.StrokeWidth = colorOf(pr.stroke, r.p.e.opts), pr.width
	o.Move(fyne.NewPos(pr.x+dx, pr.y+dy))
	o.Resize(fyne.NewSize(pr.w, pr.h))
	o.Refresh()
}

// colorOf is a role's colour in the current theme.
func colorOf(c role, o Options) color.Color {
	switch c {
	case rFg:
		return theme.Color(theme.ColorNameForeground)
	case rHeading:
		if o.Accent != nil {
			return onBackground(o.Accent)
		}
		return theme.Color(theme.ColorNameForeground)
	case rLink:
		return theme.Color(theme.ColorNameHyperlink)
	case rMuted:
		return theme.Color(theme.ColorNamePlaceHolder)
	case rChip:
		return alpha(theme.Color(theme.ColorNamePrimary), 0x38)
	case rCond:
		return alpha(theme.Color(theme.ColorNameWarning), 0x38)
	case rCondText:
		return alpha(theme.Color(theme.ColorNameWarning), 0x1c)
	case rMarker:
		// Quieter than the text, but not the placeholder's grey,
		// which read faintly on the marker's pill.
		return alpha(theme.Color(theme.ColorNameForeground), 0xc0)
	case rBox:
		return alpha(theme.Color(theme.ColorNamePrimary), 0x1c)
	case rBorder:
		return theme.Color(theme.ColorNameInputBorder)
	case rHeader:
		return alpha(theme.Color(theme.ColorNameForeground), 0x1c)
	case rCode:
		return alpha(theme.Color(theme.ColorNameForeground), 0x12)
	case rSel:
		return theme.Color(theme.ColorNameSelection)
	case rCursor:
		return theme.Color(theme.ColorNameForeground)
	}
	return color.Transparent
}

func alpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// onBackground is the accent as it reads on the theme's background: on a
// dark one, mixed half with white, since a document's accent is chosen
// dark enough to read on paper and would be faint on a dark screen.
func onBackground(c color.Color) color.Color {
	bg := color.NRGBAModel.Convert(theme.Color(theme.ColorNameBackground)).(color.NRGBA)
	if int(bg.R)+int(bg.G)+int(bg.B) >= 3*128 {
		return c
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	mix := func(v uint8) uint8 { return uint8((int(v) + 255) / 2) }
	return color.NRGBA{R: mix(n.R), G: mix(n.G), B: mix(n.B), A: n.A}
}
