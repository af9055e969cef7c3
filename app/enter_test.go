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
		test.Type(s.src, q)
		h.w.menuItem("Format", "Numbers").Action()
		s.src.SetCursorOffset(len([]rune(s.src.Text())))
		h.ui.forms = [][]string{{"2"}}
		h.w.menuItem("Insert", "Answer lines…").Action()
	}
	question("Where does rain come from?")
	question("What is evaporation?")
	question("Why do clouds form?")
	want := "1. Where does rain come from?\n```lines 2\n```\n\n2. What is evaporation?\n```lines 2\n```\n\n3. Why do clouds form?\n```lines 2\n```\n\n"
	if got := s.src.Text(); got != want {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
	// The toolbar puts a marker on an empty line, for the text after it;
	// Enter then goes on with the list.
	h.w.menuItem("Format", "Bullets").Action()
	test.Type(s.src, "one")
	s.src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.src, "two")
	s.src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.src, "After the list.")
	if got := s.src.Text(); got != want+"- one\n- two\n\nAfter the list." {
		t.Fatalf("list by Enter:\n%q", got)
	}
}

func TestTextTypedUnderABoxOrNoteStaysOutOfIt(t *testing.T) {
	h := newHarness(t, nil)
	for _, above := range []string{"> [!KEY]\n> In the box.\n", "A claim.[^1]\n\n[^1]: The note.\n", "- item\n", "Term\n: Definition.\n"} {
		s := setPlainBody(h, 2, above)
		s.src.SetCursorOffset(len([]rune(s.src.Text())))
		test.Type(s.src, "Next")
		if got, want := s.src.Text(), above+"\nNext"; got != want {
			t.Errorf("typed under %q: %q, want %q", above, got, want)
		}
	}
	// Pasted text follows the same rule (it joined the footnote, in
	// small type at the foot of the page), with or without a selection
	// and from the Edit menu's Paste; a list item pasted under a list
	// item stays one.
	for _, c := range []struct{ above, paste, want string }{
		{"A claim.[^1]\n\n[^1]: The note.\n", "Pasted text.\nSecond line.", "A claim.[^1]\n\n[^1]: The note.\n\nPasted text.\nSecond line."},
		{"- item\n", "**Bold** start", "- item\n\n**Bold** start"},
		{"> [!KEY]\n> In the box.\n", "Next", "> [!KEY]\n> In the box.\n\nNext"},
		{"Term\n: Definition.\n", "[@eo14110] says so.", "Term\n: Definition.\n\n[@eo14110] says so."},
		{"- item\n", "- another", "- item\n- another"},
		{"Plain text.\n", "Next", "Plain text.\nNext"},
	} {
		s := setPlainBody(h, 2, c.above)
		s.src.SetCursorOffset(len([]rune(s.src.Text())))
		h.app.Clipboard().SetContent(c.paste)
		h.w.win.Canvas().Focus(s.src)
		h.w.menuItem("Edit", "Paste").Action()
		h.w.win.Canvas().Unfocus()
		if got := s.src.Text(); got != c.want {
			t.Errorf("pasted %q under %q: %q, want %q", c.paste, c.above, got, c.want)
		}
	}
	s := setPlainBody(h, 2, "")
	setSource(s, "[^1]: The note.\nSELECTED")
	selectText(s.src, len("[^1]: The note.\n"), len("SELECTED"))
	if s.src.SelectedText() == "SELECTED" {
		clip := test.NewClipboard()
		clip.SetContent("Over it")
		s.src.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		if got := s.src.Text(); got != "[^1]: The note.\n\nOver it" {
			t.Errorf("pasted over a selection under a note: %q", got)
		}
	} else {
		t.Errorf("could not select: %q", s.src.SelectedText())
	}

	// Anywhere else, nothing is added.
	s = setPlainBody(h, 2, "Plain text.\n")
	s.src.SetCursorOffset(len([]rune(s.src.Text())))
	test.Type(s.src, "Next")
	if got := s.src.Text(); got != "Plain text.\nNext" {
		t.Errorf("under plain text: %q", got)
	}
}
