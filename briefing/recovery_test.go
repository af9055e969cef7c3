package briefing

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

func TestRecoveriesBelongToTheirOwner(t *testing.T) {
	fs := afero.NewMemMapFs()
	if got, errs := OrphanedRecoveries(fs, "/data", func(Owner) bool { return false }); len(got) > 0 || len(errs) > 0 {
		t.Fatalf("empty folder: %v %v", got, errs)
	}
	p := samplePacket()
	when := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	a, b := Owner{PID: 101, Started: "5"}, Owner{PID: 202, Started: "7"}
	for _, o := range []Owner{a, b} {
		r := Recovery{Path: "/docs/memo.briefing", Saved: when.Add(time.Duration(o.PID) * time.Second), Owner: o, Packet: p}
		if err := SaveRecovery(fs, "/data", r); err != nil {
			t.Fatal(err)
		}
	}
	running := map[int]bool{101: true, 202: true}
	alive := func(o Owner) bool { return running[o.PID] }
	if got, _ := OrphanedRecoveries(fs, "/data", alive); len(got) != 0 {
		t.Fatalf("a running window's work was offered: %+v", got)
	}
	running[101] = false
	got, errs := OrphanedRecoveries(fs, "/data", alive)
	if len(got) != 1 || len(errs) != 0 || got[0].Owner != a || got[0].Path != "/docs/memo.briefing" ||
		got[0].Packet.Title != p.Title || *got[0].Packet.Sections[1].Body != *p.Sections[1].Body || got[0].File != "/data/recovery-101.json" {
		t.Fatalf("orphans = %+v %v", got, errs)
	}
	running[202] = false
	if got, _ := OrphanedRecoveries(fs, "/data", alive); len(got) != 2 || got[0].Owner != b {
		t.Fatalf("want both, newest first: %+v", got)
	}
	if err := RemoveRecovery(fs, "/data/recovery-101.json"); err != nil {
		t.Fatal(err)
	}
	if err := RemoveRecovery(fs, "/data/recovery-101.json"); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
	_ = afero.WriteFile(fs, "/data/recovery-303.json", []byte("{broken"), 0o644)
	got, errs = OrphanedRecoveries(fs, "/data", alive)
	if len(got) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "recovery-303.json") {
		t.Fatalf("damaged recovery: %v %v", got, errs)
	}
	if ok, _ := afero.Exists(fs, "/data/recovery-303.json"); !ok {
		t.Error("a damaged recovery file was deleted")
	}
}

func TestThisProcessIsAliveAndAFinishedOneIsNot(t *testing.T) {
	fs := afero.NewOsFs()
	me := ProcessOwner(fs, os.Getpid())
	if !me.Alive(fs) {
		t.Fatalf("this process %+v is not alive", me)
	}
	if me.Started != "" && (Owner{PID: me.PID, Started: me.Started + "0"}).Alive(fs) {
		t.Error("a process with this ID that started at another time counts as alive")
	}
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot start a process:", err)
	}
	if (Owner{PID: cmd.Process.Pid}).Alive(fs) {
		t.Errorf("finished process %d counts as alive", cmd.Process.Pid)
	}

	// Killed but not yet collected by its parent: a zombie, which will
	// never save again.
	z := exec.Command("sleep", "60")
	if err := z.Start(); err != nil {
		t.Skip("cannot start a process:", err)
	}
	zombie := ProcessOwner(fs, z.Process.Pid)
	if !zombie.Alive(fs) {
		t.Fatal("a running child counts as dead")
	}
	_ = z.Process.Kill()
	for i := 0; i < 200; i++ {
		if _, state := procStat(fs, z.Process.Pid); state == "Z" {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if zombie.Alive(fs) {
		t.Error("a killed process awaiting its parent counts as alive")
	}
	_ = z.Wait()
}

func TestSaveUserTemplateWritesALoadableFileWithAFreeID(t *testing.T) {
	fs := afero.NewMemMapFs()
	lib := builtinLibrary(t)
	base, _ := lib.Get("outlook")
	c := *base
	c.ID, c.Title, c.Body = "outlook", "My outlook", "Edited {{if .signing_date}}on {{.signing_date}}{{end}}.\n"
	name, err := SaveUserTemplate(fs, "/t", lib, &c)
	if err != nil {
		t.Fatal(err)
	}
	if name != "/t/outlook-2.md" {
		t.Errorf("name = %s, want /t/outlook-2.md (outlook is taken)", name)
	}
	lib2, err := LoadLibrary(nil, fs, "/t")
	if err != nil || len(lib2.Broken) > 0 {
		t.Fatalf("reload: %v %v", err, lib2.Broken)
	}
	got, ok := lib2.Get("outlook-2")
	if !ok || got.Title != "My outlook" || got.Body != c.Body || len(got.Sources) != len(base.Sources) || got.Variables[0].Name != "signing_date" {
		t.Fatalf("saved template = %+v", got)
	}
	if SlugID("What's next?") != "what-s-next" || SlugID("!!!") != "section" {
		t.Error("SlugID")
	}
}
