package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// manualClock runs timers only when the test says so, on the test's own
// goroutine, so UI tests are deterministic and free of data races.
type manualClock struct {
	pending []*timer
	// at is the time now says; tests move it with advance.
	at time.Time
}

func newManualClock() *manualClock {
	return &manualClock{at: time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)}
}

func (c *manualClock) now() time.Time { return c.at }

// advance moves the clock on without firing timers.
func (c *manualClock) advance(d time.Duration) { c.at = c.at.Add(d) }

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
	savePath  string
	openPath  string
	unsaved   unsavedChoice
	overwrite overwriteChoice
	// alreadyOpen and reload answer those questions; reloadUnsaved and
	// changes are what the last reload question said.
	alreadyOpen   alreadyOpenChoice
	reload        reloadChoice
	reloadUnsaved bool
	changes       []string
	audience      string
	// blank answers New with a blank packet rather than the sample's.
	blank bool
	// importKind answers what kind of packet a Word document becomes.
	importKind briefing.Audience
	// review answers the review of changes from Word: those kept (nil to
	// cancel); reviewed is what it was shown.
	review   func([]briefing.WordEdit) []briefing.WordEdit
	reviewed []briefing.WordEdit
	restore  bool
	// holdRestore leaves the restore question open; restoreLater
	// answers it.
	holdRestore  bool
	restoreLater func(bool)
	errors       []error
	infos        []string
	asked        []string
	exported     string
	pages        int
	// exportNote is what "Export finished" said beside the file's name.
	exportNote string
	// forms are the answers to the next forms asked, in order; a nil
	// answer cancels. formFields are the questions forms asked.
	forms      [][]string
	formFields [][]formField
	// tableEdit answers the table editor: the cells it gets, changed.
	tableEdit func([][]string) [][]string
	// bodyEdit, glossaryEdit and codeEdit answer the editors of a box's
	// text, a glossary and code; nil cancels.
	bodyEdit     func(bodyEdit) *bodyEdit
	glossaryEdit func([]glossaryRow) []glossaryRow
	codeEdit     func(string) string
}

