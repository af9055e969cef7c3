package app

import (
	"errors"
	"fmt"
	"github.com/briefsmith/briefsmith/assets"
	"io/fs"
	"path/filepath"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// onNewDialog asks which audience the new packet is for, and whether it
// starts blank or with the sample's sections.
func (w *mainWindow) onNewDialog() {
	w.ui.askAudience(func(audience briefing.Audience, blank bool) {
		if audience != "" {
			w.onNew(audience, blank)
		}
	})
}

// newChoices are the kinds of document New and the start page offer:
// what each audience's document promises, which NewBlankPacketFor and
// NewPacketFor keep.
var newChoices = []struct {
	audience      briefing.Audience
	name, promise string
}{
	{briefing.Staff, "Staff memo", "Marking on every page, no cover, a page limit."},
	{briefing.Classroom, "Classroom handout", "12 pt type, questions with room to write, a glossary."},
	{briefing.Client, "Client brief", "Your logo and colour, a confidential footer."},
}

// Button labels of the kinds' cards, also used by tests to press them.
const (
	newBlankLabel  = "Blank"
	newSampleLabel = "From the sample"
)

// showNewDialog is the real New dialog: the start page's cards.
func (w *mainWindow) showNewDialog(done func(briefing.Audience, bool)) {
	var d *dialog.CustomDialog
	cards, first := w.newChoiceCards(func(a briefing.Audience, blank bool) {
		d.Hide()
		done(a, blank)
	})
	hint := widget.NewLabel("Blank starts with no sections: add them from the library's \"Any topic\" group, or with Add Blank Section.\nYour Preferences' author, organization, marking and brand kit apply.")
	hint.Importance = widget.LowImportance
	d = dialog.NewCustom("New packet", "Cancel", container.NewVBox(cards, hint), w.win)
	w.withKeys(d, nil, d.Hide)
	w.win.Canvas().Focus(first)
}

// onNew starts a packet for audience with the user's defaults and brand
// kit: blank, or with the built-in sample sections that suit it.
func (w *mainWindow) onNew(audience briefing.Audience, blank bool) {
	w.whenSafe(func() {
		d, err := packetDefaults(w.app, w.env.fs)
		if err != nil {
			// The packet still starts, without the logo; the message
			// says why, so the user can choose the logo again.
			w.ui.showError(fmt.Errorf("the default logo was left out: %w\n\nChoose it again in Preferences", err))
		}
		date := w.env.now().Format("2006-01-02")
		p := briefing.NewBlankPacketFor(audience, date, d)
		if !blank {
			p = briefing.NewPacketFor(w.lib, audience, date, d)
			// The audience's own sample, titled and filled in, in the
			// user's brand: "Sample" promised a sample, and gave an
			// untitled packet (a trial).
			if data, rerr := fs.ReadFile(assets.Samples, string(audience)+".briefing"); rerr == nil {
				if sample, serr := briefing.DecodePacket(string(audience)+".briefing", data); serr == nil {
					p = briefing.NewSamplePacketFor(sample, date, d)
					if err != nil {
						// The user's logo could not be read: the sample's
						// own is no stand-in for it.
						p.Style.Logo, p.Style.LogoDescription = nil, ""
					}
				}
			}
		}
		w.setDocument(w.newDocument(p, ""))
	})
}

// start opens the packet the user last worked on, as startOn does with
// no file named.
func (w *mainWindow) start() { w.startOn("") }

// startOn opens path, or with none the packet opened or saved last (the
// head of Open Recent), then offers to restore work a crash left behind:
// the newest recovery file whose window is no longer running. Files of
// windows still open are theirs alone; older orphans wait for the next
// start.
func (w *mainWindow) startOn(path string) {
	w.launchedFor = path
	w.startWatching()
	if path != "" {
		w.openPath(path)
	} else {
		w.openLast()
	}
	if w.doc.path == "" {
		// Nothing opened (the first start, or the last packet has
		// gone): the start page, where each user picks their kind of
		// document, rather than the sample memo.
		w.showStart()
	}
	orphans, errs := briefing.OrphanedRecoveries(w.env.fs, w.env.dataDir, w.env.alive)
	if len(errs) > 0 {
		w.ui.showError(fmt.Errorf("some autosaved work could not be read, so it was kept as it is:\n%w", errors.Join(errs...)))
	}
	if len(orphans) == 0 {
		return
	}
	// The work is claimed before it is offered: renamed to this window's
	// own recovery file, which only one running copy can do, and marked
	// as this copy's. Two copies started after a crash both offered it,
	// and the second could restore what the first had discarded.
	r := orphans[0]
	mine := filepath.Join(w.env.dataDir, briefing.RecoveryFileFor(w.env.owner))
	if r.File != mine {
		if err := w.env.fs.Rename(r.File, mine); err != nil {
			return // another copy took it first
		}
		r.File = mine
		claimed := r
		claimed.Owner = w.env.owner
		_ = w.saveRecovery(claimed)
	}
	w.ui.askRestore(r, func(restore bool) {
		if !restore {
			_ = briefing.RemoveRecovery(w.env.fs, mine)
			return
		}
		d := w.newDocument(r.Packet, r.Path)
		d.disk = r.Disk
		d.markUnsaved()
		w.setDocument(d)
		_ = w.saveRecovery(w.recoveryOf(d))
	})
}

// openLast opens the packet at the head of Open Recent. One that has gone
// or cannot be read leaves the sample open without a word: the user asked
// for nothing, and Open Recent still lists it should a drive come back.
// One open in another copy's window stays there: a second window on it
// would overwrite one's work with the other's.
func (w *mainWindow) openLast() {
	recent := w.app.Preferences().StringList(prefRecent)
	if len(recent) == 0 {
		return
	}
	if _, open := briefing.OpenElsewhere(w.env.fs, w.env.dataDir, w.env.owner, recent[0], w.env.alive); open {
		return
	}
	p, stamp, err := briefing.OpenPacket(w.env.fs, recent[0])
	if err != nil {
		return
	}
	d := w.newDocument(p, recent[0])
	d.disk = &stamp
	w.setDocument(d)
}
