package briefing

import (
	"strings"
	"unicode/utf8"
)

// style is how a run of text is set.
type style struct {
	fam    family
	bold   bool
	italic bool
	size   float64
	color  rgb
	// link is an external URL; internal > 0 is a layout link target (a
	// table of contents entry jumping to its section).
	link     string
	internal int
}

func (s style) fpdfStyle() string {
	st := ""
	if s.bold {
		st += "B"
	}
	if s.italic && s.fam != mono {
		st += "I"
	}
	return st
}

// span is text in one style, as the Markdown walker produces it. A "\n"
// in text is a hard line break.
type span struct {
	text string
	st   style
}

// run is a measured piece of one line, set in one face.
type run struct {
	text string
	st   style
	x, w float64
}

// textLine is one laid-out line: runs with x offsets from the line start.
type textLine struct {
	runs []run
	w    float64
}

// word is the unit of line breaking: text between spaces, which may mix
// styles ("**bold**,") and faces (a fallback glyph inside a word).
type word struct {
	runs  []run
	w     float64
	space float64 // width of the space that followed it, 0 if none
	brk   bool    // a hard break follows
}

// widther measures text in points.
type widther interface {
	width(st style, s string) float64
}

// measurer measures text and draws laid-out lines on a surface.
type measurer struct {
	out     surface
	metrics widther
}

func (m *measurer) width(st style, s string) float64 { return m.metrics.width(st, s) }

// words splits spans into measured words, switching to the fallback face
// for characters the span's family lacks.
func (m *measurer) words(spans []span) []word {
	var out []word
	var cur word
	flush := func(space float64, brk bool) {
		if len(cur.runs) > 0 || brk {
			cur.space, cur.brk = space, brk
			out = append(out, cur)
		} else if len(out) > 0 && space > 0 && out[len(out)-1].space == 0 {
			out[len(out)-1].space = space
		}
		cur = word{}
	}
	for _, sp := range spans {
		text := printable(sp.text)
		start := 0
		var runSt style
		emit := func(end int) {
			if end > start {
				s := text[start:end]
				w := m.width(runSt, s)
				cur.runs = append(cur.runs, run{text: s, st: runSt, w: w})
				cur.w += w
			}
			start = end
		}
		for i, r := range text {
			switch r {
			case ' ', '\t':
				emit(i)
				start = i + 1
				flush(m.width(sp.st, " "), false)
				continue
			case '\n':
				emit(i)
				start = i + 1
				flush(0, true)
				continue
			}
			rs := styleFor(sp.st, r)
			if rs != runSt && i > start {
				emit(i)
			}
			runSt = rs
		}
		emit(len(text))
	}
	flush(0, false)
	return out
}

