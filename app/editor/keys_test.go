package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestTypingInsertsAtCursor(t *testing.T) {
	e, _ := open(t, "Hello world\n")
	ctrl(e, fyne.KeyEnd, false)
	typeText(e, "!")
	want(t, e, "Hello world!")
	ctrl(e, fyne.KeyHome, false)
	typeText(e, "Oh, ")
	want(t, e, "Oh, Hello world!")
}

func TestTypedSyntaxIsLiteral(t *testing.T) {
	e, _ := open(t, "")
	typeText(e, "# of leaves * 2_x | [a] {b} `c` \\ <d>")
	got := md(e)
	b := e.Body()
	if len(b.Blocks) != 1 {
		t.Fatalf("blocks %#v", b.Blocks)
	}
	p := b.Blocks[0].(interface{})
	_ = p
	if want := "# of leaves * 2_x | [a] {b} `c` \\ <d>"; e.plain(e.blocks[0].atoms) != want {
		t.Errorf("shown %q", e.plain(e.blocks[0].atoms))
	}
	back := parseEq(t, got)
	if back != "# of leaves * 2_x | [a] {b} `c` \\ <d>" {
		t.Errorf("stored %q reads back as %q", got, back)
	}
}

func TestArrowsHomeEndWithShiftSelect(t *testing.T) {
	e, _ := open(t, "Hello world\n\nSecond line\n")
	for range 3 {
		shiftKey(e, fyne.KeyRight)
	}
	if got := selected(e); got != "Hel" {
		t.Errorf("Shift+→ ×3 selected %q", got)
	}
	key(e, fyne.KeyRight) // collapses to the selection's end
	shiftKey(e, fyne.KeyEnd)
	if got := selected(e); got != "lo world" {
		t.Errorf("Shift+End selected %q", got)
	}
	key(e, fyne.KeyHome)
	if e.cursor != (pos{0, 0}) {
		t.Errorf("Home: cursor %v", e.cursor)
	}
	shiftKey(e, fyne.KeyDown)
	if got := selected(e); got != "Hello world\n" {
		t.Errorf("Shift+↓ selected %q", got)
	}
	key(e, fyne.KeyLeft)
	if e.cursor != (pos{0, 0}) || e.anchor != e.cursor {
		t.Errorf("←: cursor %v anchor %v", e.cursor, e.anchor)
	}
	key(e, fyne.KeyDown)
	key(e, fyne.KeyEnd)
	shiftKey(e, fyne.KeyUp)
	if got := selected(e); e.cursor.b != 0 || e.cursor.o < 5 || !strings.HasSuffix(got, "\nSecond line") {
		t.Errorf("Shift+↑ from the end: cursor %v, selected %q", e.cursor, got)
	}
}

func TestCtrlArrowsMoveByWord(t *testing.T) {
	e, _ := open(t, "one two, three\n")
	ctrl(e, fyne.KeyRight, false)
	if e.cursor != (pos{0, 4}) {
		t.Errorf("Ctrl+→: %v, want before “two”", e.cursor)
	}
	ctrl(e, fyne.KeyRight, true)
	if got := selected(e); got != "two" {
		t.Errorf("Ctrl+Shift+→ selected %q", got)
	}
	ctrl(e, fyne.KeyEnd, false)
	ctrl(e, fyne.KeyLeft, true)
	if got := selected(e); got != "three" {
		t.Errorf("Ctrl+Shift+← selected %q", got)
	}
}

func TestCtrlHomeEndAndSelectAll(t *testing.T) {
	e, _ := open(t, "# Title\n\nOne\n\n- two\n- three\n")
	ctrl(e, fyne.KeyEnd, true)
	if got := selected(e); got != "Title\nOne\ntwo\nthree" {
		t.Errorf("Ctrl+Shift+End selected %q", got)
	}
	ctrl(e, fyne.KeyHome, false)
	if e.cursor != (pos{}) || e.anchor != (pos{}) {
		t.Errorf("Ctrl+Home: %v %v", e.anchor, e.cursor)
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if got := selected(e); got != "Title\nOne\ntwo\nthree" {
		t.Errorf("Ctrl+A selected %q", got)
	}
	e.TypedRune('x')
	want(t, e, "# x")
}

func TestPageDownMovesAScreen(t *testing.T) {
	e, _ := open(t, longText(3000))
	key(e, fyne.KeyPageDown)
	_, y, _ := e.view.caret(e.cursor)
	if y < 300 || e.scrl.Offset.Y < 300 {
		t.Errorf("Page Down: cursor at y %v, scrolled to %v", y, e.scrl.Offset.Y)
	}
	shiftKey(e, fyne.KeyPageUp)
	if e.cursor.b != 0 || len(selected(e)) < 100 {
		t.Errorf("Shift+Page Up: cursor %v, selected %d bytes", e.cursor, len(selected(e)))
	}
}

func TestBackspaceAndDeleteJoinParagraphs(t *testing.T) {
	e, _ := open(t, "One\n\nTwo\n")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyHome)
	key(e, fyne.KeyBackspace)
	want(t, e, "OneTwo")
	key(e, fyne.KeyReturn)
	want(t, e, "One\n\nTwo")
	key(e, fyne.KeyLeft)
	key(e, fyne.KeyDelete)
	want(t, e, "OneTwo")
	key(e, fyne.KeyDelete)
	want(t, e, "Onewo")
	key(e, fyne.KeyBackspace)
	want(t, e, "Onwo")
}

