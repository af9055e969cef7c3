package editor

import (
	"strconv"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// Autoformat as a word processor does it: "- " or "* " typed at the
// start of a paragraph makes it a bullet item, "1. " (any number and a
// period) a numbered item. It is an undo step of its own after the
// typing, so one Undo gives back the characters typed as literal text,
// as Word's does. "#" stays literal: a heading is chosen from the
// toolbar, and a teacher writing "#1 priority" means the words.

// autoformat turns the paragraph the cursor is in into a list item when
// what stands before the cursor — at the paragraph's start, a space just
// typed — is a list marker, and reports whether it did.
func (e *Editor) autoformat() bool {
	q := e.cursor
	b := e.blocks[q.b]
	if b.kind != kPara || q.o < 2 || q.o > 5 {
		return false
	}
	marker := make([]rune, 0, q.o)
	for _, a := range b.atoms[:q.o] {
		if a.obj != nil {
			return false
		}
		marker = append(marker, a.r)
	}
	p, ok := listMarker(string(marker))
	if !ok {
		return false
	}
	// The marker as typed is stored first, the step Undo goes back to.
	e.changed()
	e.begin(false)
	m := e.mut(q.b)
	m.atoms = append(m.atoms[:0:0], m.atoms[q.o:]...)
	m.kind, m.depth = kItem, 0
	if p.ordered && p.start == 1 {
		// "1. " under a numbered list's questions and their answer
		// lines goes on with the list's numbers, as the Numbers button
		// does.
		p.start = e.numberAfter(q.b)
	}
	m.list = e.listAt(q.b, 0, p)
	if m.list.ordered != p.ordered {
		m.list = p
	}
	e.collapse(pos{q.b, 0})
	e.endBurst()
	return true
}

// listMarker is the list a marker typed at a paragraph's start begins:
// "- " or "* " a bullet list, "1. " (up to three digits) a numbered one
// from that number.
func listMarker(s string) (*listProps, bool) {
	switch s {
	case "- ", "* ":
		return &listProps{tight: true}, true
	}
	n := len(s)
	if n < 3 || s[n-2:] != ". " {
		return nil, false
	}
	num, err := strconv.Atoi(s[:n-2])
	if err != nil || num < 0 || s[0] == '+' || s[0] == '-' {
		return nil, false
	}
	return &listProps{ordered: true, start: num, delim: sectiontext.Period, tight: true}, true
}
