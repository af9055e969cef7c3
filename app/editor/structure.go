package editor

import (
	"github.com/briefsmith/briefsmith/sectiontext"
)

// backspace deletes the selection or the atom before the cursor; at a
// block's start it turns a list item into a paragraph, or joins the
// block to the one above (selecting a box above, so a second Backspace
// deletes it).
func (e *Editor) backspace() {
	q := e.cursor
	b := e.blocks[q.b]
	switch {
	case e.anchor != e.cursor:
		e.begin(false)
		e.deleteSelectionKey()
	case b.kind == kTable && (q.o == 0 || isSep(b.atoms[q.o-1])):
		return
	case q.o > 0 && b.kind != kBox:
		e.begin(true)
		e.collapse(e.deleteRange(pos{q.b, q.o - 1}, q))
	case b.kind == kBox && q.o == 1:
		e.anchor = pos{q.b, 0}
		e.changedLayout()
		return
	case b.kind == kItem:
		e.begin(false)
		m := e.mut(q.b)
		m.kind, m.depth, m.list = kPara, 0, nil
		e.fixDepths()
	case q.b == 0:
		if b.kind == kHeading {
			e.begin(false)
			e.mut(0).kind = kPara
		} else {
			return
		}
	case e.blocks[q.b-1].kind == kTable:
		e.backIntoTable()
		return
	case e.blocks[q.b-1].kind == kBox:
		e.anchor, e.cursor = pos{q.b - 1, 0}, pos{q.b - 1, 1}
		e.endBurst()
		e.changedLayout()
		return
	default:
		e.begin(false)
		e.collapse(e.deleteRange(pos{q.b - 1, e.blocks[q.b-1].length()}, q))
	}
	e.goalX = -1
	e.changed()
}

// deleteForward deletes the selection or the atom after the cursor; at a
// block's end it joins the next block (or selects a box below).
func (e *Editor) deleteForward() {
	q := e.cursor
	b := e.blocks[q.b]
	switch {
	case e.anchor != e.cursor:
		e.begin(false)
		e.deleteSelectionKey()
	case b.kind == kTable && q.o < len(b.atoms) && isSep(b.atoms[q.o]):
		return
	case q.o < b.length() && b.kind != kBox:
		e.begin(true)
		e.collapse(e.deleteRange(q, pos{q.b, q.o + 1}))
	case b.kind == kBox && q.o == 0:
		e.anchor, e.cursor = q, pos{q.b, 1}
		e.changedLayout()
		return
	case q.b == len(e.blocks)-1:
		return
	case b.kind == kTable || e.blocks[q.b+1].kind == kTable:
		e.deleteBesideTable()
		return
	case e.blocks[q.b+1].kind == kBox:
		e.anchor, e.cursor = pos{q.b + 1, 0}, pos{q.b + 1, 1}
		e.endBurst()
		e.changedLayout()
		return
	default:
		e.begin(false)
		e.collapse(e.deleteRange(q, pos{q.b + 1, 0}))
		e.fixDepths()
	}
	e.goalX = -1
	e.changed()
}

// enter splits the block at the cursor. On an empty list item it ends
// the list instead: a nested item moves out a level, a top one becomes a
// paragraph.
func (e *Editor) enter() {
	if e.anchor == e.cursor && e.inTable() >= 0 {
		e.tableEnter(false)
		return
	}
	e.begin(false)
	e.pastBox()
	e.deleteSelection()
	q := e.cursor
	b := e.blocks[q.b]
	if b.kind == kTable {
		e.tableEnter(true)
		return
	}
	if b.kind == kItem && len(b.atoms) == 0 {
		m := e.mut(q.b)
		if m.depth > 0 {
			m.depth--
			m.list = e.listAt(q.b, m.depth, m.list)
		} else {
			m.kind, m.list = kPara, nil
		}
		e.fixDepths()
	} else {
		e.split()
	}
	e.goalX = -1
	e.changed()
}

// lineBreak puts a line break in the paragraph (Shift+Enter).
func (e *Editor) lineBreak() {
	if e.inTable() >= 0 {
		return
	}
	e.begin(false)
	e.deleteSelection()
	e.insert([]atom{{obj: sectiontext.HardBreak{}, st: e.typedStyle()}})
	e.changed()
}

// tab nests a list item under the one above (Shift: moves it out a
// level, out of the list from the top level). Tab does nothing outside
// lists.
func (e *Editor) tab(out bool) {
	if e.inTable() >= 0 {
		e.tableTab(out)
		return
	}
	s, t := order(e.anchor, e.cursor)
	var items []int
	for i := s.b; i <= t.b; i++ {
		if e.blocks[i].kind == kItem {
			items = append(items, i)
		}
	}
	if len(items) == 0 {
		return
	}
	e.begin(false)
	for _, i := range items {
		b := e.blocks[i]
		switch {
		case out && b.depth == 0:
			m := e.mut(i)
			m.kind, m.list = kPara, nil
		case out:
			m := e.mut(i)
			m.depth--
			m.list = e.listAt(i, m.depth, m.list)
		case i > 0 && e.blocks[i-1].kind == kItem && e.blocks[i-1].depth >= b.depth:
			m := e.mut(i)
			m.depth++
			m.list = e.listAt(i, m.depth, &listProps{ordered: b.list.ordered, start: 1, delim: b.list.delim, tight: true})
		}
	}
	e.fixDepths()
	e.changed()
}

// listAt is the list an item at block i and depth joins: that of the
// nearest item above at that depth within the same run of items, else
// def.
func (e *Editor) listAt(i, depth int, def *listProps) *listProps {
	for j := i - 1; j >= 0 && e.blocks[j].kind == kItem && e.blocks[j].depth >= depth; j-- {
		if e.blocks[j].depth == depth {
			return e.blocks[j].list
		}
	}
	return def
}

