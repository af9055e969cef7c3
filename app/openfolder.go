package app

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"github.com/spf13/afero"
)

// Fyne's Open dialog has no box to type a path in, so where it starts
// matters: a logo picker that opened in the home folder every time sent a
// consultant digging for their brand folder again. Each kind of file
// starts where the last one of its kind was chosen.

// Preferences keys of the folder each kind of file was last opened from.
const (
	prefImageFolder  = "open.imageFolder"
	prefPacketFolder = "open.packetFolder"
)

// saveFolderPref is the preference that remembers where the last file
// ending in ext was saved.
func saveFolderPref(ext string) string { return "save.folder" + ext }

// folderPref is the preference that remembers where files with these
// extensions were last chosen: images apart from packets and documents.
func folderPref(exts []string) string {
	if slices.ContainsFunc(exts, func(e string) bool { return e == ".png" || e == ".jpg" || e == ".jpeg" }) {
		return prefImageFolder
	}
	return prefPacketFolder
}

// openFolder is where an Open dialog for exts starts: the folder the
// last such file came from while it is still there; else, for a packet,
// the open packet's folder, and for an image the Pictures folder in home;
// "" for the dialog's own choice.
func openFolder(fs afero.Fs, prefs fyne.Preferences, exts []string, packetPath, home string) string {
	key := folderPref(exts)
	var tries []string
	tries = append(tries, prefs.String(key))
	if packetPath != "" {
		tries = append(tries, filepath.Dir(packetPath))
	}
	if key == prefImageFolder && home != "" {
		tries = append(tries, filepath.Join(home, "Pictures"))
	}
	for _, dir := range tries {
		if dir == "" {
			continue
		}
		if ok, err := afero.IsDir(fs, dir); err == nil && ok {
			return dir
		}
	}
	return ""
}

// userHome is the user's home folder, "" if unknown.
func userHome() string {
	h, _ := os.UserHomeDir()
	return h
}
