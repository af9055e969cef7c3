package app

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// settingsPanel edits the packet's own fields and style.
type settingsPanel struct {
	w                                         *mainWindow
	title, subtitle, author, org, preparedFor *widget.Entry
	marking, watermark                        *widget.SelectEntry
	// form and the items whose names depend on the audience (nameFields).
	form                             *widget.Form
	authorItem, orgItem, markingItem *widget.FormItem
	markingHint                      *widget.Label
	markingChoices                   []string // what the marking field offers
	audience, pageSize, fontSize     *widget.Select
	date                             *dateField
	pageLimit                        *widget.Entry
	cover, toc, fit                  *widget.Check // fit: briefing.Fit to the page limit
	accent                           *canvas.Rectangle
	accentText                       *widget.Label
	// accentNote flags an accent too light to read on white where it is
	// chosen, not only later among the packet's problems.
	accentNote *widget.Label
	logo       *widget.Label
	// logoPreview shows the packet's logo as it is.
	logoPreview *logoPreview
	clearLogo   *widget.Button
	// language and logoDescription are what screen readers use: the
	// language they read in and what they say for the logo.
	language, logoDescription *widget.Entry
	pickAccent                *widget.Button
	showing                   bool
	content                   fyne.CanvasObject
}

var fontSizes = []string{"9", "10", "10.5", "11", "12", "13", "14"}

