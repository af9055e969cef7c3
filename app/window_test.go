package app

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

func sectionIDs(p *briefing.Packet) string {
	var ids []string
	for _, s := range p.Sections {
		id := s.Template
		if !s.Included {
			id = "-" + id
		}
		ids = append(ids, id)
	}
	return strings.Join(ids, ",")
}

const sampleOrder = "summary,provisions,background,scope,international,context,outlook"

// The start page's staff sample is the sample memo, within its limit.
func TestTheStaffSampleOpensFromTheStartPage(t *testing.T) {
	h := openHarness(t, test.NewTempApp(t), afero.NewMemMapFs())
	test.Tap(onPage(t, h.w, newSampleLabel)[0])
	if n := len(h.doc().Sections); n != 16 || h.doc().Audience != "staff" {
		t.Fatalf("sample has %d sections for %s", n, h.doc().Audience)
	}
	if got := h.w.win.Title(); got != "Untitled.briefing — Briefsmith" {
		t.Errorf("title = %q", got)
	}
	h.settle()
	if got := h.w.packet.pages.Text; got != "4 pages (limit 4)" {
		t.Errorf("page count = %q", got)
	}
	// Sections written for other audiences are marked, not hidden.
	row := h.w.packet.createRow()
	h.w.packet.updateRow(1, row)
	if got := row.(*fyne.Container).Objects[0].(*widget.Label).Text; got != "What the Order Means for Government AI Suppliers  (client only)" {
		t.Errorf("row 1 = %q", got)
	}
}

func expectedPages(t *testing.T, h *harness) int {
	t.Helper()
	return briefing.Analyze(h.w.lib, h.doc(), "x").Pages
}

func TestAddSectionFromLibraryByButtonAndDoubleTap(t *testing.T) {
	h := newHarness(t, nil)
	lib := h.w.library
	test.Type(lib.search, "happens next")
	if len(lib.rows) != 2 || lib.rows[1].template == nil || lib.rows[1].template.ID != "outlook" {
		t.Fatalf("search rows = %+v", lib.rows)
	}
	if !lib.add.Disabled() {
		t.Error("Add enabled with nothing selected")
	}
	lib.list.Select(0) // a heading cannot be chosen
	if !lib.add.Disabled() {
		t.Error("Add enabled for a heading")
	}
	lib.list.Select(1)
	// With the last section selected, Add puts the new one at the end
	// (TestAddGoesAfterTheSelection covers the middle).
	h.w.selectSection(6)
	test.Tap(lib.add)
	if got := sectionIDs(h.doc()); got != sampleOrder+",outlook" {
		t.Fatalf("after Add: %s", got)
	}
	if h.w.doc.selectedIndex() != 7 || h.w.section.title.PlaceHolder != "What Happens Next" {
		t.Errorf("new section not selected for editing: %d %q", h.w.doc.selectedIndex(), h.w.section.title.PlaceHolder)
	}
	row := lib.createRow()
	lib.updateRow(1, row)
	test.DoubleTap(row.(*tapRow))
	if got := sectionIDs(h.doc()); got != sampleOrder+",outlook,outlook" {
		t.Fatalf("after double tap: %s", got)
	}
	if !strings.HasPrefix(h.w.win.Title(), "*") {
		t.Errorf("title %q lacks the unsaved marker", h.w.win.Title())
	}
}

