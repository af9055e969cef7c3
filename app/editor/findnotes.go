package editor

import "github.com/briefsmith/briefsmith/sectiontext"

// NoteRef is a footnote shown under the text and where Find shows a
// match in it: the step of ShownText its number first stands at — the
// box holding the number when a box does, the number of the note that
// refers to it for a note only another note names.
type NoteRef struct {
	Label  string
	Offset int
	Blocks []sectiontext.Block
}

// ShownNotes are the footnotes shown under the text, in their order
// there, each with where its number stands: what Find searches after the
// text, as the reader meets the notes after it. A note no number names
// is not among them (it is neither shown, stored nor printed).
func (e *Editor) ShownNotes() []NoteRef {
	shown := e.shownNotes()
	if len(shown) == 0 {
		return nil
	}
	at := map[string]int{}
	first := func(labels []string, off int) {
		for _, l := range labels {
			if _, ok := at[l]; !ok {
				at[l] = off
			}
		}
	}
	n := 0
	for i, b := range e.blocks {
		if b.kind == kBox {
			first(sectiontext.FootnoteRefs([]sectiontext.Block{b.box}), n)
		}
		for j, a := range b.atoms {
			switch o := a.obj.(type) {
			case nil:
			case sectiontext.FootnoteRef:
				first([]string{o.Label}, n+j)
			default:
				// Conditional text may hold a number.
				first(sectiontext.FootnoteRefs([]sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{o}}}), n+j)
			}
		}
		n += e.blockLen(i) + 1
	}
	out := make([]NoteRef, len(shown))
	// shownNotes lists a note named by another note after that one.
	for i, s := range shown {
		out[i] = NoteRef{Label: s.Label, Offset: at[s.Label], Blocks: s.Blocks}
		first(sectiontext.FootnoteRefs(s.Blocks), out[i].Offset)
	}
	return out
}

// selectedNote is the label of the footnote whose number is selected
// alone, as Find selects it for a match in the note.
func (e *Editor) selectedNote() (string, bool) {
	s, t := order(e.anchor, e.cursor)
	if s.b != t.b || t.o != s.o+1 || e.blocks[s.b].kind == kBox {
		return "", false
	}
	ref, ok := e.blocks[s.b].atoms[s.o].obj.(sectiontext.FootnoteRef)
	return ref.Label, ok
}

// drawSelectedNote shades the note under the text (its area starting at
// top) whose number is selected alone: a match Find found in a note is
// there, and the number is too small to show it well.
func (p *page) drawSelectedNote(r *pageRenderer, top float32) {
	label, ok := p.e.selectedNote()
	if !ok {
		return
	}
	for _, row := range p.noteRows {
		if row.label == label {
			r.rect(&r.rects, &r.nr, prim{col: rSel, x: -4, y: row.y0 - 2, w: p.width() + 8, h: row.y1 - row.y0 + 4, radius: 4}, margin, top)
			return
		}
	}
}
