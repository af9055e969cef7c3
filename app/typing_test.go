package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// Benchmarks of the editor's handlers with long section texts; they
// measure, they do not assert. Compare runs with benchstat:
//
//	go test ./app -run '^$' -bench 'Keystroke|OpenSection' -benchmem -count 6

// benchWindow opens the main window on the test packet with section 3's
// text n words long. Timers never fire: what is measured is the work on
// the UI goroutine, not the debounced page count, problems and page view
// that follow a pause.
func benchWindow(b *testing.B, words int) *mainWindow {
	b.Helper()
	a := test.NewTempApp(b)
	clock := newManualClock()
	e := env{fs: afero.NewMemMapFs(), dataDir: "/data", now: clock.now,
		after:      func(time.Duration, func()) func() { return func() {} },
		background: func(f func()) { f() }, onUI: func(f func()) { f() },
		owner: briefing.Owner{PID: 1000}, alive: func(briefing.Owner) bool { return false }}
	w := newMainWindowWith(a, e, (&fakeUI{}).hooks())
	w.win.Show()
	p := testPacket()
	text := longText(words)
	p.Sections[3].Body = &text
	w.setDocument(w.newDocument(p, ""))
	b.Cleanup(w.stopTimers)
	return w
}

// BenchmarkKeystroke is one character typed in the middle of a
// section's text, through the editor's own key handling, up to every
// widget the keystroke changes being told to refresh: a short section
// (300 words) for comparison, and long ones.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range []int{300, 5000, 20000} {
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			w := benchWindow(b, n)
			w.selectSection(3)
			// The editor that shows the section: the formatted one.
			body := w.section.rich
			if !w.section.richOn() {
				b.Fatal("the section is not shown formatted")
			}
			w.win.Canvas().Focus(body)
			body.SetCursorOffset(len([]rune(body.ShownText())) / 2)
			b.ReportAllocs()
			for b.Loop() {
				body.TypedRune('x')
			}
		})
	}
}

// BenchmarkOpenSection is selecting a long section in the packet list:
// the editor filled with its text.
func BenchmarkOpenSection(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			w := benchWindow(b, n)
			b.ReportAllocs()
			for b.Loop() {
				w.selectSection(2)
				w.selectSection(3)
			}
		})
	}
}

// Typing refreshes only what typing changes (refreshTyped), but all of
// that: the unsaved mark, Undo, and the editor's note that the text is
// now the packet's own; the field keeps the text and cursor as typed.
func TestTypingRefreshesWhatItChanges(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(3)
	body := h.w.section.src
	if !h.w.undoItem.Disabled || h.w.doc.packet.Sections[3].Body != nil {
		t.Fatal("the test packet starts edited")
	}
	h.w.win.Canvas().Focus(body)
	test.Type(body, "Now ")
	if got := h.w.doc.packet.Sections[3].Body; got == nil || !strings.HasPrefix(*got, "Now ") {
		t.Fatalf("body = %v", got)
	}
	if h.w.undoItem.Disabled {
		t.Error("Undo stays disabled after typing")
	}
	if !strings.HasPrefix(h.w.win.Title(), "*") {
		t.Errorf("title %q has no unsaved mark", h.w.win.Title())
	}
	if !strings.Contains(h.w.section.info.Text, "text edited") {
		t.Errorf("note = %q", h.w.section.info.Text)
	}
	if h.w.section.reset.Disabled() {
		t.Error("Reset to template stays disabled")
	}
	if body.CursorOffset() != 4 {
		t.Errorf("cursor at %d, want 4", body.CursorOffset())
	}
}
