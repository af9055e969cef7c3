package app

import (
	"errors"
	"path/filepath"
	"regexp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// Preference keys.
const (
	prefRecent       = "recent"
	prefAuthor       = "default.author"
	prefOrganization = "default.organization"
	prefMarking      = "default.marking"
	prefPageSize     = "default.pageSize"
	// The brand kit: an accent colour, and a logo kept as the image
	// file's path (read into each new packet) with its description.
	prefAccent          = "default.accent"
	prefLogo            = "default.logo"
	prefLogoDescription = "default.logoDescription"
	prefTemplatesDir    = "templatesDir"
)

// templatesDir is the user's templates folder: the one chosen in
// Preferences, else the default under the config folder.
func templatesDir(a fyne.App) string {
	return a.Preferences().StringWithFallback(prefTemplatesDir, briefing.DefaultTemplatesDir())
}

// packetDefaults are Preferences' values for new packets, the brand kit's
// logo read from its file; NewPacketFor applies them, so the app and the
// command line start packets alike. A logo that cannot be read any more
// (moved, deleted, damaged) is left out and its error returned, so New
// still works and says why the logo is missing.
func packetDefaults(a fyne.App, fsys afero.Fs) (briefing.Defaults, error) {
	pr := a.Preferences()
	d := briefing.Defaults{Author: pr.String(prefAuthor), Organization: pr.String(prefOrganization),
		Marking: pr.String(prefMarking), PageSize: briefing.PageSize(pr.String(prefPageSize)),
		Accent: pr.String(prefAccent)}
	path := pr.String(prefLogo)
	if path == "" {
		return d, nil
	}
	logo, _, err := briefing.ReadLogoFile(fsys, path)
	if err != nil {
		return d, err
	}
	d.Logo, d.LogoDescription = logo, pr.String(prefLogoDescription)
	return d, nil
}

// prefsForm holds the Preferences dialog's fields; save stores them. It
// is separate from the dialog so tests can fill it in as a user would.
type prefsForm struct {
	w                        *mainWindow
	author, org, accent, dir *widget.Entry
	logoDescription          *widget.Entry
	marking                  *widget.SelectEntry
	size                     *widget.Select
	logoPath                 string
	logoLabel                *widget.Label
	logoPreview              *logoPreview
	accentNote               *widget.Label
	chooseLogo, removeLogo   *widget.Button
	items                    []*widget.FormItem
}

func newPrefsForm(w *mainWindow) *prefsForm {
	pr := w.app.Preferences()
	f := &prefsForm{w: w, logoPath: pr.String(prefLogo)}
	entry := func(key string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(pr.String(key))
		return e
	}
	f.author, f.org = entry(prefAuthor), entry(prefOrganization)
	f.marking = widget.NewSelectEntry(markingOptions)
	f.marking.SetText(pr.String(prefMarking))
	f.size = widget.NewSelect(names(briefing.PageSizes()), nil)
	f.size.SetSelected(pr.StringWithFallback(prefPageSize, string(briefing.Letter)))
	f.accent = entry(prefAccent)
	f.accent.SetPlaceHolder("#RRGGBB; empty for the standard blue")
	f.accentNote = widget.NewLabel("")
	f.accentNote.Wrapping = fyne.TextWrapWord
	f.accentNote.Importance = widget.WarningImportance
	showAdvice(f.accentNote, briefing.AccentAdvice(f.accent.Text))
	f.accent.OnChanged = func(s string) { showAdvice(f.accentNote, briefing.AccentAdvice(s)) }
	// A colour that is not #RRGGBB would be dropped silently at New;
	// the form refuses it instead, while the user is looking.
	f.accent.Validator = func(s string) error {
		if s != "" && !accentPattern.MatchString(s) {
			return errors.New("write the colour as # and six hex digits, e.g. #1F4E79")
		}
		return nil
	}
	f.logoLabel = widget.NewLabel("")
	f.logoPreview = newLogoPreview()
	f.chooseLogo = widget.NewButton("Choose image…", f.onChooseLogo)
	f.removeLogo = widget.NewButton("Remove", func() { f.logoPath = ""; f.showLogo() })
	f.logoDescription = entry(prefLogoDescription)
	f.logoDescription.SetPlaceHolder("e.g. Example Consulting logo")
	f.dir = widget.NewEntry()
	f.dir.SetText(templatesDir(w.app))
	f.showLogo()
	f.items = []*widget.FormItem{
		{Text: "Default author", Widget: f.author},
		{Text: "Default organization", Widget: f.org},
		{Text: "Default marking", Widget: f.marking},
		{Text: "Default page size", Widget: f.size},
		{Text: "Accent colour", Widget: container.NewVBox(f.accent, f.accentNote), HintText: "Headings and rules of new packets"},
		{Text: "Logo", Widget: container.NewVBox(container.NewHBox(f.logoLabel, f.chooseLogo, f.removeLogo), container.NewHBox(f.logoPreview.Image)), HintText: "Read from this file into each new packet"},
		{Text: "Logo description", Widget: f.logoDescription, HintText: "What a screen reader says in place of the logo"},
		{Text: "Templates folder", Widget: f.dir, HintText: "Your own section templates (*.md); they can replace built-ins by id"},
	}
	return f
}

// accentPattern is the form of an accent colour.
var accentPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// onChooseLogo picks the brand kit's logo, checked now rather than at the
// next New, when the user would no longer know which file was meant.
func (f *prefsForm) onChooseLogo() {
	f.w.ui.askOpenPath([]string{".png", ".jpg", ".jpeg"}, func(path string) {
		if path == "" {
			return
		}
		data, note, err := briefing.ReadLogoFile(f.w.env.fs, path)
		if err != nil {
			f.w.ui.showError(err)
			return
		}
		f.logoPath = path
		f.showLogoRead(data, note, nil)
	})
}

// showLogo shows the brand kit's logo file, read again: it may have
// changed or gone since it was chosen.
func (f *prefsForm) showLogo() {
	if f.logoPath == "" {
		f.showLogoRead(nil, "", nil)
		return
	}
	f.showLogoRead(briefing.ReadLogoFile(f.w.env.fs, f.logoPath))
}

// showLogoRead shows the logo at logoPath as ReadLogoFile read it.
func (f *prefsForm) showLogoRead(data []byte, note string, err error) {
	if f.logoPath == "" {
		f.logoLabel.SetText("none")
		f.removeLogo.Disable()
		f.logoPreview.set(nil)
		return
	}
	f.logoLabel.SetText(filepath.Base(f.logoPath))
	if err != nil {
		f.logoLabel.SetText(filepath.Base(f.logoPath) + " (cannot be read: choose it again)")
	} else if note != "" {
		f.logoLabel.SetText(filepath.Base(f.logoPath) + " (scaled down for printing)")
	}
	f.logoPreview.set(data)
	f.removeLogo.Enable()
}

// save stores the fields; changing the templates folder reloads the
// library.
func (f *prefsForm) save() {
	pr := f.w.app.Preferences()
	pr.SetString(prefAuthor, f.author.Text)
	pr.SetString(prefOrganization, f.org.Text)
	pr.SetString(prefMarking, f.marking.Text)
	pr.SetString(prefPageSize, f.size.Selected)
	if f.accent.Validate() == nil {
		pr.SetString(prefAccent, f.accent.Text)
	}
	pr.SetString(prefLogo, f.logoPath)
	pr.SetString(prefLogoDescription, f.logoDescription.Text)
	if f.dir.Text != templatesDir(f.w.app) {
		pr.SetString(prefTemplatesDir, f.dir.Text)
		f.w.reloadLibrary()
	}
}

// onPreferences edits the defaults and brand kit for new packets and the
// templates folder.
func (w *mainWindow) onPreferences() { w.showPreferences() }

// showPreferences shows the Preferences dialog and returns its form.
func (w *mainWindow) showPreferences() *prefsForm {
	f := newPrefsForm(w)
	d := dialog.NewForm("Preferences", "Save", "Cancel", f.items, func(ok bool) {
		if ok {
			f.save()
		}
	}, w.win)
	// As tall as the window allows, so the accent's warning or the logo's
	// preview appearing fits without the dialog growing — it re-centred
	// under the pointer, and a click meant for Choose image… landed in
	// Logo description (a trial).
	win := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(win.Width-40, 640), max(min(win.Height-40, 760), 560)))
	w.withKeys(d, d.Submit, d.Hide)
	return f
}

// reloadLibrary rereads templates and re-checks the packet against them.
func (w *mainWindow) reloadLibrary() {
	w.loadLibrary()
	w.library.refresh()
	w.refreshAll()
	w.scheduleAnalysis()
}

// markingOptions are the handling markings offered; any text is allowed.
var markingOptions = []string{"UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "DRAFT", "CONFIDENTIAL — CLIENT", "FOR CLASSROOM USE"}
