package editor

import (
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
