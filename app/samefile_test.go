package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// One packet, one window: a second copy asked to open a packet the first
// has open offers the first window (and brings it to the front on
// request); a window notices its file changed on disk and offers to
// reload it, saying what differs; a window that keeps its own version is
// not asked again about the same change, and its save still asks before
// replacing the file. Before, the second opening said nothing, the first
// window never noticed, and Overwrite discarded the other's edits.
func TestOnePacketIsEditedInOneWindow(t *testing.T) {
	fs := afero.NewMemMapFs()
	running := map[int]bool{1: true, 2: true}
	alive := func(o briefing.Owner) bool { return running[o.PID] }
	const path = "/docs/memo.briefing"
	if err := briefing.SavePacket(fs, path, testPacket()); err != nil {
		t.Fatal(err)
	}
	a := openHarnessAs(t, test.NewTempApp(t), fs, briefing.Owner{PID: 1}, alive)
	a.w.openPath(path)
	if len(a.ui.asked) != 0 {
		t.Fatalf("the only window asked %v", a.ui.asked)
	}

	// The second copy: Switch brings the first window forward and opens
	// nothing here.
	b := openHarnessAs(t, test.NewTempApp(t), fs, briefing.Owner{PID: 2}, alive)
	b.ui.alreadyOpen = alreadySwitch
	b.w.openPath(path)
	if !slices.Equal(b.ui.asked, []string{"already open:memo.briefing"}) || b.w.doc.path == path {
		t.Fatalf("second window: asked %v, open on %q", b.ui.asked, b.w.doc.path)
	}
	if ok, _ := afero.Exists(fs, "/data/raise-1"); !ok {
		t.Fatal("the first window was not asked to come to the front")
	}
	a.w.watch()
	if ok, _ := afero.Exists(fs, "/data/raise-1"); ok {
		t.Error("the first window did not take the request")
	}

	// Opened here too, knowingly; the second window saves a change.
	b.ui.asked, b.ui.alreadyOpen = nil, alreadyOpenHere
	b.w.openPath(path)
	if b.w.doc.path != path {
		t.Fatal("Open Here Too did not open the packet")
	}
	b.w.doc.setVariable("signing_date", "1 May")
	b.w.settings.title.SetText("Changed in the other window")
	b.w.onSave()

	// The first window, with no changes of its own, is told and reloads.
	a.ui.reload = reloadReload
	a.w.watch()
	if !slices.Equal(a.ui.asked, []string{"reload:memo.briefing"}) || a.ui.reloadUnsaved {
		t.Fatalf("first window asked %v (unsaved %v)", a.ui.asked, a.ui.reloadUnsaved)
	}
	said := strings.Join(a.ui.changes, "; ")
	if !strings.Contains(said, "the title") || !strings.Contains(said, "fields") {
		t.Errorf("the question said %q", said)
	}
	if p := a.doc(); p.Title != "Changed in the other window" || p.Variables["signing_date"] != "1 May" || a.w.doc.dirty {
		t.Fatalf("after Reload: %q, %q, dirty %v", p.Title, p.Variables["signing_date"], a.w.doc.dirty)
	}
	a.w.watch()
	if len(a.ui.asked) != 1 {
		t.Fatalf("asked again about a file already reloaded: %v", a.ui.asked)
	}

	// Now with changes of its own: the question says so; Keep Mine is not
	// asked again for the same file, and the save still asks.
	a.w.doc.setVariable("order_number", "EO A")
	b.w.doc.setVariable("signing_date", "2 May")
	b.w.onSave()
	a.ui.asked, a.ui.reload = nil, reloadKeep
	a.w.watch()
	a.w.watch()
	if !slices.Equal(a.ui.asked, []string{"reload:memo.briefing"}) || !a.ui.reloadUnsaved {
		t.Fatalf("with unsaved changes, asked %v (unsaved %v)", a.ui.asked, a.ui.reloadUnsaved)
	}
	if a.doc().Variables["order_number"] != "EO A" || !a.w.doc.dirty {
		t.Fatal("Keep Mine lost this window's change")
	}
	a.ui.overwrite = overwriteCancel
	a.w.onSave()
	if got := a.ui.asked; len(got) != 2 || got[1] != "overwrite:memo.briefing" {
		t.Fatalf("the save after Keep Mine asked %v", got)
	}

	// What the question lists is what the other changed, not this
	// window's own edits (a trial saw "the organization", its own edit,
	// among the differences).
	a.ui.asked = nil
	a.w.settings.org.SetText("Mine")
	b.w.settings.author.SetText("Their author")
	b.ui.overwrite = overwriteReplace
	b.w.onSave()
	a.w.watch()
	said = strings.Join(a.ui.changes, "; ")
	if !strings.Contains(said, "the author") || strings.Contains(said, "organization") {
		t.Errorf("the question lists %q; want the author and not this window's organization", said)
	}

	// Closing a window lets the other copy open the packet without a
	// question; a crashed copy's mark does not count.
	b.w.onQuit()
	c := openHarnessAs(t, test.NewTempApp(t), fs, briefing.Owner{PID: 3}, alive)
	a.ui.unsaved = choiceDiscard
	a.w.onQuit()
	c.w.openPath(path)
	if len(c.ui.asked) != 0 || c.w.doc.path != path {
		t.Fatalf("after both closed: asked %v", c.ui.asked)
	}
	running[3] = false // crashed, its mark left behind
	d := openHarnessAs(t, test.NewTempApp(t), fs, briefing.Owner{PID: 4}, alive)
	d.w.openPath(path)
	if len(d.ui.asked) != 0 {
		t.Fatalf("a crashed copy's mark was taken as an open window: %v", d.ui.asked)
	}
	if ok, _ := afero.Exists(fs, "/data/open-3.json"); ok {
		t.Error("the crashed copy's mark was left behind")
	}

	// A copy started to open the packet (a double click on it) closes
	// once the user switches to the window that has it.
	running[4] = true
	e := openHarnessAnswering(t, test.NewTempApp(t), fs, briefing.Owner{PID: 5}, alive, &fakeUI{alreadyOpen: alreadySwitch})
	e.w.startOn(path)
	if ok, _ := afero.Exists(fs, "/data/raise-4"); !ok || !slices.Contains(e.ui.asked, "already open:memo.briefing") {
		t.Fatalf("the new copy asked %v", e.ui.asked)
	}
	if ok, _ := afero.Exists(fs, "/data/open-5.json"); ok {
		t.Error("the copy that switched away is still open")
	}
}

