package app

import (
	"fmt"
	"image"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
)

// mainWindow is the one window: library, packet and section side by side,
// with settings, variables and problems in tabs beside the section, and
// the pages as printed on the right.
type mainWindow struct {
	app fyne.App
	win fyne.Window
	env env
	ui  uiHooks

	lib *briefing.Library
	// doc is the open packet; it also holds which section is selected, so
	// the list, the editor and every edit agree on it.
	doc *document

	library   *libraryPanel
	packet    *packetPanel
	section   *sectionPanel
	settings  *settingsPanel
	variables *variablesPanel
	problems  *problemsPanel
	pages     *pageView
	tabs      *container.AppTabs
	// main is the packet view; startPg the start page shown instead
	// while onStartPage (no packet open).
	main        fyne.CanvasObject
	startPg     *startPage
	onStartPage bool
	// previews are each kind's first page for the start page and New,
	// drawn once; previewWait are images waiting for them.
	previews    map[briefing.Audience]image.Image
	previewWait []previewSlot

	menu *fyne.MainMenu
	// focusedItems pass their shortcut to the focused field; they work
	// in dialogs too (see focusedItem).
	focusedItems []*fyne.MenuItem
	// packetItems act on the open packet: greyed out on the start page.
	packetItems                    []*fyne.MenuItem
	recentMenu, undoItem, redoItem *fyne.MenuItem

	analysis     briefing.Analysis
	analyzeGen   atomic.Int64
	stopAnalyze  func()
	stopAutosave func()
	stopWatch    func()
	// dialogKeys are what Enter and Esc do in the dialogs open, newest
	// last (see withKeys).
	dialogKeys []*dialogKeys
	// askingReload is set while the user is asked about a change to the
	// file on disk; declined is the file's state they chose to keep their
	// own version over, so they are not asked again about it.
	askingReload bool
	// checkingDisk is set while a look at the file runs in the background.
	checkingDisk bool
	// launchedFor is the packet the window was started to open, if any.
	launchedFor string
	declined    os.FileInfo
	// analyzed is called after each background analysis is applied; tests
	// wait on it.
	analyzed func()
}

func newMainWindow(a fyne.App, e env) *mainWindow {
	return newMainWindowWith(a, e, uiHooks{})
}

// newMainWindowWith builds the window with hooks for its dialogs; any
// hook left nil uses the real dialog.
func newMainWindowWith(a fyne.App, e env, hooks uiHooks) *mainWindow {
	w := &mainWindow{app: a, env: e}
	w.win = a.NewWindow("Briefsmith")
	w.win.SetMaster()
	w.ui = defaultHooks(w)
	w.ui.override(hooks)
	// Enter and Esc reach the canvas when nothing has the keyboard: in a
	// dialog, they press its default button or close it.
	w.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { w.dialogKey(k.Name) })
	w.win.Canvas().AddShortcut(redoAlso, func(fyne.Shortcut) {
		if !w.dialogOpen() && !w.onStartPage {
			w.onRedo()
		}
	})
	w.loadLibrary()
	p, _ := briefing.DecodePacket(assets.SampleName, assets.Sample())
	w.doc = w.newDocument(p, "")
	w.buildUI()
	w.setDocument(w.doc)
	w.win.SetCloseIntercept(w.onQuit)
	w.win.Resize(fyne.NewSize(1280, 800))
	return w
}

// loadLibrary (re)reads the templates, built-in and from the folder in
// Preferences; broken ones are listed in the library panel.
func (w *mainWindow) loadLibrary() {
	lib, err := briefing.LoadLibrary(assets.Templates, w.env.fs, templatesDir(w.app))
	if err != nil {
		w.ui.showError(err)
		lib, _ = briefing.LoadLibrary(assets.Templates, nil, "")
	}
	w.lib = lib
}

