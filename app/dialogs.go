package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/briefing"
)

// unsavedChoice is the answer to "Save changes?".
type unsavedChoice int

const (
	choiceCancel unsavedChoice = iota
	choiceSave
	choiceDiscard
)

// overwriteChoice is the answer to "the file changed on disk; overwrite?".
type overwriteChoice int

const (
	overwriteCancel overwriteChoice = iota
	overwriteReplace
	overwriteSaveAs
)

// uiHooks are the questions the window asks the user through dialogs.
// Tests replace them, since a headless test cannot click in a file chooser.
type uiHooks struct {
	// askSavePath asks where to save, proposing name; done gets "" on cancel.
	askSavePath func(title, name, ext string, done func(path string))
	askOpenPath func(exts []string, done func(path string))
	askUnsaved  func(done func(unsavedChoice))
	// askOverwrite asks what to do when the file named was changed on
	// disk by someone else since it was opened or last saved.
	askOverwrite func(name string, done func(overwriteChoice))
	// askAlreadyOpen asks what to do about a packet open in another
	// copy's window.
	askAlreadyOpen func(name string, done func(alreadyOpenChoice))
	// askReload tells of a change to the open file made by someone else
	// (changes says what differs; unsaved, whether this window has
	// changes of its own) and asks what to do.
	askReload func(name string, changes []string, unsaved bool, done func(reloadChoice))
	// askAudience asks what kind of packet New should start: for which
	// audience, and blank or with the sample's sections; done gets ""
	// on cancel.
	askAudience func(done func(audience briefing.Audience, blank bool))
	// askImportKind asks what kind of packet an imported Word document
	// becomes; done gets "" on cancel.
	askImportKind func(name string, done func(briefing.Audience))
	// reviewWordEdits shows the changes a Word document brings back to
	// the packet it was exported from; done gets those the user keeps
	// (nil on cancel), or asNew to make it a new packet instead; notes
	// are what the document holds that cannot come in (comments, text
	// boxes), by section.
	reviewWordEdits func(name string, edits []briefing.WordEdit, notes []string, done func(accepted []briefing.WordEdit, asNew bool))
	askRestore      func(r briefing.Recovery, done func(restore bool))
	showError       func(err error)
	// showInfo tells the user something that needs no answer.
	showInfo func(title, message string)
	// exported is told of a finished export and may offer to open it;
	// note is what the user must know about it ("" for nothing): that it
	// runs over the page limit, say.
	exported func(path string, pages int, note string)
	// progress shows a busy dialog and returns what hides it.
	progress func(title string) (hide func())
	// askForm asks the questions of a small form (a link's address, a
	// table's size); done gets the answers, or nil on cancel.
	askForm func(title string, fields []formField, done func([]string))
	// editTable shows a table's cells as a grid of fields to type in, with
	// rows and columns to add and remove; done gets the cells (the first
	// row the heading), or nil on cancel.
	editTable func(cells [][]string, done func([][]string))
	// editBody shows text — a call-out's (with its kind to choose), a
	// quote's, a footnote's — in a formatted editor of its own; done gets
	// what was edited, or nil on cancel.
	editBody func(req bodyEdit, done func(*bodyEdit))
	// editGlossary shows a glossary as rows of a term and what it means
	// (in formatted editors with opts), with rows to add and remove; done
	// gets the rows, or nil on cancel.
	editGlossary func(rows []glossaryRow, opts editor.Options, done func([]glossaryRow))
	// editCode shows code as its lines; done gets the text, ok false on
	// cancel.
	editCode func(text string, done func(text string, ok bool))
}

