package briefing

import (
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
		var runFam family
		emit := func(end int) {
			if end > start {
				st := sp.st
				st.fam = runFam
				s := text[start:end]
				w := m.width(st, s)
				cur.runs = append(cur.runs, run{text: s, st: st, w: w})
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
			fam, _ := faceFor(sp.st.fam, r)
			if fam != runFam && i > start {
				emit(i)
			}
			runFam = fam
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
