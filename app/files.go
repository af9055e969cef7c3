package app

import (
	"fmt"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
)

// maxRecent is how many files Open Recent remembers.
const maxRecent = 8

// start offers to restore autosaved work left by a crash.
func (w *mainWindow) start() {
	r, ok, err := briefing.LoadRecovery(w.env.fs, w.env.dataDir)
	if err != nil {
		w.ui.showError(fmt.Errorf("the autosaved work could not be read, so it was kept as is: %w", err))
		return
	}
	if !ok {
		return
	}
	w.ui.askRestore(r, func(restore bool) {
		if !restore {
			_ = briefing.ClearRecovery(w.env.fs, w.env.dataDir)
			return
		}
		d := newDocument(r.Packet, r.Path)
		d.dirty = true
		w.setDocument(d)
	})
}

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
			_ = briefing.ClearRecovery(w.env.fs, w.env.dataDir)
			next()
		}
	})
}

// onNewDialog asks which audience the new packet is for.
func (w *mainWindow) onNewDialog() {
	w.ui.askAudience(func(audience string) {
		if audience != "" {
			w.onNew(audience)
		}
	})
}

// onNew starts a packet for audience with the user's default settings and
// the built-in sections that suit it.
func (w *mainWindow) onNew(audience string) {
	w.whenSafe(func() {
		p := briefing.NewPacket(audience)
		applyDefaults(w.app, p)
		p.Date = w.env.now().Format("2006-01-02")
		for _, t := range w.lib.Templates() {
			if t.Origin == briefing.OriginBuiltIn && t.Suits(audience) {
				p.Sections = append(p.Sections, briefing.SectionRef{Template: t.ID, Included: true})
			}
		}
		w.setDocument(newDocument(p, ""))
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

// openPath loads path; unsaved work must already be dealt with.
func (w *mainWindow) openPath(path string) {
	p, err := briefing.LoadPacket(w.env.fs, path)
	if err != nil {
		w.ui.showError(err)
		return
	}
	w.setDocument(newDocument(p, path))
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
	err := briefing.SavePacket(w.env.fs, path, w.doc.packet)
	if err != nil {
		// The packet stays in memory, marked unsaved, and the autosave
		// keeps a copy: nothing typed is lost to a failed save.
		w.ui.showError(err)
	} else {
		w.doc.markSaved(path)
		w.addRecent(path)
		_ = briefing.ClearRecovery(w.env.fs, w.env.dataDir)
	}
	if done != nil {
		done(err == nil)
	}
}

// onQuit closes the window once unsaved work is dealt with.
func (w *mainWindow) onQuit() {
	w.whenSafe(func() {
		_ = briefing.ClearRecovery(w.env.fs, w.env.dataDir)
		w.stopTimers()
		w.win.Close()
	})
}

func (w *mainWindow) stopTimers() {
	w.analyzeGen.Add(1)
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
	r := briefing.Recovery{Path: w.doc.path, Saved: w.env.now().UTC(), Packet: w.doc.packet.Clone()}
	fs, dir := w.env.fs, w.env.dataDir
	w.env.background(func() {
		if err := briefing.SaveRecovery(fs, dir, r); err != nil {
			w.env.onUI(func() { w.ui.showError(fmt.Errorf("autosave failed; save your work now: %w", err)) })
		}
	})
}

// onExport renders the PDF in the background behind a progress dialog,
// then asks where to put it: the file dialog truncates an existing file,
// so the PDF must be complete before it opens.
func (w *mainWindow) onExport() {
	p := w.doc.packet.Clone()
	lib, name := w.lib, w.doc.name()
	hide := w.ui.progress("Exporting PDF…")
	w.env.background(func() {
		pdf, res, err := briefing.RenderPacket(lib, p, name)
		w.env.onUI(func() {
			hide()
			if err != nil {
				w.ui.showError(err)
				return
			}
			w.ui.askSavePath("Export PDF", suggestedName(p, ".pdf"), ".pdf", func(path string) {
				if path == "" {
					return
				}
				path = withExt(path, ".pdf")
				if err := briefing.WriteFileAtomic(w.env.fs, path, pdf); err != nil {
					w.ui.showError(err)
					return
				}
				w.ui.exported(path, res.Info.Pages)
			})
		})
	})
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
