package briefing

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

func TestRecoveryRoundTripAndClear(t *testing.T) {
	fs := afero.NewMemMapFs()
	if _, ok, err := LoadRecovery(fs, "/data"); ok || err != nil {
		t.Fatalf("empty folder: ok=%v err=%v", ok, err)
	}
	p := samplePacket()
	when := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	if err := SaveRecovery(fs, "/data", Recovery{Path: "/docs/memo.briefing", Saved: when, Packet: p}); err != nil {
		t.Fatal(err)
	}
	r, ok, err := LoadRecovery(fs, "/data")
	if err != nil || !ok || r.Path != "/docs/memo.briefing" || !r.Saved.Equal(when) || r.Packet.Title != p.Title || *r.Packet.Sections[1].Body != *p.Sections[1].Body {
		t.Fatalf("got %+v ok=%v err=%v", r, ok, err)
	}
	if err := ClearRecovery(fs, "/data"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := LoadRecovery(fs, "/data"); ok {
		t.Fatal("recovery still there after Clear")
	}
	if err := ClearRecovery(fs, "/data"); err != nil {
		t.Fatalf("clearing twice: %v", err)
	}
	_ = afero.WriteFile(fs, "/data/"+RecoveryFile, []byte("{broken"), 0o644)
	if _, _, err := LoadRecovery(fs, "/data"); err == nil || !strings.Contains(err.Error(), RecoveryFile) {
		t.Fatalf("damaged recovery: err=%v", err)
	}
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