func defaultHooks(w *mainWindow) uiHooks {
	return uiHooks{
		askSavePath: func(title, name, ext string, done func(string)) {
			w.showSaveDialog(title, w.startFolder(ext), name, ext, func(path string) {
				if path != "" {
					w.app.Preferences().SetString(saveFolderPref(ext), filepath.Dir(path))
				}
				done(path)
			})
		},
		askOpenPath: func(exts []string, done func(string)) {
			d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
				if err != nil || rc == nil {
					if err != nil {
						w.ui.showError(openPathError(err))
					}
					done("")
					return
				}
				// A file URI's path has forward slashes on Windows
				// too; messages and the title spell it as Windows does.
				path := filepath.FromSlash(rc.URI().Path())
				_ = rc.Close()
				w.app.Preferences().SetString(folderPref(exts), filepath.Dir(path))
				done(path)
			}, w.win)
			d.SetFilter(storage.NewExtensionFileFilter(exts))
			// Larger than Fyne's own size, which showed a dozen names at a
			// time of a folder of hundreds (a trial scrolled through 180).
			win := w.win.Canvas().Size()
			d.Resize(fyne.NewSize(min(win.Width-60, 960), min(win.Height-60, 680)))
			if dir := openFolder(w.env.fs, w.app.Preferences(), exts, w.doc.path, userHome()); dir != "" {
				if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
					d.SetLocation(l)
				}
			}
			d.Show()
		},
		askUnsaved: func(done func(unsavedChoice)) {
			askChoice(w, "Unsaved changes", "Save changes to "+w.doc.spokenName()+" before closing it?\nIf you don't save, your changes will be lost.",
				choiceCancel, done,
				choiceButton[unsavedChoice]{"Cancel", choiceCancel, false},
				choiceButton[unsavedChoice]{"Don't Save", choiceDiscard, false},
				choiceButton[unsavedChoice]{"Save", choiceSave, true})
		},
		askOverwrite: func(name string, done func(overwriteChoice)) {
			askChoice(w, "File changed on disk", name+" was changed on disk since you opened or last saved it\n(in another window or another program). Saving now would replace those changes.",
				overwriteCancel, done,
				choiceButton[overwriteChoice]{"Cancel", overwriteCancel, false},
				choiceButton[overwriteChoice]{"Overwrite", overwriteReplace, false},
				choiceButton[overwriteChoice]{"Save As…", overwriteSaveAs, true})
		},
		askAlreadyOpen: func(name string, done func(alreadyOpenChoice)) {
			askChoice(w, "Already open", name+" is already open in another Briefsmith window.\nEditing it in two windows means one window's changes replace the other's when saved.",
				alreadyCancel, done,
				choiceButton[alreadyOpenChoice]{"Cancel", alreadyCancel, false},
				choiceButton[alreadyOpenChoice]{"Open Here Too", alreadyOpenHere, false},
				choiceButton[alreadyOpenChoice]{"Switch to That Window", alreadySwitch, true})
		},
		askReload: func(name string, changes []string, unsaved bool, done func(reloadChoice)) {
			mine, reload := "This window has no unsaved changes.", "Reload"
			if unsaved {
				mine = "Reloading replaces this window's unsaved changes; Save As… keeps them in a new file."
				reload = "Reload and Discard Mine"
			}
			askChoice(w, "File changed on disk", name+" was changed on disk by someone else (another window or program).\nDifferent there:\n"+
				changesText(changes)+"\n\n"+mine, reloadKeep, done,
				choiceButton[reloadChoice]{"Keep Mine for Now", reloadKeep, false},
				choiceButton[reloadChoice]{"Save As…", reloadSaveAs, false},
				choiceButton[reloadChoice]{reload, reloadReload, !unsaved})
		},
		askAudience:     w.showNewDialog,
		askImportKind:   w.showImportKind,
		reviewWordEdits: w.showWordReview,
		askRestore: func(r briefing.Recovery, done func(bool)) {
			name := "an untitled packet"
			if r.Path != "" {
				name = filepath.Base(r.Path)
			}
			d := dialog.NewConfirm("Restore unsaved work?",
				"Briefsmith closed without saving changes to "+name+" (autosaved "+r.Saved.Local().Format("2 Jan 15:04")+").\nRestore them?",
				done, w.win)
			// Enter restores; Esc does nothing here, since No deletes the
			// autosaved work.
			w.withKeys(d, d.Confirm, nil)
		},
		showError: func(err error) {
			d := dialog.NewError(plainError(err), w.win)
			w.withKeys(d, d.Hide, d.Hide)
		},
		showInfo: func(title, message string) {
			d := dialog.NewInformation(title, message, w.win)
			w.withKeys(d, d.Hide, d.Hide)
		},
		exported: func(path string, pages int, note string) {
			saved := "Saved " + filepath.Base(path) + "."
			if pages > 0 { // a Word document has no page count of ours
				saved = "Saved " + filepath.Base(path) + " (" + plural(pages, "page") + ")."
			}
			if note != "" {
				saved += "\n" + note
			}
			d := dialog.NewConfirm("Export finished", saved+"\nOpen it now?",
				func(open bool) {
					if open {
						u, err := url.Parse(storage.NewFileURI(path).String())
						if err == nil {
							err = w.app.OpenURL(u)
						}
						if err != nil {
							// The desktop has no program for the file's
							// kind, or no opener at all (xdg-open): say
							// where the file is.
							w.ui.showError(fmt.Errorf("%s is saved in %s, but it could not be opened here: no program for %s files was found. Open it from your file manager", filepath.Base(path), filepath.Dir(path), strings.ToUpper(strings.TrimPrefix(filepath.Ext(path), "."))))
						}
					}
				}, w.win)
			w.withKeys(d, d.Confirm, d.Hide)
		},
		progress: func(title string) func() {
			d := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), w.win)
			d.Show()
			return d.Hide
		},
		askForm:      w.showForm,
		editTable:    w.showTableEditor,
		editBody:     w.showBodyEditor,
		editGlossary: w.showGlossaryEditor,
		editCode:     w.showCodeEditor,
	}
}

