package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// Preference keys.
const (
	prefRecent       = "recent"
	prefAuthor       = "default.author"
	prefOrganization = "default.organization"
	prefMarking      = "default.marking"
	prefPageSize     = "default.pageSize"
	prefTemplatesDir = "templatesDir"
)

// templatesDir is the user's templates folder: the one chosen in
// Preferences, else the default under the config folder.
func templatesDir(a fyne.App) string {
	return a.Preferences().StringWithFallback(prefTemplatesDir, briefing.DefaultTemplatesDir())
}

// packetDefaults are Preferences' values for new packets; NewPacketFor
// applies them, so the app and the command line start packets alike.
func packetDefaults(a fyne.App) briefing.Defaults {
	pr := a.Preferences()
	return briefing.Defaults{Author: pr.String(prefAuthor), Organization: pr.String(prefOrganization),
		Marking: pr.String(prefMarking), PageSize: briefing.PageSize(pr.String(prefPageSize))}
}

// onPreferences edits the defaults for new packets and the templates
// folder; changing the folder reloads the library.
func (w *mainWindow) onPreferences() {
	pr := w.app.Preferences()
	author := widget.NewEntry()
	author.SetText(pr.String(prefAuthor))
	org := widget.NewEntry()
	org.SetText(pr.String(prefOrganization))
	marking := widget.NewSelectEntry(markingOptions)
	marking.SetText(pr.String(prefMarking))
	size := widget.NewSelect(names(briefing.PageSizes()), nil)
	size.SetSelected(pr.StringWithFallback(prefPageSize, string(briefing.Letter)))
	dir := widget.NewEntry()
	dir.SetText(templatesDir(w.app))
	items := []*widget.FormItem{
		{Text: "Default author", Widget: author},
		{Text: "Default organization", Widget: org},
		{Text: "Default marking", Widget: marking},
		{Text: "Default page size", Widget: size},
		{Text: "Templates folder", Widget: dir, HintText: "Your own section templates (*.md); they can replace built-ins by id"},
	}
	d := dialog.NewForm("Preferences", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		pr.SetString(prefAuthor, author.Text)
		pr.SetString(prefOrganization, org.Text)
		pr.SetString(prefMarking, marking.Text)
		pr.SetString(prefPageSize, size.Selected)
		if dir.Text != templatesDir(w.app) {
			pr.SetString(prefTemplatesDir, dir.Text)
			w.reloadLibrary()
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
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
