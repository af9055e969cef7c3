package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
)

// maxRecent is how many files Open Recent remembers.
const maxRecent = 8

// recoveryFile is this window's own autosave file.
func (w *mainWindow) recoveryFile() string {
	return filepath.Join(w.env.dataDir, briefing.RecoveryFileFor(w.env.owner))
}

// clearRecovery removes this window's autosave once its work is saved or
// knowingly discarded; other windows' files are never touched.
func (w *mainWindow) clearRecovery() { _ = briefing.RemoveRecovery(w.env.fs, w.recoveryFile()) }

// whenSafe runs next once unsaved changes are saved or knowingly
// discarded; it does nothing if the user cancels.
func (w *mainWindow) whenSafe(next func()) {
	if !w.doc.dirty {
		next()
		return
	}
	w.ui.askUnsaved(func(c unsavedChoice) {
		switch c {
		case choiceSave:
			w.save(func(ok bool) {
				if ok {
					next()
				}
			})
		case choiceDiscard:
			w.clearRecovery()
			next()
		}
	})
}

func (w *mainWindow) onOpen() {
	w.whenSafe(func() {
		w.ui.askOpenPath([]string{briefing.PacketExt}, func(path string) {
			if path != "" {
				w.openPath(path)
			}
		})
	})
}

// openPath loads path; unsaved work must already be dealt with. A packet
// another copy of Briefsmith has open is offered in that window first.
func (w *mainWindow) openPath(path string) {
	if !w.openElsewhere(path, func() { w.load(path) }) {
		w.load(path)
	}
}

func (w *mainWindow) load(path string) {
	p, stamp, err := briefing.OpenPacket(w.env.fs, path)
	if err != nil {
		w.ui.showError(err)
		return
	}
	d := w.newDocument(p, path)
	d.disk = &stamp
	w.setDocument(d)
	w.addRecent(path)
}

func (w *mainWindow) onOpenRecent(path string) {
	w.whenSafe(func() { w.openPath(path) })
}

func (w *mainWindow) onSave()   { w.save(nil) }
func (w *mainWindow) onSaveAs() { w.saveAs(nil) }

// save writes the packet to its file, asking for a name the first time;
// done, if set, learns whether it was saved.
func (w *mainWindow) save(done func(ok bool)) {
	if w.doc.path == "" {
		w.saveAs(done)
		return
	}
	// Someone else may have saved this file since we read it: another
	// window, another program, a sync client. Ask before replacing
	// their work.
	if err := briefing.CheckUnchanged(w.env.fs, w.doc.path, w.doc.disk); err != nil {
		if !errors.Is(err, briefing.ErrChangedOnDisk) {
			w.ui.showError(err)
			if done != nil {
				done(false)
			}
			return
		}
		w.ui.askOverwrite(filepath.Base(w.doc.path), func(c overwriteChoice) {
			switch c {
			case overwriteReplace:
				w.writeTo(w.doc.path, done)
			case overwriteSaveAs:
				w.saveAs(done)
			default:
				if done != nil {
					done(false)
				}
			}
		})
		return
	}
	w.writeTo(w.doc.path, done)
}

func (w *mainWindow) saveAs(done func(ok bool)) {
	w.ui.askSavePath("Save packet", suggestedName(w.doc.packet, briefing.PacketExt), briefing.PacketExt, func(path string) {
		if path == "" {
			if done != nil {
				done(false)
			}
			return
		}
		w.writeTo(withExt(path, briefing.PacketExt), done)
	})
}

func (w *mainWindow) writeTo(path string, done func(bool)) {
	stamp, err := briefing.SavePacketStamped(w.env.fs, path, w.doc.packet)
	if err != nil {
		// The packet stays in memory, marked unsaved, and the autosave
		// keeps a copy: nothing typed is lost to a failed save.
		w.ui.showError(fmt.Errorf("%w\n\nYour work is still open here and nothing is lost: choose File › Save As… to save it elsewhere", err))
	} else {
		w.doc.markSaved(path, stamp)
		w.declined = nil
		w.markOpen()
		w.addRecent(path)
		w.clearRecovery()
	}
	if done != nil {
		done(err == nil)
	}
}

// onQuit closes the window once unsaved work is dealt with.
func (w *mainWindow) onQuit() {
	w.whenSafe(func() {
		w.clearRecovery()
		w.stopTimers()
		_ = briefing.MarkOpen(w.env.fs, w.env.dataDir, w.env.owner, "")
		w.win.Close()
	})
}

func (w *mainWindow) stopTimers() {
	w.stopPacketWork()
	if w.stopWatch != nil {
		w.stopWatch()
	}
}

// stopPacketWork stops what runs on the open packet: its analysis, page
// drawing and autosave.
func (w *mainWindow) stopPacketWork() {
	w.analyzeGen.Add(1)
	w.pages.stop()
	if w.stopAnalyze != nil {
		w.stopAnalyze()
	}
	if w.stopAutosave != nil {
		w.stopAutosave()
	}
}

// scheduleAutosave writes the recovery file shortly after edits pause.
func (w *mainWindow) scheduleAutosave() {
	if w.stopAutosave != nil {
		w.stopAutosave()
	}
	w.stopAutosave = w.env.after(w.env.autosaveDelay, func() { w.env.onUI(w.autosave) })
}

