package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// boxHarness is a formatted-text window whose third section holds md.
func boxHarness(t *testing.T, md string) (*harness, *sectionPanel) {
	h := newRichHarness(t)
	s := h.w.section
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", md)
	s.show()
	return h, s
}

func (h *harness) body2() string { return *h.doc().Sections[2].Body }

// A call-out is edited as its label, chosen from the printed labels, and
// its text in a formatted editor: what comes back replaces it as one undo
// step; Cancel and an unchanged OK store nothing.
func TestCalloutsAreEditedWithoutSyntax(t *testing.T) {
	src := "Intro.\n\n> [!NOTE]\n> Some **bold** text.\n"
	h, s := boxHarness(t, src)
	var seen bodyEdit
	h.ui.bodyEdit = func(r bodyEdit) *bodyEdit {
		seen = r
		r.kind = "Warning"
		r.blocks = sectiontext.Parse("New *text*.\n\n- one\n- two\n").Blocks
		return &r
	}
	selectBox(t, s, sectiontext.Parse(src).Blocks[1])
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if seen.kind != "Note" || !slices.Contains(seen.kinds, "Key point") || len(seen.blocks) != 1 {
		t.Fatalf("the editor was given kind %q of %q, %d blocks", seen.kind, seen.kinds, len(seen.blocks))
	}
	if seen.opts.Label == nil {
		t.Error("the nested editor does not show fields as the section's does")
	}
	if got := h.body2(); !strings.Contains(got, "> [!WARNING]\n> New *text*.\n>\n> - one\n> - two\n") {
		t.Errorf("the edited call-out: %q", got)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.body2(); got != sectiontext.Write(sectiontext.Parse(src)) {
		t.Errorf("one Undo gave %q", got)
	}
	// Cancel, and OK on what was not changed, store nothing and make no
	// undo step (a step would take the Redo away).
	if !s.rich.CanRedo() {
		t.Fatal("nothing to redo after Undo")
	}
	h.ui.bodyEdit = nil
	selectBox(t, s, sectiontext.Parse(src).Blocks[1])
	h.w.menuItem("Insert", "Edit table or box…").Action()
	h.ui.bodyEdit = func(r bodyEdit) *bodyEdit { return &r }
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if got := h.body2(); got != sectiontext.Write(sectiontext.Parse(src)) {
		t.Errorf("Cancel or an unchanged OK stored %q", got)
	}
	if !s.rich.CanRedo() {
		t.Error("Cancel or an unchanged OK made an undo step")
	}
}

// A glossary is edited as rows of a term and what it means: rows left
// alone keep their formatting, rows typed are literal text, rows added
// and removed go in and out.
func TestGlossaryIsEditedAsRows(t *testing.T) {
	src := "Term\n: What *it* means.\n: Also this.\n\nOther\n: Second.\n\nGone\n: Removed.\n"
	h, s := boxHarness(t, src)
	var seen []glossaryRow
	h.ui.glossaryEdit = func(rows []glossaryRow) []glossaryRow {
		seen = rows
		return []glossaryRow{rows[0], {term: "Other *lit*", definition: sectiontext.Parse("Changed *here*.\n\nTwo paragraphs.").Blocks, from: 1},
			{term: "New", definition: sectiontext.Parse("Added [@src].").Blocks, from: -1}}
	}
	selectBox(t, s, sectiontext.Parse(src).Blocks[0])
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if len(seen) != 3 || seen[0].term != "Term" || sectiontext.Write(sectiontext.Body{Blocks: seen[0].definition}) != "What *it* means.\n\nAlso this.\n" {
		t.Fatalf("the rows given: %v", seen)
	}
	want := "Term\n: What *it* means.\n: Also this.\n\nOther \\*lit\\*\n: Changed *here*.\n\n  Two paragraphs.\n\nNew\n: Added [@src].\n"
	if got := h.body2(); got != want {
		t.Errorf("the edited glossary:\n%q\nwant\n%q", got, want)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.body2(); got != sectiontext.Write(sectiontext.Parse(src)) {
		t.Errorf("one Undo gave %q", got)
	}
}

// Code is edited as its lines, spaces kept; a quote in a formatted editor.
func TestCodeAndQuotesAreEditedWithoutSyntax(t *testing.T) {
	src := "```\n  x = 1\n```\n\n> Quoted *text*.\n"
	h, s := boxHarness(t, src)
	var seen string
	h.ui.codeEdit = func(text string) string { seen = text; return "  y = 2\n\tz" }
	selectBox(t, s, sectiontext.Parse(src).Blocks[0])
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if seen != "  x = 1" {
		t.Errorf("the code given: %q", seen)
	}
	if got := h.body2(); !strings.HasPrefix(got, "```\n  y = 2\n\tz\n```\n") {
		t.Errorf("the edited code: %q", got)
	}
	h.ui.bodyEdit = func(r bodyEdit) *bodyEdit {
		r.blocks = sectiontext.Parse("A **new** quote.").Blocks
		return &r
	}
	selectBox(t, s, sectiontext.Parse(src).Blocks[1])
	h.w.menuItem("Insert", "Edit table or box…").Action()
	if got := h.body2(); !strings.HasSuffix(got, "> A **new** quote.\n") {
		t.Errorf("the edited quote: %q", got)
	}
}

// No box a built-in template or sample uses — nor any other — is sent to
// the Markdown source to be edited.
func TestNoBoxIsEditedAsMarkdown(t *testing.T) {
	src := "| A | B |\n|---|---|\n| 1 | 2 |\n\n> [!KEY]\n> Key.\n\n```lines 3\n```\n\nTerm\n: Means.\n\n<!-- pagebreak -->\n\n```\ncode\n```\n\n> Quote.\n\n---\n"
	h, s := boxHarness(t, src)
	for _, b := range sectiontext.Parse(src).Blocks {
		selectBox(t, s, b)
		h.w.menuItem("Insert", "Edit table or box…").Action()
	}
	for _, m := range h.ui.infos {
		if strings.Contains(m, "Markdown") || strings.Contains(m, "source") {
			t.Errorf("told: %s", m)
		}
	}
	if want := []string{"table", "body:Edit call-out box", "form:Answer lines", "glossary", "code", "body:Edit quotation"}; !slices.Equal(h.ui.asked, want) {
		t.Errorf("asked %q, want %q", h.ui.asked, want)
	}
}

// A footnote's text is edited in a formatted editor, opened from its
// number, as one undo step; deleting the number deletes the note, and
// one Undo brings both back.
func TestFootnotesAreEditedWithoutSyntax(t *testing.T) {
	src := "Text[^1] more.\n\n[^1]: The note.\n"
	h, s := boxHarness(t, src)
	var seen bodyEdit
	h.ui.bodyEdit = func(r bodyEdit) *bodyEdit {
		seen = r
		r.blocks = sectiontext.Parse("A *new* note.").Blocks
		return &r
	}
	if s.rich.OnEditNote == nil {
		t.Fatal("a double click on a number opens nothing")
	}
	s.rich.OnEditNote("1") // as a double click on the number does
	if len(seen.blocks) != 1 || seen.kinds != nil {
		t.Fatalf("the note's editor was given %#v", seen)
	}
	if got := h.body2(); got != "Text[^1] more.\n\n[^1]: A *new* note.\n" {
		t.Errorf("the edited note: %q", got)
	}
	h.w.win.Canvas().Focus(s.rich)
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.body2(); got != src {
		t.Errorf("one Undo gave %q", got)
	}
	s.rich.SetCursorOffset(5)
	s.rich.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got := h.body2(); strings.Contains(got, "note") || strings.Contains(got, "[^") {
		t.Errorf("deleting the number left %q", got)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.body2(); got != src {
		t.Errorf("one Undo after deleting the number gave %q", got)
	}
}

// The real call-out dialog: Enter in its text is a new paragraph (not
// OK), Ctrl+Z under it does not undo the packet, Ctrl+Enter is OK, Esc
// cancels.
func TestCalloutDialogKeys(t *testing.T) {
	src := "Intro.\n\n> [!KEY]\n> Key.\n"
	h, s := boxHarness(t, src)
	h.w.ui.editBody = h.w.showBodyEditor
	selectBox(t, s, sectiontext.Parse(src).Blocks[1])
	h.w.menuItem("Insert", "Edit table or box…").Action()
	nested, ok := h.w.win.Canvas().Focused().(*editor.Editor)
	if !ok || nested == s.rich || !h.w.dialogOpen() {
		t.Fatalf("no nested editor has the keyboard (%T)", h.w.win.Canvas().Focused())
	}
	test.Type(nested, "Y")
	// Ctrl+Z, which the menu takes first, undoes in the dialog's text,
	// not the packet beneath it.
	h.w.menuItem("Edit", "Undo").Action()
	if !h.w.dialogOpen() || h.body2() != src {
		t.Fatalf("Ctrl+Z under the dialog: open %v, stored %q", h.w.dialogOpen(), h.body2())
	}
	test.Type(nested, "X")
	// Ctrl+End, through the menu too.
	h.w.menuItem("Edit", "Go to End of Text").Action()
	nested.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(nested, "More.")
	if !h.w.dialogOpen() || h.body2() != src {
		t.Fatalf("Enter closed the dialog or changed the text: %q", h.body2())
	}
	nested.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if h.w.dialogOpen() {
		t.Fatal("Ctrl+Enter did not press OK")
	}
	if got := h.body2(); !strings.Contains(got, "> [!KEY]\n> XKey.\n>\n> More.\n") {
		t.Errorf("stored %q", got)
	}
	h.w.menuItem("Insert", "Edit table or box…").Action()
	nested = h.w.win.Canvas().Focused().(*editor.Editor)
	test.Type(nested, "Gone")
	nested.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.w.dialogOpen() || strings.Contains(h.body2(), "Gone") {
		t.Errorf("Esc: dialog open %v, stored %q", h.w.dialogOpen(), h.body2())
	}
}

// The real glossary editor adds and removes rows, keeping what was typed.
func TestGlossaryFormRows(t *testing.T) {
	h := newRichHarness(t)
	para := func(s string) []sectiontext.Block { return sectiontext.Parse(s).Blocks }
	f := newGlossaryForm(h.w, []glossaryRow{{term: "A", definition: para("First."), from: 0}, {term: "B", definition: para("Second."), from: 1}}, editor.Options{})
	f.defs[0].SetCursorOffset(len("First."))
	test.Type(f.defs[0], " More.")
	test.Tap(f.add)
	test.Type(f.terms[2], "C")
	test.Tap(f.removes[1])
	f.read()
	if len(f.rows) != 2 || sectiontext.Write(sectiontext.Body{Blocks: f.rows[0].definition}) != "First. More.\n" || f.rows[1].term != "C" || f.rows[1].from != -1 {
		t.Errorf("rows %v", f.rows)
	}
	test.Tap(f.removes[0])
	test.Tap(f.removes[0])
	if f.read(); len(f.rows) != 1 {
		t.Errorf("the last row was removed: %v", f.rows)
	}
}

// Tab goes from a term to what it means (then the row's Remove row, and
// the next row's term), as a user filling in rows expects; it went to Remove row, and the first
// space of the definition pressed it, taking the row typed (a trial).
func TestGlossaryTabGoesFromTermToDefinition(t *testing.T) {
	h := newRichHarness(t)
	para := func(s string) []sectiontext.Block { return sectiontext.Parse(s).Blocks }
	h.w.showGlossaryEditor([]glossaryRow{{term: "A", definition: para("First."), from: 0}, {term: "B", definition: para("Second."), from: 1}}, editor.Options{}, func([]glossaryRow) {})
	c := h.w.win.Canvas()
	term, ok := c.Focused().(*dialogEntry)
	if !ok || term.Text != "A" {
		t.Fatalf("the dialog opened with %T focused", c.Focused())
	}
	c.FocusNext()
	if _, ok := c.Focused().(*editor.Editor); !ok {
		t.Fatalf("Tab from the term went to %T", c.Focused())
	}
	c.FocusNext() // the row's Remove row, last
	c.FocusNext()
	if next, ok := c.Focused().(*dialogEntry); !ok || next.Text != "B" {
		t.Errorf("Tab from the row's end went to %T", c.Focused())
	}
}

// The real table editor as a Word user fills a new table in: the first
// cell has the keyboard, moving into a cell selects what it holds so
// typing replaces "Heading 2" (it was added to), Tab in the last cell
// adds a row and goes to it, and Enter is Done.
func TestTheTableEditorFillsLikeWords(t *testing.T) {
	h := newRichHarness(t)
	var got [][]string
	h.w.showTableEditor([][]string{{"Heading 1", "Heading 2"}, {"Text", "Text"}}, func(c [][]string) { got = c })
	c := h.w.win.Canvas()
	first, ok := c.Focused().(*cellEntry)
	if !ok || first.Text != "Heading 1" {
		t.Fatalf("the editor opened with %T focused", c.Focused())
	}
	test.Type(first, "Place")
	c.FocusNext()
	test.Type(c.Focused().(*cellEntry), "Share")
	c.FocusNext()
	test.Type(c.Focused().(*cellEntry), "Rivers")
	c.FocusNext()
	last := c.Focused().(*cellEntry)
	test.Type(last, "97%")
	last.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	test.Type(c.Focused().(*cellEntry), "Ice")
	c.Focused().(*cellEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := [][]string{{"Place", "Share"}, {"Rivers", "97%"}, {"Ice", ""}}
	if h.w.dialogOpen() || !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("open %v, cells %q; want %q", h.w.dialogOpen(), got, want)
	}
}

// A double click on the chip of text shown only when a field is filled,
// set inside a link, opens its words to edit, titled by the field's
// label; they come back inside the same condition, one undo step.
func TestConditionalTextIsEditedWithoutCode(t *testing.T) {
	src := "Signed [here{{if .order_number}} as order {{.order_number}}{{else}} unnumbered{{end}}](https://example.com).\n"
	h, s := boxHarness(t, src)
	h.ui.bodyEdit = func(r bodyEdit) *bodyEdit {
		r.blocks = []sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.Text{Text: " as Executive Order "}, sectiontext.Field{Name: "order_number"}}}}
		return &r
	}
	if s.rich.OnEditConditional == nil {
		t.Fatal("a double click on conditional text asks nobody")
	}
	s.rich.SelectRange(len("Signed here"), len("Signed here")+1)
	link := sectiontext.Parse(src).Blocks[0].(sectiontext.Paragraph).Inlines[1].(sectiontext.Link)
	s.editConditional(link.Inlines[1].(sectiontext.Conditional))
	if len(h.ui.asked) == 0 || h.ui.asked[len(h.ui.asked)-1] != "body:Text shown only when Executive order number is filled" {
		t.Fatalf("asked %v", h.ui.asked)
	}
	if got := h.body2(); got != "Signed [here{{if .order_number}} as Executive Order {{.order_number}}{{else}} unnumbered{{end}}](https://example.com).\n" {
		t.Errorf("stored %q", got)
	}
	h.w.onUndo()
	if got := h.body2(); got != src {
		t.Errorf("after one Undo %q", got)
	}
}