// override replaces the hooks that o sets.
func (u *uiHooks) override(o uiHooks) {
	if o.askSavePath != nil {
		u.askSavePath = o.askSavePath
	}
	if o.askOpenPath != nil {
		u.askOpenPath = o.askOpenPath
	}
	if o.askUnsaved != nil {
		u.askUnsaved = o.askUnsaved
	}
	if o.askOverwrite != nil {
		u.askOverwrite = o.askOverwrite
	}
	if o.askAlreadyOpen != nil {
		u.askAlreadyOpen = o.askAlreadyOpen
	}
	if o.askReload != nil {
		u.askReload = o.askReload
	}
	if o.askAudience != nil {
		u.askAudience = o.askAudience
	}
	if o.askImportKind != nil {
		u.askImportKind = o.askImportKind
	}
	if o.reviewWordEdits != nil {
		u.reviewWordEdits = o.reviewWordEdits
	}
	if o.askRestore != nil {
		u.askRestore = o.askRestore
	}
	if o.showError != nil {
		u.showError = o.showError
	}
	if o.showInfo != nil {
		u.showInfo = o.showInfo
	}
	if o.exported != nil {
		u.exported = o.exported
	}
	if o.progress != nil {
		u.progress = o.progress
	}
	if o.askForm != nil {
		u.askForm = o.askForm
	}
	if o.editTable != nil {
		u.editTable = o.editTable
	}
	if o.editBody != nil {
		u.editBody = o.editBody
	}
	if o.editGlossary != nil {
		u.editGlossary = o.editGlossary
	}
	if o.editCode != nil {
		u.editCode = o.editCode
	}
}

// plainError turns a list of problems into a readable message, and one
// problem into its sentence with where it is; other errors pass through.
func plainError(err error) error {
	var probs briefing.Problems
	if errors.As(err, &probs) {
		return errors.New("The packet has problems that stop the export:\n\n" + probs.Error())
	}
	var p briefing.Problem
	if errors.As(err, &p) {
		base := filepath.Base(p.File)
		p.Message = p.Text()
		switch {
		case p.Line > 1 || p.Col > 1:
			// Quoted, so the dialog's capital letter does not rename it.
			return fmt.Errorf("“%s”, line %d: %s", base, p.Line, p.Message)
		case p.File != "" && strings.HasPrefix(p.Message, base):
			// Quoted, so the dialog's capital letter does not rename it.
			return errors.New("“" + base + "”" + strings.TrimPrefix(p.Message, base))
		case p.File == "":
			return errors.New(capitalize(p.Message))
		default:
			return fmt.Errorf("%s: %s", base, p.Message)
		}
	}
	return err
}

// openPathError explains why the file the open dialog chose could not be
// read, without the system's jargon.
func openPathError(err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%s could not be opened: %w", pe.Path, briefing.PlainFileError(err))
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func plural(n int, unit string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// choiceButton is one answer a choice dialog offers; primary marks the
// one it suggests.
type choiceButton[C any] struct {
	label   string
	answer  C
	primary bool
}

// askChoice asks a question whose buttons each give an answer; a dialog
// closed any other way gives esc (the answer that loses nothing), so done
// is always called once and a question is never left hanging. It returns
// the dialog shown.
func askChoice[C any](w *mainWindow, title, message string, esc C, done func(C), buttons ...choiceButton[C]) *dialog.CustomDialog {
	var d *dialog.CustomDialog
	answered := false
	objs := make([]fyne.CanvasObject, len(buttons))
	for i, b := range buttons {
		btn := widget.NewButton(b.label, func() { answered = true; d.Hide(); done(b.answer) })
		if b.primary {
			btn.Importance = widget.HighImportance
		}
		objs[i] = btn
	}
	d = dialog.NewCustomWithoutButtons(title, widget.NewLabel(message), w.win)
	d.SetButtons(objs)
	d.SetOnClosed(func() {
		if !answered {
			done(esc)
		}
	})
	var enter func()
	for i, b := range buttons {
		if b.primary {
			enter = objs[i].(*widget.Button).OnTapped
		}
	}
	w.withKeys(d, enter, d.Hide)
	return d
}
