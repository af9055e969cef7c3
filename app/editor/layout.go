package editor

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// font is a face and size text is set in.
type font struct {
	size float32
	ts   fyne.TextStyle
}

// measurer measures text once per string and face: a long section's
// words repeat, and fyne.MeasureText shapes the text every time.
type measurer struct {
	widths  map[mkey]float32
	heights map[font]float32
}

type mkey struct {
	s string
	f font
}

func newMeasurer() *measurer {
	return &measurer{widths: map[mkey]float32{}, heights: map[font]float32{}}
}

func (m *measurer) width(s string, f font) float32 {
	if s == "" {
		return 0
	}
	k := mkey{s, f}
	w, ok := m.widths[k]
	if !ok {
		w = fyne.MeasureText(s, f.size, f.ts).Width
		if len(m.widths) > 200_000 {
			clear(m.widths)
		}
		m.widths[k] = w
	}
	return w
}

func (m *measurer) height(f font) float32 {
	h, ok := m.heights[f]
	if !ok {
		h = fyne.MeasureText("Mg", f.size, f.ts).Height
		m.heights[f] = h
	}
	return h
}

// line is one laid-out line of a block's text, y relative to the text's
// top; atoms [start, end) are on it.
type line struct {
	y, h       float32
	start, end int
	pieces     []piece
}

// piece is a run of atoms drawn as one: text of one style, or one object.
// The first piece of conditional text begins with its marker (see
// cond.go), lead wide and part of w: the atoms start after it.
type piece struct {
	start, end int
	x, w       float32
	text       string
	f          font
	obj        sectiontext.Inline
	st         style
	lead       float32
	marker     string
	// tab is set for a tab, shown as spaces but one step.
	tab bool
}

// textBase is how a block sets its text before the atoms' own styles.
type textBase struct {
	f   font
	col role
}

// layoutText breaks atoms into lines no wider than width (a word longer
// than a line is broken by characters).
func (e *Editor) layoutText(as []atom, width float32, base textBase) []line {
	return e.layoutRange(as, 0, len(as), width, base)
}

// layoutRange is layoutText for atoms [a, z) of as (a table's cell), the
// lines' offsets into as.
func (e *Editor) layoutRange(as []atom, a, z int, width float32, base textBase) []line {
	m := e.measr
	lh := m.height(base.f)
	var lines []line
	cur := line{h: lh, start: a}
	var x float32
	newLine := func(at int) {
		cur.end = at
		lines = append(lines, cur)
		cur = line{y: cur.y + cur.h, h: lh, start: at}
		x = 0
	}
	i := a
	for i < z {
		// The next unit: an object, or a word and the spaces after it.
		j := i + 1
		if as[i].obj == nil {
			word := func(a atom) bool { return a.obj == nil && !unicode.IsSpace(a.r) }
			if condStart(as, i) {
				// A marker goes with the word after it and the spaces
				// between, so it never ends a line alone.
				for j < z && as[j-1].obj == nil && unicode.IsSpace(as[j-1].r) && !condStart(as, j) {
					if as[j].obj != nil {
						if _, hard := as[j].obj.(sectiontext.HardBreak); !hard {
							j++
						}
						break
					}
					j++
				}
			}
			for j < z && word(as[j]) && word(as[j-1]) && !condStart(as, j) {
				j++
			}
			for j < z && as[j].obj == nil && unicode.IsSpace(as[j].r) && !condStart(as, j) {
				j++
			}
		}
		if _, hard := as[i].obj.(sectiontext.HardBreak); hard {
			newLine(i + 1)
			i = j
			continue
		}
		w, ink := e.unitWidth(as, i, j, base)
		if x > 0 && x+ink > width {
			newLine(i)
		}
		if x == 0 && ink > width && j-i > 1 {
			// Too long for any line: as many characters as fit (at
			// least one), found by halving.
			// No character is narrower than a quarter of the size.
			lo, hi := i+1, min(j, i+1+int(width/(base.f.size*0.25)))
			for lo < hi {
				mid := (lo + hi + 1) / 2
				if kw, _ := e.unitWidth(as, i, mid, base); kw > width {
					hi = mid - 1
				} else {
					lo = mid
				}
			}
			j = lo
			w, _ = e.unitWidth(as, i, j, base)
		}
		if f := e.atomFont(as[i], base); f.size > base.f.size {
			cur.h = max(cur.h, m.height(f))
		}
		x += w
		i = j
	}
	cur.end = z
	lines = append(lines, cur)
	for k := range lines {
		lines[k].pieces = e.pieces(as, lines[k].start, lines[k].end, base)
	}
	return lines
}

// unitWidth is the width of atoms [a, z) of as and that without their
// trailing spaces (the part that must fit on the line).
func (e *Editor) unitWidth(as []atom, a, z int, base textBase) (w, ink float32) {
	for _, p := range e.pieces(as, a, z, base) {
		w += p.w
	}
	n := z
	for n > a && as[n-1].obj == nil && unicode.IsSpace(as[n-1].r) {
		n--
	}
	if n == z {
		return w, w
	}
	// A marker must fit even before nothing but spaces.
	for _, p := range e.pieces(as, a, max(n, min(a+1, z)), base) {
		if p.start < n {
			ink += p.w
		} else {
			ink += p.lead
		}
	}
	return w, ink
}