// fixDepths keeps every list item at most one level below the item above
// it (and at the top when nothing is above): Markdown cannot nest deeper.
func (e *Editor) fixDepths() {
	prev := -1
	for i, b := range e.blocks {
		if b.kind != kItem {
			prev = -1
			continue
		}
		if b.depth > prev+1 {
			m := e.mut(i)
			m.depth = prev + 1
			m.list = e.listAt(i, m.depth, m.list)
		}
		prev = e.blocks[i].depth
	}
}

// SetHeading makes the blocks the selection touches headings of a level
// (1–6), or paragraphs for 0.
func (e *Editor) SetHeading(level int) {
	if e.opts.Plain {
		return
	}
	if e.readOnly {
		return
	}
	e.begin(false)
	s, t := order(e.anchor, e.cursor)
	for i := s.b; i <= t.b; i++ {
		if e.blocks[i].boxLike() {
			continue
		}
		m := e.mut(i)
		m.kind, m.level, m.depth, m.list = kHeading, level, 0, nil
		if level == 0 {
			m.kind = kPara
		}
	}
	e.fixDepths()
	e.changed()
}

// SetList makes the blocks the selection touches items of a bullet (or
// numbered) list, or paragraphs again when they are all such items.
func (e *Editor) SetList(ordered bool) {
	if e.opts.Plain {
		return
	}
	if e.readOnly {
		return
	}
	e.begin(false)
	s, t := order(e.anchor, e.cursor)
	all := true
	for i := s.b; i <= t.b; i++ {
		b := e.blocks[i]
		if !b.boxLike() && (b.kind != kItem || b.list.ordered != ordered) {
			all = false
		}
	}
	p := &listProps{ordered: ordered, start: 1, delim: sectiontext.Period, tight: true}
	if !ordered {
		p.delim = sectiontext.NoDelimiter
	} else {
		p.start = e.numberAfter(s.b)
	}
	for i := s.b; i <= t.b; i++ {
		if e.blocks[i].boxLike() {
			continue
		}
		m := e.mut(i)
		if all {
			m.kind, m.depth, m.list = kPara, 0, nil
			continue
		}
		m.kind = kItem
		m.list = e.listAt(i, m.depth, p)
		if m.list.ordered != ordered {
			m.list = p
		}
	}
	e.fixDepths()
	e.changed()
}

// ToggleBold makes the selection bold, or plain if it all is; with
// nothing selected it sets what is typed next.
func (e *Editor) ToggleBold() {
	e.toggle(func(st *style) *bool { return &st.bold })
}

// ToggleItalic is ToggleBold for italic.
func (e *Editor) ToggleItalic() {
	e.toggle(func(st *style) *bool { return &st.italic })
}

func (e *Editor) toggle(flag func(*style) *bool) {
	if e.opts.Plain {
		return
	}
	if e.readOnly {
		return
	}
	s, t := order(e.anchor, e.cursor)
	if s == t {
		st := e.typedStyle()
		*flag(&st) = !*flag(&st)
		e.typing = &st
		e.endBurst()
		return
	}
	all := true
	e.eachSelected(s, t, func(a *atom) { all = all && *flag(&a.st) })
	e.begin(false)
	for i := s.b; i <= t.b; i++ {
		if e.blocks[i].kind == kBox {
			continue
		}
		a, z := e.span(i, s, t)
		if a == z {
			continue
		}
		m := e.mut(i)
		for k := a; k < z; k++ {
			*flag(&m.atoms[k].st) = !all
		}
	}
	e.changed()
}

// eachSelected calls f with every atom between s and t.
func (e *Editor) eachSelected(s, t pos, f func(*atom)) {
	for i := s.b; i <= t.b; i++ {
		b := e.blocks[i]
		if b.kind == kBox {
			continue
		}
		a, z := e.span(i, s, t)
		for _, a := range b.atoms[a:z] {
			f(&a)
		}
	}
}

// numberAfter is the number a numbered list starting at block i begins
// with: on from the numbered list before it when only boxes (answer
// lines, a table) stand between — questions, each with its lines to
// write on, are numbered 1, 2, 3 — else 1.
func (e *Editor) numberAfter(i int) int {
	j := i - 1
	for j >= 0 && e.blocks[j].boxLike() {
		j--
	}
	if j < 0 || j == i-1 || e.blocks[j].kind != kItem || e.blocks[j].list == nil || !e.blocks[j].list.ordered {
		return 1
	}
	// The top-level items of the list that ends at j.
	last := j
	for last >= 0 && e.blocks[last].kind == kItem && e.blocks[last].depth > 0 {
		last--
	}
	if last < 0 || e.blocks[last].kind != kItem {
		return 1
	}
	list := e.blocks[last].list
	n := 0
	for k := last; k >= 0 && e.blocks[k].kind == kItem; k-- {
		if e.blocks[k].depth == 0 {
			if e.blocks[k].list != list {
				break
			}
			n++
		}
	}
	return list.start + n
}

// pastBox moves the cursor after a box that is selected alone (a click on
// a table selects it): typing and Enter then write on after it, where a
// word processor's cursor would be, rather than replacing the table with
// a letter. Delete and Backspace still remove it.
func (e *Editor) pastBox() {
	s, t := order(e.anchor, e.cursor)
	if s.b == t.b && s.o == 0 && t.o == 1 && e.blocks[s.b].kind == kBox {
		e.collapse(pos{s.b, 1})
	}
}
