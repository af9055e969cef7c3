package briefing

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestUnportableNamesAreRefused: a save refuses, on every system, a name
// Windows cannot create (a packet and its exports move between machines),
// says why, and writes nothing; names Windows takes are saved as before.
func TestUnportableNamesAreRefused(t *testing.T) {
	for _, c := range []struct{ name, says string }{
		{"CON", "keeps the name CON for a device"},
		{"con.pdf", "keeps the name CON for a device"},
		{"Aux.docx", "keeps the name AUX for a device"},
		{"nul.tar.gz", "keeps the name NUL for a device"},
		{"PRN .pdf", "keeps the name PRN for a device"},
		{"com1.briefing", "keeps the name COM1 for a device"},
		{"LPT9.md", "keeps the name LPT9 for a device"},
		{"COM¹.pdf", "keeps the name COM¹ for a device"},
		{"conout$.pdf", "keeps the name CONOUT$ for a device"},
		{"note:1.pdf", `has ':' in it`},
		{"why?.pdf", `has '?' in it`},
		{"a*b.pdf", `has '*' in it`},
		{`say "hi".pdf`, `has '"' in it`},
		{"<x>.pdf", `has '<' in it`},
		{"a|b.pdf", `has '|' in it`},
		{"x.pdf.", "ends in a dot"},
		{"x.pdf ", "ends in a space"},
	} {
		fsys := afero.NewMemMapFs()
		name := filepath.Join("out", c.name)
		err := WriteFileAtomic(fsys, name, []byte("x"))
		if !errors.Is(err, errUnportableName) || !strings.Contains(err.Error(), c.says) ||
			!strings.HasPrefix(err.Error(), name+" could not be saved: ") || !strings.Contains(err.Error(), "Nothing was written") {
			t.Errorf("%q: got %v, want a refusal saying %q", c.name, err, c.says)
		}
		if _, err := fsys.Stat("out"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%q: the refused save made its folder", c.name)
		}
	}
	for _, ok := range []string{"console.pdf", "connect.pdf", "com10.pdf", "lpt0.pdf", "nullable.pdf", "x.con", "my aux notes.pdf", "report (final).pdf", "ünïcode — memo.pdf", "a[1].pdf", ".hidden"} {
		fsys := afero.NewMemMapFs()
		if err := WriteFileAtomic(fsys, ok, []byte("x")); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
}

// TestDeviceNameStreams: "-o NUL" on Windows is the null device, written
// into as /dev/null is (a stream); with an extension it is refused even
// there, since "NUL.pdf" would only hide that the PDF goes nowhere.
func TestDeviceNameStreams(t *testing.T) {
	if err := portableNameError("NUL", true); err != nil {
		t.Errorf("NUL as a device: %v", err)
	}
	if err := portableNameError(`C:\x\nul`, true); err != nil && filepath.Separator == '\\' {
		t.Errorf("nul as a device: %v", err)
	}
	if err := portableNameError("NUL.pdf", true); !errors.Is(err, errUnportableName) {
		t.Errorf("NUL.pdf as a device: %v, want refused", err)
	}
	if err := portableNameError("NUL", false); !errors.Is(err, errUnportableName) {
		t.Errorf("NUL as a file: %v, want refused", err)
	}
	if err := portableNameError("/dev/null", true); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
}

// TestReadOnlyFileOnWindows: where the system refuses to rename over a
// read-only file (Windows), the save says so before writing anything and
// leaves the file as it was; elsewhere it is replaced, as before.
func TestReadOnlyFileOnWindows(t *testing.T) {
	for _, windows := range []bool{false, true} {
		old := readOnlyBlocksReplace
		readOnlyBlocksReplace = windows
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, "ro.pdf", []byte("old"), 0o444); err != nil {
			t.Fatal(err)
		}
		err := WriteFileAtomic(fsys, "ro.pdf", []byte("new"))
		readOnlyBlocksReplace = old
		data, _ := afero.ReadFile(fsys, "ro.pdf")
		if windows {
			if !errors.Is(err, errReadOnly) || !strings.Contains(err.Error(), "ro.pdf could not be saved: the file there is read-only") || string(data) != "old" {
				t.Errorf("as on Windows: %v, file %q", err, data)
			}
		} else if err != nil || string(data) != "new" {
			t.Errorf("as on Linux: %v, file %q", err, data)
		}
		if names, _ := afero.Glob(fsys, "*.tmp"); len(names) > 0 {
			t.Errorf("left %v", names)
		}
	}
}

// TestPathThroughAFile: an output whose folder is a file is refused with
// the same words on every system (Windows reports such a path as not
// found).
func TestPathThroughAFile(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "file.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(fsys, filepath.Join("file.txt", "x.pdf"), []byte("new"))
	if !errors.Is(err, errThroughFile) || !strings.Contains(err.Error(), "part of its path is a file, not a folder") {
		t.Errorf("got %v", err)
	}
	if info, err := fsys.Stat("file.txt"); err != nil || info.IsDir() || info.Mode() != os.FileMode(0o644) {
		t.Errorf("file.txt changed: %v %v", info, err)
	}
}
