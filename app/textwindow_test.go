package app

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// longSection opens the test packet with section 3's text n words long
// and the editor on it.
func longSection(t *testing.T, words int) (*harness, *sectionPanel, string) {
	t.Helper()
	h := newHarness(t, nil)
	text := longText(words)
	h.doc().Sections[3].Body = &text
	h.w.selectSection(2)
	h.w.selectSection(3)
	s := h.w.section
	h.w.win.Canvas().Focus(s.body)
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

func TestWindowBoundsCoverTheTextAroundTheCursor(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"word ", "mot ", "語", "\n", "\n\n", "ünïcödé ", "x"}
	for range 200 {
		var b strings.Builder
		for n := rng.IntN(6000); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		runes := utf8.RuneCountInString(text)
		pos := rng.IntN(runes + 1)
		a, e := windowBounds(text, pos, rng.IntN(windowSpan))
		if a < 0 || e > len(text) || a > e || !utf8.ValidString(text[a:e]) || !utf8.ValidString(text[:a]) {
			t.Fatalf("bounds [%d, %d) of %d bytes cut a letter", a, e, len(text))
		}
		if p := byteOffset(text, pos); p < a || p > e {
			t.Fatalf("offset %d (byte %d) outside the window [%d, %d)", pos, p, a, e)
		}
		if len(text) < windowFrom && (a != 0 || e != len(text)) {
			t.Fatalf("a short text (%d bytes) is cut at [%d, %d)", len(text), a, e)
		}
		if e-a > 3*windowSpan {
			t.Fatalf("window of %d bytes", e-a)
		}
	}
}

func TestALongSectionIsEditedAPartAtATimeAndStoredWhole(t *testing.T) {
	h, s, text := longSection(t, 20000)
	if s.win.below == "" || len(s.body.Text) > 3*windowSpan {
		t.Fatalf("the editor holds %d of %d bytes", len(s.body.Text), len(text))
	}
	if s.shownText() != text {
		t.Fatal("the text shown is not the section's")
	}
	// Go to End, type: the letters land at the end of the whole text.
	h.w.menuItem("Edit", "Go to End of Text").Action()
	if s.win.below != "" || s.cursor() != utf8.RuneCountInString(text) {
		t.Fatalf("Go to End left the cursor at %d of %d", s.cursor(), utf8.RuneCountInString(text))
	}
	test.Type(s.body, " END")
	if got := stored(t, h); got != text+" END" {
		t.Fatalf("stored text ends %q", got[max(len(got)-40, 0):])
	}
	// Back at the start, a word typed lands at the start; nothing else
	// changes.
	h.w.menuItem("Edit", "Go to Start of Text").Action()
	test.Type(s.body, "START ")
	if got := stored(t, h); got != "START "+text+" END" {
		t.Fatalf("stored text starts %q, %d bytes (want %d)", got[:40], len(got), len(text)+10)
	}
	// Undo takes back what was typed (one burst of typing) and shows
	// the whole text as stored.
	h.w.onUndo()
	if got := stored(t, h); got != text || s.shownText() != got {
		t.Fatalf("after undo: %d bytes stored, %d shown, want %d", len(got), len(s.shownText()), len(text))
	}
}

func TestTheArrowKeysGoOnPastThePartShown(t *testing.T) {
	h, s, text := longSection(t, 5000)
	h.w.menuItem("Edit", "Go to Start of Text").Action()
	first := s.win.aboveRunes + utf8.RuneCountInString(s.body.Text)
	// Page Down goes to the end of the part shown, which brings the next
	// part in; Down goes on into it.
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if s.cursor() <= first || s.win.above == "" {
		t.Fatalf("Page Down and Down stopped at %d; the first part ends at %d", s.cursor(), first)
	}
	at := s.cursor()
	test.Type(s.body, "Q")
	want := string([]rune(text)[:at]) + "Q" + string([]rune(text)[at:])
	if got := stored(t, h); got != want {
		t.Fatalf("the letter landed at %d, want %d", firstDifference(got, text), at)
	}
	// Up on the first row shown brings the text above it in, the cursor
	// staying where it is in the text.
	setCursorOffset(&s.body.Entry, 0)
	at, above := s.cursor(), len(s.win.above)
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if len(s.win.above) >= above || s.cursor() != at {
		t.Fatalf("Up on the first row: %d bytes above (was %d), cursor %d (was %d)", len(s.win.above), above, s.cursor(), at)
	}
	for range 20 {
		s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	}
	if s.cursor() != 0 || s.win.above != "" {
		t.Fatalf("Page Up stopped at %d", s.cursor())
	}
}

func TestFindReplaceAndSelectAllReachTheWholeSection(t *testing.T) {
	h, s, text := longSection(t, 4000)
	whole := text + " UNIQUE"
	s.setBodyText(whole, 0)
	f := s.find
	f.open()
	f.what.SetText("UNIQUE")
	f.next()
	if got := s.body.SelectedText(); got != "UNIQUE" {
		t.Fatalf("Find selected %q", got)
	}
	f.what.SetText("securing")
	f.with.SetText("guarding")
	f.replaceAll()
	n := strings.Count(whole, "securing")
	if got := stored(t, h); strings.Contains(got, "securing") || strings.Count(got, "guarding") != n {
		t.Fatalf("Replace All left %d of %d", strings.Count(got, "securing"), n)
	}
	// Select All selects all of it, so Copy copies it all.
	h.w.menuItem("Edit", "Select All").Action()
	if got := s.body.SelectedText(); got != s.shownText() {
		t.Fatalf("Select All selected %d of %d bytes", len(got), len(s.shownText()))
	}
	// The next letter puts the part around the cursor back.
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	before := stored(t, h)
	test.Type(s.body, "Z")
	if s.win.above == "" && s.win.below == "" {
		t.Error("the whole text stays in the field after typing")
	}
	if got := stored(t, h); len(got) != len(before)+1 {
		t.Fatalf("typing after Select All: %d bytes, want %d", len(got), len(before)+1)
	}
}

func TestAFootnoteInALongSectionGoesAtItsEnd(t *testing.T) {
	h, s, text := longSection(t, 20000)
	h.w.menuItem("Edit", "Go to Start of Text").Action()
	h.ui.forms = [][]string{{"Where this comes from."}}
	h.w.menuItem("Format", "Footnote…").Action()
	if got := stored(t, h); got != "[^1]"+text+"\n\n[^1]: Where this comes from.\n" {
		t.Fatalf("footnote: starts %q, ends %q", got[:10], got[max(len(got)-40, 0):])
	}
	// The buttons bring the later text into the field.
	if !s.win.later.Visible() || !strings.Contains(s.win.later.Text, "19,") {
		t.Fatalf("the button for the later text reads %q", s.win.later.Text)
	}
	s.win.later.OnTapped()
	if !s.win.earlier.Visible() || s.shownText() != stored(t, h) {
		t.Fatal("the later part is not shown whole")
	}
}
