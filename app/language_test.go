package app

import (
	"strings"
	"testing"
)

// A section's language is chosen beside its title: the packet keeps it,
// one Undo takes it back, and switching sections shows each one's.
func TestSectionLanguageIsChosenBesideTheTitle(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(2)
	s := h.w.section
	if s.lang.Text != "" || !strings.Contains(s.lang.PlaceHolder, "The packet's") {
		t.Fatalf("language field shows %q (placeholder %q)", s.lang.Text, s.lang.PlaceHolder)
	}
	s.lang.SetText("French (fr)")
	if got := h.doc().Sections[2].Language; got != "fr" {
		t.Fatalf("section language = %q, want fr", got)
	}
	h.w.selectSection(3)
	if s.lang.Text != "" {
		t.Errorf("another section shows the language %q", s.lang.Text)
	}
	h.w.selectSection(2)
	if languageCode(s.lang.Text) != "fr" {
		t.Errorf("the French section shows %q", s.lang.Text)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.doc().Sections[2].Language; got != "" {
		t.Errorf("after Undo the language is %q", got)
	}
}

// Format › Language of passage marks the selection as another language's,
// checking the code; with nothing selected it leaves text to write over.
func TestPassageLanguageMarksTheSelection(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "She said Bonjour to all.")
	selectText(s.src, len("She said "), len("Bonjour"))
	h.ui.forms = [][]string{{"French (fr)", ""}}
	h.w.menuItem("Insert", "Language of passage…").Action()
	if got := h.doc().Sections[2].Body; got == nil || *got != "She said [Bonjour]{lang=fr} to all." {
		t.Fatalf("body = %v", got)
	}
	s = setPlainBody(h, 2, "Then: ")
	s.src.SetCursorOffset(len("Then: "))
	h.ui.forms = [][]string{{"French (fr)", "pt-BR"}}
	h.w.menuItem("Insert", "Language of passage…").Action()
	if got := *h.doc().Sections[2].Body; got != "Then: [text in French]{lang=pt-BR}" {
		t.Errorf("typed code, nothing selected: %q", got)
	}
	h.ui.forms = [][]string{{"French (fr)", "klingon tongue"}}
	h.w.menuItem("Insert", "Language of passage…").Action()
	if len(h.ui.errors) == 0 || !strings.Contains(h.ui.errors[len(h.ui.errors)-1].Error(), "language of the passage") {
		t.Errorf("a code that is no language was taken: %v", h.ui.errors)
	}
}