func TestEnterSplitsParagraph(t *testing.T) {
	e, _ := open(t, "## Heading\n\nHello world\n")
	key(e, fyne.KeyEnd)
	key(e, fyne.KeyReturn)
	typeText(e, "After")
	want(t, e, "## Heading\n\nAfter\n\nHello world")
	key(e, fyne.KeyDown)
	key(e, fyne.KeyHome)
	ctrl(e, fyne.KeyRight, false)
	key(e, fyne.KeyReturn)
	want(t, e, "## Heading\n\nAfter\n\nHello\n\nworld")
}

func TestBoldItalicToggle(t *testing.T) {
	e, _ := open(t, "Hello world\n")
	ctrl(e, fyne.KeyRight, true)
	ctrl(e, fyne.KeyB, false)
	want(t, e, "**Hello** world")
	ctrl(e, fyne.KeyI, false)
	want(t, e, "***Hello*** world")
	ctrl(e, fyne.KeyB, false)
	want(t, e, "*Hello* world")
	ctrl(e, fyne.KeyEnd, false)
	ctrl(e, fyne.KeyB, false)
	typeText(e, " big")
	key(e, fyne.KeyLeft)
	key(e, fyne.KeyRight)
	typeText(e, "!")
	want(t, e, "*Hello* world **big!**")
	if !drawnText(t, e, " big!").TextStyle.Bold {
		t.Error("bold text not drawn bold")
	}
	if !drawnText(t, e, "Hello ").TextStyle.Italic {
		t.Error("italic text not drawn italic")
	}
}

func TestHeadingShortcuts(t *testing.T) {
	e, _ := open(t, "Title\n\nText\n")
	ctrl(e, fyne.Key1, false)
	want(t, e, "# Title\n\nText")
	size1 := drawnText(t, e, "Title").TextSize
	ctrl(e, fyne.Key2, false)
	want(t, e, "## Title\n\nText")
	size2 := drawnText(t, e, "Title").TextSize
	ctrl(e, fyne.Key3, false)
	size3 := drawnText(t, e, "Title").TextSize
	body := drawnText(t, e, "Text").TextSize
	if !(size1 > size2 && size2 > size3 && size3 > body) || !drawnText(t, e, "Title").TextStyle.Bold {
		t.Errorf("heading sizes %v %v %v, body %v", size1, size2, size3, body)
	}
	ctrl(e, fyne.Key0, false)
	want(t, e, "Title\n\nText")
}

func TestSmartQuotesUndoToStraight(t *testing.T) {
	e, _ := open(t, "")
	e.opts.SmartQuotes = true
	typeText(e, `say "it's"`)
	if got := plainBlocks(e)[0]; got != "say “it’s”" {
		t.Errorf("typed %q", got)
	}
	e.Undo()
	if got := plainBlocks(e)[0]; got != "say “it’s\"" {
		t.Errorf("after one Undo %q, want the last quote straight", got)
	}
	if w := md(e); parseEq(t, w) != "say “it’s\"" {
		t.Errorf("straight quote stored as %q", w)
	}
}

func TestWrappedLinesHomeEndUpDown(t *testing.T) {
	e, _ := open(t, strings.Repeat("word ", 60)+"end\n")
	l := e.view.lay(0)
	if len(l.lines) < 3 {
		t.Fatalf("%d lines: the paragraph did not wrap", len(l.lines))
	}
	key(e, fyne.KeyEnd)
	first := l.lines[0]
	if e.cursor.o != first.end-1 || e.blocks[0].atoms[e.cursor.o].r != ' ' {
		t.Errorf("End on a wrapped line: %v, want before the space it wraps at (%d)", e.cursor, first.end-1)
	}
	key(e, fyne.KeyDown)
	if k := lineOf(l.lines, e.cursor.o); k != 1 {
		t.Errorf("Down went to line %d", k)
	}
	key(e, fyne.KeyHome)
	if e.cursor.o != l.lines[1].start {
		t.Errorf("Home on the second line: %v, want %d", e.cursor, l.lines[1].start)
	}
	shiftKey(e, fyne.KeyUp)
	if got := selected(e); got != string([]rune(e.plain(e.blocks[0].atoms))[:l.lines[1].start]) {
		t.Errorf("Shift+Up selected %q", got)
	}
}

func TestLongWordBreaksByCharacters(t *testing.T) {
	e, _ := open(t, strings.Repeat("x", 500)+" end\n")
	l := e.view.lay(0)
	if len(l.lines) < 3 {
		t.Fatalf("%d lines", len(l.lines))
	}
	next := 0
	for k, ln := range l.lines {
		if ln.start != next || ln.end <= ln.start {
			t.Errorf("line %d holds [%d, %d), want it to start at %d", k, ln.start, ln.end, next)
		}
		next = ln.end
		if w := e.xAt(&ln, ln.end); w > l.width-l.tx+0.5 && ln.end-ln.start > 1 {
			t.Errorf("line %d is %v wide, more than %v", k, w, l.width)
		}
	}
	if next != len(e.blocks[0].atoms) {
		t.Errorf("lines end at %d of %d", next, len(e.blocks[0].atoms))
	}
}
