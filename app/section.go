package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// sectionPanel edits the selected section: its title and Markdown body.
// The page view beside it shows the result as printed.
type sectionPanel struct {
	w *mainWindow
	// key is the section the fields show and every edit in them goes to:
	// bound when the fields are filled, so a keystroke can only land in
	// the section whose text it was typed over.
	key sectionKey
	// bodyText is the body field's text before its latest change.
	bodyText string
	// templateTitle is the template's title for the packet's audience;
	// typingTitle is set while an edit typed in the title field is
	// applied, so refreshing does not rewrite the field under the cursor.
	templateTitle string
	typingTitle   bool
	info          *widget.Label
	title         *widget.Entry
	body          *widget.Entry
	reset         *widget.Button
	// showing is set while fields are filled from the packet, so their
	// OnChanged handlers do not record an edit.
	showing bool
	content fyne.CanvasObject
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
		s.typingTitle = true
		s.w.doc.setSectionTitle(s.key, text)
		s.typingTitle = false
	}
	s.body = widget.NewMultiLineEntry()
	s.body.Wrapping = fyne.TextWrapWord
	s.body.TextStyle.Monospace = true
	s.body.OnChanged = func(text string) {
		before := s.bodyText
		s.bodyText = text
		if !s.showing {
			s.w.doc.setBody(s.key, before, text)
		}
	}
	s.reset = widget.NewButtonWithIcon("Reset to template", theme.ContentUndoIcon(), func() { s.w.doc.resetBody(s.key) })
	s.content = container.NewBorder(
		container.NewVBox(s.info, widget.NewForm(widget.NewFormItem("Title", s.title))),
		container.NewHBox(s.reset, widget.NewButtonWithIcon("Save as template…", theme.DocumentSaveIcon(), s.onSaveAsTemplate)),
		nil, nil, s.body)
	return s
}

// show fills the panel from the document's selected section, or empties
// it when none is selected.
func (s *sectionPanel) show() {
	s.showing = true
	defer func() { s.showing = false }()
	i := s.w.doc.selectedIndex()
	s.key = s.w.doc.selected
	sections := s.w.doc.packet.Sections
	if i < 0 || i >= len(sections) {
		s.info.SetText("Select a section in the packet, or add one from the library.")
		s.title.SetText("")
		s.body.SetText("")
		s.title.Disable()
		s.body.Disable()
		s.reset.Disable()
		return
	}
	ref := sections[i]
	s.title.Enable()
	s.body.Enable()
	t, ok := s.w.lib.Get(ref.Template)
	aud := s.w.doc.packet.Audience
	// The editor shows the template as this audience reads it: the other
	// audiences' text would only be in the way, the template keeps it, and
	// Reset goes back to the template.
	body := ""
	switch {
	case ref.Body != nil:
		body = *ref.Body
	case ok:
		body = t.BodyFor(aud)
	}
	switch {
	case !ok:
		s.info.SetText(fmt.Sprintf("Template %q is not in the library: this section cannot be exported until it is removed or the template is added.", ref.Template))
		s.title.SetPlaceHolder("")
	case ref.Body != nil:
		s.info.SetText(fmt.Sprintf("From template “%s” (%s), body edited. Placeholders such as {{.prepared_for}} are filled on export.", t.ID, t.Origin))
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
	if s.body.Text != body {
		s.body.SetText(body)
	}
	s.bodyText = s.body.Text
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
