package app

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// sectionPanel edits the selected section: its title and Markdown body,
// and previews it with the placeholders filled.
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
	preview       *widget.RichText
	tabs          *container.AppTabs
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
	s.preview = widget.NewRichText()
	s.preview.Wrapping = fyne.TextWrapWord
	edit := container.NewBorder(
		container.NewVBox(s.info, widget.NewForm(widget.NewFormItem("Title", s.title))),
		container.NewHBox(s.reset, widget.NewButtonWithIcon("Save as template…", theme.DocumentSaveIcon(), s.onSaveAsTemplate)),
		nil, nil, s.body)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Edit", edit),
		container.NewTabItem("Preview", container.NewVScroll(s.preview)),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.renderPreview() }
	s.content = s.tabs
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
		s.preview.ParseMarkdown("")
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
	s.renderPreview()
}

// renderPreview shows the section as it will read, placeholders filled.
// Fyne's rich text has no tables, so tables are shown as aligned text.
func (s *sectionPanel) renderPreview() {
	at := s.w.doc.indexOf(s.key)
	if s.tabs.SelectedIndex() != 1 || at < 0 {
		return
	}
	p := s.w.doc.packet.Clone()
	for i := range p.Sections {
		p.Sections[i].Included = i == at
	}
	doc, probs := briefing.Resolve(s.w.lib, p, s.w.doc.name())
	if len(doc.Sections) == 0 {
		s.preview.ParseMarkdown("**This section cannot be previewed yet:**\n\n" + escapeMarkdown(probs.Errors().Error()))
		return
	}
	sec := doc.Sections[0]
	s.preview.ParseMarkdown("# " + sec.Title + "\n\n" + tablesAsText(sec.Markdown))
}

var tableLine = regexp.MustCompile(`^\s*\|.*\|\s*$`)
var tableRule = regexp.MustCompile(`^\s*\|?\s*:?-{3,}`)

// tablesAsText turns Markdown tables into fixed-width code blocks, which
// Fyne's Markdown preview can show.
func tablesAsText(md string) string {
	lines := strings.Split(md, "\n")
	var out []string
	for i := 0; i < len(lines); {
		if !tableLine.MatchString(lines[i]) {
			out = append(out, lines[i])
			i++
			continue
		}
		var rows [][]string
		for ; i < len(lines) && tableLine.MatchString(lines[i]); i++ {
			if tableRule.MatchString(lines[i]) {
				continue
			}
			cells := strings.Split(strings.Trim(strings.TrimSpace(lines[i]), "|"), "|")
			for j := range cells {
				cells[j] = strings.ReplaceAll(strings.TrimSpace(cells[j]), "**", "")
			}
			rows = append(rows, cells)
		}
		widths := map[int]int{}
		for _, r := range rows {
			for j, c := range r {
				widths[j] = max(widths[j], len([]rune(c)))
			}
		}
		out = append(out, "```")
		for _, r := range rows {
			var b strings.Builder
			for j, c := range r {
				b.WriteString(c + strings.Repeat(" ", widths[j]-len([]rune(c))+2))
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
		out = append(out, "```")
	}
	return strings.Join(out, "\n")
}

func escapeMarkdown(s string) string {
	return strings.NewReplacer("*", `\*`, "_", `\_`, "#", `\#`, "`", "\\`", "\n", "\n\n").Replace(s)
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