func TestReorderExcludeDuplicateRemoveAndUndoRedo(t *testing.T) {
	h := newHarness(t, nil)
	pp := h.w.packet
	h.w.selectSection(0)
	if !pp.up.Disabled() || pp.down.Disabled() {
		t.Error("first row: up should be disabled, down enabled")
	}
	test.Tap(pp.down)
	test.Tap(pp.down)
	if got := sectionIDs(h.doc()); got != "provisions,background,summary,scope,international,context,outlook" {
		t.Fatalf("after moving down twice: %s", got)
	}
	if h.w.doc.selectedIndex() != 2 {
		t.Errorf("selection did not follow the section: %d", h.w.doc.selectedIndex())
	}
	row := pp.createRow()
	pp.updateRow(3, row)
	check := row.(*fyne.Container).Objects[1].(*widget.Check)
	test.Tap(check)
	if got := sectionIDs(h.doc()); !strings.Contains(got, "-scope") {
		t.Fatalf("include box did not exclude: %s", got)
	}
	test.Tap(pp.dup)
	test.Tap(pp.del)
	h.w.selectSection(0)
	test.Tap(pp.del)
	want := "background,summary,-scope,international,context,outlook"
	if got := sectionIDs(h.doc()); got != want {
		t.Fatalf("after duplicate and removes: %s", got)
	}
	for i, w := range []string{
		"provisions,background,summary,-scope,international,context,outlook",
		"provisions,background,summary,summary,-scope,international,context,outlook",
		"provisions,background,summary,-scope,international,context,outlook",
		"provisions,background,summary,scope,international,context,outlook",
		"provisions,summary,background,scope,international,context,outlook",
		sampleOrder,
	} {
		h.w.undoItem.Action()
		if got := sectionIDs(h.doc()); got != w {
			t.Fatalf("undo %d: %s, want %s", i+1, got, w)
		}
	}
	if !h.w.undoItem.Disabled {
		t.Error("Undo still enabled with nothing to undo")
	}
	h.w.redoItem.Action()
	h.w.redoItem.Action()
	if got := sectionIDs(h.doc()); got != "provisions,background,summary,scope,international,context,outlook" {
		t.Fatalf("after two redos: %s", got)
	}
}

func TestEditingABodyCanBeReset(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(3)
	s := h.w.section
	if !s.reset.Disabled() {
		t.Error("Reset enabled for an unedited section")
	}
	setSource(s, "")
	test.Type(s.src, "Hello [Prepared for], see **this** table:")
	h.clock.advance(2 * time.Second)
	test.Type(s.src, "\n\n| A | B |\n|---|---|\n| one | two |\n")
	if b := h.doc().Sections[3].Body; b == nil || !strings.HasPrefix(*b, "Hello {{.prepared_for}}") {
		t.Fatalf("body not stored: %v", b)
	}
	if s.reset.Disabled() {
		t.Error("Reset disabled for an edited section")
	}
	// Each line typed is one undo step (the two empty lines are one
	// each); the first burst made the copy.
	for range 5 {
		h.w.undoItem.Action()
	}
	if b := h.doc().Sections[3].Body; b == nil || *b != "Hello {{.prepared_for}}, see **this** table:" {
		t.Errorf("five undos should leave the first line: %v", b)
	}
	h.w.undoItem.Action()
	if h.doc().Sections[3].Body != nil {
		t.Error("undo did not restore the template body")
	}
	for range 6 {
		h.w.redoItem.Action()
	}
	test.Tap(s.reset)
	if h.doc().Sections[3].Body != nil || !strings.Contains(s.src.Text(), "The directive has two focuses") {
		t.Errorf("reset did not bring back the template: %q", s.src.Text())
	}
}

func TestFillingAVariableClearsItsProblem(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, testTemplatesDir+"/agency.md", []byte("---\nid: agency\ntitle: Agency impact\nkind: custom\nvariables:\n  - name: agency\n    label: Agency\n    required: true\nsources:\n  - title: S\n---\nFor {{.agency}}.\n"), 0o644)
	_ = afero.WriteFile(fs, testTemplatesDir+"/broken.md", []byte("---\nid: broken\n"), 0o644)
	h := newHarness(t, fs)
	if last := h.w.library.rows[len(h.w.library.rows)-1]; last.broken == nil || !strings.Contains(last.broken.File, "broken.md") {
		t.Errorf("broken template not listed in the library: %+v", last)
	}
	h.w.library.addTemplate("agency")
	h.settle()
	problems := h.w.problems.items
	k := slices.IndexFunc(problems, func(p briefing.Problem) bool { return p.Variable == "agency" })
	if k < 0 || !strings.HasPrefix(problems[k].Text(), `Agency is empty; section "Agency impact" needs it`) || strings.Contains(problems[k].Text(), `"agency"`) {
		t.Fatalf("problems = %s", problems.Error())
	}
	// The panel says it in the Variables tab's words; choosing it goes
	// to the field that puts it right.
	h.w.problems.list.OnSelected(k)
	if h.w.tabs.SelectedIndex() != 2 || h.w.win.Canvas().Focused() != h.w.variables.entries["agency"] {
		t.Errorf("choosing the problem showed tab %d, focused %T", h.w.tabs.SelectedIndex(), h.w.win.Canvas().Focused())
	}
	if h.w.packet.pages.Text != "Fix errors to count pages" {
		t.Errorf("pages = %q", h.w.packet.pages.Text)
	}
	entry := h.w.variables.entries["agency"]
	if entry == nil || entry.Validate() == nil {
		t.Fatal("required variable entry missing or not flagged")
	}
	test.Type(entry, "Department of Energy")
	h.settle()
	if got := h.w.problems.items.Error(); strings.Contains(got, "agency") {
		t.Errorf("problem not cleared: %s", got)
	}
	if h.doc().Variables["agency"] != "Department of Energy" || entry.Validate() != nil {
		t.Error("variable not stored or still flagged")
	}
	if h.w.packet.pages.Text == "Fix errors to count pages" {
		t.Error("page count not restored")
	}
}

