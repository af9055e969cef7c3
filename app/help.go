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
	"github.com/briefsmith/briefsmith/render/raster"
)

// helpExample is one element of a section's text: where it is in the
// toolbar and the text it writes; noPage ones are left off the printed
// example (a citation needs a packet's sources).
type helpExample struct {
	where, text string
	noPage      bool
}

// helpExamples are shown in Formatting Help, each beside how it prints.
var helpExamples = []helpExample{
	{where: "Just type", text: "A paragraph is text with an empty line before the next one."},
	{where: "Bold, Italic", text: "Some **bold** and some *italic* words."},
	{where: "Heading ▾ › Heading", text: "# A heading inside the section"},
	{where: "Bullets", text: "- First point\n- Second point"},
	{where: "Numbers", text: "1. First step\n2. Second step"},
	{where: "Link", text: "Read [the order](https://www.federalregister.gov/) online."},
	{where: "Insert ▾ › Table", text: "| Who | What |\n|---|---|\n| Agencies | Work with developers |"},
	{where: "Insert ▾ › Call-out box", text: "> [!KEY]\n> The one thing to remember."},
	{where: "Insert ▾ › Answer lines", text: "What did the order ask for?\n\n```lines 2\n```"},
	{where: "Insert ▾ › Glossary term", text: "Red team\n: A group that attacks a system to find its weaknesses."},
	{where: "Insert ▾ › Footnote", text: "A claim that needs a note.[^1]\n\n[^1]: The note, printed at the foot of the page."},
	{where: "Insert ▾ › Field", text: "Prepared for [Prepared for]: the value comes from Settings or the Variables tab."},
	{where: "Insert ▾ › Citation", text: "As the order says [@eo14110]. (Prints the source's number in Sources, [2], linked to it.)", noPage: true},
	{where: "Insert ▾ › Page break", text: "<!-- pagebreak -->"},
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
		if !ex.noPage {
			body.WriteString(ex.text + "\n\n")
		}
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
	w.withKeys(d, d.Hide, d.Hide)
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
	pages, _, err := raster.RecordPages(doc)
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
