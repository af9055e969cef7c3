package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
)

// File › Import Word… makes a new packet from a Word document — the
// boss's edited memo, a teacher's old handout — its Heading 1s its
// sections. The packet opens unsaved; what the document held that has no
// place in a section's text is named, so nothing goes missing unseen.

// onImportWord asks for a Word document and the kind of packet it
// becomes, once unsaved work is dealt with.
func (w *mainWindow) onImportWord() {
	w.whenSafe(func() {
		w.ui.askOpenPath([]string{".docx"}, func(path string) {
			if path == "" {
				return
			}
			w.ui.askImportKind(filepath.Base(path), func(a briefing.Audience) {
				if a != "" {
					w.importWord(path, a)
				}
			})
		})
	})
}

// importWord reads path into a new packet for audience and shows it.
func (w *mainWindow) importWord(path string, a briefing.Audience) {
	d, err := packetDefaults(w.app, w.env.fs)
	if err != nil {
		// As at New: the packet comes in without the logo, and the user
		// is told why.
		w.ui.showError(fmt.Errorf("the default logo was left out: %w\n\nChoose it again in Preferences", err))
	}
	res, err := briefing.ImportWord(w.env.fs, path, a, w.env.now().Format("2006-01-02"), d)
	if err != nil {
		w.ui.showError(err)
		return
	}
	w.setDocument(w.newDocument(res.Packet, ""))
	w.doc.markUnsaved()
	if len(res.LeftOut) > 0 {
		var lines []string
		for _, p := range res.LeftOut {
			lines = append(lines, "• "+strings.TrimPrefix(p.Message, "left out, with no place in a section's text: "))
		}
		w.ui.showInfo("Imported with some things left out",
			fmt.Sprintf("%s became %d sections. These have no place in a section's text and were not brought in; copy what you need from the document:\n\n%s",
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
