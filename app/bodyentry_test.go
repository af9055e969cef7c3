package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeKey types r as Fyne's desktop driver delivers a key: TypedKey
// with the key's name (a no-op in the entry for a letter or a space),
// then TypedRune. test.Type sends only the second.
func typeKey(e *bodyEntry, r rune) {
	name := fyne.KeyName(strings.ToUpper(string(r)))
	if r == ' ' {
		name = fyne.KeySpace
	}
	if r != '\n' {
		e.TypedKey(&fyne.KeyEvent{Name: name})
		e.TypedRune(r)
		return
	}
	e.shift = true
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.shift = false
}

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
			typeKey(e, r)
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
