package layout

import "strings"

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

// contIndent is how many columns further in a wrapped code line
// continues; a hooked arrow is drawn in that space (continuationMark), so
// a reader does not take the continuation for a line of its own.
const contIndent = 2

// glyph is one character of preformatted text, measured in its face.
type glyph struct {
	r  rune
	st Style
	w  float64
}

// preLines lays out preformatted text (code): a line per source line,
// every space kept and tabs expanded. The indentation becomes an offset
// (at most half the width) and a line wider than width wraps, at a space
// when it can, continuing at the same indentation so the structure stays
// visible.
func (m *measurer) preLines(text string, st Style, width float64) []textLine {
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
			// A continuation starts two columns further in, room for
			// the marker that says it is not a new line of code.
			at := indent
			if !first {
				at = min(indent+contIndent*space, width/2)
			}
			n := fitGlyphs(gs, width-at)
			ln := glyphLine(gs[:n], at)
			ln.cont = !first
			out = append(out, ln)
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
