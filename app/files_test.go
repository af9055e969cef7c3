package app

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// Two copies of Briefsmith on one packet: each has its own autosave,
// neither is offered nor deletes the other's while it runs, and a save
// never silently replaces what the other saved.
func TestTwoWindowsKeepTheirOwnWork(t *testing.T) {
	fs := afero.NewMemMapFs()
	running := map[int]bool{1: true, 2: true}
	alive := func(o briefing.Owner) bool { return running[o.PID] }
	if err := briefing.SavePacket(fs, "/docs/memo.briefing", testPacket()); err != nil {
		t.Fatal(err)
	}
	a := openHarnessAs(t, test.NewTempApp(t), fs, briefing.Owner{PID: 1}, alive)
	a.w.openPath("/docs/memo.briefing")
	a.w.doc.setVariable("order_number", "EO A")
	a.settle()
	if ok, _ := afero.Exists(fs, "/data/recovery-1.json"); !ok {
		t.Fatal("first window did not autosave")
	}

	b := openHarnessAs(t, test.NewTempApp(t), fs, briefing.Owner{PID: 2}, alive)
	if len(b.ui.asked) != 0 {
		t.Fatalf("second window offered a running window's work: %v", b.ui.asked)
	}
	if ok, _ := afero.Exists(fs, "/data/recovery-1.json"); !ok {
		t.Fatal("second window deleted the first window's recovery file")
	}
	b.ui.alreadyOpen = alreadyOpenHere
	b.w.openPath("/docs/memo.briefing")
	b.ui.asked = nil
	b.w.doc.setVariable("signing_date", "1 May")
	b.w.onSave()
	if len(b.ui.errors) > 0 || b.w.doc.dirty {
		t.Fatalf("second window could not save: %v", b.ui.errors)
	}

	// The first window saves: the file changed under it, so it asks.
	a.ui.overwrite = overwriteCancel
	a.w.onSave()
	if got := a.ui.asked; len(got) != 1 || got[0] != "overwrite:memo.briefing" {
		t.Fatalf("first window asked %v", got)
	}
	onDisk, _ := briefing.LoadPacket(fs, "/docs/memo.briefing")
	if onDisk.Variables["signing_date"] != "1 May" || !a.w.doc.dirty {
		t.Fatal("Cancel still replaced the other window's save, or forgot the edit")
	}
	a.ui.overwrite, a.ui.savePath = overwriteSaveAs, "/docs/memo-a.briefing"
	a.w.onSave()
	if mine, err := briefing.LoadPacket(fs, "/docs/memo-a.briefing"); err != nil || mine.Variables["order_number"] != "EO A" {
		t.Fatalf("Save As… did not write the first window's work: %v", err)
	}
	if again, _ := briefing.LoadPacket(fs, "/docs/memo.briefing"); again.Variables["signing_date"] != "1 May" {
		t.Fatal("Save As… touched the other file")
	}

	// Both saved: nothing to recover, and each window cleared only its own.
	if ok, _ := afero.Exists(fs, "/data/recovery-1.json"); ok {
		t.Error("first window's recovery file left after it saved")
	}
	// Once the other copy saves again, Overwrite replaces it on purpose.
	b.w.doc.setVariable("signing_date", "2 May")
	b.ui.overwrite = overwriteReplace
	b.w.onSave()
	b.w.doc.setVariable("signing_date", "3 May")
	b.w.onSave() // its own last save: no question
	if len(b.ui.asked) != 0 {
		t.Fatalf("second window asked %v about its own file", b.ui.asked)
	}
	a.ui.alreadyOpen = alreadyOpenHere
	a.w.openPath("/docs/memo.briefing")
	a.w.doc.setVariable("signing_date", "4 May")
	_ = afero.WriteFile(fs, "/docs/memo.briefing", []byte("{}"), 0o644) // a sync client, say
	a.ui.asked, a.ui.overwrite = nil, overwriteReplace
	a.w.onSave()
	if got, _ := briefing.LoadPacket(fs, "/docs/memo.briefing"); len(a.ui.asked) != 1 || got == nil || got.Variables["signing_date"] != "4 May" {
		t.Fatalf("Overwrite: asked %v, file %+v", a.ui.asked, got)
	}
}

// New › Classroom handout leaves the teacher's answer key switched off,
// and the sample is the classroom sample: titled, not "Untitled".
func TestNewClassroomHandoutLeavesTheAnswerKeyOut(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.audience = "classroom"
	h.w.onNewDialog()
	found := false
	for _, s := range h.doc().Sections {
		if s.Template == "answer-key" {
			found = true
			if s.Included {
				t.Error("the answer key is switched on in a new handout")
			}
		}
	}
	if p := h.doc(); p.Title == briefing.UntitledTitle || p.Audience != briefing.Classroom {
		t.Errorf("the new sample handout is %q for %s", p.Title, p.Audience)
	}
	if !found {
		t.Fatal("the answer key is not in the new handout at all")
	}
}

