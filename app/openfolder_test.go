package app

import (
	"testing"

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
