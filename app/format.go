package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// The formatting toolbar and Format menu: every action works on the
// section body, on its selection when there is one, and goes through the
// body field as typing does, so it lands in the highlighted section and
// one undo takes it back.

// editable reports whether the body field can take an action now.
func (s *sectionPanel) editable() bool {
	if s.richOn() {
		return !s.rich.ReadOnly()
	}
	return !s.src.ReadOnly()
}

// replaceSelection puts text where the selection is (or at the cursor).
func (s *sectionPanel) replaceSelection(text string) {
	if !s.editable() || text == "" {
		return
	}
	if s.richOn() {
		s.insertRich(text)
		return
	}
	s.src.PasteText(text)
	s.focusBody()
}

// insertAtCursor puts text at the cursor, leaving any selection in
// place before it: an insertion never deletes what is selected.
func (s *sectionPanel) insertAtCursor(text string) {
	if !s.editable() {
		return
	}
	if s.richOn() {
		s.insertRich(text)
		return
	}
	r := []rune(s.shownText())
	off := min(s.cursor(), len(r))
	s.setBodyText(string(r[:off])+text+string(r[off:]), off+len([]rune(text)))
}

// setBodyText replaces the section's whole text (as the editor shows
// it) as one edit and puts the cursor at rune offset pos.
func (s *sectionPanel) setBodyText(text string, pos int) {
	s.src.ReplaceText(text, pos)
	s.focusBody()
}

func (s *sectionPanel) focusBody() {
	if c := s.w.win.Canvas(); c != nil {
		if s.richOn() {
			c.Focus(s.rich)
		} else {
			c.Focus(s.src)
		}
	}
}

// wrap emphasises the selection with mark.
func (s *sectionPanel) wrap(mark, placeholder string) {
	if !s.editable() {
		return
	}
	if s.richOn() {
		if mark == "**" {
			s.rich.ToggleBold()
		} else {
			s.rich.ToggleItalic()
		}
		s.focusBody()
		return
	}
	s.replaceSelection(wrapInline(s.src.SelectedText(), mark, placeholder))
}

// formatLine applies f to the selected lines, or to the cursor's line.
func (s *sectionPanel) formatLine(f lineFormat) {
	if !s.editable() {
		return
	}
	if sel := s.src.SelectedText(); sel != "" {
		s.replaceSelection(formatLines(sel, f))
		return
	}
	whole := s.shownText()
	r := []rune(whole)
	row := strings.Count(string(r[:min(s.cursor(), len(r))]), "\n")
	lines := strings.Split(whole, "\n")
	if row < len(lines) && strings.TrimSpace(lines[row]) == "" {
		// On an empty line the marker goes in first, for the text typed
		// after it, as a word processor's list button does.
		f = startItem(f, lines, row)
	}
	n := 0
	if numbered(f) {
		n = numberAfter(lines, row) - 1
	}
	text := replaceLine(whole, row, n, f)
	lines = strings.Split(text, "\n")
	pos := 0
	for _, l := range lines[:min(row+1, len(lines))] {
		pos += len([]rune(l)) + 1
	}
	s.setBodyText(text, pos-1)
}

// onLink asks for the link's text and address.
func (s *sectionPanel) onLink() {
	if !s.editable() {
		return
	}
	if s.richOn() {
		s.linkRich()
		return
	}
	sel := s.selectedText()
	s.w.ui.askForm("Link", []formField{{label: "Text", value: sel}, {label: "Address", value: "https://"}}, func(v []string) {
		if v == nil {
			return
		}
		addr := strings.TrimSpace(v[1])
		if addr == "" || addr == "https://" {
			s.w.ui.showError(errNoAddress)
			return
		}
		s.replaceSelection(markdownLink(v[0], addr))
	})
}

// errNoAddress is what a link without an address is told.
var errNoAddress = fmt.Errorf("the link has no address: type the web address it should open, such as https://www.example.org/")

// askCount asks for a whole number between 1 and most, naming what.
func (s *sectionPanel) askCount(title string, fields []formField, most int, done func([]int)) {
	s.w.ui.askForm(title, fields, func(v []string) {
		if v == nil {
			return
		}
		out := make([]int, len(v))
		for i, t := range v {
			n, err := strconv.Atoi(strings.TrimSpace(t))
			if err != nil || n < 1 || n > most {
				s.w.ui.showError(fmt.Errorf("%s: %q is not a number from 1 to %d", strings.ToLower(fields[i].label), t, most))
				return
			}
			out[i] = n
		}
		done(out)
	})
}

func (s *sectionPanel) onTable() {
	if s.editable() {
		s.askCount("Table", []formField{{label: "Rows", value: "3", hint: "Counting the heading row"}, {label: "Columns", value: "3"}}, 50,
			func(n []int) { s.insertAtCursor(tableGrid(n[0], n[1])) })
	}
}

