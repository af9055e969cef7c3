package app

import (
	"github.com/briefsmith/briefsmith/sectiontext"
)

// A footnote's text is edited where the user sees it: a double click on
// its number in the text (or on the note under the text) opens the note
// in a nested formatted editor, so no one meets "[^1]:" lines. Deleting
// the number deletes the note (a note no number names is neither stored
// nor printed), and one Undo brings both back.

// editNote opens the footnote labelled label to edit.
func (s *sectionPanel) editNote(label string) {
	if !s.richOn() || !s.editable() {
		return
	}
	blocks, _ := s.rich.Note(label)
	s.w.ui.editBody(bodyEdit{title: "Edit footnote " + label, blocks: blocks, opts: s.richOptions()}, func(r *bodyEdit) {
		if r == nil {
			return
		}
		if sectiontext.Write(sectiontext.Body{Blocks: r.blocks}) != sectiontext.Write(sectiontext.Body{Blocks: blocks}) {
			s.rich.ReplaceNote(label, r.blocks)
		}
		s.focusBody()
	})
}
