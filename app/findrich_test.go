package app

import (
	"strings"
	"testing"
)

// Find and Replace over formatted text: the section stays formatted (no
// Markdown), each match is selected there while the keyboard stays in
// the Find box, a field's label is not matched, and Replace and Replace
// All store canonical Markdown — Replace All as one undo step, bold kept.
func TestFindAndReplaceInFormattedText(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", "Alpha {{.prepared_for}} **alpha** beta.\n\n- alpha item\n")
	s.show()
	h.w.menuItem("Edit", "Find and Replace…").Action()
	f := s.find
	if !s.richOn() || s.src.Visible() {
		t.Fatal("Find and Replace showed the Markdown source")
	}
	f.what.SetText("alpha")
	s.rich.SetCursorOffset(0)
	f.next()
	if got := s.rich.SelectedText(); got != "Alpha" || f.status.Text != "Match 1 of 3 in this section" {
		t.Fatalf("first match: %q, %q", got, f.status.Text)
	}
	if h.w.win.Canvas().Focused() != f.what {
		t.Error("the keyboard left the Find box")
	}
	f.next()
	if from, _ := s.rich.SelectionRange(); s.rich.SelectedText() != "alpha" || from != len("Alpha ")+2 {
		t.Errorf("second match %q at %d", s.rich.SelectedText(), from)
	}
	f.what.SetText("Prepared for")
	f.next()
	if f.status.Text != "Not found." {
		t.Errorf("a field's label was found: %q", f.status.Text)
	}
	f.what.SetText("alpha")
	f.with.SetText("delta")
	s.rich.SetCursorOffset(0)
	f.next()
	f.replace()
	if got := *h.doc().Sections[2].Body; got != "Delta {{.prepared_for}} **alpha** beta.\n\n- alpha item\n" {
		t.Fatalf("after Replace: %q", got)
	}
	if got := s.rich.SelectedText(); got != "alpha" {
		t.Errorf("Replace went on to %q", got)
	}
	before := *h.doc().Sections[2].Body
	f.replaceAll()
	if got := *h.doc().Sections[2].Body; got != "Delta {{.prepared_for}} **delta** beta.\n\n- delta item\n" || f.status.Text != "2 replacements" {
		t.Fatalf("after Replace All: %q, %q", got, f.status.Text)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := *h.doc().Sections[2].Body; got != before {
		t.Errorf("one Undo after Replace All left %q", got)
	}
	if strings.Contains(s.rich.ShownText(), "**") {
		t.Error("the formatted text shows Markdown")
	}
	// Across the packet, Next goes on into the next section with the
	// word, still formatted.
	h.w.doc.setBody(h.w.doc.keyAt(3), "", "Some *gamma* here.\n")
	f.scope.SetSelected(scopePacket)
	f.what.SetText("gamma")
	f.next()
	if h.w.doc.selectedIndex() != 3 || !s.richOn() || s.rich.SelectedText() != "gamma" {
		t.Errorf("Next across the packet: section %d, formatted %v, selected %q", h.w.doc.selectedIndex(), s.richOn(), s.rich.SelectedText())
	}
}

// Find looks inside boxes too: a match in a call-out's or the glossary's
// words selects the box, and says where the match is and how to edit it
// (it was "Not found" for words the section shows).
func TestFindLooksInsideBoxes(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", "Rain falls.\n\n> [!KEY]\n> Water is never used up.\n\nMore rain.\n\nVapour\n: Water as a gas.\n")
	s.show()
	f := s.find
	f.open()
	f.what.SetText("water")
	s.rich.SetCursorOffset(0)
	f.next()
	if b, ok := s.rich.SelectedBox(); !ok || f.status.Text != "Match 1 of 2 in this section, inside a call-out: double-click it to edit" {
		t.Fatalf("first match: box %v %T, %q", ok, b, f.status.Text)
	}
	f.next()
	if _, ok := s.rich.SelectedBox(); !ok || !strings.Contains(f.status.Text, "Match 2 of 2 in this section, inside the glossary") {
		t.Errorf("second match: %q", f.status.Text)
	}
	f.what.SetText("rain")
	s.rich.SetCursorOffset(0)
	f.next()
	f.next()
	if got := s.rich.SelectedText(); got != "rain" || f.status.Text != "Match 2 of 2 in this section" {
		t.Errorf("words in the text: %q, %q", got, f.status.Text)
	}
}