func (s *sectionPanel) onAnswerLines() {
	if s.editable() {
		s.askCount("Answer lines", []formField{{label: "Lines", value: "4"}}, 40,
			func(n []int) { s.insertAtCursor(answerLines(n[0])) })
	}
}

func (s *sectionPanel) onCallout() {
	if !s.editable() {
		return
	}
	if s.richOn() {
		s.newCalloutRich()
		return
	}
	names := make([]string, len(calloutKinds))
	for i, k := range calloutKinds {
		names[i] = k.name
	}
	sel := s.src.SelectedText()
	s.w.ui.askForm("Call-out box", []formField{{label: "Kind", choices: names, value: names[0]}}, func(v []string) {
		for _, k := range calloutKinds {
			if v != nil && v[0] == k.name {
				if sel != "" {
					s.replaceSelection(callout(k.marker, sel))
				} else {
					s.insertAtCursor(callout(k.marker, ""))
				}
			}
		}
	})
}

func (s *sectionPanel) onFootnote() {
	if !s.editable() {
		return
	}
	if s.richOn() {
		s.newNoteRich()
		return
	}
	s.w.ui.askForm("Footnote", []formField{{label: "Note", hint: "Printed at the foot of the page"}}, func(v []string) {
		if v == nil {
			return
		}
		whole := s.shownText()
		r := []rune(whole)
		off := min(s.cursor(), len(r))
		ref := nextFootnote(whole)
		text := appendNote(string(r[:off])+ref+string(r[off:]), ref, v[0])
		s.setBodyText(text, off+len([]rune(ref)))
	})
}

// onCitation cites one of the packet's sources at the cursor: it prints
// as the source's number in Sources, a link to it.
func (s *sectionPanel) onCitation() {
	if !s.editable() {
		return
	}
	sources := briefing.CitableSources(s.w.lib, s.w.doc.packet)
	if len(sources) == 0 {
		s.w.ui.showInfo("No sources to cite", "No section of this packet lists a source that can be cited. Sources come with the templates that state facts; a template lists each with an id (see the README's templates section).")
		return
	}
	names := make([]string, len(sources))
	for i, src := range sources {
		names[i] = src.Title
	}
	s.w.ui.askForm("Cite a source", []formField{{label: "Source", choices: names, value: names[0],
		hint: "Prints its number in Sources, [1], linked to it"}}, func(v []string) {
		for i, n := range names {
			if v != nil && v[0] == n {
				s.insertAtCursor("[@" + sources[i].ID + "]")
			}
		}
	})
}

// onInsertField puts a field of the packet at the cursor, as plain form
// shows it: its value comes from the Variables tab.
func (s *sectionPanel) onInsertField() {
	if !s.editable() {
		return
	}
	labels := briefing.FieldsOf(s.w.lib, s.w.doc.packet).Labels()
	s.w.ui.askForm("Insert field", []formField{{label: "Field", choices: labels, value: labels[0],
		hint: "Its value is set in the Variables tab"}}, func(v []string) {
		if v != nil && v[0] != "" {
			s.replaceSelection(briefing.Token(v[0]))
		}
	})
}

// formatActions are the toolbar's and Format menu's actions, in order;
// a nil entry is a separator in the menu. Actions of a group share one
// toolbar button that opens them as a menu, so the toolbar stays narrow
// enough to sit over the editor beside the page view.
func (s *sectionPanel) formatActions() []*formatAction {
	return []*formatAction{
		{"Bold", "", shortcut(fyne.KeyB, 0), func() { s.wrap("**", "bold text") }},
		{"Italic", "", shortcut(fyne.KeyI, 0), func() { s.wrap("*", "italic text") }},
		nil,
		{"Heading", "Heading", shortcut(fyne.Key1, 0), func() { s.heading(1) }},
		{"Subheading", "Heading", shortcut(fyne.Key2, 0), func() { s.heading(2) }},
		{"Minor heading", "Heading", shortcut(fyne.Key3, 0), func() { s.heading(3) }},
		{"Plain paragraph", "Heading", shortcut(fyne.Key0, 0), func() { s.heading(0) }},
		{"Bullets", "", shortcut(fyne.Key8, fyne.KeyModifierShift), func() { s.list(false) }},
		{"Numbers", "", shortcut(fyne.Key7, fyne.KeyModifierShift), func() { s.list(true) }},
		{"Link…", "", shortcut(fyne.KeyK, 0), s.onLink},
		nil,
		{"Table…", "Insert", nil, s.onTable},
		{"Call-out box…", "Insert", nil, s.onCallout},
		{"Answer lines…", "Insert", nil, s.onAnswerLines},
		{"Glossary term", "Insert", nil, func() { s.replaceSelection(glossaryTerm(s.selectedText())) }},
		{"Footnote…", "Insert", nil, s.onFootnote},
		{"Page break", "Insert", nil, func() { s.insertAtCursor(pageBreak) }},
		{"Citation…", "Insert", nil, s.onCitation},
		{"Field…", "Insert", nil, s.onInsertField},
		{"Language of passage…", "Insert", nil, s.onPassageLanguage},
		{"Edit table or box…", "Insert", nil, s.onEditBox},
		nil,
		// The table the cursor is in, as Word's Table menu has it.
		{"Insert row above", "Table", nil, func() { s.tableAction(func() bool { return s.rich.InsertRow(true) }) }},
		{"Insert row below", "Table", nil, func() { s.tableAction(func() bool { return s.rich.InsertRow(false) }) }},
		{"Delete row", "Table", nil, func() { s.tableAction(func() bool { return s.rich.DeleteRow() }) }},
		{"Insert column left", "Table", nil, func() { s.tableAction(func() bool { return s.rich.InsertColumn(true) }) }},
		{"Insert column right", "Table", nil, func() { s.tableAction(func() bool { return s.rich.InsertColumn(false) }) }},
		{"Delete column", "Table", nil, func() { s.tableAction(func() bool { return s.rich.DeleteColumn() }) }},
	}
}

