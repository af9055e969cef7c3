package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEnterWorksAsInAWordProcessor(t *testing.T) {
	for _, tc := range []struct{ before, after string }{
		// cursor at "¦"
		{"A paragraph.¦", "A paragraph.\n\n¦"},
		{"- first¦", "- first\n- ¦"},
		{"- first\n- ¦", "- first\n\n¦"},
		{"1. one¦", "1. one\n2. ¦"},
		{"  3) three¦", "  3) three\n  4) ¦"},
		{"> [!KEY]\n> In the box.¦", "> [!KEY]\n> In the box.\n> ¦"},
		{"> [!KEY]\n> In the box.\n> ¦", "> [!KEY]\n> In the box.\n\n¦"},
		{"```lines 3¦", "```lines 3\n¦"},
		{"```\ncode¦\n```", "```\ncode\n¦\n```"},
		{"| a | b |¦", "| a | b |\n¦"},
		{"¦", "\n¦"},
		{"# A heading¦", "# A heading\n\n¦"},
		{"- split¦ here", "- split\n- ¦ here"},
	} {
		text, off := cut(tc.before)
		got, pos := pressEnter(text, off)
		if want, wantPos := cut(tc.after); got != want || pos != wantPos {
			t.Errorf("%q: Enter gives %q at %d, want %q at %d", tc.before, got, pos, want, wantPos)
		}
	}
}

// cut splits a text with "¦" marking the cursor.
func cut(s string) (string, int) {
	r := []rune(s)
	for i, c := range r {
		if c == '¦' {
			return string(r[:i]) + string(r[i+1:]), i
		}
	}
	return s, len(r)
}

func TestQuestionsWithAnswerLinesNumberOn(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "")
	question := func(q string) {
		test.Type(s.body, q)
		h.w.menuItem("Format", "Numbers").Action()
		setCursorOffset(&s.body.Entry, len([]rune(s.body.Text)))
		h.ui.forms = [][]string{{"2"}}
		h.w.menuItem("Format", "Answer lines…").Action()
	}
	question("Where does rain come from?")
	question("What is evaporation?")
	question("Why do clouds form?")
	want := "1. Where does rain come from?\n```lines 2\n```\n\n2. What is evaporation?\n```lines 2\n```\n\n3. Why do clouds form?\n```lines 2\n```\n\n"
	if got := s.body.Text; got != want {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
	// The toolbar puts a marker on an empty line, for the text after it;
	// Enter then goes on with the list.
	h.w.menuItem("Format", "Bullets").Action()
	test.Type(s.body, "one")
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.body, "two")
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.body, "After the list.")
	if got := s.body.Text; got != want+"- one\n- two\n\nAfter the list." {
		t.Fatalf("list by Enter:\n%q", got)
	}
}

func TestTextTypedUnderABoxOrNoteStaysOutOfIt(t *testing.T) {
	h := newHarness(t, nil)
	for _, above := range []string{"> [!KEY]\n> In the box.\n", "A claim.[^1]\n\n[^1]: The note.\n", "- item\n", "Term\n: Definition.\n"} {
		s := setPlainBody(h, 2, above)
		setCursorOffset(&s.body.Entry, len([]rune(s.body.Text)))
		test.Type(s.body, "Next")
		if got, want := s.body.Text, above+"\nNext"; got != want {
			t.Errorf("typed under %q: %q, want %q", above, got, want)
		}
	}
	// Anywhere else, nothing is added.
	s := setPlainBody(h, 2, "Plain text.\n")
	setCursorOffset(&s.body.Entry, len([]rune(s.body.Text)))
	test.Type(s.body, "Next")
	if got := s.body.Text; got != "Plain text.\nNext" {
		t.Errorf("under plain text: %q", got)
	}
}