// pieces splits atoms [a, b) into runs of one style, objects alone.
func (e *Editor) pieces(as []atom, a, b int, base textBase) []piece {
	var out []piece
	var x float32
	for i := a; i < b; {
		j := i + 1
		p := piece{start: i, st: as[i].st, f: e.atomFont(as[i], base)}
		if as[i].obj != nil {
			p.obj = as[i].obj
			p.text = e.objText(as[i].obj)
			p.w = e.measr.width(p.text, p.f)
			if isChip(p.obj) {
				p.w += 2 * padOf(p.obj)
			}
			if _, sup := p.obj.(sectiontext.FootnoteRef); sup {
				// Room for its tint on either side.
				p.w += 2
			}
			if c, ok := p.obj.(sectiontext.Conditional); ok {
				p.w += chipPad + e.measr.width(e.condMarker(c), markerFont(p.f))
			}
		} else if tabAtom(as, i) {
			p.text, p.tab = "    ", true
			p.w = e.measr.width(p.text, p.f)
		} else {
			for j < b && as[j].obj == nil && as[j].st == as[i].st && !tabAtom(as, j) {
				j++
			}
			var sb strings.Builder
			for _, a := range as[i:j] {
				sb.WriteRune(a.r)
			}
			p.text = sb.String()
			p.w = e.measr.width(p.text, p.f)
		}
		if condStart(as, i) {
			p.marker = e.runMarker(as, i)
			p.lead = e.measr.width(p.marker, markerFont(base.f)) + 3*chipPad
			p.w += p.lead
		}
		p.end, p.x = j, x
		x += p.w
		out = append(out, p)
		i = j
	}
	return out
}

// chipPad is the space inside a chip's rounded box.
const chipPad = 4

// padOf is the space inside x's chip: a citation's is narrow, so
// "[1]." reads as the page prints it, not as "[1] ." with a gap before
// the full stop.
func padOf(x sectiontext.Inline) float32 {
	if _, ok := x.(sectiontext.Citation); ok {
		return 1
	}
	return chipPad
}

// atomFont is the face an atom is drawn in.
func (e *Editor) atomFont(a atom, base textBase) font {
	f := base.f
	if a.st.bold {
		f.ts.Bold = true
	}
	if a.st.italic {
		f.ts.Italic = true
	}
	if a.st.code {
		f.ts.Monospace = true
	}
	if _, sup := a.obj.(sectiontext.FootnoteRef); sup {
		f.size = base.f.size * 0.75
		f.ts.Bold = true
	}
	return f
}

// isChip reports whether an object is drawn as a token in a rounded box.
func isChip(x sectiontext.Inline) bool {
	switch x.(type) {
	case sectiontext.Field, sectiontext.Citation, sectiontext.Conditional, sectiontext.Image:
		return true
	}
	return false
}

// objText is the text an object shows.
func (e *Editor) objText(x sectiontext.Inline) string {
	switch x := x.(type) {
	case sectiontext.Field:
		return e.label(x.Name)
	case sectiontext.Citation:
		if e.opts.CitationLabel == nil {
			return "[" + strings.Join(x.IDs, "; ") + "]"
		}
		labels := make([]string, len(x.IDs))
		for i, id := range x.IDs {
			if labels[i] = e.opts.CitationLabel(id); labels[i] == "" {
				labels[i] = "@" + id
			}
		}
		return "[" + strings.Join(labels, ", ") + "]"
	case sectiontext.FootnoteRef:
		return x.Label
	case sectiontext.Conditional:
		// The text itself, as it prints when the field is filled; the
		// condition is a small marker beside it (condMarker), so the
		// sentence reads as a sentence.
		return strings.TrimSpace(e.condText(x.Then))
	case sectiontext.Image:
		return "image: " + x.Alt
	case sectiontext.Autolink:
		return x.Address
	case sectiontext.Link:
		return x.Destination
	case sectiontext.SoftBreak:
		return " "
	}
	return ""
}

func (e *Editor) label(name string) string {
	if e.opts.Label != nil {
		if l := e.opts.Label(name); l != "" {
			return l
		}
	}
	return name
}

// xAt is where the cursor before atom o of line l stands.
func (e *Editor) xAt(l *line, o int) float32 {
	for _, p := range l.pieces {
		if o < p.start || o > p.end {
			continue
		}
		if o == p.start {
			// Before conditional text's marker: what is typed there
			// is not part of it.
			return p.x
		}
		if o == p.end || p.obj != nil || p.tab {
			return p.x + p.w
		}
		rs := []rune(p.text)
		return p.x + p.lead + e.measr.width(string(rs[:o-p.start]), p.f)
	}
	if len(l.pieces) > 0 {
		last := l.pieces[len(l.pieces)-1]
		return last.x + last.w
	}
	return 0
}

// offsetAt is the atom offset nearest x on line l.
func (e *Editor) offsetAt(l *line, x float32, last bool) int {
	for _, p := range l.pieces {
		if x >= p.x+p.w {
			continue
		}
		if p.obj != nil || p.tab {
			if x < p.x+p.lead+(p.w-p.lead)/2 {
				return p.start
			}
			return p.end
		}
		// A marker has no place for the cursor: a point on it is
		// before it or after the letter it marks, whichever is nearer.
		rs := []rune(p.text)
		prev := p.x
		for k := 1; k <= len(rs); k++ {
			nx := p.x + p.lead + e.measr.width(string(rs[:k]), p.f)
			if x < (prev+nx)/2 {
				return p.start + k - 1
			}
			prev = nx
		}
		return p.end
	}
	end := l.end
	if !last && end > l.start {
		// The cursor at the end of a wrapped line stands before the
		// space the line broke at.
		end--
	}
	return max(end, l.start)
}

// baseSize is the body text size.
func baseSize() float32 { return theme.TextSize() }