// tableAction runs one of the Table actions on the table the cursor is
// in, in the formatted view; elsewhere it says where to click.
func (s *sectionPanel) tableAction(do func() bool) {
	if !s.richOn() || !s.editable() {
		return
	}
	if !do() {
		s.w.ui.showInfo("Table", "Click in a cell of the table first: rows and columns are added and removed where the cursor is.")
		return
	}
	s.focusBody()
}

// formatAction is one formatting action: its name, the toolbar group
// it is under ("" for a button of its own) and its shortcut.
type formatAction struct {
	name     string
	group    string
	shortcut fyne.Shortcut
	run      func()
}

// newToolbar builds the row of buttons over the body: one per action,
// one per group opening the group's actions.
func (s *sectionPanel) newToolbar() fyne.CanvasObject {
	var buttons []fyne.CanvasObject
	groups := map[string][]*fyne.MenuItem{}
	for _, a := range s.formatActions() {
		switch {
		case a == nil:
		case a.group == "Table":
			// In the Format menu and a right click on the table: a
			// button more wrapped the toolbar onto a second row.
		case a.group == "":
			b := widget.NewButton(strings.TrimSuffix(a.name, "…"), a.run)
			b.Importance = widget.LowImportance
			buttons = append(buttons, b)
		default:
			if groups[a.group] == nil {
				group := a.group
				var b *widget.Button
				b = widget.NewButtonWithIcon(group, theme.MenuDropDownIcon(), func() {
					c := fyne.CurrentApp().Driver().CanvasForObject(b)
					if c == nil {
						return
					}
					pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
					widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", groups[group]...), c, pos)
				})
				b.Importance = widget.LowImportance
				b.IconPlacement = widget.ButtonIconTrailingText
				buttons = append(buttons, b)
			}
			groups[a.group] = append(groups[a.group], fyne.NewMenuItem(a.name, a.run))
		}
	}
	// The buttons wrap onto a second row in a narrow pane (1024 pixels
	// beside the page view) rather than scroll out of sight.
	s.flow = &flowLayout{}
	return container.New(s.flow, buttons...)
}

// formatMenus are the Format and Insert menus: every action, with its
// shortcut; the Table actions in a Table submenu of Format. Insert is a
// menu of its own, as in Word, so Format fits a laptop's screen (one
// menu of both ran off a 1280×800 window's foot).
func (s *sectionPanel) formatMenus() (format, insert *fyne.Menu) {
	var items, inserts []*fyne.MenuItem
	var table *fyne.MenuItem
	for _, a := range s.formatActions() {
		if a == nil {
			if n := len(items); n > 0 && !items[n-1].IsSeparator {
				items = append(items, fyne.NewMenuItemSeparator())
			}
			continue
		}
		it := fyne.NewMenuItem(a.name, a.run)
		it.Shortcut = a.shortcut
		switch a.group {
		case "Table":
			if table == nil {
				table = fyne.NewMenuItem("Table", nil)
				table.ChildMenu = fyne.NewMenu("")
				items = append(items, table)
			}
			table.ChildMenu.Items = append(table.ChildMenu.Items, it)
		case "Insert":
			inserts = append(inserts, it)
		default:
			items = append(items, it)
		}
	}
	return fyne.NewMenu("Format", items...), fyne.NewMenu("Insert", inserts...)
}

// heading makes the cursor's paragraph a heading of level (0: a plain
// paragraph), in either view.
func (s *sectionPanel) heading(level int) {
	if s.richOn() {
		if s.editable() {
			s.rich.SetHeading(level)
			s.focusBody()
		}
		return
	}
	s.formatLine(headingLine(level))
}

// list makes the cursor's paragraph (or the selected ones) a bullet or
// numbered list, in either view.
func (s *sectionPanel) list(numbered bool) {
	if s.richOn() {
		if s.editable() {
			s.rich.SetList(numbered)
			s.focusBody()
		}
		return
	}
	if numbered {
		s.formatLine(numberLine)
	} else {
		s.formatLine(bulletLine)
	}
}
