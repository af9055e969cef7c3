package app

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// File › Import Word… makes a new, unsaved packet of the kind chosen from
// a Word document, its Heading 1s the sections; Cancel at either question
// changes nothing.
func TestImportWordMakesANewPacket(t *testing.T) {
	h := newHarness(t, nil)
	raw, err := fs.ReadFile(assets.Samples, "classroom.briefing")
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := briefing.DecodePacket("s", raw)
	data, _, err := briefing.RenderPacketDocx(h.w.lib, sample, "s")
	if err != nil {
		t.Fatal(err)
	}
	_ = afero.WriteFile(h.fs, "/docs/handout.docx", data, 0o644)
	// From the start page: another packet's sections are not edits to
	// the one open.
	h.w.showStart()
	before := h.w.doc
	h.ui.openPath = "/docs/handout.docx"
	h.w.menuItem("File", "Import Word…").Action()
	if h.w.doc != before || len(h.ui.asked) != 1 || h.ui.asked[0] != "import:handout.docx" {
		t.Fatalf("cancelled import: asked %v, packet replaced %v", h.ui.asked, h.w.doc != before)
	}
	h.ui.importKind = briefing.Classroom
	h.w.menuItem("File", "Import Word…").Action()
	p := h.doc()
	if p.Audience != briefing.Classroom || p.Title != sample.Title || len(p.Sections) < 5 || !h.w.doc.dirty || h.w.doc.path != "" {
		t.Fatalf("imported: %s %q, %d sections, dirty %v, path %q", p.Audience, p.Title, len(p.Sections), h.w.doc.dirty, h.w.doc.path)
	}
	if !strings.Contains(*p.Sections[1].Body, "**work with AI companies**") {
		t.Errorf("section 2 reads %q", *p.Sections[1].Body)
	}
	if len(h.ui.errors) > 0 {
		t.Errorf("errors: %v", h.ui.errors)
	}
}

// rezip is a Word document with replace applied to its text part: an
// edit made in Word, as far as a test needs one.
func rezip(t *testing.T, data []byte, replace func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			b = []byte(replace(string(b)))
		}
		w, _ := zw.Create(f.Name)
		_, _ = w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The open packet exported to Word and edited there comes back as
// changes to review, not a new packet: what the user keeps lands as one
// Undo step; an unedited export brings nothing.
func TestWordEditsComeBackIntoThePacket(t *testing.T) {
	h := newHarness(t, nil)
	data, _, err := briefing.RenderPacketDocx(h.w.lib, h.doc(), h.w.doc.name())
	if err != nil {
		t.Fatal(err)
	}
	_ = afero.WriteFile(h.fs, "/docs/same.docx", data, 0o644)
	edited := rezip(t, data, func(s string) string {
		return strings.Replace(strings.ReplaceAll(s, ">Key Provisions<", ">Main Provisions<"), "directing federal agencies", "telling federal agencies", 1)
	})
	_ = afero.WriteFile(h.fs, "/docs/memo.docx", edited, 0o644)
	before := h.doc().Clone()

	h.ui.openPath = "/docs/same.docx"
	h.w.onImportWord()
	if len(h.ui.infos) == 0 || !strings.Contains(h.ui.infos[len(h.ui.infos)-1], "No changes to bring in") {
		t.Fatalf("an unedited export: infos %v, asked %v", h.ui.infos, h.ui.asked)
	}

	h.ui.openPath = "/docs/memo.docx"
	h.ui.review = func(e []briefing.WordEdit) []briefing.WordEdit { return e }
	h.w.onImportWord()
	if len(h.ui.reviewed) == 0 {
		t.Fatalf("no review: asked %v, errors %v", h.ui.asked, h.ui.errors)
	}
	var titles []string
	for _, s := range h.doc().Sections {
		titles = append(titles, h.w.sectionTitle(slices.IndexFunc(h.doc().Sections, func(r briefing.SectionRef) bool { return r.Template == s.Template })))
	}
	if !slices.Contains(titles, "Main Provisions") || !h.w.doc.dirty {
		t.Errorf("after bringing the edits in: titles %q, dirty %v", titles, h.w.doc.dirty)
	}
	// The edited paragraph comes in as the boss wrote it, its citation a
	// citation again; the field it held is text now, which the review
	// said.
	if b := h.doc().Sections[0].Body; b == nil || !strings.Contains(*b, "telling federal agencies") || !strings.Contains(*b, "[@article]") {
		t.Errorf("the bottom line after the edit: %q", deref(b))
	}
	if i := slices.IndexFunc(h.ui.reviewed, func(e briefing.WordEdit) bool { return e.Section == 0 }); i < 0 || !h.ui.reviewed[i].FieldsLost {
		t.Errorf("the review did not say the bottom line's fields become text: %+v", h.ui.reviewed)
	}
	h.w.onUndo()
	if got := h.doc(); got.Sections[1].Title != before.Sections[1].Title || len(got.Sections) != len(before.Sections) {
		t.Errorf("one Undo left %q", got.Sections[1].Title)
	}
}

