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

// helpExample is one thing a section's text can hold: what it is, how to
// make it in the formatted text, and its source (the printed example is
// made from it; the source is not shown — people write on formatted text).
// noPage ones are left off the printed example (a citation needs a
// packet's sources).
type helpExample struct {
	what, how, source string
	noPage            bool
}

// helpExamples are shown in Formatting Help, beside the page they print.
// They are about no subject in particular: the help serves any packet.
var helpExamples = []helpExample{
	{"Paragraphs", "Just type. Enter starts a new paragraph; Shift+Enter a new line in the same one.", "A paragraph of your own words.", false},
	{"Bold, italic", "Select words, then Bold (Ctrl+B) or Italic (Ctrl+I); with nothing selected, what you type next.", "Some **bold** and some *italic* words.", false},
	{"Headings", "Heading ▾, or Ctrl+1, Ctrl+2, Ctrl+3; Ctrl+0 makes the line a paragraph again.", "# A heading inside the section", false},
	{"Bullets", "Bullets (Ctrl+Shift+8), or type \"- \" at the start of a paragraph. Enter adds an item, Enter on an empty item ends the list, Tab nests an item, Shift+Tab brings it back.", "- First point\n- Second point", false},
	{"Numbers", "Numbers (Ctrl+Shift+7), or type \"1. \" at the start of a paragraph. Questions numbered one by one count on past their answer lines.", "1. First step\n2. Second step", false},
	{"Links", "Select the words, Link (Ctrl+K), type the address. Ctrl+K on a link changes its address or removes it.", "Read [the guide](https://www.example.org/) online.", false},
	{"Tables", "Insert ▾ › Table…: how many rows (the heading row counts) and columns. Click in a cell and type; Tab moves to the next cell, and in the last cell adds a row; right-click for rows and columns.", "| Season | Weather |\n|---|---|\n| Winter | Cold |", false},
	{"Call-out boxes", "Insert ▾ › Call-out box…: key point, note, tip, warning and more. Double-click a box to change its kind or its text.", "> [!KEY]\n> The one thing to remember.", false},
	{"Answer lines", "Insert ▾ › Answer lines…: how many lines to write on.", "What did you notice?\n\n```lines 2\n```", false},
	{"Glossary", "Insert ▾ › Glossary term: the selected word becomes a term with its definition under it. Double-click the glossary to edit its terms, row by row.", "Evaporation\n: Water turning into vapour as it warms.", false},
	{"Footnotes", "Insert ▾ › Footnote…: type the note; its number goes at the cursor, the note at the foot of the page. Double-click the number to edit the note; deleting the number deletes the note.", "A claim that needs a note.[^1]\n\n[^1]: The note, printed at the foot of the page.", false},
	{"Fields", "Insert ▾ › Field…: a value set in Settings or the Variables tab, shown shaded; it prints its value. Text shown only when a field is filled is tinted, after a small marker (\"if Client:\", and \"otherwise:\" before what prints when it is empty): write on it as on any text.", "Prepared for [Prepared for].", false},
	{"Citations", "Insert ▾ › Citation…: one of the packet's sources; it shows and prints the source's number in Sources, linked to it.", "", true},
	{"Another language", "Insert ▾ › Language of passage…: a screen reader reads the selection in that language.", "They greeted us with [bonjour]{lang=fr}.", false},
	{"Page breaks", "Insert ▾ › Page break: what follows starts a new page.", "<!-- pagebreak -->", false},
}

// onFormattingHelp shows what a section's text can hold and how to make
// each, beside the page it prints, laid out by the same typesetting as an
// export.
func (w *mainWindow) onFormattingHelp() {
	var rows []fyne.CanvasObject
	var body strings.Builder
	for _, ex := range helpExamples {
		what := widget.NewLabelWithStyle(ex.what, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		how := widget.NewLabel(ex.how)
		how.Wrapping = fyne.TextWrapWord
		rows = append(rows, what, how)
		if !ex.noPage {
			body.WriteString(ex.source + "\n\n")
		}
	}
	intro := widget.NewLabel("Write on the text as in a word processor; the toolbar and the Format menu make the rest. Beside them, how they print. (View › Markdown Source shows the same text as its source, for those who like it.)")
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