func newSettingsPanel(w *mainWindow) *settingsPanel {
	s := &settingsPanel{w: w}
	text := func(field string, set func(p *briefing.Packet, v string)) *widget.Entry {
		e := widget.NewEntry()
		e.OnChanged = func(v string) {
			if !s.showing {
				s.w.doc.setText(field, func(p *briefing.Packet) { set(p, v) })
			}
		}
		return e
	}
	s.title = text("title", func(p *briefing.Packet, v string) { p.Title = v })
	s.subtitle = text("subtitle", func(p *briefing.Packet, v string) { p.Subtitle = v })
	s.author = text("author", func(p *briefing.Packet, v string) { p.Author = v })
	s.org = text("organization", func(p *briefing.Packet, v string) { p.Organization = v })
	s.preparedFor = text("prepared_for", func(p *briefing.Packet, v string) { p.PreparedFor = v })
	s.language = text("language", func(p *briefing.Packet, v string) { p.Language = v })
	s.language.SetPlaceHolder(briefing.DefaultLanguage)
	s.language.Validator = func(v string) error {
		_, err := briefing.ParseLanguage(v)
		return err
	}
	s.logoDescription = text("logo_description", func(p *briefing.Packet, v string) { p.Style.LogoDescription = v })
	s.logoDescription.SetPlaceHolder("e.g. Example Consulting logo")
	s.marking = widget.NewSelectEntry(markingOptions)
	s.marking.OnChanged = func(v string) {
		if !s.showing {
			s.w.doc.setText("marking", func(p *briefing.Packet) { p.Marking = v })
		}
	}
	s.watermark = widget.NewSelectEntry([]string{"DRAFT", "SAMPLE", "PRE-DECISIONAL"})
	s.watermark.OnChanged = func(v string) {
		if !s.showing {
			s.w.doc.setText("watermark", func(p *briefing.Packet) { p.Watermark = v })
		}
	}
	choice := func(options []string, set func(p *briefing.Packet, v string)) *widget.Select {
		sel := widget.NewSelect(options, nil)
		sel.OnChanged = func(v string) {
			if !s.showing {
				s.w.doc.setChoice(func(p *briefing.Packet) { set(p, v) })
			}
		}
		return sel
	}
	s.audience = choice(names(briefing.Audiences()), func(p *briefing.Packet, v string) { p.Audience = briefing.Audience(v) })
	s.pageSize = choice(names(briefing.PageSizes()), func(p *briefing.Packet, v string) { p.Style.PageSize = briefing.PageSize(v) })
	s.fontSize = choice(fontSizes, func(p *briefing.Packet, v string) {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			p.Style.FontSize = f
		}
	})
	s.date = newDateField(func(iso string) {
		s.w.doc.setText("date", func(p *briefing.Packet) { p.Date = iso })
	}, func() fyne.Canvas { return s.w.win.Canvas() })
	s.pageLimit = widget.NewEntry()
	s.pageLimit.SetPlaceHolder("none")
	s.pageLimit.Validator = func(v string) error {
		if v == "" {
			return nil
		}
		if n, err := strconv.Atoi(v); err != nil || n < 0 {
			return fmt.Errorf("a whole number of pages")
		}
		return nil
	}
	s.pageLimit.OnChanged = func(v string) {
		n, err := strconv.Atoi(v)
		if s.showing || (v != "" && (err != nil || n < 0)) {
			return
		}
		s.w.doc.setText("page_limit", func(p *briefing.Packet) { p.PageLimit = n })
	}
	check := func(label string, set func(p *briefing.Packet, on bool)) *widget.Check {
		c := widget.NewCheck(label, nil)
		c.OnChanged = func(on bool) {
			if !s.showing {
				s.w.doc.setChoice(func(p *briefing.Packet) { set(p, on) })
			}
		}
		return c
	}
	s.cover = check("Cover page", func(p *briefing.Packet, on bool) { p.Style.Cover = on })
	s.toc = check("Table of contents", func(p *briefing.Packet, on bool) { p.Style.TOC = on })
	s.fit = check("Fit to page limit", func(p *briefing.Packet, on bool) { p.Style.FitToLimit = on })
	s.accent = canvas.NewRectangle(color.Black)
	s.accent.SetMinSize(fyne.NewSize(28, 20))
	s.accent.CornerRadius = 4
	s.accentText = widget.NewLabel("")
	s.accentNote = widget.NewLabel("")
	s.accentNote.Wrapping = fyne.TextWrapWord
	s.accentNote.Importance = widget.WarningImportance
	s.accentNote.Hide()
	s.pickAccent = widget.NewButton("Choose…", s.onPickAccent)
	s.logo = widget.NewLabel("")
	// A long file name is cut short rather than widen the pane.
	s.logo.Truncation = fyne.TextTruncateEllipsis
	s.logoPreview = newLogoPreview()
	s.clearLogo = widget.NewButton("Remove", func() {
		s.w.doc.setChoice(func(p *briefing.Packet) { p.Style.Logo = nil })
	})
	chooseLogo := widget.NewButton("Choose image…", s.onChooseLogo)

	s.authorItem = widget.NewFormItem("Author", s.author)
	s.orgItem = widget.NewFormItem("Organization", s.org)
	var marking fyne.CanvasObject
	marking, s.markingHint = hinted(s.marking, "Printed at the top and bottom of every page")
	s.markingItem = widget.NewFormItem("Marking", marking)
	s.form = widget.NewForm(
		widget.NewFormItem("Title", s.title),
		widget.NewFormItem("Subtitle", s.subtitle),
		widget.NewFormItem("Audience", s.audience),
		s.authorItem,
		s.orgItem,
		widget.NewFormItem("Prepared for", s.preparedFor),
		widget.NewFormItem("Date", s.date.content),
		s.markingItem,
		hintedItem("Watermark", s.watermark, "Printed diagonally across every page; leave empty for none"),
		widget.NewFormItem("Page size", s.pageSize),
		widget.NewFormItem("Body text (pt)", s.fontSize),
		hintedItem("Page limit", s.pageLimit, "Warn when the PDF is longer"),
		hintedItem("", s.fit, "Tighten spacing, margins and type (by at most 0.5 pt) to stay within the limit"),
		widget.NewFormItem("", container.NewHBox(s.cover, s.toc)),
		widget.NewFormItem("Accent colour", container.NewVBox(container.NewHBox(s.accent, s.accentText, s.pickAccent), s.accentNote)),
		widget.NewFormItem("Logo", container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(chooseLogo, s.clearLogo), s.logo), container.NewHBox(s.logoPreview.Image))),
		hintedItem("Logo description", s.logoDescription, "What a screen reader says in place of the logo"),
		hintedItem("Language", s.language, "The language of the text, for screen readers: en-US, en-GB, es-US, fr-CA…"),
	)
	s.content = wheelThrough(container.NewVScroll(s.form))
	return s
}

// markingWords are the hint and choices of the marking field for an
// audience whose documents do not carry a handling marking: a teacher's
// handout has header text (a school's name, printed once at the top of
// each page).
var markingWords = map[briefing.Audience]struct {
	hint     string
	markings []string
}{
	briefing.Classroom: {"Printed at the top of every page, such as your school's or class's name", []string{"FOR CLASSROOM USE"}},
}

// nameFields names the author, organization and marking fields as the
// packet's audience calls them (a teacher and a school, where a memo has
// an author and an organization): the same words the text's fields
// show (briefing.Audience.FieldLabel).
func (s *settingsPanel) nameFields(a briefing.Audience) {
	author, org, marking, hint := "Author", "Organization", "Marking", "Printed at the top and bottom of every page"
	for _, w := range []struct {
		word *string
		name string
	}{{&author, "author"}, {&org, "organization"}, {&marking, "marking"}} {
		if l := a.FieldLabel(w.name); l != "" {
			*w.word = l
		}
	}
	options := markingOptions
	if w, ok := markingWords[a]; ok {
		hint, options = w.hint, w.markings
	}
	if s.markingItem.Text == marking && s.authorItem.Text == author {
		return
	}
	s.authorItem.Text, s.orgItem.Text = author, org
	s.markingItem.Text = marking
	s.markingHint.SetText(hint)
	s.marking.SetOptions(options)
	s.markingChoices = options
	s.form.Refresh()
}

