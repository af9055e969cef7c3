package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// openPlain shows text in a plain editor in a test window with the
// keyboard.
func openPlain(t testing.TB, text string) *Editor {
	t.Helper()
	test.NewTempApp(t)
	e := NewPlain()
	e.SetText(text)
	w := test.NewWindow(e)
	w.Resize(fyne.NewSize(500, 400))
	w.Canvas().Focus(e)
	t.Cleanup(w.Close)
	return e
}

func TestPlainTextComesBackAsGiven(t *testing.T) {
	for _, s := range []string{"", "one", "# Title\n\n- a\n\t- b\n\n| x | y |\n", "\n\nend\n"} {
		e := openPlain(t, s)
		if got := e.Text(); got != s {
			t.Errorf("Text() = %q, want %q", got, s)
		}
	}
}

func TestPlainTypingIsLiteral(t *testing.T) {
	e := openPlain(t, "")
	typeText(e, `**not bold** "quoted" - not a list`)
	shiftKey(e, fyne.KeyReturn)
	key(e, fyne.KeyTab)
	typeText(e, "# x")
	ctrl(e, fyne.KeyB, false)
	ctrl(e, fyne.Key1, false)
	want := "**not bold** \"quoted\" - not a list\n\t# x"
	if got := e.Text(); got != want {
		t.Errorf("typed %q, want %q", got, want)
	}
}

func TestPlainPasteAndCopyKeepTheCharacters(t *testing.T) {
	e := openPlain(t, "a\nb")
	key(e, fyne.KeyEnd)
	c := test.NewClipboard()
	c.SetContent("x\ty\r\nz")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	if got, want := e.Text(), "ax\ty\nz\nb"; got != want {
		t.Fatalf("pasted: %q, want %q", got, want)
	}
	e.Undo()
	if got := e.Text(); got != "a\nb" {
		t.Fatalf("undo of the paste: %q", got)
	}
	e.SelectAll()
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	if c.Content() != "a\nb" {
		t.Errorf("copied %q", c.Content())
	}
	if lastCopy.blocks != nil {
		t.Error("source copied keeps a formatted copy: pasting it in the formatted view would not paste its characters")
	}
}

func TestPlainHooks(t *testing.T) {
	e := openPlain(t, "- item")
	e.OnEnter = func() bool {
		e.ReplaceText(e.Text()+"\n- ", len([]rune(e.Text()))+3)
		return true
	}
	e.PlainInsert = func(s string) string { return strings.ToUpper(s) }
	key(e, fyne.KeyEnd)
	key(e, fyne.KeyReturn)
	typeText(e, "two")
	if got, want := e.Text(), "- item\n- TWO"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	e.Undo()
	e.Undo()
	if got := e.Text(); got != "- item" {
		t.Errorf("two undos: %q", got)
	}
}

func TestPlainReplaceTextChangesOnlyWhatDiffers(t *testing.T) {
	e := openPlain(t, "one\ntwo\nthree")
	first, last := e.blocks[0], e.blocks[2]
	e.ReplaceText("one\n2\nthree", 5)
	if e.Text() != "one\n2\nthree" || e.CursorOffset() != 5 {
		t.Fatalf("text %q cursor %d", e.Text(), e.CursorOffset())
	}
	if e.blocks[0] != first || e.blocks[2] != last {
		t.Error("lines that did not change were made again")
	}
	e.Undo()
	if e.Text() != "one\ntwo\nthree" {
		t.Errorf("undo: %q", e.Text())
	}
}

func TestPlainTabIsOneStepFourSpacesWide(t *testing.T) {
	e := openPlain(t, "\tx")
	key(e, fyne.KeyHome)
	key(e, fyne.KeyRight)
	if e.cursor.o != 1 {
		t.Fatalf("one Right went to %d", e.cursor.o)
	}
	x, _, _ := e.view.caret(e.cursor)
	sp := e.measr.width("    ", font{size: baseSize()})
	if x < sp-1 {
		t.Errorf("after the tab the cursor is at %v, want about %v", x, sp)
	}
	// A click two-thirds across the tab goes after it, not into it.
	l := e.layoutBlock(e.blocks[0], 400).lines[0]
	if o := e.offsetAt(&l, sp*2/3, true); o != 1 {
		t.Errorf("a click two-thirds across the tab lands at %d, want 1", o)
	}
}
