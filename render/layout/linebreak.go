package layout

import (
	"math"
	"strings"
	"unicode/utf8"
)

// span is text in one Style, as the Markdown walker produces it. A "\n"
// in text is a hard line break.
type span struct {
	text string
	st   Style
}

// run is a measured piece of one line, set in one face. joined marks a
// run the next one continues without a word space between them: a style
// or face change inside a word, or a line that ends inside a word (at a
// soft hyphen, or a word too long for a line).
type run struct {
	text   string
	st     Style
	x, w   float64
	joined bool
}

// textLine is one laid-out line: runs with x offsets from the line start.
type textLine struct {
	runs []run
	w    float64
	// cont marks a preformatted line that continues the one above it
	// (a long code line wrapped): drawLines prints a marker before it.
	cont bool
}

// word is the unit of line breaking: text between spaces, which may mix
// styles ("**bold**,") and faces (a fallback glyph inside a word).
type word struct {
	runs  []run
	w     float64
	space float64 // width of the space that followed it, 0 if none
	brk   bool    // a hard break follows
	// soft is true when a soft hyphen (U+00AD) followed: the word goes
	// on without a space, and a line that breaks there ends in a hyphen
	// of width hyphen.
	soft   bool
	hyphen float64
}

// softHyphen marks where a word may be hyphenated; it is never printed.
const softHyphen = '\u00ad'

// measurer measures text and breaks it into lines; it draws nothing.
type measurer struct {
	metrics widther
	// wordBuf and runBuf are words' scratch space, reused by every call:
	// breakLines copies what it keeps into its lines, so the words of one
	// call are dead when the next begins. A layout measures on one
	// goroutine.
	wordBuf []word
	runBuf  []run
}

func (m *measurer) width(st Style, s string) float64 { return m.metrics.width(st, s) }

// words splits spans into measured words, switching to the fallback face
// for characters the span's family lacks.
func (m *measurer) words(spans []span) []word {
	// Every word's runs are cut from one backing array, and the words
	// come in another, both kept for the next call: a slice per word was
	// the largest allocation of a long export.
	out, slab := m.wordBuf[:0], m.runBuf[:0]
	defer func() { m.wordBuf, m.runBuf = out[:0], slab[:0] }()
	first := 0 // where cur's runs start in slab
	var cur word
	flush := func(space float64, brk bool) {
		if len(cur.runs) > 0 || brk {
			cur.space, cur.brk = space, brk
			out = append(out, cur)
		} else if len(out) > 0 && space > 0 && out[len(out)-1].space == 0 {
			out[len(out)-1].space = space
		}
		cur, first = word{}, len(slab)
	}
	for _, sp := range spans {
		text := printable(sp.text)
		start := 0
		var runSt Style
		emit := func(end int) {
			if end > start {
				s := text[start:end]
				w := m.width(runSt, s)
				slab = append(slab, run{text: s, st: runSt, w: w})
				cur.runs = slab[first:len(slab):len(slab)]
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
			case softHyphen:
				emit(i)
				start = i + len(string(softHyphen))
				if len(cur.runs) > 0 {
					st := cur.runs[len(cur.runs)-1].st
					cur.soft, cur.hyphen = true, m.width(st, "-")
					out = append(out, cur)
					cur, first = word{}, len(slab)
				}
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
	softEnd := false // cur ends where a soft hyphen allows a break
	var one [1]word  // the usual piece: a whole word, without a slice of its own
	for _, w := range m.words(spans) {
		pieces := one[:]
		if one[0] = w; w.w > width {
			pieces = m.splitWide(w, width)
		}
		for k, piece := range pieces {
			// A piece before a soft hyphen must leave room for the hyphen
			// the line would end with if it broke there.
			need := piece.w
			if w.soft {
				need += w.hyphen
			}
			if len(cur.runs) > 0 && cur.w+pendingSpace+need > width {
				if softEnd {
					last := &cur.runs[len(cur.runs)-1]
					hw := m.width(last.st, "-")
					last.text += "-"
					last.w += hw
					cur.w += hw
				}
				if k > 0 || pendingSpace == 0 {
					cur.runs[len(cur.runs)-1].joined = true
				}
				lines = append(lines, cur)
				cur, pendingSpace = textLine{}, 0
			}
			for i, r := range piece.runs {
				gap := 0.0
				if i == 0 && len(cur.runs) > 0 {
					gap = pendingSpace
				}
				last := len(cur.runs) - 1
				// A space measured in another face (a fallback face's word
				// after a space set in the span's own) would be drawn
				// wider or narrower than measured: such a gap starts a
				// new run at its measured place instead.
				sameGap := gap == 0 || math.Abs(gap-m.width(r.st, " ")) < 0.01
				if last >= 0 && cur.runs[last].st == r.st && sameGap {
					// Merge same-Style runs so the PDF draws one string per
					// stretch of text, not one per word.
					if gap > 0 {
						cur.runs[last].text += " " + r.text
					} else {
						cur.runs[last].text += r.text
					}
					cur.runs[last].w += gap + r.w
				} else {
					if last >= 0 && gap == 0 {
						cur.runs[last].joined = true
					}
					r.x = cur.w + gap
					r.joined = false
					cur.runs = append(cur.runs, r)
				}
				cur.w += gap + r.w
			}
			pendingSpace = w.space
		}
		softEnd = w.soft
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

// fit returns s on one line, shortened with an ellipsis to width.
func (m *measurer) fit(s string, st Style, width float64) textLine {
	s = strings.Join(strings.Fields(s), " ")
	lines := m.breakLines([]span{{s, st}}, width)
	if len(lines) <= 1 {
		if len(lines) == 0 {
			return textLine{}
		}
		return lines[0]
	}
	// Shorten from what fits on the first line, not from the whole text:
	// a title of thousands of words would otherwise cost a quadratic
	// search on every page header.
	var first strings.Builder
	end := 0.0
	for _, rn := range lines[0].runs {
		if rn.x > end+0.01 {
			first.WriteByte(' ') // runs in different faces meet at a space
		}
		first.WriteString(rn.text)
		end = rn.x + rn.w
	}
	// Drop whole words from the end until the rest and the ellipsis fit:
	// a title cut inside a word reads as a misprint.
	words := strings.Fields(first.String())
	for n := len(words); n > 0; n-- {
		ls := m.breakLines([]span{{strings.Join(words[:n], " ") + "…", st}}, width)
		if len(ls) == 1 {
			return ls[0]
		}
	}
	// A first word wider than the line is cut between characters.
	runes := []rune(first.String())
	for n := len(runes); n > 0; n-- {
		ls := m.breakLines([]span{{strings.TrimSpace(string(runes[:n])) + "…", st}}, width)
		if len(ls) == 1 {
			return ls[0]
		}
	}
	return lines[0]
}