func (w *mainWindow) buildUI() {
	w.library = newLibraryPanel(w)
	w.packet = newPacketPanel(w)
	w.section = newSectionPanel(w)
	w.settings = newSettingsPanel(w)
	w.variables = newVariablesPanel(w)
	w.problems = newProblemsPanel(w)
	w.pages = newPageView(w)
	w.tabs = container.NewAppTabs(
		container.NewTabItem("Section", w.section.content),
		container.NewTabItem("Settings", w.settings.content),
		container.NewTabItem("Variables", w.variables.content),
		container.NewTabItem("Problems", w.problems.content),
	)
	left := container.NewHSplit(w.library.content, w.packet.content)
	left.Offset = 0.5
	// The editor gets the larger share beside the pages (the settings
	// form's width at 1280 pixels); the pages still get a third of the
	// window, and their divider moves.
	right := container.NewHSplit(w.tabs, w.pages.content)
	right.Offset = 0.6
	all := container.NewHSplit(left, right)
	all.Offset = 0.3
	w.main = all
	w.win.SetContent(all)
	w.win.SetMainMenu(w.mainMenu())
}

// newDocument opens p (read from path) with this window's clock.
func (w *mainWindow) newDocument(p *briefing.Packet, path string) *document {
	d := newDocument(p, path)
	d.now = w.env.now
	return d
}

// setDocument shows d, replacing whatever was open.
func (w *mainWindow) setDocument(d *document) {
	w.leaveStart()
	w.doc = d
	d.onChange = w.onDocumentChanged
	w.declined = nil
	w.markOpen()
	w.refreshAll()
	w.scheduleAnalysis()
	w.pages.refresh()
}

// onDocumentChanged runs after every edit, undo and redo. The document has
// already moved its selection with the change, so one refresh shows the
// list highlight and the editor on the same section.
func (w *mainWindow) onDocumentChanged() {
	if w.section.typing {
		w.refreshTyped()
	} else {
		w.refreshAll()
	}
	w.scheduleAnalysis()
	w.pages.refresh()
	w.scheduleAutosave()
	traceEvent("edit", int(w.doc.version))
}

// traceOut receives a line per edit and per section shown when
// BRIEFSMITH_TRACE names a file: scripts/typing-latency.sh times the real
// window under Xvfb with it. Nil otherwise, costing one comparison.
var traceOut = func() *os.File {
	name := os.Getenv("BRIEFSMITH_TRACE")
	if name == "" {
		return nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil
	}
	return f
}()

// traceEvent writes "<Unix nanoseconds> <what> <n>" to traceOut, if set.
func traceEvent(what string, n int) {
	if traceOut != nil {
		fmt.Fprintf(traceOut, "%d %s %d\n", time.Now().UnixNano(), what, n)
	}
}

// refreshTyped is refreshAll for a change typed in the section editor's
// own fields, which already show it: the title bar, the section's row in
// the packet list (its title, or its "edited" look on the first
// keystroke), the editor's notes and Undo/Redo. The settings, the
// variables and the rest of the list cannot have changed; the variables
// panel is brought up to date with the problems once typing pauses. At
// 5,000 words, refreshing every panel on every keystroke was most of the
// window's work beside the text field's own.
func (w *mainWindow) refreshTyped() {
	w.updateTitle()
	if i := w.doc.selectedIndex(); i >= 0 {
		w.packet.list.RefreshItem(i)
	}
	w.section.show()
	w.refreshUndo()
}

func (w *mainWindow) refreshAll() {
	w.updateTitle()
	w.packet.refresh()
	w.section.show()
	w.pages.follow(w.doc.selectedIndex())
	w.settings.refresh()
	w.variables.refresh()
	w.refreshMenu()
}

// refreshUndo updates Undo and Redo after an edit typed in a field,
// redrawing the menu only when one of them changes (the first keystroke
// of a document, or after an undo).
func (w *mainWindow) refreshUndo() {
	if w.menu == nil {
		return
	}
	undo, redo := !w.doc.canUndo(), !w.doc.canRedo()
	if w.undoItem.Disabled != undo || w.redoItem.Disabled != redo {
		w.undoItem.Disabled, w.redoItem.Disabled = undo, redo
		w.menu.Refresh()
	}
}

