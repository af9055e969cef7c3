package app

import (
	"fmt"
	"github.com/briefsmith/briefsmith/app/editor"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// sectionPanel edits the selected section: its title and its text. The
// text is shown in plain form (see briefing.Fields): fields read
// "[Order number]" and braces are just text; the formatting toolbar
// writes the Markdown. The page view beside it shows the result as
// printed.
type sectionPanel struct {
	w *mainWindow
	// toolbar is the formatting buttons, which wrap in a narrow pane as
	// flow sets them.
	toolbar fyne.CanvasObject
	flow    *flowLayout
	// key is the section the fields show and every edit in them goes to:
	// bound when the fields are filled, so a keystroke can only land in
	// the section whose text it was typed over.
	key sectionKey
	// templateTitle is the template's title for the packet's audience;
	// typingTitle is set while an edit typed in the title field is
	// applied, so refreshing does not rewrite the field under the cursor.
	templateTitle string
	typingTitle   bool
	// typing is set while an edit typed in the title or body field is
	// applied: the window then refreshes only what typing can change
	// (refreshTyped), and show leaves the body field, which holds the
	// very text just stored, alone.
	typing bool
	info   *widget.Label
	title  *widget.Entry
	// lang is the section's language where it is not the packet's.
	lang  *widget.SelectEntry
	reset *widget.Button
	// showing is set while fields are filled from the packet, so their
	// OnChanged handlers do not record an edit.
	showing bool
	// fields are the packet's fields as plain form names them; plain is
	// set when the source shows plain form, clear when the text uses
	// template code plain form cannot show (it is then shown as written).
	fields  briefing.Fields
	plain   bool
	find    *findBar
	content fyne.CanvasObject
	// rich is the formatted editor; src the source editor, shown instead
	// (see richtext.go, sourceview.go). sourceView is the window's View ›
	// Markdown Source; richWritten and srcWritten are the text each
	// holds, as stored; richVersion and srcVersion the document's version
	// after each one's last store.
	rich                    *editor.Editor
	src                     *editor.Editor
	sourceView              bool
	richWritten, srcWritten string
	richVersion, srcVersion int64
	// citeNums are the numbers the page prints for the packet's sources,
	// what the formatted editor's citations show.
	citeNums map[string]int
}

func newSectionPanel(w *mainWindow) *sectionPanel {
	s := &sectionPanel{w: w}
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.title = widget.NewEntry()
	s.title.OnChanged = func(text string) {
		if s.showing {
			return
		}
		// The field shows the title the PDF prints, the template's until
		// the user changes it; that text, or nothing, follows the
		// template (and its other audiences' titles) again.
		if text == s.templateTitle {
			text = ""
		}
		s.typingTitle, s.typing = true, true
		s.w.doc.setSectionTitle(s.key, text)
		s.typingTitle, s.typing = false, false
	}
	s.lang = widget.NewSelectEntry(languageChoices)
	s.lang.OnChanged = func(text string) {
		if s.showing {
			return
		}
		s.w.doc.setSectionLanguage(s.key, languageCode(text))
	}
	s.src = s.newSource()
	s.reset = widget.NewButtonWithIcon("Reset to template", theme.ContentUndoIcon(), func() { s.w.doc.resetBody(s.key) })
	s.find = newFindBar(s)
	// The note on where the text comes from sits under the text: it
	// grows a line when typing makes the packet's own copy, and above the
	// toolbar it moved the buttons under the pointer (a teacher's first
	// click on Bullets missed).
	s.toolbar = s.newToolbar()
	s.content = container.NewBorder(
		container.NewVBox(widget.NewForm(widget.NewFormItem("Title", s.title), widget.NewFormItem("Language", s.lang)), s.find.content, s.toolbar),
		container.NewVBox(s.info, container.NewHBox(s.reset, widget.NewButtonWithIcon("Save as template…", theme.DocumentSaveIcon(), s.onSaveAsTemplate))),
		nil, nil, s.newRichText(s.src))
	// The toolbar spans the panel: its rows are counted at the panel's
	// width, so the text under it moves down to make room, or back up.
	s.flow.within = s.content
	return s
}

// sourceAt is section i's text as template source: its own, or its
// template's as the packet's audience reads it.
func (s *sectionPanel) sourceAt(i int) (string, bool) {
	ref := s.w.doc.packet.Sections[i]
	if ref.Body != nil {
		return *ref.Body, true
	}
	t, ok := s.w.lib.Get(ref.Template)
	if !ok {
		return "", false
	}
	return t.BodyFor(s.w.doc.packet.Audience), true
}

// shownAt is section i's text as the editor shows it with the packet's
// fields: in plain form (plain true), or as written when plain form
// cannot show it.
func (s *sectionPanel) shownAt(i int, fields briefing.Fields) (text string, plain bool) {
	src, _ := s.sourceAt(i)
	if p, ok := fields.ToPlain(src); ok {
		return p, true
	}
	return src, false
}

// titleAt is section i's title as printed.
func (s *sectionPanel) titleAt(i int) string {
	ref := s.w.doc.packet.Sections[i]
	if strings.TrimSpace(ref.Title) != "" {
		return ref.Title
	}
	if t, ok := s.w.lib.Get(ref.Template); ok {
		return t.TitleFor(s.w.doc.packet.Audience)
	}
	return ""
}

// show fills the panel from the document's selected section, or empties
// it when none is selected.
func (s *sectionPanel) show() {
	s.showing = true
	defer func() { s.showing = false }()
	i := s.w.doc.selectedIndex()
	prevKey := s.key
	s.key = s.w.doc.selected
	sections := s.w.doc.packet.Sections
	if i < 0 || i >= len(sections) {
		s.info.SetText("Select a section in the packet, or add one from the library.")
		s.title.SetText("")
		s.title.SetPlaceHolder("")
		s.src.SetText("")
		s.src.SetReadOnly(true)
		s.srcWritten = ""
		s.setRichOn(false)
		s.title.Disable()
		s.lang.SetText("")
		s.lang.Disable()
		s.reset.Disable()
		return
	}
	ref := sections[i]
	s.title.Enable()
	s.lang.Enable()
	packetLang := s.w.doc.packet.Language
	if strings.TrimSpace(packetLang) == "" {
		packetLang = briefing.DefaultLanguage
	}
	s.lang.SetPlaceHolder("The packet's (" + packetLang + ")")
	if languageCode(s.lang.Text) != ref.Language {
		s.lang.SetText(ref.Language)
	}
	t, ok := s.w.lib.Get(ref.Template)
	aud := s.w.doc.packet.Audience
	// The editor shows the template as this audience reads it: the other
	// audiences' text would only be in the way, the template keeps it, and
	// Reset goes back to the template.
	body, _ := s.sourceAt(i)
	switch {
	case !ok:
		s.info.SetText(fmt.Sprintf("Template %q is not in the library: this section cannot be exported until it is removed or the template is added.", ref.Template))
		s.title.SetPlaceHolder("")
	case ref.Body != nil && strings.TrimSpace(t.Body) == "":
		// A section begun empty holds the user's own words; there is no
		// template text it was edited from (the packet list says so too).
		s.info.SetText(fmt.Sprintf("Your own section. %s: their values are set in Settings and the Variables tab.", fieldsNoteSource))
		s.title.SetPlaceHolder(t.TitleFor(aud))
	case ref.Body != nil:
		s.info.SetText(fmt.Sprintf("From template “%s” (%s), text edited. %s: their values are set in Settings and the Variables tab.", t.ID, t.Origin, fieldsNoteSource))
		s.title.SetPlaceHolder(t.TitleFor(aud))
	case body != t.Body:
		s.info.SetText(fmt.Sprintf("From template “%s” (%s), as the %s version reads. Typing here makes this packet's own copy of that text.", t.ID, t.Origin, aud))
		s.title.SetPlaceHolder(t.TitleFor(aud))
	default:
		s.info.SetText(fmt.Sprintf("From template “%s” (%s). Typing here makes this packet's own copy of the body.", t.ID, t.Origin))
		s.title.SetPlaceHolder(t.TitleFor(s.w.doc.packet.Audience))
	}
	if ok && !t.Suits(s.w.doc.packet.Audience) {
		s.info.SetText(fmt.Sprintf("Template “%s” is written for %s, so it is left out of this %s packet's PDF. Change the audience in Settings to include it.",
			t.ID, joinNames(t.Audiences, " and "), s.w.doc.packet.Audience))
	}
	s.templateTitle = ""
	if ok {
		s.templateTitle = t.TitleFor(s.w.doc.packet.Audience)
	}
	shown := ref.Title
	if strings.TrimSpace(shown) == "" {
		shown = s.templateTitle
	}
	if s.title.Text != shown && !s.typingTitle {
		s.title.SetText(shown)
	}
	if ok && s.showRich(body, prevKey) {
		setEnabled(s.reset, ref.Body != nil && ok)
		return
	}
	s.showSource(body, prevKey)
	setEnabled(s.reset, ref.Body != nil && ok)
}

// onSaveAsTemplate writes the selected section, as edited, into the user's
// templates folder so other packets can use it.
func (s *sectionPanel) onSaveAsTemplate() {
	i := s.w.doc.indexOf(s.key)
	if i < 0 {
		return
	}
	ref := s.w.doc.packet.Sections[i]
	base, ok := s.w.lib.Get(ref.Template)
	if !ok {
		s.w.ui.showError(fmt.Errorf("template %q is not in the library", ref.Template))
		return
	}
	t := *base
	if strings.TrimSpace(ref.Title) != "" {
		t.Title = ref.Title
	}
	if ref.Body != nil {
		t.Body = *ref.Body
	}
	t.ID = briefing.SlugID(t.Title)
	path, err := briefing.SaveUserTemplate(s.w.env.fs, templatesDir(s.w.app), s.w.lib, &t)
	if err != nil {
		s.w.ui.showError(err)
		return
	}
	s.w.reloadLibrary()
	dialog.ShowInformation("Template saved", "Saved as "+path+".\nIt is now in the library.", s.w.win)
}
