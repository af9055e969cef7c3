package app

import "testing"

// Typing "- " at the start of a paragraph in the section makes a bullet
// item, and Edit › Undo (Ctrl+Z) takes the bullet back, leaving "- " as
// typed.
func TestAutoformatInTheSection(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", "")
	s.show()
	typeRich(h, "- x")
	if got := *h.doc().Sections[2].Body; got != "- x\n" {
		t.Fatalf("after \"- x\": %q", got)
	}
	h.w.menuItem("Edit", "Undo").Action() // the x
	h.w.menuItem("Edit", "Undo").Action() // the bullet
	typeRich(h, "y")
	if got := *h.doc().Sections[2].Body; got != "\\- y\n" {
		t.Errorf("Undo did not leave the typed characters: %q", got)
	}
}