// updateTitle shows the file name, with an asterisk while unsaved.
func (w *mainWindow) updateTitle() {
	mark := ""
	if w.doc.dirty {
		mark = "*"
	}
	w.win.SetTitle(fmt.Sprintf("%s%s — Briefsmith", mark, w.doc.name()))
}

// selectSection makes section i the one being edited.
func (w *mainWindow) selectSection(i int) {
	if i < -1 || i >= len(w.doc.packet.Sections) {
		return
	}
	w.doc.selectIndex(i)
	w.packet.selectRow()
	w.section.show()
	w.pages.follow(i)
}

// scheduleAnalysis recomputes the page count and problems in the
// background once edits pause, so typing never waits for layout.
func (w *mainWindow) scheduleAnalysis() {
	gen := w.analyzeGen.Add(1)
	snapshot := w.doc.packet.Clone()
	lib, name := w.lib, w.doc.name()
	if w.stopAnalyze != nil {
		w.stopAnalyze()
	}
	w.stopAnalyze = w.env.after(w.env.analyzeDelay, func() {
		res := briefing.Analyze(lib, snapshot, name)
		w.env.onUI(func() {
			if w.analyzeGen.Load() != gen {
				return // a newer edit has its own analysis coming
			}
			w.analysis = res
			w.packet.showPages(res)
			// What an import left out is listed first, for as long as
			// the packet it made is open.
			w.problems.show(append(slices.Clip(w.doc.imported), res.Problems...))
			w.variables.refresh()
			if w.analyzed != nil {
				w.analyzed()
			}
		})
	})
}

// pagesText is the live page count, with the limit when the packet sets one.
func pagesText(p *briefing.Packet, a briefing.Analysis) string {
	if a.Pages == 0 {
		if a.Problems.HasErrors() {
			return "Fix errors to count pages"
		}
		return "Counting pages…"
	}
	unit := "pages"
	if a.Pages == 1 {
		unit = "page"
	}
	s := fmt.Sprintf("%d %s", a.Pages, unit)
	if fit := a.Fit; fit != nil && p.PageLimit > 0 {
		// Fitting on: say what it changed, or what to cut when even
		// the tightest layout runs over.
		switch {
		case a.Pages > p.PageLimit:
			// The export keeps the layout as set; the tightest is what
			// says how much to cut.
			pages := a.Pages
			if fit.Pages > 0 {
				pages = fit.Pages
			}
			s += fmt.Sprintf(" — %d over the limit of %d even fitted", pages-p.PageLimit, p.PageLimit)
			if len(fit.Longest) > 0 {
				s += "; longest: " + briefing.LongestText(fit.Longest)
			}
		case fit.Changes != "":
			s += fmt.Sprintf(" (limit %d, fitted: %s)", p.PageLimit, fit.Changes)
		default:
			s += fmt.Sprintf(" (limit %d)", p.PageLimit)
		}
		return s
	}
	if p.PageLimit > 0 {
		if a.Pages > p.PageLimit {
			s += fmt.Sprintf(" — %d over the limit of %d", a.Pages-p.PageLimit, p.PageLimit)
		} else {
			s += fmt.Sprintf(" (limit %d)", p.PageLimit)
		}
	}
	return s
}

// suggestedName proposes a file name from the packet title.
func suggestedName(p *briefing.Packet, ext string) string {
	s := briefing.SlugID(p.Title)
	if s == "section" || strings.TrimSpace(p.Title) == "" {
		s = "briefing"
	}
	return s + ext
}

// sectionTitle is what the packet list shows for section i.
func (w *mainWindow) sectionTitle(i int) string {
	s := w.doc.packet.Sections[i]
	if s.Title != "" {
		return s.Title
	}
	if t, ok := w.lib.Get(s.Template); ok {
		return t.TitleFor(w.doc.packet.Audience)
	}
	return s.Template + " (missing template)"
}