func TestProblemSelectsItsSection(t *testing.T) {
	h := newHarness(t, nil)
	h.settle()
	if len(h.w.problems.items) != 2 {
		t.Fatalf("sample problems = %v", h.w.problems.items)
	}
	h.w.selectSection(4)
	h.w.problems.list.Select(0)
	if h.w.doc.selectedIndex() != 0 {
		t.Errorf("selected = %d, want 0 (the summary declares the fact to verify)", h.w.doc.selectedIndex())
	}
	if h.w.tabs.SelectedIndex() != 2 {
		t.Errorf("a fact to verify shows tab %d, not Variables, where it is filled in", h.w.tabs.SelectedIndex())
	}
	if h.w.tabs.Items[3].Text != "Problems (2)" {
		t.Errorf("tab = %q", h.w.tabs.Items[3].Text)
	}
}

func TestUnsavedChangesPromptOnQuitAndOpen(t *testing.T) {
	h := newHarness(t, nil)
	h.w.doc.setVariable("signing_date", "1 May")
	// Cancel keeps everything.
	h.ui.unsaved = choiceCancel
	h.w.onQuit()
	if len(h.ui.asked) != 1 || !h.w.doc.dirty {
		t.Fatalf("cancel: asked %v dirty %v", h.ui.asked, h.w.doc.dirty)
	}
	// Save asks for a name, writes the file and clears the marker.
	h.ui.unsaved, h.ui.savePath = choiceSave, "/docs/memo"
	h.ui.openPath = "/docs/memo.briefing"
	h.w.onOpen()
	if h.w.doc.dirty || h.w.doc.path != "/docs/memo.briefing" || h.w.win.Title() != "memo.briefing — Briefsmith" {
		t.Fatalf("after save-then-open: dirty %v path %q title %q", h.w.doc.dirty, h.w.doc.path, h.w.win.Title())
	}
	saved, err := briefing.LoadPacket(h.fs, "/docs/memo.briefing")
	if err != nil || saved.Variables["signing_date"] != "1 May" {
		t.Fatalf("saved packet: %v %v", saved, err)
	}
	if got := h.app.Preferences().StringList(prefRecent); len(got) != 1 || got[0] != "/docs/memo.briefing" {
		t.Errorf("recent = %v", got)
	}
	// Don't Save discards.
	h.w.doc.setVariable("signing_date", "2 May")
	h.ui.unsaved, h.ui.audience = choiceDiscard, "classroom"
	h.w.onNewDialog()
	if h.doc().Audience != "classroom" || h.w.doc.dirty || h.w.doc.path != "" {
		t.Fatalf("new after discard: %+v", h.doc())
	}
	if again, _ := briefing.LoadPacket(h.fs, "/docs/memo.briefing"); again.Variables["signing_date"] != "1 May" {
		t.Error("discarded change reached the file")
	}
}

func TestFailedSaveKeepsTheWork(t *testing.T) {
	mem := afero.NewMemMapFs()
	h := newHarness(t, afero.NewReadOnlyFs(mem))
	h.w.doc.setVariable("order_number", "EO 1")
	h.ui.savePath = "/docs/x.briefing"
	h.w.onSave()
	if len(h.ui.errors) != 1 || !h.w.doc.dirty || h.doc().Variables["order_number"] != "EO 1" {
		t.Fatalf("errors %v dirty %v", h.ui.errors, h.w.doc.dirty)
	}
}

