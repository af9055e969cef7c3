package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// selectText selects n runes of e from rune offset start.
func selectText(e *editor.Editor, start, n int) { e.SelectRange(start, start+n) }

// setSource makes the source editor's text text, as one edit the user
// made, the cursor kept where it was as far as the text allows.
func setSource(s *sectionPanel, text string) {
	s.src.ReplaceText(text, min(s.src.CursorOffset(), len([]rune(text))))
}

// setPlainBody replaces section i's text by typing, as a user would.
func setPlainBody(h *harness, i int, text string) *sectionPanel {
	h.w.selectSection(i)
	s := h.w.section
	setSource(s, "")
	test.Type(s.src, text)
	return s
}

func TestTheEditorShowsFieldsByTheirLabels(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(0) // summary
	body := h.w.section.src.Text()
	if strings.Contains(body, "{{") || !strings.Contains(body, "[if Executive order number:  (Executive Order [Executive order number])]") {
		t.Fatalf("the summary shows template code or no field:\n%s", body)
	}
	if !strings.Contains(h.w.section.info.Text, "[Prepared for]") && !strings.Contains(h.w.section.info.Text, "Typing here") {
		t.Errorf("info: %s", h.w.section.info.Text)
	}
}

func TestFieldsAndBracesRoundTripThroughAFile(t *testing.T) {
	fs := afero.NewMemMapFs()
	h := newHarness(t, fs)
	typed := "For [Prepared for]: {{x}} stays, so do {braces} and [a link](https://example.org) and [Nobody]." +
		"[if Executive order number:  (order [Executive order number])] and a backslash \\ too.\n"
	s := setPlainBody(h, 0, typed)
	if got := *h.doc().Sections[0].Body; !strings.HasPrefix(got, "For {{.prepared_for}}: {{\"{{\"}}x}} stays") {
		t.Fatalf("stored source: %q", got)
	}
	h.w.doc.setVariable("order_number", "14999")
	if s.src.Text() != typed {
		t.Fatalf("the text changed under the cursor:\n%q\nwant\n%q", s.src.Text(), typed)
	}
	export := func(h *harness, path string) []byte {
		h.ui.savePath = path
		h.w.onExport()
		if len(h.ui.errors) > 0 {
			t.Fatal(h.ui.errors)
		}
		data, err := afero.ReadFile(fs, path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	first := export(h, "/out/a.pdf")
	h.ui.savePath = "/docs/fields.briefing"
	h.w.onSave()
	again := openHarness(t, test.NewTempApp(t), fs)
	again.ui.openPath = "/docs/fields.briefing"
	again.w.onOpen()
	again.w.selectSection(0)
	if got := again.w.section.src.Text(); got != typed {
		t.Errorf("reopened text:\n%q\nwant\n%q", got, typed)
	}
	if second := export(again, "/out/b.pdf"); !bytes.Equal(first, second) {
		t.Error("the export after save and reopen differs from the one before")
	}
	text := pdfText(t, first)
	for _, want := range []string{"For the Member and senior staff: {{x}} stays", "{braces}", "[Nobody]", "(order 14999)", `backslash \ too`} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}

func TestToolbarActionsWorkOnTheSelection(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "make this bold\nsecond line\nthird line")
	selectText(s.src, 5, 4) // "this"
	s.wrap("**", "bold text")
	if got := s.src.Text(); got != "make **this** bold\nsecond line\nthird line" {
		t.Fatalf("bold: %q", got)
	}
	selectText(s.src, len("make **this** bold\n"), len("second line\nthird line"))
	h.w.menuItem("Format", "Numbers").Action()
	if got := s.src.Text(); got != "make **this** bold\n1. second line\n2. third line" {
		t.Fatalf("numbers: %q", got)
	}
	// No selection: the cursor's line becomes a heading.
	s.src.SetCursorOffset(3)
	h.w.menuItem("Format", "Heading").Action()
	if got := s.src.Text(); got != "# make **this** bold\n1. second line\n2. third line" {
		t.Fatalf("heading: %q", got)
	}
	// A link asks for its address and keeps the selected text.
	selectText(s.src, 2, 4) // "make"
	h.ui.forms = [][]string{{"make", "https://example.org/x"}}
	h.w.menuItem("Format", "Link…").Action()
	if got := s.src.Text(); !strings.HasPrefix(got, "# [make](https://example.org/x) **this**") {
		t.Fatalf("link: %q", got)
	}
	// Inserting never deletes the selection; a footnote's text goes at
	// the end, numbered.
	selectText(s.src, 0, 1)
	h.ui.forms = [][]string{{"4", "2"}} // four rows in all, the heading's among them
	h.w.menuItem("Insert", "Table…").Action()
	if got := s.src.Text(); !strings.Contains(got, "| Heading 1 | Heading 2 |\n|---|---|\n| Text | Text |\n| Text | Text |\n| Text | Text |") || !strings.Contains(got, "[make]") {
		t.Fatalf("table: %q", got)
	}
	h.ui.forms = [][]string{{"Where this comes from."}}
	s.src.SetCursorOffset(0)
	h.w.menuItem("Insert", "Footnote…").Action()
	if got := s.src.Text(); !strings.HasPrefix(got, "[^1]") || !strings.HasSuffix(got, "\n\n[^1]: Where this comes from.\n") {
		t.Fatalf("footnote: %q", got)
	}
	// Everything landed in the highlighted section as typing does.
	if b := h.doc().Sections[2].Body; b == nil || *b != s.source() {
		t.Fatalf("the packet holds %v, the editor shows %q", b, s.src.Text())
	}
	// One undo takes back the footnote, not the table too.
	h.clock.advance(2 * burstPause)
	before := s.src.Text()
	h.ui.forms = [][]string{{"Key point"}}
	h.w.menuItem("Insert", "Call-out box…").Action()
	h.w.onUndo()
	if s.src.Text() != before {
		t.Errorf("undo after a call-out:\n%q\nwant\n%q", s.src.Text(), before)
	}
}

func TestInsertFieldOffersThePacketsFields(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 1, "Signed on .")
	s.src.SetCursorOffset(len("Signed on "))
	h.ui.forms = [][]string{{"Date the order was signed"}}
	h.w.menuItem("Insert", "Field…").Action()
	if got := *h.doc().Sections[1].Body; got != "Signed on {{.signing_date}}." {
		t.Fatalf("stored %q", got)
	}
	labels := briefing.FieldsOf(h.w.lib, h.doc()).Labels()
	if len(labels) < 3 {
		t.Errorf("fields offered: %v", labels)
	}
}

