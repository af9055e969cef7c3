package editor

import (
	"image/color"
	"slices"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// InsertBody puts b at the cursor in place of the selection, as one undo
// step: what a toolbar's Insert actions add (a table, a call-out, answer
// lines, a link, a field). A fragment of one paragraph joins the text at
// the cursor; more blocks go in whole. b's footnotes join the editor's,
// each under a label not already used. A body of template code is
// refused (false): it cannot be shown.
func (e *Editor) InsertBody(b sectiontext.Body) bool {
	if e.readOnly || b.TemplateCode || e.opts.Plain {
		return false
	}
	frag := load(b)
	if len(frag) == 0 && len(b.Notes) == 0 {
		return true
	}
	e.begin(false)
	e.deleteSelection()
	for _, n := range b.Notes {
		if !slices.ContainsFunc(e.notes, func(m sectiontext.Footnote) bool { return m.Label == n.Label }) {
			e.notes = append(slices.Clip(e.notes), n)
		}
	}
	if len(frag) > 0 {
		if len(frag) == 1 && frag[0].kind == kPara {
			// A phrase: it takes the cursor's place in the text, not a
			// paragraph of its own, and inside conditional text it is
			// part of it, as a typed word is.
			e.insert(e.adopt(frag[0].atoms))
		} else {
			// Blocks (a table) go in after the table the cursor is in,
			// not in its cell.
			e.pasteBlocks(frag)
		}
	}
	e.fixDepths()
	e.goalX = -1
	e.changed()
	return true
}

// SelectedText is the selection as plain text, "" for none: what a
// Link… dialog offers as the link's text.
func (e *Editor) SelectedText() string {
	s, t := order(e.anchor, e.cursor)
	if s == t {
		return ""
	}
	return e.selectionText(s, t)
}

// CursorOffset is where the cursor is as one number — steps into the
// text, a block boundary counting one — so a front end can put it back
// after it shows the text again (an Undo of the whole document).
func (e *Editor) CursorOffset() int { return e.offsetOf(e.cursor) }

// SetCursorOffset puts the cursor at offset (see CursorOffset), or as
// near as the text allows, with nothing selected, and scrolls to it.
func (e *Editor) SetCursorOffset(offset int) {
	e.collapse(e.posOf(offset))
	e.changedLayout()
}

// blockLen is how many cursor steps block i has: its atoms, or one for a
// box (before it and after it).
func (e *Editor) blockLen(i int) int {
	if e.blocks[i].kind == kBox {
		return 1
	}
	return len(e.blocks[i].atoms)
}

// SelectedBox is the box selected alone (a click on a call-out selects
// it whole), or the table the selection is in, and whether there is
// one: what an Edit Table or Box… action edits.
func (e *Editor) SelectedBox() (sectiontext.Block, bool) {
	s, t := order(e.anchor, e.cursor)
	if s.b != t.b {
		return nil, false
	}
	switch b := e.blocks[s.b]; {
	case b.kind == kBox && s.o == 0 && t.o == 1:
		return b.box, true
	case b.kind == kTable:
		return b.table(), true
	}
	return nil, false
}

// ReplaceSelectedBox puts b in place of the box selected alone (or the
// table the selection is in), as one undo step, and keeps it selected;
// false when no box is.
func (e *Editor) ReplaceSelectedBox(b sectiontext.Block) bool {
	if e.readOnly {
		return false
	}
	if _, ok := e.SelectedBox(); !ok {
		return false
	}
	s, _ := order(e.anchor, e.cursor)
	e.begin(false)
	// A table comes back to be edited in place; anything else stays a
	// box, as it was.
	n := &block{kind: kBox, box: b}
	if t, ok := b.(sectiontext.Table); ok {
		n = loadTable(t)
	}
	n.gen = e.gen
	e.replace(s.b, s.b, n)
	// It stays selected, a table whole.
	e.anchor, e.cursor = pos{s.b, 0}, pos{s.b, n.length()}
	e.changed()
	return true
}

// Note is the text of the footnote labelled label, and whether there is
// one: what a note's editor starts from.
func (e *Editor) Note(label string) ([]sectiontext.Block, bool) {
	for _, n := range e.notes {
		if n.Label == label {
			return n.Blocks, true
		}
	}
	return nil, false
}

// ReplaceNote gives the footnote labelled label the text blocks, as one
// undo step (a note not there yet is added); false when the editor is
// read-only. The number in the text stays where it is.
func (e *Editor) ReplaceNote(label string, blocks []sectiontext.Block) bool {
	if e.readOnly {
		return false
	}
	e.begin(false)
	// A new slice: the undo history holds the old one.
	notes := make([]sectiontext.Footnote, 0, len(e.notes)+1)
	found := false
	for _, n := range e.notes {
		if n.Label == label && !found {
			n.Blocks, found = blocks, true
		}
		notes = append(notes, n)
	}
	if !found {
		notes = append(notes, sectiontext.Footnote{Label: label, Blocks: blocks})
	}
	e.notes = notes
	e.changed()
	return true
}

// Relabel lays the text out again after what Options' Label or
// CitationLabel say has changed (a section added before this one
// renumbers its sources), keeping the text, the selection and the undo
// history.
func (e *Editor) Relabel() {
	e.labels++
	e.view.notesW = -1
	e.changedLayout()
}

// ReplaceSelectedConditional puts c in place of the chip of conditional
// text (one inside a link, a passage in another language or other
// conditional text, or one without words) selected alone (a double click
// selects it), as one undo step, and reports whether one was. A c that
// may be marked text (see expands) is shown so, selected.
func (e *Editor) ReplaceSelectedConditional(c sectiontext.Conditional) bool {
	s, t := order(e.anchor, e.cursor)
	if e.readOnly || s.b != t.b || t.o != s.o+1 || s.o >= len(e.blocks[s.b].atoms) {
		return false
	}
	if _, ok := e.blocks[s.b].atoms[s.o].obj.(sectiontext.Conditional); !ok {
		return false
	}
	e.begin(false)
	b := e.mut(s.b)
	as := atomsOf([]sectiontext.Inline{c}, b.atoms[s.o].st, nil)
	if b.kind == kTable {
		as = cellSafe(as)
	}
	b.atoms = slices.Replace(b.atoms, s.o, s.o+1, as...)
	e.anchor, e.cursor = s, pos{s.b, s.o + len(as)}
	e.goalX = -1
	e.changed()
	return true
}

// SetAccent colours headings as the page does, in the document's accent
// colour (nil: the text's colour), keeping the text and selection.
func (e *Editor) SetAccent(c color.Color) {
	e.opts.Accent = c
	e.Relabel()
}

// Accent is the colour headings are set in, nil for the text's.
func (e *Editor) Accent() color.Color { return e.opts.Accent }
