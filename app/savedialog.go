package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/spf13/afero"
)

// Fyne's own save dialog creates the file it returns — truncating one that
// exists — before the program sees the name. Typing the name of a packet
// into "Export PDF" and confirming "Overwrite?" emptied the packet, though
// the PDF went to "name.briefing.pdf". So saving asks for a folder and a
// name here and touches nothing: the program writes the file itself,
// atomically, and only after this dialog has settled where.

// resolveSavePath turns what the user chose — a folder and a typed name,
// which may itself be a path — into the file to write, with ext added when
// the name lacks it. It refuses a name that is empty or a folder, and a
// folder that does not exist, with what to do.
func resolveSavePath(fs afero.Fs, folder, typed, ext string) (string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return "", errors.New("type a file name")
	}
	if strings.HasSuffix(typed, "/") || typed == "." || typed == ".." {
		return "", fmt.Errorf("%q names a folder; type a file name, such as memo%s", typed, ext)
	}
	path := typed
	if !filepath.IsAbs(path) {
		path = filepath.Join(folder, typed)
	}
	path = withExt(filepath.Clean(path), ext)
	dir := filepath.Dir(path)
	if info, err := fs.Stat(dir); err != nil || !info.IsDir() {
		return "", fmt.Errorf("the folder %s does not exist; choose a folder that does, or create it first", dir)
	}
	if info, err := fs.Stat(path); err == nil && info.IsDir() {
		return "", fmt.Errorf("%s is a folder; type a file name", filepath.Base(path))
	}
	return path, nil
}

// startFolder is where a save dialog for a file ending in ext opens: the
// folder the last such file was saved to while it is there (a PDF goes
// where the last PDF went), else the open packet's folder, else the
// user's Documents folder, else their home.
func (w *mainWindow) startFolder(ext string) string {
	if dir := w.app.Preferences().String(saveFolderPref(ext)); dir != "" {
		if ok, err := afero.IsDir(w.env.fs, dir); err == nil && ok {
			return dir
		}
	}
	if w.doc != nil && w.doc.path != "" {
		return filepath.Dir(w.doc.path)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return string(filepath.Separator)
	}
	if info, err := w.env.fs.Stat(filepath.Join(home, "Documents")); err == nil && info.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}

// showSaveDialog asks where to save (title, proposing name with ext) and
// calls done with the path, or "" when the user cancels. An existing file
// is replaced only after the user says so.
func (w *mainWindow) showSaveDialog(title, folder, name, ext string, done func(path string)) {
	folderLabel := widget.NewLabel(folder)
	folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = filepath.FromSlash(l.Path()) // C:\Users\…, not C:/Users/… on Windows
				folderLabel.SetText(folder)
			}
		}, w.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			d.SetLocation(l)
		}
		d.Show()
	})
	entry := newDialogEntry(w)
	entry.SetText(name)
	// A teacher who could not find the folder in the chooser scrolled
	// past seventy others: the name field takes a whole path as well,
	// and says so.
	nameItem := widget.NewFormItem("File name", entry)
	nameItem.HintText = "A name, or a whole path such as " + filepath.Join(folder, "handout"+ext)
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folderLabel)),
		nameItem,
	)
	d := dialog.NewCustomConfirm(title, "Save", "Cancel", form, func(ok bool) {
		if !ok {
			done("")
			return
		}
		path, err := resolveSavePath(w.env.fs, folder, entry.Text, ext)
		if err != nil {
			// Show why, then ask again with what was typed.
			again := func() { w.showSaveDialog(title, folder, entry.Text, ext, done) }
			d := dialog.NewCustomConfirm("Cannot save there", "Try again", "Cancel", widget.NewLabel(capitalize(err.Error())), func(retry bool) {
				if retry {
					again()
				} else {
					done("")
				}
			}, w.win)
			w.withKeys(d, d.Confirm, d.Hide)
			return
		}
		if _, err := w.env.fs.Stat(path); err == nil {
			d := dialog.NewConfirm("Replace "+filepath.Base(path)+"?",
				filepath.Base(path)+" already exists in "+filepath.Dir(path)+".\nReplacing it overwrites what it holds.",
				func(replace bool) {
					if replace {
						done(path)
					} else {
						w.showSaveDialog(title, folder, entry.Text, ext, done)
					}
				}, w.win)
			w.withKeys(d, d.Confirm, d.Hide)
			return
		}
		done(path)
	}, w.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	w.withKeys(d, d.Confirm, d.Hide)
	w.win.Canvas().Focus(entry)
}