func TestExportWritesAValidPDF(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.savePath = "/out/brief"
	h.w.onExport()
	if len(h.ui.errors) > 0 {
		t.Fatal(h.ui.errors)
	}
	if h.ui.asked[0] != "Export PDF:executive-order-on-ai-security-for-federal-networks.pdf" {
		t.Errorf("proposed name: %v", h.ui.asked)
	}
	if h.ui.exported != "/out/brief.pdf" || h.ui.pages != expectedPages(t, h) || h.ui.pages < 4 {
		t.Errorf("exported %q (%d pages)", h.ui.exported, h.ui.pages)
	}
	pdf, err := afero.ReadFile(h.fs, "/out/brief.pdf")
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
	path := filepath.Join(t.TempDir(), "brief.pdf")
	_ = os.WriteFile(path, pdf, 0o644)
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// "Export finished" says when the PDF runs over the packet's page limit,
// by how much, and that fitting may help (it said only the page count);
// within the limit it says nothing more.
func TestExportFinishedSaysWhenOverTheLimit(t *testing.T) {
	h := newHarness(t, nil)
	h.w.doc.setChoice(func(p *briefing.Packet) { p.PageLimit = 2 })
	h.ui.savePath = "/out/brief"
	h.w.onExport()
	pages := h.ui.pages
	want := fmt.Sprintf("The PDF has %d pages, %d pages over the packet's limit of 2.", pages, pages-2)
	if !strings.Contains(h.ui.exportNote, want) || !strings.Contains(h.ui.exportNote, "cut text or raise the limit") {
		t.Errorf("the export note %q, want %q and that fitting cannot win back so much", h.ui.exportNote, want)
	}
	h.w.doc.setChoice(func(p *briefing.Packet) { p.PageLimit = pages - 1 })
	h.w.onExport()
	if !strings.Contains(h.ui.exportNote, "1 page over") || !strings.Contains(h.ui.exportNote, "Fit to page limit") {
		t.Errorf("one page over, the note %q does not suggest fitting", h.ui.exportNote)
	}
	h.w.doc.setChoice(func(p *briefing.Packet) { p.PageLimit = pages })
	h.w.onExport()
	if strings.Contains(h.ui.exportNote, "limit") {
		t.Errorf("within the limit, the note %q", h.ui.exportNote)
	}
}

// "Export finished" says what Problems still lists — a fact to verify —
// so the file is not sent believing all was well; with none, nothing.
func TestExportFinishedMentionsOpenProblems(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.savePath = "/out/brief"
	h.w.onExport()
	if want := "things to check, the first: to verify:"; !strings.Contains(h.ui.exportNote, want) {
		t.Errorf("the export note %q, want %q", h.ui.exportNote, want)
	}
	h.w.doc.setVariable("signing_date", "2025-05-06")
	h.w.doc.setVariable("order_number", "14365")
	h.w.onExport()
	if h.ui.exportNote != "" {
		t.Errorf("with nothing left to check, the note %q", h.ui.exportNote)
	}
}

func TestExportWithErrorsExplainsAndWritesNothing(t *testing.T) {
	h := newHarness(t, nil)
	h.w.doc.addSection("no-such-template")
	h.ui.savePath = "/out/brief.pdf"
	h.w.onExport()
	if len(h.ui.errors) != 1 || !strings.Contains(plainError(h.ui.errors[0]).Error(), `unknown template "no-such-template"`) {
		t.Fatalf("errors = %v", h.ui.errors)
	}
	if ok, _ := afero.Exists(h.fs, "/out/brief.pdf"); ok || len(h.ui.asked) != 0 {
		t.Error("a failed export asked for a path or wrote a file")
	}
}

func TestAutosaveRestoresAfterACrash(t *testing.T) {
	fs := afero.NewMemMapFs()
	a := test.NewTempApp(t)
	first := openHarness(t, a, fs)
	first.w.setDocument(first.w.newDocument(testPacket(), ""))
	first.w.doc.setVariable("order_number", "EO 99")
	first.w.selectSection(2)
	setSource(first.w.section, "Typed but never saved.")
	first.settle() // the autosave timer fires
	if ok, _ := afero.Exists(fs, "/data/recovery-1000.json"); !ok {
		t.Fatal("no recovery file after autosave")
	}
	// The process dies here: no quit, no save. The next start offers the work back.
	second := &fakeUI{restore: true}
	h2 := &harness{t: t, app: a, fs: fs, clock: newManualClock(), ui: second}
	e := first.w.env
	e.after = h2.clock.after
	e.owner = briefing.Owner{PID: 2000}
	h2.w = newMainWindowWith(a, e, second.hooks())
	h2.w.start()
	if len(second.asked) != 1 || second.asked[0] != "restore" {
		t.Fatalf("asked = %v", second.asked)
	}
	p := h2.w.doc.packet
	if p.Variables["order_number"] != "EO 99" || p.Sections[2].Body == nil || *p.Sections[2].Body != "Typed but never saved." || !h2.w.doc.dirty {
		t.Fatalf("restored packet lost work: %+v", p.Sections[2])
	}
	// The restored work is the new window's own now.
	if ok, _ := afero.Exists(fs, "/data/recovery-1000.json"); ok {
		t.Error("the crashed window's file is still there after its work was taken over")
	}
	if ok, _ := afero.Exists(fs, "/data/recovery-2000.json"); !ok {
		t.Error("the restored work has no autosave of its own")
	}
	// That window crashes too; declining removes its file.
	third := &fakeUI{restore: false}
	e.owner = briefing.Owner{PID: 3000}
	w3 := newMainWindowWith(a, e, third.hooks())
	w3.start()
	if len(third.asked) != 1 {
		t.Fatalf("third start asked %v", third.asked)
	}
	if ok, _ := afero.Exists(fs, "/data/recovery-2000.json"); ok {
		t.Error("recovery file kept after the user declined it")
	}
}

func TestSettingsEditsAreUndoable(t *testing.T) {
	h := newHarness(t, nil)
	s := h.w.settings
	s.pageSize.SetSelected("a4")
	s.title.SetText(s.title.Text + " (revised)")
	s.cover.SetChecked(false)
	p := h.doc()
	if p.Style.PageSize != "a4" || !strings.HasSuffix(p.Title, "(revised)") || p.Style.Cover {
		t.Fatalf("settings not applied: %+v", p.Style)
	}
	h.w.undoItem.Action()
	h.w.undoItem.Action()
	if h.doc().Style.Cover != true || strings.HasSuffix(h.doc().Title, "(revised)") || h.doc().Style.PageSize != "a4" {
		t.Fatalf("two undos: cover %v title %q size %s", h.doc().Style.Cover, h.doc().Title, h.doc().Style.PageSize)
	}
	if s.title.Text != h.doc().Title || !s.cover.Checked {
		t.Error("settings form not refreshed after undo")
	}
}

func TestSaveSectionAsTemplate(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(6)
	h.w.section.title.SetText("Our next steps")
	setSource(h.w.section, "Watch for guidance{{if .signing_date}} after {{.signing_date}}{{end}}.")
	h.w.section.onSaveAsTemplate()
	if len(h.ui.errors) > 0 {
		t.Fatal(h.ui.errors)
	}
	tm, ok := h.w.lib.Get("our-next-steps")
	if !ok || tm.Origin != testTemplatesDir+"/our-next-steps.md" || !strings.HasPrefix(tm.Body, "Watch for guidance") {
		t.Fatalf("template not in library: %+v", tm)
	}
}

func TestUsableAtSmallWindowSizes(t *testing.T) {
	h := newHarness(t, nil)
	min := h.w.win.Content().MinSize()
	if min.Width > 1024 || min.Height > 640 {
		t.Errorf("minimum content size %v does not fit 1024×640", min)
	}
}

// The editor shows the packet audience's version of a multi-audience
// template, with no audience tests left in it, and follows the audience.
func TestEditorShowsTheAudiencesText(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(0)
	s := h.w.section
	if !strings.HasPrefix(s.src.Text(), "**Bottom line:**") || strings.Contains(s.src.Text(), ".audience") || strings.Contains(s.src.Text(), "In short") {
		t.Fatalf("staff editor shows:\n%s", s.src.Text())
	}
	if !strings.Contains(s.info.Text, "staff version") {
		t.Errorf("info does not say which version is shown: %q", s.info.Text)
	}
	h.w.settings.audience.SetSelected("classroom")
	if !strings.HasPrefix(s.src.Text(), "**In short:**") || strings.Contains(s.src.Text(), "Bottom line") {
		t.Fatalf("classroom editor shows:\n%s", s.src.Text())
	}
	if h.doc().Sections[0].Body != nil {
		t.Fatal("showing a version made an edited copy")
	}
	// Typing keeps the shown version, placeholders and all.
	test.Type(s.src, "!")
	b := h.doc().Sections[0].Body
	if b == nil || !strings.HasPrefix(*b, "!**In short:**") || strings.Contains(*b, "Bottom line") {
		t.Fatalf("typed copy is not the classroom text: %v", b)
	}
}
