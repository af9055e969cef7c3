package editor

import (
	"slices"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// Find and Replace work on the text the user sees, never on Markdown:
// the app searches ShownText, selects a match with SelectRange (the
// selection is drawn while the keyboard stays in the Find box) and
// replaces with ReplaceRanges. Offsets are cursor steps, as
// CursorOffset counts them, so a rune of ShownText is one step.
//
// A chip (a field, a citation, a footnote's number, conditional text in
// a link or in other conditional text) and a box (a table, a call-out…)
// are one step each and stand in the text as ObjectRune, which no query
// can hold: a search neither finds a word inside a field's label nor
// replaces part of one, as Find in the source leaves a field's name
// alone. Other conditional
// text, and what prints otherwise, is characters like any, found and
// replaced.

// ObjectRune stands for a chip or a box in ShownText.
const ObjectRune = '\uFFFC'

// ShownText is the text as one string of cursor steps: each character
// as itself, a line break as '\n', a chip or box as ObjectRune, and a
// '\n' between blocks (the step from one to the next), '\t' between a
// table's cells.
func (e *Editor) ShownText() string {
	var rs []rune
	for i, b := range e.blocks {
		if i > 0 {
			rs = append(rs, '\n')
		}
		if b.kind == kBox {
			rs = append(rs, ObjectRune)
			continue
		}
		for _, a := range b.atoms {
			switch a.obj.(type) {
			case nil:
				if a.r == cellSep {
					// No query matches across cells (a query holds
					// no tab, the Find box being one line).
					a.r = '\t'
				}
				rs = append(rs, a.r)
			case sectiontext.HardBreak:
				rs = append(rs, '\n')
			default:
				rs = append(rs, ObjectRune)
			}
		}
	}
	return string(rs)
}

// posOf is the position offset steps into the text (see CursorOffset),
// or as near as the text allows.
func (e *Editor) posOf(offset int) pos {
	q := pos{}
	for i := range e.blocks {
		q = pos{i, min(max(offset, 0), e.blockLen(i))}
		if offset <= e.blockLen(i) {
			break
		}
		offset -= e.blockLen(i) + 1
	}
	return q
}

// offsetOf is q as one number, the inverse of posOf.
func (e *Editor) offsetOf(q pos) int {
	n := 0
	for i := 0; i < q.b && i < len(e.blocks); i++ {
		n += e.blockLen(i) + 1
	}
	return n + q.o
}

// SelectRange selects the steps [from, to) of ShownText and scrolls the
// selection into sight: what Find does with a match. The editor need
// not have the keyboard for the selection to show.
func (e *Editor) SelectRange(from, to int) {
	e.anchor, e.cursor = e.posOf(from), e.posOf(to)
	e.typing, e.goalX = nil, -1
	e.endBurst()
	e.changedLayout()
}

// SelectionRange is the selection as offsets into ShownText, from before
// to: equal when nothing is selected.
func (e *Editor) SelectionRange() (from, to int) {
	s, t := order(e.anchor, e.cursor)
	return e.offsetOf(s), e.offsetOf(t)
}

// ReplaceRanges puts with[k] in place of the steps ranges[k] of
// ShownText, as one undo step: Replace and Replace All. ranges are in
// order and do not overlap. A replacement takes the style of the first
// character it replaces, so a word replaced in bold text stays bold;
// it is literal text. The cursor stays by the text it stood at (after a
// replacement it stood in). Nothing happens for no ranges or read-only
// text; false then.
func (e *Editor) ReplaceRanges(ranges [][2]int, with []string) bool {
	return e.Apply(Changes{Ranges: ranges, With: with})
}

// Changes are what Replace All changes at once: words in the text (as
// ReplaceRanges), boxes whose words it changed, and notes.
type Changes struct {
	Ranges [][2]int
	With   []string
	// Boxes puts a box in place of the box at each offset of ShownText
	// (see Boxes). A table is refused: it is edited in place, and would
	// move the offsets after it.
	Boxes map[int]sectiontext.Block
	// Notes gives the footnotes so labelled new text.
	Notes map[string][]sectiontext.Block
}

// Apply makes changes c as one undo step, so one Undo takes back a
// Replace All wherever it replaced. With no ranges the selection stays
// (a box or a note's number Find selected stays selected); otherwise
// the cursor stays by its text, as ReplaceRanges says. False for
// nothing to change or read-only text.
func (e *Editor) Apply(c Changes) bool {
	if e.readOnly || len(c.Ranges) != len(c.With) || len(c.Ranges)+len(c.Boxes)+len(c.Notes) == 0 {
		return false
	}
	e.begin(false)
	// Boxes first: each stays one step, so the ranges' offsets hold.
	for off, b := range c.Boxes {
		q := e.posOf(off)
		if _, table := b.(sectiontext.Table); table || q.o != 0 || e.blocks[q.b].kind != kBox {
			continue
		}
		e.blocks[q.b] = &block{kind: kBox, box: b, gen: e.gen}
	}
	if len(c.Notes) > 0 {
		// A new slice: the undo history holds the old one.
		notes := slices.Clone(e.notes)
		for i, n := range notes {
			if blocks, ok := c.Notes[n.Label]; ok {
				notes[i].Blocks = blocks
			}
		}
		e.notes = notes
	}
	if len(c.Ranges) > 0 {
		e.replaceRanges(c.Ranges, c.With)
	}
	e.goalX = -1
	e.changed()
	return true
}

// replaceRanges is the text's part of Apply.
func (e *Editor) replaceRanges(ranges [][2]int, with []string) {
	cur := e.offsetOf(e.cursor)
	newCur := cur
	for k := len(ranges) - 1; k >= 0; k-- {
		r := ranges[k]
		s, t := e.posOf(r[0]), e.posOf(r[1])
		st := e.styleAt(s)
		e.collapse(e.deleteRange(s, t))
		as := make([]atom, 0, len(with[k]))
		for _, c := range with[k] {
			as = append(as, atom{r: c, st: st})
		}
		if len(as) > 0 {
			e.insert(as)
		}
		delta := len(as) - (r[1] - r[0])
		switch {
		case cur >= r[1]:
			newCur += delta
		case cur > r[0]:
			newCur += r[0] + len(as) - cur
		}
	}
	e.fixDepths()
	e.collapse(e.posOf(newCur))
}

// styleAt is the style of the character at q, links kept: a word
// replaced inside a link stays part of it.
func (e *Editor) styleAt(q pos) style {
	b := e.blocks[q.b]
	if b.kind == kBox || len(b.atoms) == 0 {
		return style{}
	}
	return b.atoms[min(q.o, len(b.atoms)-1)].st
}

// Box is a box (a call-out, a glossary, answer lines…) and where it
// stands in ShownText: Find looks inside it, as the text does not show
// its words one step at a time.
type Box struct {
	Offset int
	Block  sectiontext.Block
}

// Boxes are the text's boxes, in order.
func (e *Editor) Boxes() []Box {
	var out []Box
	n := 0
	for i, b := range e.blocks {
		if b.kind == kBox {
			out = append(out, Box{Offset: n, Block: b.box})
		}
		n += e.blockLen(i) + 1
	}
	return out
}