// breakLines fills lines no wider than width, greedily, breaking at spaces;
// a word wider than a whole line is cut between characters.
func (m *measurer) breakLines(spans []span, width float64) []textLine {
	var lines []textLine
	var cur textLine
	pendingSpace := 0.0
	for _, w := range m.words(spans) {
		for _, piece := range m.splitWide(w, width) {
			if len(cur.runs) > 0 && cur.w+pendingSpace+piece.w > width {
				lines = append(lines, cur)
				cur, pendingSpace = textLine{}, 0
			}
			for i, r := range piece.runs {
				gap := 0.0
				if i == 0 && len(cur.runs) > 0 {
					gap = pendingSpace
				}
				last := len(cur.runs) - 1
				if last >= 0 && cur.runs[last].st == r.st {
					// Merge same-style runs so the PDF draws one string per
					// stretch of text, not one per word.
					if gap > 0 {
						cur.runs[last].text += " "
					}
					cur.runs[last].text += r.text
					cur.runs[last].w += gap + r.w
				} else {
					r.x = cur.w + gap
					cur.runs = append(cur.runs, r)
				}
				cur.w += gap + r.w
			}
			pendingSpace = w.space
		}
		if w.brk {
			lines = append(lines, cur)
			cur, pendingSpace = textLine{}, 0
		}
	}
	if len(cur.runs) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// splitWide cuts a word wider than width into pieces that fit, so a long
// URL wraps instead of running off the page.
func (m *measurer) splitWide(w word, width float64) []word {
	if w.w <= width {
		return []word{w}
	}
	var out []word
	var cur word
	for _, r := range w.runs {
		s := r.text
		for s != "" {
			_, n := utf8.DecodeRuneInString(s)
			ch := s[:n]
			cw := m.width(r.st, ch)
			if cur.w+cw > width && cur.w > 0 {
				out = append(out, cur)
				cur = word{}
			}
			last := len(cur.runs) - 1
			if last >= 0 && cur.runs[last].st == r.st {
				cur.runs[last].text += ch
				cur.runs[last].w += cw
			} else {
				cur.runs = append(cur.runs, run{text: ch, st: r.st, w: cw})
			}
			cur.w += cw
			s = s[n:]
		}
	}
	if len(cur.runs) > 0 {
		out = append(out, cur)
	}
	return out
}

// drawLine prints ln with its left edge at x and its top at y, in a line
// box of height lh; align is "L", "C" or "R" within width.
func (m *measurer) drawLine(ln textLine, x, y, lh, width float64, align string) {
	switch align {
	case "C":
		x += (width - ln.w) / 2
	case "R":
		x += width - ln.w
	}
	for _, r := range ln.runs {
		// Baseline: centre the em box in the line box, then drop by the
		// ascent (about 0.8 em for these faces).
		base := y + (lh-r.st.size)/2 + r.st.size*0.8
		m.out.Text(r.st, x+r.x, base, r.text)
		switch {
		case r.st.link != "":
			m.out.Line(x+r.x, base+1.5, x+r.x+r.w, base+1.5, 0.5, r.st.color, false)
			m.out.LinkURL(x+r.x, y, r.w, lh, r.st.link)
		case r.st.internal > 0:
			m.out.LinkTo(x+r.x, y, r.w, lh, r.st.internal)
		}
	}
}

// tabStop is how many columns a tab in code advances to: the common editor
// default, and what keeps nested code readable at this type size.
const tabStop = 4

// expandTabs replaces each tab with the spaces up to the next tab stop,
// counting columns in characters, so mixed tabs and spaces line up as
// they did in the author's editor.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := tabStop - col%tabStop
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// glyph is one character of preformatted text, measured in its face.
type glyph struct {
	r  rune
	st style
	w  float64
}

// preLines lays out preformatted text (code): a line per source line,
// every space kept and tabs expanded. The indentation becomes an offset
// (at most half the width) and a line wider than width wraps, at a space
// when it can, continuing at the same indentation so the structure stays
// visible.
func (m *measurer) preLines(text string, st style, width float64) []textLine {
	var out []textLine
	space := m.width(st, " ")
	for _, src := range strings.Split(printable(text), "\n") {
		line := expandTabs(strings.TrimRight(src, "\r"))
		body := strings.TrimLeft(line, " ")
		indent := min(space*float64(len(line)-len(body)), width/2)
		var gs []glyph
		for _, r := range body {
			gst := styleFor(st, r)
			gs = append(gs, glyph{r: r, st: gst, w: m.width(gst, string(r))})
		}
		for first := true; first || len(gs) > 0; first = false {
			n := fitGlyphs(gs, width-indent)
			out = append(out, glyphLine(gs[:n], indent))
			gs = gs[n:]
			for len(gs) > 0 && gs[0].r == ' ' {
				gs = gs[1:] // the space a line wrapped at
			}
		}
	}
	return out
}

// fitGlyphs is how many of gs go on a line of width: all if they fit,
// else up to the last space that fits, else as many characters as fit
// (at least one, so layout always advances).
func fitGlyphs(gs []glyph, width float64) int {
	w := 0.0
	for i, g := range gs {
		if w+g.w > width && i > 0 {
			for j := i; j > 0; j-- {
				if gs[j].r == ' ' {
					return j + 1
				}
			}
			return i
		}
		w += g.w
	}
	return len(gs)
}

// glyphLine joins glyphs into runs, one per stretch in the same face.
func glyphLine(gs []glyph, x float64) textLine {
	ln := textLine{w: x}
	for _, g := range gs {
		last := len(ln.runs) - 1
		if last >= 0 && ln.runs[last].st == g.st {
			ln.runs[last].text += string(g.r)
			ln.runs[last].w += g.w
		} else {
			ln.runs = append(ln.runs, run{text: string(g.r), st: g.st, x: ln.w, w: g.w})
		}
		ln.w += g.w
	}
	return ln
}