// refresh shows the packet's current values.
func (s *settingsPanel) refresh() {
	s.showing = true
	defer func() { s.showing = false }()
	p := s.w.doc.packet
	s.nameFields(p.Audience)
	setText := func(e *widget.Entry, v string) {
		if e.Text != v {
			e.SetText(v)
		}
	}
	setText(s.title, p.Title)
	setText(s.subtitle, p.Subtitle)
	setText(s.author, p.Author)
	setText(s.org, p.Organization)
	setText(s.preparedFor, p.PreparedFor)
	setText(s.language, p.Language)
	setText(s.logoDescription, p.Style.LogoDescription)
	if s.marking.Text != p.Marking {
		s.marking.SetText(p.Marking)
	}
	if s.watermark.Text != p.Watermark {
		s.watermark.SetText(p.Watermark)
	}
	s.audience.SetSelected(string(p.Audience))
	s.pageSize.SetSelected(string(p.Style.PageSize))
	s.fontSize.SetSelected(strconv.FormatFloat(p.Style.FontSize, 'f', -1, 64))
	s.date.show(p.Date, p.Language)
	limit := ""
	if p.PageLimit > 0 {
		limit = strconv.Itoa(p.PageLimit)
	}
	setText(s.pageLimit, limit)
	s.cover.SetChecked(p.Style.Cover)
	s.toc.SetChecked(p.Style.TOC)
	s.fit.SetChecked(p.Style.FitToLimit)
	if c, err := parseHex(p.Style.Accent); err == nil {
		s.accent.FillColor = c
		s.accent.Refresh()
	}
	s.accentText.SetText(p.Style.Accent)
	showAdvice(s.accentNote, briefing.AccentAdvice(p.Style.Accent))
	s.logoPreview.set(p.Style.Logo)
	if len(p.Style.Logo) == 0 {
		s.logo.SetText("none")
		s.clearLogo.Disable()
	} else {
		desc := fmt.Sprintf("%d KB", (len(p.Style.Logo)+1023)/1024)
		if cfg, format, err := image.DecodeConfig(bytes.NewReader(p.Style.Logo)); err == nil {
			desc = fmt.Sprintf("%s %d×%d, %s", format, cfg.Width, cfg.Height, desc)
		}
		s.logo.SetText(desc)
		s.clearLogo.Enable()
	}
}

func (s *settingsPanel) onPickAccent() {
	d := dialog.NewColorPicker("Accent colour", "Headings, rules and table headers use it", func(c color.Color) {
		r, g, b, _ := c.RGBA()
		hex := fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
		s.w.doc.setChoice(func(p *briefing.Packet) { p.Style.Accent = hex })
	}, s.w.win)
	d.Advanced = true
	if c, err := parseHex(s.w.doc.packet.Style.Accent); err == nil {
		d.SetColor(c)
	}
	d.Show()
}

// onChooseLogo reads an image into the packet itself, so the packet stays
// self-contained and never points at other files on this computer.
func (s *settingsPanel) onChooseLogo() {
	s.w.ui.askOpenPath([]string{".png", ".jpg", ".jpeg"}, func(path string) {
		if path != "" {
			s.setLogoFrom(path)
		}
	})
}

func (s *settingsPanel) setLogoFrom(path string) {
	// ReadLogoFile checks the size before reading, so a huge image is
	// refused without ever being held in memory.
	data, note, err := briefing.ReadLogoFile(s.w.env.fs, path)
	if err != nil {
		s.w.ui.showError(err)
		return
	}
	s.w.doc.setChoice(func(p *briefing.Packet) { p.Style.Logo = data })
	if note != "" {
		s.w.ui.showInfo("Logo scaled down", note)
	}
}

func parseHex(s string) (color.NRGBA, error) {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color.NRGBA{}, err
	}
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}, nil
}

// show brings the field of setting into view and gives it the keyboard,
// so choosing a problem about a setting lands where it is fixed.
func (s *settingsPanel) show(setting briefing.Setting) {
	var field fyne.Focusable
	switch setting {
	case briefing.SettingLanguage:
		field = s.language
	case briefing.SettingLogoDescription:
		field = s.logoDescription
	case briefing.SettingAccent:
		field = s.pickAccent
	default:
		return
	}
	s.w.win.Canvas().Focus(field)
}
