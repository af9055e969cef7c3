package app

import (
	"bytes"
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
)

// Undo snapshots share one copy of the logo, and undo still brings back
// the logo that was replaced.
func TestUndoHistorySharesTheLogo(t *testing.T) {
	p := briefing.NewPacket("client")
	oldLogo := bytes.Repeat([]byte{1}, 1<<20)
	p.Style.Logo = oldLogo
	d := newDocument(p, "")
	for i := range 20 {
		d.setChoice(func(p *briefing.Packet) { p.Title = string(rune('a' + i)) })
	}
	for i, s := range d.undo {
		if &s.packet.Style.Logo[0] != &oldLogo[0] {
			t.Fatalf("undo step %d holds its own copy of the logo", i)
		}
		if s.packet.Title == d.packet.Title && i == len(d.undo)-1 {
			t.Fatal("snapshot is not of the packet before the edit")
		}
	}
	newLogo := bytes.Repeat([]byte{2}, 1<<20)
	d.setChoice(func(p *briefing.Packet) { p.Style.Logo = newLogo })
	d.undoStep()
	if !bytes.Equal(d.packet.Style.Logo, oldLogo) {
		t.Fatal("undo did not bring back the old logo")
	}
	d.redoStep()
	if !bytes.Equal(d.packet.Style.Logo, newLogo) {
		t.Fatal("redo did not bring back the new logo")
	}
	if oldLogo[0] != 1 || newLogo[0] != 2 {
		t.Fatal("a logo's bytes were changed in place")
	}
}

func TestWithExt(t *testing.T) {
	for in, want := range map[string]string{
		"/d/memo":         "/d/memo.pdf",
		"/d/memo.pdf":     "/d/memo.pdf",
		"/d/Memo.PDF":     "/d/Memo.PDF",
		"/d/memo.pdf.txt": "/d/memo.pdf.txt.pdf",
		"/d/pdf":          "/d/pdf.pdf",
	} {
		if got := withExt(in, ".pdf"); got != want {
			t.Errorf("withExt(%q) = %q, want %q", in, got, want)
		}
	}
}

// Undoing every edit since the last save clears the unsaved mark; redoing
// one sets it again.
func TestUndoingToTheSavedStateIsNotUnsaved(t *testing.T) {
	d := newDocument(briefing.NewPacket("staff"), "")
	d.setChoice(func(p *briefing.Packet) { p.Title = "Saved" })
	d.markSaved("/d/p.briefing", briefing.FileStamp{})
	d.setChoice(func(p *briefing.Packet) { p.Title = "Changed" })
	d.setChoice(func(p *briefing.Packet) { p.Title = "Changed again" })
	if !d.dirty {
		t.Fatal("edits after the save are not marked")
	}
	d.undoStep()
	d.undoStep()
	if d.dirty {
		t.Error("back at the saved state, still marked unsaved")
	}
	d.undoStep()
	if !d.dirty {
		t.Error("undone past the save, not marked")
	}
	d.redoStep()
	if d.dirty {
		t.Error("redone to the saved state, still marked")
	}
	d.markUnsaved()
	d.redoStep()
	d.undoStep()
	if !d.dirty {
		t.Error("a restored document lost its unsaved mark")
	}
}

// A packet never saved is named by its title in questions, not as an
// Untitled.briefing the user never named; a saved one by its file.
func TestQuestionsNameThePacketAsTheUserKnowsIt(t *testing.T) {
	p := briefing.NewPacket("classroom")
	p.Title = "The Water Cycle"
	d := newDocument(p, "")
	if got := d.spokenName(); got != "“The Water Cycle”" {
		t.Errorf("unsaved: %q", got)
	}
	d.path = "/docs/water.briefing"
	if got := d.spokenName(); got != "water.briefing" {
		t.Errorf("saved: %q", got)
	}
}
