package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/spf13/afero"
)

// An Open dialog starts where the last file of its kind came from (a logo
// in the brand folder, a packet in the documents folder), while that
// folder is there; else beside the open packet, or an image in Pictures.
func TestOpenDialogsStartWhereTheLastFileOfTheirKindWas(t *testing.T) {
	fs := afero.NewMemMapFs()
	for _, d := range []string{"/home/u/Pictures", "/brand", "/docs"} {
		_ = fs.MkdirAll(d, 0o755)
	}
	prefs := test.NewTempApp(t).Preferences()
	images, packets := []string{".png", ".jpg", ".jpeg"}, []string{".briefing"}
	if got := openFolder(fs, prefs, images, "", "/home/u"); got != "/home/u/Pictures" {
		t.Errorf("a first image: %q", got)
	}
	if got := openFolder(fs, prefs, packets, "/docs/memo.briefing", "/home/u"); got != "/docs" {
		t.Errorf("a first packet: %q", got)
	}
	prefs.SetString(folderPref(images), "/brand")
	prefs.SetString(folderPref(packets), "/docs")
	if got := openFolder(fs, prefs, images, "/docs/memo.briefing", "/home/u"); got != "/brand" {
		t.Errorf("the next image: %q", got)
	}
	_ = fs.RemoveAll("/brand")
	if got := openFolder(fs, prefs, images, "/docs/memo.briefing", "/home/u"); got != "/docs" {
		t.Errorf("the brand folder gone: %q", got)
	}
}

// A save dialog opens where the last file of its kind was saved — a PDF
// where the last PDF went — rather than beside the packet every time.
func TestSaveDialogsStartWhereTheLastFileOfTheirKindWent(t *testing.T) {
	h := newHarness(t, nil)
	_ = h.fs.MkdirAll("/out", 0o755)
	_ = h.fs.MkdirAll("/docs", 0o755)
	h.w.doc.path = "/docs/memo.briefing"
	if got := h.w.startFolder(".pdf"); got != "/docs" {
		t.Fatalf("the first PDF: %q", got)
	}
	var saved string
	defaultHooks(h.w).askSavePath("Export PDF", "memo.pdf", ".pdf", func(p string) { saved = p })
	e, ok := h.w.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the save dialog's name field has no keyboard: %T", h.w.win.Canvas().Focused())
	}
	e.SetText("/out/memo.pdf")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if saved != "/out/memo.pdf" {
		t.Fatalf("saved to %q", saved)
	}
	if got := h.w.startFolder(".pdf"); got != "/out" {
		t.Errorf("the next PDF: %q", got)
	}
	if got := h.w.startFolder(".briefing"); got != "/docs" {
		t.Errorf("a packet: %q", got)
	}
}
