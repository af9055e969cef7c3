package app

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// One packet, one window. Two copies of Briefsmith on one file each
// overwrote the other's work on save (the second opening gave no warning,
// and the first never noticed the file change). So each copy marks the
// packet it has open (briefing.MarkOpen); opening a packet another copy
// has open offers that window instead; and a window looks at its file
// every few seconds and offers to reload it when someone else changed it.

// alreadyOpenChoice is the answer to "that packet is open in another
// window".
type alreadyOpenChoice int

const (
	alreadyCancel   alreadyOpenChoice = iota
	alreadySwitch                     // bring the other window to the front
	alreadyOpenHere                   // open it here too, knowingly
)

// reloadChoice is the answer to "the file changed on disk".
type reloadChoice int

const (
	reloadKeep   reloadChoice = iota // keep this window's version; asked again at save
	reloadReload                     // take the file's version
	reloadSaveAs                     // keep this window's version under another name
)

// watchInterval is how often a window looks at its file and at requests
// to come to the front.
const watchInterval = 2 * time.Second

// startWatching looks at the file and for raise requests until the window
// closes.
func (w *mainWindow) startWatching() {
	if w.env.every != nil {
		w.stopWatch = w.env.every(watchInterval, func() { w.env.onUI(w.watch) })
	}
}

// watch is one look: a request from another copy to come to the front,
// then the file. Reading and decoding the file (a packet may be tens of
// megabytes) happens off the UI goroutine; the question is asked on it,
// only if the window still shows the same document as read then.
func (w *mainWindow) watch() {
	if briefing.TakeRaiseRequest(w.env.fs, w.env.dataDir, w.env.owner) {
		w.win.RequestFocus()
	}
	d := w.doc
	if d.path == "" || w.askingReload || w.checkingDisk {
		return
	}
	path, disk, declined := d.path, d.disk, w.declined
	w.checkingDisk = true
	w.env.background(func() {
		there, stamp, info, changed := changedOnDisk(w.env.fs, path, disk, declined)
		w.env.onUI(func() {
			w.checkingDisk = false
			// A save or another document since the look makes it stale.
			if changed && w.doc == d && d.disk == disk && !w.askingReload {
				w.offerReload(d, there, stamp, info)
			}
		})
	})
}

// changedOnDisk reads the file at path when someone else changed it since
// disk (and not into the state the user already declined to reload);
// changed is false when there is nothing to offer. It only reads, so it
// may run off the UI goroutine.
func changedOnDisk(fsys afero.Fs, path string, disk *briefing.FileStamp, declined os.FileInfo) (there *briefing.Packet, stamp briefing.FileStamp, info os.FileInfo, changed bool) {
	if !briefing.ChangedSince(fsys, path, disk) {
		return nil, stamp, nil, false
	}
	info, err := fsys.Stat(path)
	if err != nil || (declined != nil && sameFileTime(info, declined)) {
		return nil, stamp, nil, false
	}
	there, stamp, err = briefing.OpenPacket(fsys, path)
	if err != nil {
		// Half written by the other program, perhaps: look again later;
		// a save still checks before replacing anything.
		return nil, stamp, nil, false
	}
	return there, stamp, info, true
}

// offerReload asks what to do about the file's new content there.
func (w *mainWindow) offerReload(d *document, there *briefing.Packet, stamp briefing.FileStamp, info os.FileInfo) {
	// What differs is what someone else changed: against the file as
	// this window last read or wrote it, not against its own edits.
	base := d.base
	if base == nil {
		base = d.packet
	}
	changes := briefing.DescribeChanges(base, there)
	if len(changes) == 0 {
		// The same packet written again (saved unchanged): nothing to
		// ask, and a later save need not ask either.
		d.disk = &stamp
		return
	}
	w.askingReload = true
	w.ui.askReload(filepath.Base(d.path), changes, d.dirty, func(c reloadChoice) {
		w.askingReload = false
		if w.doc != d {
			return
		}
		switch c {
		case reloadReload:
			nd := w.newDocument(there, d.path)
			nd.disk = &stamp
			w.clearRecovery()
			w.setDocument(nd)
		case reloadSaveAs:
			w.declined = info
			w.saveAs(nil)
		default:
			w.declined = info
		}
	})
}

func sameFileTime(a, b os.FileInfo) bool {
	return a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

// markOpen records the packet this window has open, for other copies.
func (w *mainWindow) markOpen() {
	if w.env.dataDir != "" {
		_ = w.env.fs.MkdirAll(w.env.dataDir, 0o755)
		_ = briefing.MarkOpen(w.env.fs, w.env.dataDir, w.env.owner, w.doc.path)
	}
}

// openElsewhere asks what to do when path is open in another copy's
// window; open runs when the user opens it here all the same.
func (w *mainWindow) openElsewhere(path string, open func()) bool {
	other, ok := briefing.OpenElsewhere(w.env.fs, w.env.dataDir, w.env.owner, path, w.env.alive)
	if !ok {
		return false
	}
	w.ui.askAlreadyOpen(filepath.Base(path), func(c alreadyOpenChoice) {
		switch c {
		case alreadySwitch:
			if err := briefing.RequestRaise(w.env.fs, w.env.dataDir, other); err != nil {
				w.ui.showError(err)
				return
			}
			if w.launchedFor == path && !w.doc.dirty {
				// Started to open this packet (a double click on it):
				// the other window is the one wanted, so this one goes.
				w.onQuit()
			}
		case alreadyOpenHere:
			open()
		}
	})
	return true
}

// changesText lists changes for a dialog.
func changesText(changes []string) string {
	return "• " + strings.Join(changes, "\n• ")
}
