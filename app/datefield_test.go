package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/briefing"
)

// typeDate types text into the date field as a user would over what is
// there: Select All, then the keys.
func typeDate(h *harness, text string) {
	e := h.w.settings.date.entry
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if text == "" {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	}
	test.Type(e, text)
	h.settle()
}

// The date field reads a date in the order of the packet's language,
// whatever the computer's locale (under C.UTF-8, Fyne's own field read
// 11/07/2026 as 11 July in an American memo and refused 12/20/2026 with
// only a red mark), shows the date as it will print, and never keeps a
// date the user did not see: an entry that is not a date in this order is
// refused in words that say which date the packet keeps.
func TestTheDateIsReadInThePacketsLanguage(t *testing.T) {
	h := newHarness(t, nil)
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Language = "en-US"; p.Date = "2026-11-25" })
	h.settle()
	f := h.w.settings.date
	// An American packet prints the date as Americans write it.
	if f.entry.Text != "11/25/2026" || !strings.Contains(f.hint.Text, "November 25, 2026") || f.entry.PlaceHolder != "MM/DD/YYYY" {
		t.Fatalf("shown %q, hint %q, placeholder %q", f.entry.Text, f.hint.Text, f.entry.PlaceHolder)
	}

	typeDate(h, "11/07/2026")
	if got := h.doc().Date; got != "2026-11-07" || !strings.Contains(f.hint.Text, "Prints as November 7, 2026") {
		t.Errorf("11/07/2026 in en-US: stored %q, hint %q", got, f.hint.Text)
	}
	typeDate(h, "12/20/2026")
	if got := h.doc().Date; got != "2026-12-20" {
		t.Errorf("12/20/2026 in en-US: stored %q", got)
	}
	typeDate(h, "7 November 2026")
	if got := h.doc().Date; got != "2026-11-07" {
		t.Errorf("7 November 2026: stored %q", got)
	}

	// A British packet: the same date is shown day first, and a US-order
	// entry is refused, naming the date it could be and the one kept.
	typeDate(h, "11/07/2026")
	h.w.settings.language.SetText("en-GB")
	h.settle()
	if f.entry.Text != "07/11/2026" || f.entry.PlaceHolder != "DD/MM/YYYY" {
		t.Errorf("en-GB shows %q (placeholder %q), want 07/11/2026", f.entry.Text, f.entry.PlaceHolder)
	}
	typeDate(h, "12/20/2026")
	if got := h.doc().Date; got != "2026-11-07" {
		t.Errorf("12/20/2026 in en-GB was stored as %q", got)
	}
	if !strings.Contains(f.hint.Text, "Not taken") || !strings.Contains(f.hint.Text, "20 December 2026") ||
		!strings.Contains(f.hint.Text, "keeps 7 November 2026") || f.entry.Validate() == nil {
		t.Errorf("the refusal says %q", f.hint.Text)
	}
	// Text that is not a date stays while something else changes.
	h.w.settings.title.SetText("Another title")
	h.settle()
	if f.entry.Text != "12/20/2026" || !strings.Contains(f.hint.Text, "Not taken") {
		t.Errorf("the typed text was replaced by %q", f.entry.Text)
	}
	// Emptied on the way to another date (Select All, Delete, type), the
	// field keeps the packet's date: emptying it stored "no date" at once,
	// and a mistyped date after that left the packet with none (found in
	// a fresh-eyes trial). Left empty, it means no date.
	typeDate(h, "")
	if got := h.doc().Date; got != "2026-11-07" || !strings.Contains(f.hint.Text, "keeps 7 November 2026") {
		t.Errorf("an emptied field: stored %q, hint %q", got, f.hint.Text)
	}
	typeDate(h, "31/02/2026")
	if got := h.doc().Date; got != "2026-11-07" || !strings.Contains(f.hint.Text, "keeps 7 November 2026") {
		t.Errorf("a mistyped date after emptying: stored %q, hint %q", got, f.hint.Text)
	}
	typeDate(h, "")
	f.entry.FocusLost()
	if got := h.doc().Date; got != "" || !strings.Contains(f.hint.Text, "No date") {
		t.Errorf("left empty: stored %q, hint %q", got, f.hint.Text)
	}
	// Undo brings the date back into the field.
	h.w.onUndo()
	h.settle()
	if h.doc().Date != "2026-11-07" || f.entry.Text != "07/11/2026" {
		t.Errorf("after undo: %q shown as %q", h.doc().Date, f.entry.Text)
	}
}
