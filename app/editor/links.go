package editor

// Links are edited as a word processor's are: Ctrl+K (the app's Link…
// dialog) asks for a link's text and address, with the link under the
// cursor, or the selection, as its start. The user never types
// "[text](address)".

// linkRun is the link around q and its atoms [a, z) in block q.b: the
// link the atom after q is part of, or else the one before it (the
// cursor just after a link's last letter is on it).
func (e *Editor) linkRun(q pos) (l *linkRef, a, z int) {
	b := e.blocks[q.b]
	if b.kind == kBox {
		return nil, 0, 0
	}
	at := -1
	switch {
	case q.o < len(b.atoms) && b.atoms[q.o].st.link != nil:
		at = q.o
	case q.o > 0 && b.atoms[q.o-1].st.link != nil:
		at = q.o - 1
	default:
		return nil, 0, 0
	}
	l = b.atoms[at].st.link
	a, z = at, at+1
	for a > 0 && b.atoms[a-1].st.link == l {
		a--
	}
	for z < len(b.atoms) && b.atoms[z].st.link == l {
		z++
	}
	return l, a, z
}

// linkAtSelection is the link the cursor is in, or that the selection
// lies within.
func (e *Editor) linkAtSelection() (l *linkRef, b, a, z int) {
	s, t := order(e.anchor, e.cursor)
	l, a, z = e.linkRun(s)
	if l == nil || t.b != s.b || t.o > z {
		return nil, 0, 0, 0
	}
	return l, s.b, a, z
}

// LinkAt is the link under the cursor — its text as shown and its
// address — and whether there is one: what a Link… dialog edits.
func (e *Editor) LinkAt() (text, address string, ok bool) {
	l, b, a, z := e.linkAtSelection()
	if l == nil {
		return "", "", false
	}
	return e.plain(e.blocks[b].atoms[a:z]), l.dest, true
}

// SetLink makes text a link to address, as one undo step: the link under
// the cursor gets the text and address given, else the selection becomes
// the link (its formatting kept when text is what is selected), else the
// text goes in at the cursor as a link. An empty text is the address.
// False when the editor is read-only or address is empty.
func (e *Editor) SetLink(text, address string) bool {
	if e.readOnly || address == "" {
		return false
	}
	if text == "" {
		text = address
	}
	ref := &linkRef{address}
	e.begin(false)
	if l, b, a, z := e.linkAtSelection(); l != nil {
		e.anchor, e.cursor = pos{b, a}, pos{b, z}
	}
	if e.SelectedText() == text {
		// The selection's own letters, bold and chips and all, become
		// the link.
		s, t := order(e.anchor, e.cursor)
		for i := s.b; i <= t.b; i++ {
			if e.blocks[i].kind == kBox {
				continue
			}
			a, z := within(i, len(e.blocks[i].atoms), s, t)
			m := e.mut(i)
			for k := a; k < z; k++ {
				if !isSep(m.atoms[k]) {
					m.atoms[k].st.link = ref
				}
			}
		}
		e.collapse(t)
	} else {
		s, _ := order(e.anchor, e.cursor)
		st := e.styleAt(s)
		if e.anchor == e.cursor {
			st = e.typedStyle()
		}
		st.link = ref
		e.deleteSelection()
		as := make([]atom, 0, len(text))
		for _, r := range text {
			as = append(as, atom{r: r, st: st})
		}
		e.insert(as)
	}
	e.typing, e.goalX = nil, -1
	e.changed()
	return true
}

// RemoveLink makes the link under the cursor plain text again, its
// letters and formatting kept, as one undo step; false when there is
// none.
func (e *Editor) RemoveLink() bool {
	l, b, a, z := e.linkAtSelection()
	if e.readOnly || l == nil {
		return false
	}
	e.begin(false)
	m := e.mut(b)
	for k := a; k < z; k++ {
		m.atoms[k].st.link = nil
	}
	e.changed()
	return true
}
