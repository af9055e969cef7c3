package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Typing a text letter by letter gives that text at every width, spaces
// at the wrap included (Fyne's own entry put the letter after such a
// space in front of it), and the cursor can be put at any offset.
func TestTypingAtTheWrapKeepsEveryLetterInPlace(t *testing.T) {
	test.NewTempApp(t)
	typed := "For [Prepared for]: {{x}} stays, so do {braces} and [a link](https://example.org) and [Nobody]. More  words to wrap on many lines.\nNew line  here   too."
	for w := float32(200); w < 700; w += 3 {
		e := newBodyEntry()
		win := test.NewWindow(e)
		win.Resize(fyne.NewSize(w, 300))
		for i, r := range typed {
			test.Type(e, string(r))
			if e.Text != typed[:i+len(string(r))] {
				t.Fatalf("width %v, after %q: %q", w, typed[:i+1], e.Text)
			}
		}
		for _, pos := range []int{0, 5, 47, 48, 81, 82, len(typed)} {
			setCursorOffset(&e.Entry, pos)
			if got := e.CursorTextOffset(); got != pos {
				t.Fatalf("width %v: cursor at %d, want %d", w, got, pos)
			}
		}
		win.Close()
	}
}