func (f *fakeUI) hooks() uiHooks {
	return uiHooks{
		askSavePath: func(title, name, ext string, done func(string)) {
			f.asked = append(f.asked, title+":"+name)
			done(f.savePath)
		},
		askOpenPath: func(exts []string, done func(string)) { done(f.openPath) },
		askOverwrite: func(name string, done func(overwriteChoice)) {
			f.asked = append(f.asked, "overwrite:"+name)
			done(f.overwrite)
		},
		askAlreadyOpen: func(name string, done func(alreadyOpenChoice)) {
			f.asked = append(f.asked, "already open:"+name)
			done(f.alreadyOpen)
		},
		askReload: func(name string, changes []string, unsaved bool, done func(reloadChoice)) {
			f.asked = append(f.asked, "reload:"+name)
			f.changes, f.reloadUnsaved = changes, unsaved
			done(f.reload)
		},
		askUnsaved: func(done func(unsavedChoice)) {
			f.asked = append(f.asked, "unsaved")
			done(f.unsaved)
		},
		reviewWordEdits: func(name string, edits []briefing.WordEdit, _ []string, done func([]briefing.WordEdit, bool)) {
			f.asked = append(f.asked, "review:"+name)
			f.reviewed = edits
			if f.review == nil {
				done(nil, false)
				return
			}
			done(f.review(edits), false)
		},
		askImportKind: func(name string, done func(briefing.Audience)) {
			f.asked = append(f.asked, "import:"+name)
			done(f.importKind)
		},
		askAudience: func(done func(briefing.Audience, bool)) {
			f.asked = append(f.asked, "audience")
			done(briefing.Audience(f.audience), f.blank)
		},
		askRestore: func(r briefing.Recovery, done func(bool)) {
			f.asked = append(f.asked, "restore")
			if f.holdRestore {
				f.restoreLater = done // answered by the test, later
				return
			}
			done(f.restore)
		},
		showError: func(err error) { f.errors = append(f.errors, err) },
		showInfo:  func(title, msg string) { f.infos = append(f.infos, title+": "+msg) },
		exported: func(path string, pages int, note string) {
			f.exported, f.pages, f.exportNote = path, pages, note
		},
		progress: func(string) func() { return func() {} },
		editTable: func(cells [][]string, done func([][]string)) {
			f.asked = append(f.asked, "table")
			if f.tableEdit == nil {
				done(nil)
				return
			}
			done(f.tableEdit(cells))
		},
		editBody: func(req bodyEdit, done func(*bodyEdit)) {
			f.asked = append(f.asked, "body:"+req.title)
			if f.bodyEdit == nil {
				done(nil)
				return
			}
			done(f.bodyEdit(req))
		},
		editGlossary: func(rows []glossaryRow, _ editor.Options, done func([]glossaryRow)) {
			f.asked = append(f.asked, "glossary")
			if f.glossaryEdit == nil {
				done(nil)
				return
			}
			done(f.glossaryEdit(rows))
		},
		editCode: func(text string, done func(string, bool)) {
			f.asked = append(f.asked, "code")
			if f.codeEdit == nil {
				done("", false)
				return
			}
			done(f.codeEdit(text), true)
		},
		askForm: func(title string, fields []formField, done func([]string)) {
			f.asked = append(f.asked, "form:"+title)
			f.formFields = append(f.formFields, fields)
			var answer []string
			if len(f.forms) > 0 {
				answer, f.forms = f.forms[0], f.forms[1:]
			}
			done(answer)
		},
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
	h.w.setDocument(h.w.newDocument(testPacket(), ""))
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
	return openHarnessAs(t, a, fs, briefing.Owner{PID: 1000}, func(briefing.Owner) bool { return false })
}

// openHarnessAs opens a window as the running copy owner, with alive
// telling which other copies are still running.
func openHarnessAs(t *testing.T, a fyne.App, fs afero.Fs, owner briefing.Owner, alive func(briefing.Owner) bool) *harness {
	t.Helper()
	return openHarnessAnswering(t, a, fs, owner, alive, &fakeUI{})
}

// openHarnessAnswering is openHarnessAs with ui answering the questions
// asked at start-up.
func openHarnessAnswering(t *testing.T, a fyne.App, fs afero.Fs, owner briefing.Owner, alive func(briefing.Owner) bool, ui *fakeUI) *harness {
	t.Helper()
	h := &harness{t: t, app: a, fs: fs, clock: newManualClock(), ui: ui}
	e := env{fs: fs, dataDir: "/data", now: h.clock.now,
		after: h.clock.after, background: func(f func()) { f() }, onUI: func(f func()) { f() },
		owner: owner, alive: alive}
	h.w = newMainWindowWith(a, e, h.ui.hooks())
	// The tests written for the source field drive it; the formatted
	// editor's have their own harness (newRichHarness).
	h.w.section.sourceView = true
	h.w.start()
	h.w.win.Show()
	t.Cleanup(h.w.stopTimers)
	return h
}

func (h *harness) doc() *briefing.Packet { return h.w.doc.packet }

// settle lets the debounced analysis and autosave run.
func (h *harness) settle() { h.clock.flush() }

// menuItem finds the main menu's item by menu and label, as a user would.
func (w *mainWindow) menuItem(menu, label string) *fyne.MenuItem {
	for _, m := range w.menu.Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	panic("no menu item " + menu + " › " + label)
}

// newInfoDialog is the "Export finished" kind of dialog, really shown on
// the test window.
func newInfoDialog(h *harness) dialog.Dialog {
	return dialog.NewInformation("Export finished", "Saved brief.pdf (4 pages).", h.w.win)
}

// allOf are the objects of type T in o, its containers and its widgets'
// renderers, in the order they are laid out.
func allOf[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}
