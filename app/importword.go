package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/wordimport"
)

// File › Import Word… makes a new packet from a Word document — the
// boss's edited memo, a teacher's old handout — its Heading 1s its
// sections. The packet opens unsaved; what the document held that has no
// place in a section's text is named, so nothing goes missing unseen.

// onImportWord asks for a Word document. One that is the open packet
// exported to Word (and edited there) brings its changes in, after the
// user has reviewed them; any other becomes a new packet of the kind the
// user picks, once unsaved work is dealt with.
func (w *mainWindow) onImportWord() {
	w.ui.askOpenPath([]string{".docx"}, func(path string) {
		if path == "" {
			return
		}
		// Reading the document, and for the packet's own export reading
		// a fresh export of the packet to compare with, is done off the
		// UI goroutine, behind a progress dialog.
		var own *briefing.Packet
		if !w.onStartPage {
			own = w.doc.packet.Clone()
		}
		lib, name := w.lib, w.doc.name()
		hide := w.ui.progress("Reading " + filepath.Base(path) + "…")
		w.env.background(func() {
			doc, err := briefing.ReadWord(w.env.fs, path)
			var edits []briefing.WordEdit
			mine := err == nil && own != nil && briefing.LooksExportedFrom(lib, own, doc)
			if mine {
				edits, err = briefing.WordEdits(lib, own, name, doc)
			}
			w.env.onUI(func() {
				hide()
				switch {
				case err != nil:
					w.ui.showError(err)
				case mine:
					w.bringInEdits(path, doc, edits)
				default:
					w.importAsNew(path, doc)
				}
			})
		})
	})
}

// importAsNew makes doc a new packet, asking which kind.
func (w *mainWindow) importAsNew(path string, doc *wordimport.Document) {
	w.whenSafe(func() {
		w.ui.askImportKind(filepath.Base(path), func(a briefing.Audience) {
			if a != "" {
				w.importWord(path, doc, a)
			}
		})
	})
}

// bringInEdits shows edits, what changed in doc (the open packet as
// exported and edited in Word), and makes the changes the user keeps, as
// one Undo step.
func (w *mainWindow) bringInEdits(path string, doc *wordimport.Document, edits []briefing.WordEdit) {
	if len(edits) == 0 {
		w.ui.showInfo("No changes to bring in", filepath.Base(path)+" reads as this packet exports to Word: nothing in it was changed.")
		return
	}
	var notes []string
	for _, l := range doc.LeftOut {
		notes = append(notes, l.String())
	}
	w.ui.reviewWordEdits(filepath.Base(path), edits, notes, func(accepted []briefing.WordEdit, asNew bool) {
		switch {
		case asNew:
			w.importAsNew(path, doc)
		case len(accepted) > 0:
			w.doc.applyWordEdits(accepted)
		}
	})
}

// importWord makes doc, read from path, a new packet for audience and
// shows it.
func (w *mainWindow) importWord(path string, doc *wordimport.Document, a briefing.Audience) {
	d, err := packetDefaults(w.app, w.env.fs)
	if err != nil {
		// As at New: the packet comes in without the logo, and the user
		// is told why.
		w.ui.showError(fmt.Errorf("the default logo was left out: %w\n\nChoose it again in Preferences", err))
	}
	res := briefing.NewPacketFromWord(doc, path, a, w.env.now().Format("2006-01-02"), d)
	doc2 := w.newDocument(res.Packet, "")
	doc2.imported = res.LeftOut
	w.setDocument(doc2)
	w.doc.markUnsaved()
	if len(res.LeftOut) > 0 {
		var lines []string
		for _, p := range res.LeftOut {
			lines = append(lines, "• "+capitalize(strings.TrimPrefix(p.Message, "left out, with no place in a section's text: ")))
		}
		w.ui.showInfo("Imported with some things left out",
			fmt.Sprintf("%s became %d sections. These have no place in a section's text and were not brought in (the Problems tab lists them too); copy what you need from the document:\n\n%s",
				filepath.Base(path), len(res.Packet.Sections), strings.Join(lines, "\n")))
	}
}

// showImportKind is the real question: which kind of packet.
func (w *mainWindow) showImportKind(name string, done func(briefing.Audience)) {
	var buttons []choiceButton[briefing.Audience]
	for i, c := range newChoices {
		buttons = append(buttons, choiceButton[briefing.Audience]{c.name, c.audience, i == 0})
	}
	buttons = append([]choiceButton[briefing.Audience]{{"Cancel", "", false}}, buttons...)
	askChoice(w, "Import "+name, "Make it a new packet of which kind? Each Heading 1 in the document starts a section.", "", done, buttons...)
}
