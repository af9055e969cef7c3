package app

import (
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/briefing/render"
)

// helpExample is one element of a section's text: where it is in the
// toolbar and the text it writes.
type helpExample struct{ where, text string }

// helpExamples are shown in Formatting Help, each beside how it prints.
var helpExamples = []helpExample{
	{"Just type", "A paragraph is text with an empty line before the next one."},
	{"Bold, Italic", "Some **bold** and some *italic* words."},
	{"Heading ▾ › Heading", "# A heading inside the section"},
	{"Bullets", "- First point\n- Second point"},
	{"Numbers", "1. First step\n2. Second step"},
	{"Link", "Read [the order](https://www.federalregister.gov/) online."},
	{"Insert ▾ › Table", "| Who | What |\n|---|---|\n| Agencies | Work with developers |"},
	{"Insert ▾ › Call-out box", "> [!KEY]\n> The one thing to remember."},
	{"Insert ▾ › Answer lines", "What did the order ask for?\n\n```lines 2\n```"},
	{"Insert ▾ › Glossary term", "Red team\n: A group that attacks a system to find its weaknesses."},
	{"Insert ▾ › Footnote", "A claim that needs a note.[^1]\n\n[^1]: The note, printed at the foot of the page."},
	{"Insert ▾ › Field", "Prepared for [Prepared for]: the value comes from Settings or the Variables tab."},
	{"Insert ▾ › Page break", "<!-- pagebreak -->"},
}

// onFormattingHelp shows each element of a section's text: what the
// toolbar writes for it, and beside it the page it prints, laid out by
// the same typesetting as an export.
func (w *mainWindow) onFormattingHelp() {
	var rows []fyne.CanvasObject
	var body strings.Builder
	for _, ex := range helpExamples {
		where := widget.NewLabelWithStyle(ex.where, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := widget.NewLabelWithStyle(ex.text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		text.Wrapping = fyne.TextWrapWord
		rows = append(rows, where, text)
		body.WriteString(ex.text + "\n\n")
	}
	intro := widget.NewLabel("The toolbar over the text writes these for you; you can also type them. Beside them, how they print.")
	intro.Wrapping = fyne.TextWrapWord
	left := container.NewVScroll(container.NewVBox(rows...))
	var right fyne.CanvasObject = widget.NewLabel("")
	if img, err := helpPage(w.lib, body.String()); err == nil {
		pic := canvas.NewImageFromImage(img)
		pic.FillMode = canvas.ImageFillContain
		pic.SetMinSize(fyne.NewSize(float32(img.Bounds().Dx()), float32(img.Bounds().Dy())))
		right = container.NewVScroll(pic)
	}
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	d := dialog.NewCustom("Formatting help", "Close", container.NewBorder(intro, nil, nil, nil, split), w.win)
	d.Resize(fyne.NewSize(min(w.win.Canvas().Size().Width-40, 1100), min(w.win.Canvas().Size().Height-40, 720)))
	d.Show()
}

// helpPage prints text as a section of a blank staff memo and returns
// the first page.
func helpPage(lib *briefing.Library, text string) (image.Image, error) {
	p := briefing.NewBlankPacketFor(briefing.Staff, "2026-01-01", briefing.Defaults{})
	p.Title, p.PreparedFor = "Formatting help", "the reader"
	p.Marking, p.Watermark = "", ""
	p.Style.Cover, p.Style.TOC = false, false
	p.Sections = []briefing.SectionRef{{Template: "blank", Title: "Examples", Body: &text, Included: true}}
	fields := briefing.FieldsOf(lib, p)
	source := fields.FromPlain(text)
	p.Sections[0].Body = &source
	doc, probs := briefing.ExportDocument(lib, p, "help")
	if probs.HasErrors() {
		return nil, probs.Errors()
	}
	pages, _, err := render.RecordPages(doc)
	if err != nil || pages.Len() == 0 {
		return nil, fmt.Errorf("the help page could not be laid out: %v", err)
	}
	return pages.Draw(0, 72), nil
}

// onAbout says what this is and where its parts come from.
func (w *mainWindow) onAbout() {
	w.ui.showInfo("About Briefsmith", "Briefsmith "+briefing.Version+
		"\nAssemble briefing packets and handouts from sections, and export them as PDF and Word."+
		"\n\nFonts: Liberation and DejaVu (SIL Open Font License, Bitstream Vera licence)."+
		"\nBuilt with Fyne, fpdf, goldmark and afero.")
}
