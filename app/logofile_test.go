package app

import (
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/afero"
)

// countingFs counts the bytes read through it, to show what a refusal
// cost.
type countingFs struct {
	afero.Fs
	read *atomic.Int64
}

func (c countingFs) Open(name string) (afero.File, error) {
	f, err := c.Fs.Open(name)
	return countingFile{f, c.read}, err
}

func (c countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := c.Fs.OpenFile(name, flag, perm)
	return countingFile{f, c.read}, err
}

type countingFile struct {
	afero.File
	read *atomic.Int64
}

func (c countingFile) Read(p []byte) (int, error) {
	n, err := c.File.Read(p)
	c.read.Add(int64(n))
	return n, err
}

// A logo over the size limit is refused from its size alone: none of it
// is read into memory (a 186 MB PNG kept the app at 430 MB after its
// refusal), and the message names the file and the limit.
func TestAHugeLogoIsRefusedWithoutBeingRead(t *testing.T) {
	mem := afero.NewMemMapFs()
	huge := make([]byte, 40<<20)
	copy(huge, "\x89PNG\r\n\x1a\n")
	if err := afero.WriteFile(mem, "/pictures/huge.png", huge, 0o644); err != nil {
		t.Fatal(err)
	}
	var read atomic.Int64
	h := newHarness(t, countingFs{mem, &read})
	read.Store(0)
	h.ui.openPath = "/pictures/huge.png"
	h.w.settings.onChooseLogo()
	if len(h.ui.errors) != 1 {
		t.Fatalf("errors %v, want one refusal", h.ui.errors)
	}
	if msg := h.ui.errors[0].Error(); !strings.Contains(msg, "huge.png") || !strings.Contains(msg, "8 MB") {
		t.Errorf("the refusal %q does not name the file and the limit", msg)
	}
	if n := read.Load(); n > 0 {
		t.Errorf("%d bytes of the refused logo were read", n)
	}
	if len(h.doc().Style.Logo) != 0 {
		t.Error("the refused logo reached the packet")
	}
}
