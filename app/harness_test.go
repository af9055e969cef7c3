package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// manualClock runs timers only when the test says so, on the test's own
// goroutine, so UI tests are deterministic and free of data races.
type manualClock struct {
	pending []*timer
}

type timer struct {
	f      func()
	active bool
}

func (c *manualClock) after(_ time.Duration, f func()) func() {
	t := &timer{f: f, active: true}
	c.pending = append(c.pending, t)
	return func() { t.active = false }
}

// flush fires every pending timer, including ones they schedule.
func (c *manualClock) flush() {
	for round := 0; len(c.pending) > 0 && round < 10; round++ {
		due := c.pending
		c.pending = nil
		for _, t := range due {
			if t.active {
				t.active = false
				t.f()
			}
		}
	}
}

// fakeUI answers the window's dialogs as a test scripts them.
type fakeUI struct {
	savePath string
	openPath string
	unsaved  unsavedChoice
	audience string
	restore  bool
	errors   []error
	asked    []string
	exported string
	pages    int
}

func (f *fakeUI) hooks() uiHooks {
	return uiHooks{
		askSavePath: func(title, name, ext string, done func(string)) {
			f.asked = append(f.asked, title+":"+name)
			done(f.savePath)
		},
		askOpenPath: func(exts []string, done func(string)) { done(f.openPath) },
		askUnsaved: func(done func(unsavedChoice)) {
			f.asked = append(f.asked, "unsaved")
			done(f.unsaved)
		},
		askAudience: func(done func(string)) {
			f.asked = append(f.asked, "audience")
			done(f.audience)
		},
		askRestore: func(r briefing.Recovery, done func(bool)) {
			f.asked = append(f.asked, "restore")
			done(f.restore)
		},
		showError: func(err error) { f.errors = append(f.errors, err) },
		exported:  func(path string, pages int) { f.exported, f.pages = path, pages },
		progress:  func(string) func() { return func() {} },
	}
}

type harness struct {
	t     *testing.T
	app   fyne.App
	fs    afero.Fs
	clock *manualClock
	ui    *fakeUI
	w     *mainWindow
}

const testTemplatesDir = "/templates"

// newHarness opens the main window on fs (a fresh MemMapFs when nil), as
// Run does, but with fakes for dialogs and time.
func newHarness(t *testing.T, fs afero.Fs) *harness {
	t.Helper()
	if fs == nil {
		fs = afero.NewMemMapFs()
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTemplatesDir, testTemplatesDir)
	h := openHarness(t, a, fs)
	h.w.setDocument(newDocument(testPacket(), ""))
	return h
}

// testPacket is a staff packet of the seven original sections, with cover
// and contents, so tests can name sections by position.
func testPacket() *briefing.Packet {
	p := briefing.NewPacket("staff")
	p.Title = "Executive Order on AI Security for Federal Networks"
	p.PreparedFor = "the Member and senior staff"
	p.Date = "2026-11-25"
	for _, id := range strings.Split(sampleOrder, ",") {
		p.Sections = append(p.Sections, briefing.SectionRef{Template: id, Included: true})
	}
	return p
}

func openHarness(t *testing.T, a fyne.App, fs afero.Fs) *harness {
	t.Helper()
	h := &harness{t: t, app: a, fs: fs, clock: &manualClock{}, ui: &fakeUI{}}
	e := env{fs: fs, dataDir: "/data", now: func() time.Time { return time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC) },
		after: h.clock.after, background: func(f func()) { f() }, onUI: func(f func()) { f() }}
	h.w = newMainWindowWith(a, e, h.ui.hooks())
	h.w.start()
	h.w.win.Show()
	t.Cleanup(h.w.stopTimers)
	return h
}

func (h *harness) doc() *briefing.Packet { return h.w.doc.packet }

// settle lets the debounced analysis and autosave run.
func (h *harness) settle() { h.clock.flush() }