// The changes read as tracked changes: words taken out and put in, in
// the paragraph they were in, never as Markdown.
func TestDiffSectionMarksWords(t *testing.T) {
	got := diffSection("A **bold** claim.\n\nKept.\n\n- gone item\n", "A **bold** statement.\n\nKept.\n\nNew paragraph.\n")
	want := [][]marked{
		{{"A bold", kept}, {"claim.", deleted}, {"statement.", inserted}},
		{{"Kept.", kept}},
		{{"• gone item", deleted}},
		{{"New paragraph.", inserted}},
	}
	if len(got) != len(want) {
		t.Fatalf("%q", got)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("paragraph %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// The real review: a row per change saying what it is; a change unticked
// is left out; Enter brings in the rest, Esc brings in nothing.
func TestTheWordReviewDialog(t *testing.T) {
	h := newHarness(t, nil)
	h.w.win.Resize(fyne.NewSize(1280, 800))
	edits := []briefing.WordEdit{
		{Kind: briefing.SectionChanged, Section: 1, Title: "Key Provisions", NewTitle: "Main Provisions", Before: "Same.\n", Text: "Same.\n"},
		{Kind: briefing.SectionRemoved, Section: 7, Title: "Talking Points", Before: "Gone.\n"},
	}
	var got []briefing.WordEdit
	answered := false
	h.w.showWordReview("memo.docx", edits, []string{"A comment in section “Background”, paragraph 2: The boss: Check this."}, func(a []briefing.WordEdit, asNew bool) { got, answered = a, !asNew })
	var labels []string
	var checks []*widget.Check
	for _, o := range h.w.win.Canvas().Overlays().List() {
		for _, l := range allOf[*widget.Label](t, o) {
			if strings.HasPrefix(l.Text, "“") {
				labels = append(labels, l.Text)
			}
		}
		checks = append(checks, allOf[*widget.Check](t, o)...)
	}
	if !slices.Equal(labels, []string{"“Key Provisions” renamed “Main Provisions”", "“Talking Points” removed"}) {
		t.Fatalf("rows %q", labels)
	}
	said := false
	for _, l := range allOf[*widget.Label](t, h.w.win.Canvas().Overlays().Top()) {
		said = said || strings.Contains(l.Text, "The boss: Check this.")
	}
	if !said {
		t.Error("the document's comment is not listed beside the changes")
	}
	checks[1].SetChecked(false)
	// Enter with the list clicked, as a user reads the changes first.
	list := allOf[*dialogList](t, h.w.win.Canvas().Overlays().Top())[0]
	h.w.win.Canvas().Focus(list)
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !answered || len(got) != 1 || got[0].Title != "Key Provisions" || h.w.dialogOpen() {
		t.Errorf("Enter brought in %+v (answered %v, open %v)", got, answered, h.w.dialogOpen())
	}
	h.w.showWordReview("memo.docx", edits, nil, func(a []briefing.WordEdit, asNew bool) { got = a })
	h.w.dialogKey(fyne.KeyEscape)
	if got != nil || h.w.dialogOpen() {
		t.Errorf("Esc brought in %+v", got)
	}
}

// What a Word document held that has no place in a section's text is
// said when it comes in and listed in the Problems tab while its packet
// is open.
func TestWhatAnImportLeftOutIsInProblems(t *testing.T) {
	h := newHarness(t, nil)
	data, _, err := briefing.RenderPacketDocx(h.w.lib, h.doc(), "x")
	if err != nil {
		t.Fatal(err)
	}
	boxed := rezip(t, data, func(s string) string {
		box := `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
		i := strings.LastIndex(s, "<w:sectPr")
		return s[:i] + box + s[i:]
	})
	_ = afero.WriteFile(h.fs, "/docs/boxed.docx", boxed, 0o644)
	h.w.showStart()
	h.ui.openPath, h.ui.importKind = "/docs/boxed.docx", briefing.Staff
	h.w.onImportWord()
	h.settle()
	if len(h.ui.infos) == 0 || !strings.Contains(h.ui.infos[len(h.ui.infos)-1], "A text box in section") {
		t.Errorf("no word of the text box: %v", h.ui.infos)
	}
	found := false
	for _, p := range h.w.problems.items {
		found = found || strings.Contains(p.Text(), "text box") && strings.Contains(p.Text(), "Boxed words")
	}
	if !found {
		t.Errorf("Problems does not list the text box: %v", h.w.problems.items)
	}
}
