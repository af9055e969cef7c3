package app

import (
	"image/color"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// newRichHarness is the window as a user first sees it: sections edited
// as formatted text.
func newRichHarness(t *testing.T) *harness {
	h := newHarness(t, nil)
	h.w.section.sourceView = false
	h.w.section.show()
	return h
}

// typeRich types text into the formatted editor, as the keyboard does.
func typeRich(h *harness, text string) {
	h.w.win.Canvas().Focus(h.w.section.rich)
	for _, r := range text {
		h.w.section.rich.TypedRune(r)
	}
}

// A section is shown as formatted text — never as Markdown — and what is
// typed is stored as the section's text, canonical Markdown; opening it
// stores nothing.
func TestSectionsAreEditedAsFormattedText(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(0)
	if !s.richOn() || s.src.Visible() {
		t.Fatal("the section is not shown as formatted text")
	}
	if h.doc().Sections[0].Body != nil {
		t.Fatal("opening the section stored its text")
	}
	s.rich.SetCursorOffset(0)
	typeRich(h, "Note: *this* ")
	body := h.doc().Sections[0].Body
	// At the start of bold text typing is bold, as in a word processor;
	// the asterisks typed are text.
	if body == nil || !strings.HasPrefix(*body, "**Note: \\*this\\* Bottom line:**") {
		t.Fatalf("stored %q", *body)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := *h.doc().Sections[0].Body; strings.Contains(got, "Note:") {
		t.Errorf("Undo left %q", got[:40])
	}
	h.w.menuItem("Edit", "Redo").Action()
	if got := *h.doc().Sections[0].Body; !strings.HasPrefix(got, "**Note: ") {
		t.Errorf("Redo gave %q", got[:40])
	}
}

// The toolbar and Format menu work on formatted text: bold, headings,
// lists, links, tables, footnotes and fields go into the model, stored
// as Markdown the page prints.
func TestFormattingActionsInTheFormattedView(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	blank := ""
	h.w.doc.setBody(h.w.doc.keyAt(2), "", blank)
	s.show()
	typeRich(h, "Word")
	s.rich.SelectAll()
	h.w.menuItem("Format", "Bold").Action()
	h.w.menuItem("Format", "Heading").Action()
	if got := *h.doc().Sections[2].Body; got != "# **Word**\n" {
		t.Fatalf("bold heading: %q", got)
	}
	s.rich.SetCursorOffset(len("Word"))
	s.rich.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	typeRich(h, "Item")
	h.w.menuItem("Format", "Bullets").Action()
	h.ui.forms = [][]string{{"2", "2"}}
	h.w.menuItem("Insert", "Table…").Action()
	// A new note, and a new call-out, are written in a formatted editor
	// of their own, as existing ones are edited.
	h.ui.bodyEdit = func(req bodyEdit) *bodyEdit {
		req.blocks = sectiontext.Parse("The *note*.").Blocks
		if len(req.kinds) > 0 {
			req.kind = sectiontext.Warning.Label()
		}
		return &req
	}
	h.w.menuItem("Insert", "Footnote…").Action()
	h.w.menuItem("Insert", "Call-out box…").Action()
	h.ui.bodyEdit = nil
	labels := briefing.FieldsOf(h.w.lib, h.doc()).Labels()
	h.ui.forms = [][]string{{labels[0]}}
	h.w.menuItem("Insert", "Field…").Action()
	got := *h.doc().Sections[2].Body
	for _, want := range []string{"# **Word**\n\n- Item", "| ", "[^1]", "[^1]: The *note*.", "> [!WARNING]\n> The *note*.", "{{."} {
		if !strings.Contains(got, want) {
			t.Errorf("the stored text lacks %q:\n%s", want, got)
		}
	}
	doc, probs := briefing.Resolve(h.w.lib, h.doc(), "t")
	if probs.HasErrors() {
		t.Errorf("the text typed does not print: %v", probs.Errors())
	}
	_ = doc
}

// Text the formatted view cannot show — template code beyond fields —
// is shown as its source; View › Markdown Source shows any section's
// source.
func TestSourceViewForTemplateCodeAndOnRequest(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(1)
	code := `{{if eq .audience "staff"}}Staff only.{{end}}`
	h.w.doc.setBody(h.w.doc.keyAt(1), "", code)
	s.show()
	if s.richOn() || !s.src.Visible() || s.shownText() != code {
		t.Errorf("template code: formatted %v, source shows %q", s.richOn(), s.shownText())
	}
	h.w.selectSection(2)
	if !s.richOn() {
		t.Fatal("a plain section is not formatted")
	}
	h.w.menuItem("View", "Markdown Source").Action()
	if s.richOn() || !h.w.menuItem("View", "Markdown Source").Checked {
		t.Error("View › Markdown Source did not show the source")
	}
	h.w.menuItem("View", "Markdown Source").Action()
	if !s.richOn() {
		t.Error("switching back did not show formatted text")
	}
	h.w.menuItem("Edit", "Find and Replace…").Action()
	if !s.richOn() {
		t.Error("Find and Replace sent the section to its source")
	}
	s.find.close()
	if !s.richOn() {
		t.Error("closing Find did not leave formatted text")
	}
}

// A table in the formatted text is edited as a grid of cells — no pipes —
// and comes back as one undo step: cells typed are literal text, cells left
// alone keep their formatting, rows and columns added go in; answer lines
// change their count the same way.
func TestTablesAndAnswerLinesAreEditedWithoutSyntax(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", "Intro.\n\n| **Bold** | B |\n|---|---|\n| 1 | 2 |\n\n```lines 3\n```\n")
	s.show()
	var seen [][]string
	h.ui.tableEdit = func(cells [][]string) [][]string {
		seen = cells
		return [][]string{{"Bold", "B"}, {"one * two", "2"}, {"new", "row"}}
	}
	// Selected (a click), Format › Edit table or box… opens it; so does a
	// double click (the editor's own test).
	table := sectiontext.Parse("| **Bold** | B |\n|---|---|\n| 1 | 2 |\n").Blocks[0]
	selectBox(t, s, table)
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if len(seen) != 2 || seen[0][0] != "Bold" || seen[1][1] != "2" {
		t.Fatalf("the editor was given %q", seen)
	}
	got := *h.doc().Sections[2].Body
	if !strings.Contains(got, "| **Bold** | B |\n|---|---|\n| one \\* two | 2 |\n| new | row |") {
		t.Errorf("the edited table: %q", got)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := *h.doc().Sections[2].Body; !strings.Contains(got, "| 1 | 2 |") {
		t.Errorf("Undo did not bring the table back: %q", got)
	}
	selectBox(t, s, sectiontext.AnswerLines{Count: 3})
	h.ui.forms = [][]string{{"5"}}
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if got := *h.doc().Sections[2].Body; !strings.Contains(got, "```lines 5") {
		t.Errorf("answer lines: %q", got)
	}
}

// selectBox selects the box equal to want in the formatted editor, as a
// click on it does.
func selectBox(t *testing.T, s *sectionPanel, want sectiontext.Block) {
	t.Helper()
	for off := 0; off < 200; off++ {
		s.rich.SetCursorOffset(off)
		s.rich.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		// Shift+Left back over one step selects a box whole.
		s.rich.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		s.rich.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		s.rich.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		if b, ok := s.rich.SelectedBox(); ok && reflect.DeepEqual(b, want) {
			return
		}
	}
	t.Fatalf("no box %#v", want)
}

// The formatted editor sets headings in the packet's accent colour, as
// the page does, and follows a new accent chosen in Settings.
func TestHeadingsTakeThePacketsAccent(t *testing.T) {
	h := newHarness(t, nil)
	h.w.section.sourceView = false
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Style.Accent = "#7A1F1F" })
	h.w.selectSection(1)
	h.w.selectSection(0)
	s := h.w.section
	if !s.richOn() {
		t.Fatal("the section is not shown formatted")
	}
	c, ok := s.accent().(color.NRGBA)
	if !ok || c != (color.NRGBA{R: 0x7a, G: 0x1f, B: 0x1f, A: 0xff}) {
		t.Fatalf("the editor's accent is %v", s.accent())
	}
	if s.rich.Accent() != color.Color(c) {
		t.Errorf("the editor's headings are in %v, not the packet's accent", s.rich.Accent())
	}
}