// autosave writes the recovery file now if there are unsaved changes.
func (w *mainWindow) autosave() {
	if !w.doc.dirty {
		return
	}
	r := w.recoveryOf(w.doc)
	w.env.background(func() {
		if err := w.saveRecovery(r); err != nil {
			w.env.onUI(func() { w.ui.showError(fmt.Errorf("autosave failed; save your work now: %w", err)) })
		}
	})
}

// recoveryOf is d's autosave record, owned by this window.
func (w *mainWindow) recoveryOf(d *document) briefing.Recovery {
	return briefing.Recovery{Path: d.path, Saved: w.env.now().UTC(), Owner: w.env.owner, Disk: d.disk, Packet: d.packet.Clone()}
}

// saveRecovery writes r; it only reads the window's env, so it may run
// off the UI goroutine.
func (w *mainWindow) saveRecovery(r briefing.Recovery) error {
	return briefing.SaveRecovery(w.env.fs, w.env.dataDir, r)
}

// exportFormat is one kind of file File › Export writes.
type exportFormat struct {
	// title heads the save dialog; busy is the progress dialog's text.
	title, busy, ext string
	render           func(*briefing.Library, *briefing.Packet, string) ([]byte, briefing.Result, error)
}

// The export formats: the PDF, and the Word document for people who
// edit the briefing in Word, from the same render.Document.
var (
	exportPDF  = exportFormat{"Export PDF", "Exporting PDF…", ".pdf", briefing.RenderPacket}
	exportWord = exportFormat{"Export Word", "Exporting Word document…", ".docx", briefing.RenderPacketDocx}
)

// onExport exports the PDF.
func (w *mainWindow) onExport() { w.export(exportPDF) }

// onExportWord exports the Word document.
func (w *mainWindow) onExportWord() { w.export(exportWord) }

// export renders the file in the background behind a progress dialog,
// then asks where to put it: the file dialog truncates an existing file,
// so the file must be complete before it opens.
func (w *mainWindow) export(f exportFormat) {
	p := w.doc.packet.Clone()
	lib, name := w.lib, w.doc.name()
	hide := w.ui.progress(f.busy)
	w.env.background(func() {
		data, res, err := f.render(lib, p, name)
		w.env.onUI(func() {
			hide()
			if err != nil {
				w.ui.showError(err)
				return
			}
			w.ui.askSavePath(f.title, suggestedName(p, f.ext), f.ext, func(path string) {
				if path == "" {
					return
				}
				path = withExt(path, f.ext)
				if err := briefing.WriteFileAtomic(w.env.fs, path, data); err != nil {
					w.ui.showError(err)
					return
				}
				w.ui.exported(path, res.Info.Pages, strings.TrimSpace(overLimitNote(p, res)+" "+openProblemsNote(res)))
			})
		})
	})
}

// overLimitNote is what "Export finished" says of a document that runs
// over the packet's page limit: by how much (and, fitted, what to cut),
// and, when fitting is off and the overrun is small enough for it to
// help (it tightens a layout by a few per cent), that it may.
func overLimitNote(p *briefing.Packet, res briefing.Result) string {
	if res.OverLimit == "" {
		return ""
	}
	note := strings.ToUpper(res.OverLimit[:1]) + res.OverLimit[1:] + "."
	over := res.Info.Pages - p.PageLimit
	if !p.Style.FitToLimit && (over == 1 || over*8 <= res.Info.Pages) {
		note += " Settings › Fit to page limit can tighten the layout to help it fit."
	} else if !p.Style.FitToLimit {
		note += " That is more than tightening the layout can win back: cut text or raise the limit."
	}
	return note
}

// openProblemsNote is what "Export finished" says of the problems the
// export went ahead despite (a fact still to verify, a section that does
// not print for this audience): how many the Problems tab lists, and the
// first, so a file is not sent on believing all was well. The page limit
// has its own note.
func openProblemsNote(res briefing.Result) string {
	var open []briefing.Problem
	for _, pr := range res.Warnings {
		if pr.Message != res.OverLimit {
			open = append(open, pr)
		}
	}
	// The page limit is said on its own: the rest are "more", so the
	// count matches the Problems tab's, which lists the limit too.
	more := ""
	if len(open) < len(res.Warnings) {
		more = " more"
	}
	switch len(open) {
	case 0:
		return ""
	case 1:
		return "Problems lists one" + more + " thing to check: " + open[0].Shown() + "."
	}
	return fmt.Sprintf("Problems lists %d%s things to check, the first: %s.", len(open), more, open[0].Shown())
}

// withExt adds ext to a name typed without it ("memo" → "memo.pdf"),
// leaving "Memo.PDF" alone.
func withExt(path, ext string) string {
	if len(path) >= len(ext) && strings.EqualFold(path[len(path)-len(ext):], ext) {
		return path
	}
	return path + ext
}

func (w *mainWindow) addRecent(path string) {
	list := []string{path}
	for _, p := range w.app.Preferences().StringList(prefRecent) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	w.app.Preferences().SetStringList(prefRecent, list)
	w.refreshMenu()
}
