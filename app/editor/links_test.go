package editor

import "testing"

// A link is edited through its text and address, never as Markdown: the
// selection becomes a link with its formatting, the link under the
// cursor tells its address and takes a new one, and it can be made
// plain text again — each one undo step.
func TestLinksAreEditedByTextAndAddress(t *testing.T) {
	e, _ := open(t, "Read **the guide** today.\n")
	e.SetCursorOffset(len("Read "))
	for range len("the guide") {
		shiftKey(e, "Right")
	}
	if _, _, ok := e.LinkAt(); ok {
		t.Fatal("a link where there is none")
	}
	e.SetLink("the guide", "https://example.org/guide")
	want(t, e, "Read [**the guide**](https://example.org/guide) today.")
	e.SetCursorOffset(len("Read the g"))
	text, addr, ok := e.LinkAt()
	if !ok || text != "the guide" || addr != "https://example.org/guide" {
		t.Fatalf("link at cursor: %q %q %v", text, addr, ok)
	}
	e.SetLink("our guide", "https://example.org/new")
	want(t, e, "Read [**our guide**](https://example.org/new) today.")
	e.SetCursorOffset(len("Read our guide"))
	if !e.RemoveLink() {
		t.Fatal("no link just after its last letter")
	}
	want(t, e, "Read **our guide** today.")
	e.Undo()
	e.Undo()
	want(t, e, "Read [**the guide**](https://example.org/guide) today.")
	// With nothing selected, the text goes in as a link.
	e.SetCursorOffset(0)
	e.SetLink("", "https://a.example")
	want(t, e, "[https://a.example](https://a.example)Read [**the guide**](https://example.org/guide) today.")
}
