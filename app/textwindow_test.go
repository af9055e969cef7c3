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
		// A part ends with the break it was cut at, so its last paragraph
		// is not the end of the field's text, where Fyne's entry
		// misplaces a space typed at a wrap.
		if e < len(text) && strings.ContainsAny(text[a:e], " \n") && !strings.HasSuffix(text[:e], " ") && !strings.HasSuffix(text[:e], "\n") {
			t.Fatalf("the part [%d, %d) ends in %q", a, e, text[max(e-8, 0):e])
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
	// Down on the last row shown brings the next part in and goes on
	// into it.
	setCursorOffset(&s.body.Entry, utf8.RuneCountInString(s.body.Text))
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if s.cursor() <= first || s.win.above == "" {
		t.Fatalf("Page Down and Down stopped at %d; the first part ends at %d", s.cursor(), first)
	}
	at, above := s.cursor(), 0
	test.Type(s.body, "Q")
	want := string([]rune(text)[:at]) + "Q" + string([]rune(text)[at:])
	if got := stored(t, h); got != want {
		t.Fatalf("the letter landed at %d, want %d", firstDifference(got, text), at)
	}
	// Backspace at the first letter shown joins it to the text before,
	// as in one text.
	setCursorOffset(&s.body.Entry, 0)
	at = s.cursor()
	if s.win.above == "" {
		t.Fatal("the part shown starts the section")
	}
	before := stored(t, h)
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got, r := stored(t, h), []rune(before); got != string(r[:at-1])+string(r[at:]) {
		t.Fatalf("Backspace at the part's start removed the letter at %d", firstDifference(got, before))
	}
	// Up on the first row shown brings the text above it in and goes up
	// a row into it.
	h.w.menuItem("Edit", "Go to End of Text").Action()
	setCursorOffset(&s.body.Entry, 0)
	at, above = s.cursor(), len(s.win.above)
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if len(s.win.above) >= above || s.cursor() >= at || s.cursor() < at-200 {
		t.Fatalf("Up on the first row: %d bytes above (was %d), cursor %d (was %d)", len(s.win.above), above, s.cursor(), at)
	}
	// Delete at the last letter shown joins the text after it.
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	setCursorOffset(&s.body.Entry, utf8.RuneCountInString(s.body.Text))
	at = s.cursor()
	before = stored(t, h)
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got, r := stored(t, h), []rune(before); s.win.below == "" && at == len(r) || got != string(r[:at])+string(r[at+1:]) {
		t.Fatalf("Delete at the part's end (%d of %d) removed the letter at %d", at, len(r), firstDifference(got, before))
	}
	for range 500 {
		if s.cursor() == 0 {
			break
		}
		s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	}
	if s.cursor() != 0 || s.win.above != "" {
		t.Fatalf("Page Up stopped at %d", s.cursor())
	}
}

func TestPageDownGoesAScreenfulAtATime(t *testing.T) {
	_, s, text := longSection(t, 5000)
	total := utf8.RuneCountInString(text)
	screen := pageRows(&s.body.Entry)
	presses, last := 0, 0
	for s.cursor() < total && presses < 2000 {
		s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		presses++
		if s.cursor() <= last {
			t.Fatalf("Page Down %d did not move on from %d", presses, last)
		}
		if step := s.cursor() - last; step > (screen+2)*200 {
			t.Fatalf("Page Down %d jumped %d letters (%d rows a screen)", presses, step, screen)
		}
		last = s.cursor()
	}
	if s.cursor() != total {
		t.Fatalf("Page Down stopped at %d of %d after %d presses", s.cursor(), total, presses)
	}
	if presses < 3 {
		t.Fatalf("Page Down went through %d letters in %d presses", total, presses)
	}
}

func TestFindReplaceAndSelectAllReachTheWholeSection(t *testing.T) {
	h, s, text := longSection(t, 4000)
	whole := text + " UNIQUE"
	s.setBodyText(whole, 0)
	f := s.find
	f.open()
	h.w.win.Canvas().Focus(f.what)
	f.what.SetText("UNIQUE")
	f.next()
	if got := s.body.SelectedText(); got != "UNIQUE" {
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
	if !s.win.earlier.Visible() || !s.win.earlier.Disabled() {
		t.Fatal("at the start, the earlier-text button is not there, disabled, keeping the field in place")
	}
	s.win.later.OnTapped()
	if !s.win.earlier.Visible() || s.shownText() != stored(t, h) {
		t.Fatal("the later part is not shown whole")
	}
}
