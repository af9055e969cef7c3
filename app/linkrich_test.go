package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Ctrl+K in the formatted text asks for a link's text and address: the
// selection becomes a link, the link under the cursor shows its address
// and takes another, and it can be removed, its words staying.
func TestLinkDialogInFormattedText(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", "See the guide now.\n")
	s.show()
	s.rich.SetCursorOffset(len("See "))
	s.rich.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range len("the guide") {
		s.rich.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	s.rich.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	link := h.w.menuItem("Format", "Link…")
	if sc, ok := link.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyK {
		t.Errorf("Link… has the shortcut %v, not Ctrl+K", link.Shortcut)
	}
	h.ui.forms = [][]string{{"the guide", "https://example.org/a"}}
	link.Action()
	if got := *h.doc().Sections[2].Body; got != "See [the guide](https://example.org/a) now.\n" {
		t.Fatalf("made a link: %q", got)
	}
	if f := h.ui.formFields[0]; f[0].value != "the guide" {
		t.Errorf("the dialog offered the text %q", f[0].value)
	}
	s.rich.SetCursorOffset(len("See the g"))
	h.ui.forms = [][]string{{"the new guide", "https://example.org/b", ""}}
	link.Action()
	if f := h.ui.formFields[1]; len(f) != 3 || f[1].value != "https://example.org/a" || f[0].value != "the guide" || !f[2].check {
		t.Errorf("the link's dialog asked %+v", f)
	}
	if got := *h.doc().Sections[2].Body; got != "See [the new guide](https://example.org/b) now.\n" {
		t.Fatalf("edited the link: %q", got)
	}
	s.rich.SetCursorOffset(len("See the"))
	h.ui.forms = [][]string{{"the new guide", "https://example.org/b", "true"}}
	link.Action()
	if got := *h.doc().Sections[2].Body; got != "See the new guide now.\n" {
		t.Fatalf("removed the link: %q", got)
	}
}
