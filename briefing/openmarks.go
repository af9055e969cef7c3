package briefing

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/spf13/afero"
)

// Each running copy of Briefsmith marks the packet it has open with a
// small file in the data folder, so a second copy asked to open the same
// packet can say so and bring the first to the front instead of letting
// two windows edit one file, each overwriting the other's work on save.

// openMark is what an open-PID.json file holds.
type openMark struct {
	Path  string `json:"path"`
	Owner Owner  `json:"owner"`
}

func openMarkFile(dir string, o Owner) string {
	return filepath.Join(dir, fmt.Sprintf("open-%d.json", o.PID))
}

func raiseFile(dir string, o Owner) string {
	return filepath.Join(dir, fmt.Sprintf("raise-%d", o.PID))
}

// MarkOpen records that owner has the packet at path open ("" when none:
// the mark goes).
func MarkOpen(fsys afero.Fs, dir string, owner Owner, path string) error {
	if path == "" {
		err := fsys.Remove(openMarkFile(dir, owner))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	data, err := json.Marshal(openMark{Path: filepath.Clean(path), Owner: owner})
	if err != nil {
		return err
	}
	return WriteFileAtomic(fsys, openMarkFile(dir, owner), data)
}

// OpenElsewhere reports the running copy, other than me, that has the
// packet at path open, if any; alive tells whether a marked copy is still
// running, so the mark of one that crashed is ignored.
func OpenElsewhere(fsys afero.Fs, dir string, me Owner, path string, alive func(Owner) bool) (Owner, bool) {
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		return Owner{}, false
	}
	path = filepath.Clean(path)
	for _, e := range entries {
		n, ok := strings.CutPrefix(e.Name(), "open-")
		if !ok || !e.Mode().IsRegular() {
			continue
		}
		if n, ok = strings.CutSuffix(n, ".json"); !ok {
			continue
		}
		if pid, err := strconv.Atoi(n); err != nil || pid == me.PID {
			continue
		}
		data, _, err := readSmallFile(fsys, filepath.Join(dir, e.Name()), 64<<10, "open mark")
		if err != nil {
			continue
		}
		var m openMark
		if json.Unmarshal(data, &m) != nil || m.Owner == me {
			continue
		}
		if !alive(m.Owner) {
			// Left by a copy that crashed: tidy it away.
			_ = fsys.Remove(filepath.Join(dir, e.Name()))
			continue
		}
		if m.Path != path {
			continue
		}
		return m.Owner, true
	}
	return Owner{}, false
}

// RequestRaise asks the running copy owner to bring its window to the
// front; it does so when it next looks (see TakeRaiseRequest).
func RequestRaise(fsys afero.Fs, dir string, owner Owner) error {
	return WriteFileAtomic(fsys, raiseFile(dir, owner), nil)
}

// TakeRaiseRequest reports whether another copy asked me to come to the
// front, and clears the request.
func TakeRaiseRequest(fsys afero.Fs, dir string, me Owner) bool {
	return fsys.Remove(raiseFile(dir, me)) == nil
}

// ChangedSince reports whether the file at name may differ from want, for
// a window that looks every few seconds: size and time settle it without
// reading the file, and only a file whose time changed is hashed. (A save
// still checks the content itself, with CheckUnchanged.) A file that is
// gone is not reported here.
func ChangedSince(fsys afero.Fs, name string, want *FileStamp) bool {
	if want == nil {
		return false
	}
	info, err := fsys.Stat(name)
	switch {
	case err != nil:
		return false
	case info.Size() != want.Size:
		return true
	case info.ModTime().Equal(want.ModTime):
		return false
	}
	return CheckUnchanged(fsys, name, want) != nil
}

// DescribeChanges says in a few words how the packet there (a file
// changed on disk) differs from here (the window's), so a user offered to
// reload it knows what they would take and what they would give up:
// "the title", "the text of “Background”", "2 sections added".
func DescribeChanges(here, there *Packet) []string {
	var out []string
	setting := func(name, a, b string) {
		if a != b {
			out = append(out, name)
		}
	}
	setting("the title", here.Title, there.Title)
	setting("the subtitle", here.Subtitle, there.Subtitle)
	setting("the audience", string(here.Audience), string(there.Audience))
	setting("the author", here.Author, there.Author)
	setting("the organization", here.Organization, there.Organization)
	setting("“prepared for”", here.PreparedFor, there.PreparedFor)
	setting("the date", here.Date, there.Date)
	setting("the marking", here.Marking, there.Marking)
	setting("the watermark", here.Watermark, there.Watermark)
	setting("the language", here.Language, there.Language)
	if here.PageLimit != there.PageLimit {
		out = append(out, "the page limit")
	}
	if !reflect.DeepEqual(here.Style, there.Style) {
		out = append(out, "the style (page, type, colour or logo)")
	}
	if !reflect.DeepEqual(here.Variables, there.Variables) || !reflect.DeepEqual(here.Fields, there.Fields) {
		out = append(out, "the fields’ values")
	}
	n := min(len(here.Sections), len(there.Sections))
	var edited []string
	for i := range n {
		a, b := here.Sections[i], there.Sections[i]
		if a.Template != b.Template || a.Title != b.Title || a.Included != b.Included || !reflect.DeepEqual(a.Body, b.Body) {
			title := b.Title
			if title == "" {
				title = b.Template
			}
			edited = append(edited, QuoteUntrusted(title))
		}
	}
	if len(edited) > 3 {
		edited = append(edited[:3], fmt.Sprintf("%d more", len(edited)-3))
	}
	switch {
	case len(edited) == 1:
		out = append(out, "the text of section "+edited[0])
	case len(edited) > 1:
		out = append(out, "the text of sections "+strings.Join(edited, ", "))
	}
	switch d := len(there.Sections) - len(here.Sections); {
	case d > 0:
		out = append(out, plural(d, "section")+" more there")
	case d < 0:
		out = append(out, plural(-d, "section")+" fewer there")
	}
	return out
}
