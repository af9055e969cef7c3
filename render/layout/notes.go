package layout

import (
	"slices"
	"strconv"
	"strings"
)

// Footnotes print at the foot of the page that first refers to them: the
// page's text area shrinks by the notes it holds, so a line whose notes
// do not fit under it goes to the next page with them. Only a note
// longer than the room left on a fresh page continues on the next page.

// Link targets beyond the contents entries' (1…sections): a note's text
// and a source's entry, by number.
const (
	noteTargetBase   = 1 << 20
	sourceTargetBase = 2 << 20
)

// noteSep is the room above a page's first note: space, then a short
// RuleGrey, then space.
const noteSep = 12

// noteLine is one laid-out line of a footnote.
type noteLine struct {
	line textLine
	// number is the note's number on its first line, "" on the lines
	// that continue it.
	number string
	// target is the note's link target.
	target int
}

// notes is what layout knows of footnotes: the current section's notes
// and numbering, and what the current page's note area holds.
type notes struct {
	section []Note
	base    int          // notes numbered before this section
	placed  map[int]bool // numbers already on a page
	page    []noteLine   // this page's note lines, in order
	carry   []noteLine   // lines a full page sends to the next
	// laid are notes laid out, by number: a note is measured for every
	// line that refers to it before it is placed, and set once.
	laid map[int][]noteLine
}

// noteStyle is a footnote's type: two points under the text, never
// under 8 pt.
func (r *layout) noteStyle() Style { return r.text(serif, false, max(r.base-2, 8), black) }

// noteLH is a footnote line's height.
func (r *layout) noteLH() float64 { return r.noteStyle().size * 1.25 }

// beginNotes starts a section: its notes are numbered after the ones
// before it.
func (r *layout) beginNotes(bs []Block) {
	r.notes.base += len(r.notes.section)
	r.notes.section = nil
	for _, b := range bs {
		if n, ok := b.(Notes); ok {
			r.notes.section = n.Items
		}
	}
}

// refSpans sets a footnote reference: a superscript number linking to
// the note.
func (r *layout) refSpans(rn Run, st Style) []span {
	if rn.Note < 1 || rn.Note > len(r.notes.section) {
		return []span{{rn.Text, st}}
	}
	n := r.notes.base + rn.Note
	st.size *= 0.62
	st.rise = st.size * 0.55
	st.link, st.internal, st.note = "", noteTargetBase+n, n
	return []span{{strconv.Itoa(n), st}}
}

// citeSpans sets a citation: the cited sources' numbers in brackets,
// each linking to its entry. An id without a source prints as written
// (the packet check has reported it), so nothing typed is lost.
func (r *layout) citeSpans(rn Run, st Style) []span {
	ids := strings.Split(rn.Text, ";")
	out := []span{{"[", st}}
	for i, id := range ids {
		if i > 0 {
			out = append(out, span{", ", st})
		}
		n, ok := r.cites[id]
		if !ok {
			out = append(out, span{"@" + id, st})
			continue
		}
		ls := st
		ls.link, ls.internal, ls.color = "", sourceTargetBase+n, LinkBlue
		out = append(out, span{strconv.Itoa(n), ls})
	}
	return append(out, span{"]", st})
}

