package app

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// richFind shows md as section 3's text, formatted, with the Find bar
// open on what, the cursor at the start.
func richFind(t *testing.T, md, what, with string) (*harness, *findBar) {
	t.Helper()
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.setBody(2, md)
	s.show()
	if !s.richOn() {
		t.Fatal("the text is not shown formatted")
	}
	f := s.find
	f.open()
	f.what.SetText(what)
	f.with.SetText(with)
	s.rich.SetCursorOffset(0)
	return h, f
}

// canonical is md as the packet stores it.
func canonical(md string) string { return sectiontext.Write(sectiontext.Parse(md)) }

// Find looks in the footnotes after the text, as the reader meets them:
// a match in a note selects its number in the text, and the status says
// which note and how to edit it, the keyboard staying in the Find box.
func TestFindLooksInFootnotes(t *testing.T) {
	md := "Rain falls on the hills.[^1] Rain again.[^2]\n\n[^1]: Evaporation lifts water.\n[^2]: The sea holds most water.\n"
	h, f := richFind(t, md, "water", "")
	s := h.w.section
	f.next()
	at := strings.Index(s.rich.ShownText(), "\uFFFC")
	if from, to := s.rich.SelectionRange(); from != at || to != at+1 || f.status.Text != "Match 1 of 2 in this section, in footnote 1: double-click its number to edit" {
		t.Fatalf("first match: %d–%d (the number at %d), %q", from, to, at, f.status.Text)
	}
	if h.w.win.Canvas().Focused() != f.what {
		t.Error("the keyboard left the Find box")
	}
	f.next()
	if got := s.rich.SelectedText(); got != "2" || f.status.Text != "Match 2 of 2 in this section, in footnote 2: double-click its number to edit" {
		t.Errorf("second match: %q, %q", got, f.status.Text)
	}
	// Matches in the text come first, then the notes'.
	f.what.SetText("rain")
	s.rich.SetCursorOffset(0)
	f.next()
	f.next()
	f.next()
	if f.status.Text != "Match 1 of 2 in this section" {
		t.Errorf("Next after the last match did not go round: %q", f.status.Text)
	}
	f.what.SetText("evaporation")
	f.next()
	if f.status.Text != "Match 1 of 1 in this section, in footnote 1: double-click its number to edit" {
		t.Errorf("a word only in a note: %q", f.status.Text)
	}
}

// A call-out's matches are found one by one, its words as shown: not
// its printed label, nor a field's.
func TestFindInACalloutFindsEachMatchNotItsLabel(t *testing.T) {
	md := "Rain falls.\n\n> [!KEY]\n> Water is never used up: water {{.prepared_for}} goes round.\n"
	h, f := richFind(t, md, "water", "")
	s := h.w.section
	f.next()
	if _, ok := s.rich.SelectedBox(); !ok || f.status.Text != "Match 1 of 2 in this section, inside a call-out: double-click it to edit" {
		t.Fatalf("first match: box %v, %q", ok, f.status.Text)
	}
	f.next()
	if _, ok := s.rich.SelectedBox(); !ok || f.status.Text != "Match 2 of 2 in this section, inside a call-out: double-click it to edit" {
		t.Errorf("second match in the same call-out: box %v, %q", ok, f.status.Text)
	}
	for _, what := range []string{"key point", "prepared for"} {
		f.what.SetText(what)
		f.next()
		if f.status.Text != "Not found." {
			t.Errorf("%q was found: %q", what, f.status.Text)
		}
	}
}

// Replace replaces the match selected inside a call-out — the call-out
// kept, of its kind — goes on to the next match in it, and one Undo
// brings the word back.
func TestReplaceOnceInsideACallout(t *testing.T) {
	md := "Rain falls.\n\n> [!TIP]\n> Water is never used up: water goes round.\n\nMore water.\n"
	h, f := richFind(t, md, "water", "vapour")
	before := h.body2()
	f.next()
	f.replace()
	if got, want := h.body2(), canonical("Rain falls.\n\n> [!TIP]\n> Vapour is never used up: water goes round.\n\nMore water.\n"); got != want {
		t.Fatalf("after Replace:\n got %q\nwant %q", got, want)
	}
	if f.status.Text != "Match 1 of 2 in this section, inside a call-out: double-click it to edit" {
		t.Errorf("Replace did not go on to the call-out's next match: %q", f.status.Text)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.body2(); got != before {
		t.Errorf("Undo left %q", got)
	}
}

// Replace All replaces in the text, inside a call-out, in the glossary's
// definitions and in the notes, as one undo step, each box what it was.
func TestReplaceAllInsideBoxesAndNotesIsOneUndo(t *testing.T) {
	md := "Water falls.[^1]\n\n> [!NOTE]\n> Some water.\n\nVapour\n: Water as a gas.\n\n```\nwater = 1\n```\n\n[^1]: Rain is water.\n"
	h, f := richFind(t, md, "water", "rain")
	s := h.w.section
	before := h.body2()
	f.replaceAll()
	want := canonical("Rain falls.[^1]\n\n> [!NOTE]\n> Some rain.\n\nVapour\n: Rain as a gas.\n\n```\nrain = 1\n```\n\n[^1]: Rain is rain.\n")
	if got := h.body2(); got != want || f.status.Text != "5 replacements" {
		t.Fatalf("after Replace All, %q:\n got %q\nwant %q", f.status.Text, got, want)
	}
	h.w.win.Canvas().Focus(s.rich)
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.body2(); got != before {
		t.Errorf("one Undo left %q", got)
	}
}

// A word replaced inside bold in a call-out stays bold.
func TestReplaceInsideACalloutKeepsBold(t *testing.T) {
	h, f := richFind(t, "> [!WARNING]\n> Never drink **sea water** at all.\n", "water", "brine")
	f.next()
	f.replace()
	if got, want := h.body2(), canonical("> [!WARNING]\n> Never drink **sea brine** at all.\n"); got != want {
		t.Errorf("after Replace:\n got %q\nwant %q", got, want)
	}
}

// Replace replaces in a footnote one match at a time, going on to the
// note's next match, then finds no more.
func TestReplaceOnceInAFootnote(t *testing.T) {
	h, f := richFind(t, "Text.[^1]\n\n[^1]: Water and *water*.\n", "water", "vapour")
	f.next()
	f.replace()
	if got, want := h.body2(), canonical("Text.[^1]\n\n[^1]: Vapour and *water*.\n"); got != want {
		t.Fatalf("after Replace:\n got %q\nwant %q", got, want)
	}
	if f.status.Text != "Match 1 of 1 in this section, in footnote 1: double-click its number to edit" {
		t.Errorf("Replace did not go on to the note's next match: %q", f.status.Text)
	}
	f.replace()
	if got, want := h.body2(), canonical("Text.[^1]\n\n[^1]: Vapour and *vapour*.\n"); got != want || f.status.Text != "Not found." {
		t.Errorf("after a second Replace, %q:\n got %q\nwant %q", f.status.Text, got, want)
	}
}