// Work a crash left behind is offered in one window only: the first copy
// to start claims it before asking. Two copies started after a crash
// both offered it, and the second restored what the first had discarded
// (a fresh-eyes trial).
func TestCrashedWorkIsOfferedInOneWindowOnly(t *testing.T) {
	fs := afero.NewMemMapFs()
	running := map[int]bool{1: true, 2: true}
	alive := func(o briefing.Owner) bool { return running[o.PID] }
	p := testPacket()
	p.Author = "Unsaved author"
	if err := briefing.SaveRecovery(fs, "/data", briefing.Recovery{Path: "/docs/memo.briefing", Owner: briefing.Owner{PID: 9}, Packet: p}); err != nil {
		t.Fatal(err)
	}
	a := openHarnessAnswering(t, test.NewTempApp(t), fs, briefing.Owner{PID: 1}, alive, &fakeUI{holdRestore: true})
	b := openHarnessAnswering(t, test.NewTempApp(t), fs, briefing.Owner{PID: 2}, alive, &fakeUI{restore: true})
	if !slices.Equal(a.ui.asked, []string{"restore"}) || slices.Contains(b.ui.asked, "restore") {
		t.Fatalf("first asked %v, second asked %v; want only the first", a.ui.asked, b.ui.asked)
	}
	a.ui.restoreLater(false)
	c := openHarnessAnswering(t, test.NewTempApp(t), fs, briefing.Owner{PID: 3}, alive, &fakeUI{restore: true})
	if slices.Contains(c.ui.asked, "restore") || c.doc().Author == "Unsaved author" {
		t.Fatal("work the first window discarded was offered again")
	}
	if left, _ := afero.ReadDir(fs, "/data"); len(left) != 0 {
		var names []string
		for _, f := range left {
			names = append(names, f.Name())
		}
		if slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "recovery-") }) {
			t.Errorf("recovery files left: %v", names)
		}
	}
}