// Messages a user can cause say what happened and what to do, in words.
func TestMessagesAreInPlainWords(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/docs/memo.txt", []byte("Memo to staff: meeting at 3."), 0o644)
	h := newHarness(t, fs)
	h.w.openPath("/docs/memo.txt")
	if len(h.ui.errors) != 1 {
		t.Fatalf("errors = %v", h.ui.errors)
	}
	msg := plainError(h.ui.errors[0]).Error()
	if !strings.HasPrefix(msg, "“memo.txt” is not a Briefsmith packet") || strings.Contains(msg, "invalid character") {
		t.Errorf("opening a text file says %q", msg)
	}

	ro := newHarness(t, afero.NewReadOnlyFs(afero.NewMemMapFs()))
	ro.w.doc.setVariable("order_number", "EO 1")
	ro.ui.savePath = "/docs/x.briefing"
	ro.w.onSave()
	if len(ro.ui.errors) != 1 {
		t.Fatalf("errors = %v", ro.ui.errors)
	}
	msg = plainError(ro.ui.errors[0]).Error()
	for _, want := range []string{"cannot be written", "nothing is lost"} {
		if !strings.Contains(msg, want) {
			t.Errorf("read-only folder message lacks %q: %q", want, msg)
		}
	}
	if strings.Contains(msg, "operation not permitted") {
		t.Errorf("system jargon in %q", msg)
	}
}

// A file the open dialog chose but that cannot be read is explained in
// words.
func TestOpenErrorsSayWhatHappened(t *testing.T) {
	_, err := os.Open("/nonexistent-dir-for-test/memo.briefing")
	msg := openPathError(err).Error()
	if !strings.Contains(msg, "memo.briefing could not be opened: it does not exist") || strings.Contains(msg, "no such file") {
		t.Errorf("message %q", msg)
	}
}

// A templates folder holding a link to a device, a pipe, a link to a huge
// file and front matter that explodes: the app starts, loads the good
// template, and lists each bad file by name with what is wrong.
func TestStartsWithABadTemplatesFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", "---\nid: good\ntitle: Good one\nkind: custom\n---\nFine.\n")
	write("laughs.md", "---\nid: x\ntitle: X\nkind: custom\na: &a [1,2]\nb: [*a,*a]\n---\nBody\n")
	write("deep.md", "---\nid: y\ntitle: Y\nkind: custom\nsummary: "+strings.Repeat("[", 100000)+"\n---\nBody\n")
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTemplatesDir, dir)
	h := openHarness(t, a, afero.NewOsFs())
	if _, ok := h.w.lib.Get("good"); !ok {
		t.Fatal("the good template was not loaded")
	}
	shown := map[string]string{}
	for id, r := range h.w.library.rows {
		if r.broken == nil {
			continue
		}
		row := h.w.library.createRow()
		h.w.library.updateRow(id, row)
		labels := row.(*tapRow).content.(*fyne.Container).Objects
		shown[labels[0].(*widget.Label).Text] = labels[1].(*widget.Label).Text
	}
	for name, want := range map[string]string{
		"⚠ zero.md":           "skipped: templates must be ordinary files",
		"⚠ pipe.md":           "a pipe (FIFO)",
		"⚠ laughs.md, line 5": "anchors and aliases",
		"⚠ deep.md, line 5":   "nested more than 16 deep",
	} {
		if !strings.Contains(shown[name], want) {
			t.Errorf("row %q shows %q, want %q (rows: %v)", name, shown[name], want, shown)
		}
	}
	// Choosing a row says it all.
	for id, r := range h.w.library.rows {
		if r.broken != nil {
			h.w.library.list.Select(id)
			break
		}
	}
	if len(h.ui.infos) != 1 || !strings.Contains(h.ui.infos[0], dir) {
		t.Errorf("selecting a broken row showed %v", h.ui.infos)
	}
}

// Restored work remembers what its file held: saving it asks nothing
// unless someone really changed the file after the crash.
func TestSavingRestoredWorkChecksTheRightFile(t *testing.T) {
	fs := afero.NewMemMapFs()
	if err := briefing.SavePacket(fs, "/docs/memo.briefing", testPacket()); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	first := openHarnessAs(t, a, fs, briefing.Owner{PID: 1}, func(briefing.Owner) bool { return true })
	first.w.openPath("/docs/memo.briefing")
	first.w.doc.setVariable("order_number", "EO 7")
	first.settle() // autosaved; then the window dies

	none := func(briefing.Owner) bool { return false }
	second := openHarnessAnswering(t, a, fs, briefing.Owner{PID: 2}, none, &fakeUI{restore: true})
	second.ui.asked = nil
	second.w.onSave()
	if len(second.ui.asked) != 0 || second.w.doc.dirty {
		t.Fatalf("saving restored work asked %v (dirty %v)", second.ui.asked, second.w.doc.dirty)
	}
	if got, _ := briefing.LoadPacket(fs, "/docs/memo.briefing"); got.Variables["order_number"] != "EO 7" {
		t.Fatal("restored work not saved")
	}

	// Crash again; this time another program rewrites the file before the
	// restore is saved.
	third := openHarnessAs(t, a, fs, briefing.Owner{PID: 3}, none)
	third.w.openPath("/docs/memo.briefing")
	third.w.doc.setVariable("order_number", "EO 8")
	third.settle()
	_ = afero.WriteFile(fs, "/docs/memo.briefing", []byte(`{"version":1,"title":"Theirs","audience":"staff","sections":[]}`), 0o644)
	fourth := openHarnessAnswering(t, a, fs, briefing.Owner{PID: 4}, none, &fakeUI{restore: true})
	fourth.ui.asked = nil
	fourth.ui.overwrite = overwriteCancel
	fourth.w.onSave()
	if len(fourth.ui.asked) != 1 || fourth.ui.asked[0] != "overwrite:memo.briefing" {
		t.Fatalf("a file changed after the crash was saved over without asking: %v", fourth.ui.asked)
	}
}