// newNotes is the numbers of the notes ln refers to that no page holds
// yet, each once.
func (r *layout) newNotes(ln textLine) []int {
	var out []int
	for _, rn := range ln.runs {
		if n := rn.st.note; n > 0 && !r.notes.placed[n] && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// noteLines lays out note n, once per layout.
func (r *layout) noteLines(n int) []noteLine {
	if lines, ok := r.notes.laid[n]; ok {
		return lines
	}
	if r.notes.laid == nil {
		r.notes.laid = map[int][]noteLine{}
	}
	r.notes.laid[n] = r.layNote(n)
	return r.notes.laid[n]
}

// layNote breaks note n into lines under its number.
func (r *layout) layNote(n int) []noteLine {
	st := r.noteStyle()
	hang := r.width(st, "00") + 4
	var out []noteLine
	note := r.notes.section[n-r.notes.base-1]
	for _, b := range note.Blocks {
		EachParagraph(b, func(text []Run) {
			plain := make([]Run, 0, len(text))
			for _, rn := range text {
				if rn.Kind == RunFootnoteRef {
					rn.Kind = RunText // a note inside a note prints its number
				}
				plain = append(plain, rn)
			}
			for _, ln := range r.breakLines(r.spans(plain, st), r.right-r.left-hang) {
				out = append(out, noteLine{line: ln, target: noteTargetBase + n})
			}
		})
	}
	if len(out) == 0 {
		out = append(out, noteLine{target: noteTargetBase + n})
	}
	out[0].number = strconv.Itoa(n)
	return out
}

// notesPushLine reports whether ln, lh high, must start a new page to
// keep the notes it refers to on its own page: when they do not fit
// under it here but would on a fresh page. Notes taller than that stay
// with the line and continue on the next page, unless not even their
// first two lines would fit under it.
func (r *layout) notesPushLine(ln textLine, lh float64) bool {
	notes := r.newNotes(ln)
	if len(notes) == 0 || r.y <= r.top {
		return false
	}
	h := r.notesHeight(notes)
	if r.y+lh+h <= r.bottom {
		return false
	}
	fitsFresh := lh+h+noteSep <= r.floor-r.top
	return fitsFresh || r.y+lh+noteSep+2*r.noteLH() > r.bottom
}

// notesHeight is how much lower the text area's foot rises when notes
// ns join the page.
func (r *layout) notesHeight(ns []int) float64 {
	h := 0.0
	for _, n := range ns {
		h += float64(len(r.noteLines(n))) * r.noteLH()
	}
	if h > 0 && len(r.notes.page) == 0 {
		h += noteSep
	}
	return h
}

// placeNotes puts the notes the lines drawn since the last call refer
// to under this page's text, as far as they fit below what is drawn;
// the rest continue on the next page.
func (r *layout) placeNotes() {
	refs := r.refs
	r.refs = r.refs[:0]
	for _, n := range refs {
		if r.notes.placed[n] || n <= r.notes.base || n > r.notes.base+len(r.notes.section) {
			continue
		}
		if r.notes.placed == nil {
			r.notes.placed = map[int]bool{}
		}
		r.notes.placed[n] = true
		r.queueNoteLines(r.noteLines(n))
	}
}

// queueNoteLines adds lines to this page's notes while they fit under
// the text drawn so far, and the rest to the next page's.
func (r *layout) queueNoteLines(lines []noteLine) {
	lh := r.noteLH()
	for i, nl := range lines {
		h := lh
		if len(r.notes.page) == 0 {
			h += noteSep
		}
		if len(r.notes.carry) > 0 || r.y+h > r.bottom {
			r.notes.carry = append(r.notes.carry, lines[i:]...)
			return
		}
		r.notes.page = append(r.notes.page, nl)
		r.bottom -= h
	}
}

// carryNotes starts a new page's notes with the lines the last page had
// no room for, leaving at least half the page to the text.
func (r *layout) carryNotes() {
	lines := r.notes.carry
	r.notes.carry = nil
	lh := r.noteLH()
	for i, nl := range lines {
		h := lh
		if len(r.notes.page) == 0 {
			h += noteSep
		}
		if r.bottom-h < r.top+(r.floor-r.top)/2 {
			r.notes.carry = lines[i:]
			return
		}
		r.notes.page = append(r.notes.page, nl)
		r.bottom -= h
	}
}

// drawNotes prints the page's notes under a short RuleGrey, each a Note in
// the structure, and empties the note area for the next page.
func (r *layout) drawNotes() {
	r.placeNotes()
	if len(r.notes.page) == 0 {
		return
	}
	st := r.noteStyle()
	lh := r.noteLH()
	hang := r.width(st, "00") + 4
	y := r.bottom + noteSep
	r.decorate(func() {
		r.out.Line(r.left, y-noteSep/2, r.left+min(144, (r.right-r.left)/3), y-noteSep/2, 0.5, Grey, false)
	})
	open := false
	for _, nl := range r.notes.page {
		if nl.number != "" || !open {
			if open {
				r.out.EndElement()
			}
			r.out.BeginElement(ElemNote, Attrs{Target: nl.target})
			open = true
		}
		if nl.number != "" {
			r.out.Target(nl.target, y)
			r.out.BeginElement(ElemListLabel, Attrs{})
			num := r.breakLines([]span{{nl.number, st}}, 1e6)[0]
			r.drawLine(num, r.left, y, lh, hang-4, "R")
			r.out.EndElement()
		}
		r.drawLine(nl.line, r.left+hang, y, lh, r.right-r.left-hang, "L")
		y += lh
	}
	r.out.EndElement()
	r.notes.page = r.notes.page[:0]
}