// pdfText is the text of a PDF, as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestEditMenuWorksOnTheFieldYouAreIn(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 1, "first line\nsecond line\nthird")
	h.w.win.Canvas().Focus(s.src)
	h.w.menuItem("Edit", "Go to Start of Text").Action()
	if got := s.src.CursorOffset(); got != 0 {
		t.Errorf("start: cursor at %d", got)
	}
	h.w.menuItem("Edit", "Go to End of Text").Action()
	if got, want := s.src.CursorOffset(), len([]rune(s.src.Text())); got != want {
		t.Errorf("end: cursor at %d, want %d", got, want)
	}
	selectText(s.src, 0, 5)
	h.w.menuItem("Edit", "Copy").Action()
	if got := h.app.Clipboard().Content(); got != "first" {
		t.Errorf("copied %q", got)
	}
	s.src.SetCursorOffset(len([]rune(s.src.Text())))
	h.w.menuItem("Edit", "Paste").Action()
	if got := s.src.Text(); got != "first line\nsecond line\nthirdfirst" {
		t.Errorf("after paste: %q", got)
	}
	// Inside a dialog, the clipboard items still reach the dialog's field
	// (the other items are held back while a dialog is open).
	if slices.Contains(h.w.focusedItems, h.w.menuItem("Edit", "Undo")) || !slices.Contains(h.w.focusedItems, h.w.menuItem("Edit", "Paste")) {
		t.Error("the wrong items pass to the focused field")
	}
}

func TestInsertCitationOffersThePacketsSources(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 1, "As reported.")
	s.src.SetCursorOffset(len("As reported"))
	sources := briefing.CitableSources(h.w.lib, h.doc())
	if len(sources) < 2 {
		t.Fatalf("citable sources: %v", sources)
	}
	h.ui.forms = [][]string{{sources[1].Title}}
	h.w.menuItem("Insert", "Citation…").Action()
	if got, want := s.src.Text(), "As reported[@"+sources[1].ID+"]."; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if probs := briefing.Validate(h.w.lib, h.doc(), "x"); probs.HasErrors() {
		t.Errorf("the citation does not resolve: %v", probs.Errors())
	}
}
