package editor

import (
	"slices"
	"unicode"
)

// replace puts bs in place of blocks [a, z].
func (e *Editor) replace(a, z int, bs ...*block) {
	e.blocks = slices.Replace(e.blocks, a, z+1, bs...)
	if len(e.blocks) == 0 {
		e.blocks = []*block{e.fresh(kPara)}
	}
}

// like is a new empty block of b's kind (a paragraph for a box), in b's
// list at b's depth.
func (e *Editor) like(b *block) *block {
	n := e.fresh(b.kind)
	if b.kind == kBox {
		n.kind = kPara
	}
	n.level, n.depth, n.list = b.level, b.depth, b.list
	return n
}

// deleteRange removes what lies between s and t (s before t) and returns
// where the cursor goes. A box is removed whole when the range covers
// it, a table when the range goes beyond it; within one table, the
// cells' text goes and the cells stay. What is left of the first and
// last text blocks joins, the first's kind kept.
func (e *Editor) deleteRange(s, t pos) pos {
	if s == t {
		return s
	}
	first, last := e.blocks[s.b], e.blocks[t.b]
	if s.b == t.b && first.kind == kTable {
		b := e.mut(s.b)
		b.atoms = clearCells(b.atoms, s.o, t.o)
		return s
	}
	text := func(b *block) bool { return !b.boxLike() }
	if s.b == t.b && text(first) {
		b := e.mut(s.b)
		b.atoms = slices.Delete(b.atoms, s.o, t.o)
		return s
	}
	var out []*block
	var left *block
	switch {
	case text(first):
		left = e.like(first)
		left.atoms = slices.Clone(first.atoms[:s.o])
		out = append(out, left)
	case first.kind == kBox && s.o == 1:
		out = append(out, first)
	}
	switch {
	case last.kind == kBox && t.o == 0 && s.b != t.b:
		out = append(out, last)
	case text(last) && s.b != t.b:
		rest := last.atoms[t.o:]
		if left != nil {
			left.atoms = append(left.atoms, rest...)
		} else {
			r := e.like(last)
			r.atoms = slices.Clone(rest)
			out = append(out, r)
		}
	}
	var at pos
	if left != nil {
		at = pos{s.b, s.o}
	} else if len(out) > 0 && out[0] == first {
		at = pos{s.b, 1}
		if len(out) > 1 {
			at = pos{s.b + 1, 0}
		}
	} else {
		at = pos{s.b, 0}
	}
	if len(out) == 0 {
		out = append(out, e.fresh(kPara))
	}
	e.replace(s.b, t.b, out...)
	return at
}

// deleteSelection removes the selection, if any, and reports whether
// there was one.
func (e *Editor) deleteSelection() bool {
	s, t := order(e.anchor, e.cursor)
	if s == t {
		return false
	}
	e.collapse(e.deleteRange(s, t))
	return true
}

// deleteSelectionKey is deleteSelection for Delete, Backspace and Cut:
// a table selected whole goes (typing over it empties its cells and
// writes in the first, as in a word processor).
func (e *Editor) deleteSelectionKey() {
	if e.wholeTable() {
		e.replace(e.cursor.b, e.cursor.b, e.fresh(kPara))
		e.collapse(pos{e.cursor.b, 0})
		return
	}
	e.deleteSelection()
}

// collapse puts the cursor at q with nothing selected.
func (e *Editor) collapse(q pos) { e.anchor, e.cursor = q, q }

// insert puts atoms at the cursor (a new paragraph beside a box).
func (e *Editor) insert(as []atom) {
	q := e.cursor
	if e.blocks[q.b].kind == kBox {
		n := e.fresh(kPara)
		at := q.b + q.o
		e.blocks = slices.Insert(e.blocks, at, n)
		q = pos{at, 0}
	}
	b := e.mut(q.b)
	if b.kind == kTable {
		as = cellSafe(as)
	}
	b.atoms = slices.Insert(b.atoms, q.o, as...)
	e.collapse(pos{q.b, q.o + len(as)})
}

// typedStyle is the style a character typed at the cursor gets: that of
// the text before it, a link's only inside the link (a language's and a
// condition's too).
func (e *Editor) typedStyle() style {
	if e.typing != nil {
		return *e.typing
	}
	q := e.cursor
	b := e.blocks[q.b]
	if b.kind == kBox || len(b.atoms) == 0 {
		return style{}
	}
	var st style
	switch {
	case q.o > 0 && !isSep(b.atoms[q.o-1]):
		st = b.atoms[q.o-1].st
	case q.o < len(b.atoms) && !isSep(b.atoms[q.o]):
		// At a paragraph's or a cell's start: the style of its text.
		st = b.atoms[q.o].st
	}
	start := q.o == 0 || isSep(b.atoms[q.o-1])
	if st.link != nil && (q.o >= len(b.atoms) || b.atoms[q.o].st.link != st.link || start) {
		st.link = nil
	}
	// A passage in another language, like a link, grows only from inside.
	if st.lang != nil && (q.o >= len(b.atoms) || b.atoms[q.o].st.lang != st.lang || start) {
		st.lang = nil
	}
	// So does conditional text: a user finishing the sentence after it
	// writes what always prints. Between its text and its otherwise's,
	// a character goes on the text before it, as everywhere.
	if c := st.cond; c != nil && (q.o >= len(b.atoms) || start || b.atoms[q.o].st.cond != c && !b.atoms[q.o].st.cond.follows(c)) {
		st.cond = nil
	}
	return st
}

// split breaks the block at the cursor in two (Enter): the second half
// is a block of the same kind, except that a heading split at its end
// goes on with a paragraph.
func (e *Editor) split() {
	q := e.cursor
	b := e.blocks[q.b]
	if b.kind == kTable {
		// A cell is one line: the text goes on after the table.
		e.blocks = slices.Insert(e.blocks, q.b+1, e.fresh(kPara))
		e.collapse(pos{q.b + 1, 0})
		return
	}
	if b.kind == kBox {
		// A new paragraph on the cursor's side of the box, the cursor in it.
		at := q.b + q.o
		e.blocks = slices.Insert(e.blocks, at, e.fresh(kPara))
		e.collapse(pos{at, 0})
		return
	}
	n := e.like(b)
	if b.kind == kHeading && q.o == len(b.atoms) {
		n.kind = kPara
	}
	n.atoms = slices.Clone(b.atoms[q.o:])
	m := e.mut(q.b)
	m.atoms = m.atoms[:q.o:q.o]
	e.blocks = slices.Insert(e.blocks, q.b+1, n)
	e.collapse(pos{q.b + 1, 0})
}

// wordAt is the word around offset o in atoms: letters and digits, or a
// run of spaces, or one other atom.
func wordAt(as []atom, o int) (int, int) {
	if len(as) == 0 {
		return 0, 0
	}
	o = min(o, len(as)-1)
	class := func(a atom) int {
		switch {
		case a.obj != nil:
			return 3
		case isWord(a.r):
			return 1
		case unicode.IsSpace(a.r):
			return 2
		}
		return 4
	}
	c := class(as[o])
	if c >= 3 {
		return o, o + 1
	}
	a, z := o, o+1
	for a > 0 && class(as[a-1]) == c {
		a--
	}
	for z < len(as) && class(as[z]) == c {
		z++
	}
	return a, z
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’'
}
