package briefing

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

func TestCheckUnchangedNoticesAnotherWriter(t *testing.T) {
	fs := afero.NewMemMapFs()
	p := samplePacket()
	stamp, err := SavePacketStamped(fs, "/d/p.briefing", p)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckUnchanged(fs, "/d/p.briefing", &stamp); err != nil {
		t.Fatalf("just saved, yet: %v", err)
	}
	_, opened, err := OpenPacket(fs, "/d/p.briefing")
	if err != nil || opened.Sum != stamp.Sum || opened.Size != stamp.Size {
		t.Fatalf("opening gave another stamp (%v): %+v vs %+v", err, opened, stamp)
	}

	// Touched but identical: the content decides.
	later := stamp.ModTime.Add(time.Hour)
	if err := fs.Chtimes("/d/p.briefing", later, later); err != nil {
		t.Fatal(err)
	}
	if err := CheckUnchanged(fs, "/d/p.briefing", &stamp); err != nil {
		t.Errorf("same bytes, new time: %v", err)
	}

	// Another window saves a change of the same length.
	other := samplePacket()
	other.Title = p.Title[:len(p.Title)-1] + "!"
	if _, err := SavePacketStamped(fs, "/d/p.briefing", other); err != nil {
		t.Fatal(err)
	}
	_ = fs.Chtimes("/d/p.briefing", stamp.ModTime, stamp.ModTime)
	if err := CheckUnchanged(fs, "/d/p.briefing", &stamp); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("same size and time, other content: %v", err)
	}

	// Nothing known about a file that is there: ask.
	if err := CheckUnchanged(fs, "/d/p.briefing", nil); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("unknown file: %v", err)
	}
	if err := CheckUnchanged(fs, "/d/new.briefing", nil); err != nil {
		t.Errorf("no file yet: %v", err)
	}
}

func TestSaveErrorsAreWordsAUserReads(t *testing.T) {
	fs := afero.NewReadOnlyFs(afero.NewMemMapFs())
	err := SavePacket(fs, "/d/p.briefing", samplePacket())
	if err == nil {
		t.Fatal("saved on a read-only file system")
	}
	want := "/d/p.briefing could not be saved"
	if got := err.Error(); !strings.HasPrefix(got, want) || strings.Contains(got, "operation not permitted") {
		t.Errorf("message %q: want it to start %q and carry no system jargon", got, want)
	}
}
