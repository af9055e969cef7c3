package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestPastePlainTextBecomesParagraphs(t *testing.T) {
	e, _ := open(t, "Start end\n")
	e.collapse(pos{0, 6})
	c := test.NewClipboard()
	c.SetContent("one\r\ntwo\tcols\n\nthree **not bold** ")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "Start one\n\ntwo cols\n\nthree \\*\\*not bold\\*\\* end")
	e.Undo()
	want(t, e, "Start end")
	if e.cursor != (pos{0, 6}) {
		t.Errorf("Undo put the cursor at %v", e.cursor)
	}
}

func TestPasteInListMakesItems(t *testing.T) {
	e, _ := open(t, "- a\n\nAfter\n")
	key(e, fyne.KeyEnd)
	e.PasteText("b\nc")
	want(t, e, "- ab\n- c\n\nAfter")
}

func TestCopyCutKeepFormattingWithinEditor(t *testing.T) {
	e, _ := open(t, "Some **bold** text\n\n- item\n")
	e.collapse(pos{0, 5})
	ctrl(e, fyne.KeyEnd, true)
	c := test.NewClipboard()
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	if c.Content() != "bold text\nitem" {
		t.Errorf("copied %q", c.Content())
	}
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: c})
	want(t, e, "Some")
	ctrl(e, fyne.KeyHome, false)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	// The last line joins the paragraph it lands in, which keeps its kind.
	want(t, e, "**bold** text\n\nitemSome")
	e.Undo()
	want(t, e, "Some")
	e.Undo()
	want(t, e, "Some **bold** text\n\n- item")
	// Text from elsewhere is plain.
	c.SetContent("**x**")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	if parseEq(t, sectionFirst(e)) == "" {
		t.Error("nothing pasted")
	}
}

// sectionFirst is the first block's Markdown.
func sectionFirst(e *Editor) string {
	b := e.Body()
	b.Blocks = b.Blocks[:1]
	return md2(b)
}

func TestCopyBoxAndPasteIt(t *testing.T) {
	e, _ := open(t, "Before\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter\n")
	e.anchor, e.cursor = pos{1, 0}, pos{1, len(e.blocks[1].atoms)}
	c := test.NewClipboard()
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	if c.Content() != "A\tB\n1\t2" {
		t.Errorf("copied %q", c.Content())
	}
	ctrl(e, fyne.KeyEnd, false)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "Before\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter\n\n| A | B |\n|---|---|\n| 1 | 2 |")
}
