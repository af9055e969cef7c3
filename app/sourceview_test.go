package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// longSection opens the test packet with section 3's text n words long
// and the source view on it.
func longSection(t *testing.T, words int) (*harness, *sectionPanel, string) {
	t.Helper()
	h := newHarness(t, nil)
	text := longText(words)
	h.doc().Sections[3].Body = &text
	h.w.selectSection(2)
	h.w.selectSection(3)
	s := h.w.section
	h.w.win.Canvas().Focus(s.src)
	return h, s, text
}

// stored is section 3's text as the packet holds it.
func stored(t *testing.T, h *harness) string {
	t.Helper()
	b := h.doc().Sections[3].Body
	if b == nil {
		t.Fatal("section 3 has no text of its own")
	}
	return *b
}

func TestALongSourceIsOneTextStoredWhole(t *testing.T) {
	h, s, text := longSection(t, 20000)
	if s.shownText() != text {
		t.Fatal("the source shown is not the section's whole text")
	}
	// Go to End, type: the letters land at the end of the whole text.
	h.w.menuItem("Edit", "Go to End of Text").Action()
	if s.cursor() != utf8.RuneCountInString(text) {
		t.Fatalf("Go to End left the cursor at %d of %d", s.cursor(), utf8.RuneCountInString(text))
	}
	test.Type(s.src, " END")
	if got := stored(t, h); got != text+" END" {
		t.Fatalf("stored text ends %q", got[max(len(got)-40, 0):])
	}
	h.w.menuItem("Edit", "Go to Start of Text").Action()
	test.Type(s.src, "START ")
	if got := stored(t, h); got != "START "+text+" END" {
		t.Fatalf("stored text starts %q, %d bytes (want %d)", got[:40], len(got), len(text)+10)
	}
	// Undo takes back what was typed (one burst of typing), the cursor
	// where the typing was.
	h.w.onUndo()
	if got := stored(t, h); got != text+" END" || s.shownText() != got || s.cursor() != 0 {
		t.Fatalf("after undo: %d bytes stored, %d shown, want %d; cursor at %d", len(got), len(s.shownText()), len(text)+4, s.cursor())
	}
	// Page Down goes a screenful, not to the end.
	s.src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if c := s.cursor(); c == 0 || c >= utf8.RuneCountInString(text)/2 {
		t.Errorf("Page Down went to %d of %d", c, utf8.RuneCountInString(text))
	}
}

func TestFindReplaceAndSelectAllReachTheWholeSource(t *testing.T) {
	h, s, text := longSection(t, 4000)
	whole := text + " UNIQUE"
	s.setBodyText(whole, 0)
	f := s.find
	f.open()
	h.w.win.Canvas().Focus(f.what)
	f.what.SetText("UNIQUE")
	f.next()
	if got := s.src.SelectedText(); got != "UNIQUE" {
		t.Fatalf("Find selected %q", got)
	}
	if h.w.win.Canvas().Focused() != f.what {
		t.Fatal("Find moved the keyboard out of its box: the next letters would replace the match")
	}
	f.what.SetText("securing")
	f.with.SetText("guarding")
	f.replaceAll()
	n := strings.Count(whole, "securing")
	if got := stored(t, h); strings.Contains(got, "securing") || strings.Count(got, "guarding") != n {
		t.Fatalf("Replace All left %d of %d", strings.Count(got, "securing"), n)
	}
	h.w.win.Canvas().Focus(s.src)
	h.w.menuItem("Edit", "Select All").Action()
	if got := s.src.SelectedText(); got != s.shownText() {
		t.Fatalf("Select All selected %d of %d bytes", len(got), len(s.shownText()))
	}
	s.src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	before := stored(t, h)
	test.Type(s.src, "Z")
	if got := stored(t, h); len(got) != len(before)+1 || !strings.HasSuffix(got, "Z") {
		t.Fatalf("typing after Select All and Right: %d bytes, want %d at the end", len(got), len(before)+1)
	}
}

func TestAFootnoteInALongSourceGoesAtItsEnd(t *testing.T) {
	h, _, text := longSection(t, 20000)
	h.w.menuItem("Edit", "Go to Start of Text").Action()
	h.ui.forms = [][]string{{"Where this comes from."}}
	h.w.menuItem("Insert", "Footnote…").Action()
	if got := stored(t, h); got != "[^1]"+text+"\n\n[^1]: Where this comes from.\n" {
		t.Fatalf("footnote: starts %q, ends %q", got[:10], got[max(len(got)-40, 0):])
	}
}
