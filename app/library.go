package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// libraryRow is one line of the library list: a group heading, a
// template, or a template file that failed to load.
type libraryRow struct {
	heading  string
	template *briefing.Template
	broken   *briefing.Problem
}

// libraryPanel lists the templates grouped by kind, with a search field;
// Add (or a double tap) puts the selected one into the packet after the
// selected section.
type libraryPanel struct {
	w      *mainWindow
	search *widget.Entry
	list   *widget.List
	add    *widget.Button
	// blank adds an empty section, for text no template holds.
	blank   *widget.Button
	rows    []libraryRow
	chosen  int
	content fyne.CanvasObject
}

func newLibraryPanel(w *mainWindow) *libraryPanel {
	l := &libraryPanel{w: w, chosen: -1}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search templates")
	l.search.OnChanged = func(string) { l.refresh() }
	l.add = widget.NewButtonWithIcon("Add to packet", theme.ContentAddIcon(), l.onAdd)
	l.add.Importance = widget.HighImportance
	l.blank = widget.NewButtonWithIcon("Add blank section", theme.ContentAddIcon(), w.onAddBlank)
	l.list = &widget.List{
		Length:     func() int { return len(l.rows) },
		CreateItem: l.createRow,
		UpdateItem: l.updateRow,
		OnSelected: func(id widget.ListItemID) {
			if r := l.rows[id]; r.template == nil {
				l.list.Unselect(id) // headings and broken files cannot be added
				if r.broken != nil {
					// The row has room for a line; the whole message says
					// what to do.
					l.w.ui.showInfo("Template not loaded", r.broken.String())
				}
				return
			}
			l.chosen = id
			l.add.Enable()
		},
		OnUnselected: func(widget.ListItemID) { l.chosen = -1; l.add.Disable() },
	}
	l.list.ExtendBaseWidget(l.list)
	l.add.Disable()
	title := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.content = container.NewBorder(container.NewVBox(title, l.search), container.NewVBox(l.add, l.blank), nil, nil, l.list)
	l.refresh()
	return l
}

// refresh rebuilds the rows from the library and the search text.
func (l *libraryPanel) refresh() {
	q := strings.ToLower(strings.TrimSpace(l.search.Text))
	l.rows = l.rows[:0]
	last := briefing.Kind("")
	for _, t := range l.w.lib.Templates() {
		if q != "" && !strings.Contains(strings.ToLower(t.Title+" "+t.Summary+" "+t.ID), q) {
			continue
		}
		if t.Kind != last {
			l.rows = append(l.rows, libraryRow{heading: t.Kind.Heading()})
			last = t.Kind
		}
		l.rows = append(l.rows, libraryRow{template: t})
	}
	if len(l.w.lib.Broken) > 0 {
		l.rows = append(l.rows, libraryRow{heading: "Could not load"})
		for i := range l.w.lib.Broken {
			l.rows = append(l.rows, libraryRow{broken: &l.w.lib.Broken[i]})
		}
	}
	// Headings are one line; entries two. Heights are per index, so
	// they are set again whenever filtering moves rows.
	heading := widget.NewLabel("X").MinSize().Height
	entry := l.createRow().MinSize().Height
	for i, r := range l.rows {
		if r.heading != "" {
			l.list.SetItemHeight(i, heading)
		} else {
			l.list.SetItemHeight(i, entry)
		}
	}
	l.list.UnselectAll()
	l.chosen = -1
	l.add.Disable()
	l.list.Refresh()
}

func (l *libraryPanel) createRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return newTapRow(container.NewVBox(title, detail))
}

func (l *libraryPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*tapRow)
	box := row.content.(*fyne.Container)
	title, detail := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
	r := l.rows[id]
	row.onTap = func() { l.list.Select(id) }
	row.onDoubleTap = nil
	switch {
	case r.heading != "":
		title.SetText(strings.ToUpper(r.heading))
		title.Importance = widget.LowImportance
		detail.Hide()
	case r.broken != nil:
		name := filepath.Base(r.broken.File)
		if r.broken.Line > 0 {
			name += fmt.Sprintf(", line %d", r.broken.Line)
		}
		title.SetText("⚠ " + name)
		title.Importance = widget.DangerImportance
		detail.SetText(r.broken.Text())
		detail.Show()
	default:
		t := r.template
		title.SetText(t.Title)
		title.Importance = widget.MediumImportance
		aud := "all audiences"
		if len(t.Audiences) > 0 && len(t.Audiences) < len(briefing.Audiences()) {
			aud = joinNames(t.Audiences, ", ")
		}
		origin := ""
		if t.Origin != briefing.OriginBuiltIn {
			origin = " · yours"
		}
		detail.SetText(t.Summary + " (" + aud + origin + ")")
		detail.Show()
		row.onDoubleTap = func() { l.addTemplate(t.ID) }
	}
	title.Refresh()
}

func (l *libraryPanel) onAdd() {
	if l.chosen >= 0 && l.chosen < len(l.rows) && l.rows[l.chosen].template != nil {
		l.addTemplate(l.rows[l.chosen].template.ID)
	}
}

func (l *libraryPanel) addTemplate(id string) {
	l.w.doc.addSection(id)
	l.w.tabs.SelectIndex(0)
}

// onAddBlank adds an empty section after the selected one and puts the
// cursor in its title, which reads "New section" until the user types
// their own: the title is selected, so the first keystroke replaces it.
func (w *mainWindow) onAddBlank() {
	w.doc.addSection(briefing.BlankTemplateID)
	w.tabs.SelectIndex(0)
	w.win.Canvas().Focus(w.section.title)
	w.section.title.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// joinNames joins the names of a closed set's values (audiences, say).
func joinNames[T ~string](xs []T, sep string) string {
	return strings.Join(names(xs), sep)
}

// names lists the names of a closed set's values, as selects show them.
func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
