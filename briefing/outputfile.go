package briefing

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/spf13/afero"
)

// Every file Briefsmith writes goes through WriteFilesAtomic, so the rules
// for output paths live here once: never over the file being read, only
// over regular files (an export may also go into a device or a pipe,
// written as it stands), through a link to the file it names and never
// over the link, keeping the replaced file's mode, with temporary names
// that fit, leaving no folder or temporary file behind a failure, and
// clearing away what a killed save left.

// OutputFile is one file of a set written together by WriteFilesAtomic.
type OutputFile struct {
	Name string
	Data []byte
	// From, when set, writes the content instead of Data: a large file
	// (a long packet's PDF) goes to disk as it is produced, never held
	// whole in memory.
	From io.WriterTo
}

// WriteOption adjusts a save by WriteFileAtomic or WriteFilesAtomic.
type WriteOption func(*writeConfig)

type writeConfig struct {
	inputs  []string
	streams bool
}

// NotOver makes a save refuse to replace any of the named files: the ones
// the command is reading, so that an output given the input's name, or
// another path or link to the same file, cannot destroy the input. Names
// that are not existing files are ignored.
func NotOver(inputs ...string) WriteOption {
	return func(c *writeConfig) { c.inputs = append(c.inputs, inputs...) }
}

// AllowStreams lets a save of one file write into a character device or
// a pipe (a terminal, /dev/stdout, a named pipe), or a link to one: such
// an output is written directly, as any program writes to it, since a
// temporary file renamed over it would replace the device or pipe with
// a regular file (as root, "-o /dev/stdout" did) rather than write to
// it. Exports allow it; packets and templates, which must be files to be
// opened again, do not.
func AllowStreams() WriteOption {
	return func(c *writeConfig) { c.streams = true }
}

var (
	errOutputIsInput = errors.New("the output is the input")
	errNotRegular    = errors.New("not a regular file")
	errFolderName    = errors.New("the name is a folder's")
)

// maxNameBytes is the longest file name the usual file systems accept
// (ext4, XFS, Btrfs, APFS): a temporary name beside the longest allowed
// output name must fit it too.
const maxNameBytes = 255

// tempSuffix marks a temporary file as Briefsmith's, so that cleaning up
// after a killed save never touches another program's ".tmp" files.
const tempSuffix = ".briefsmith.tmp"

// tempPattern recognises tempName's output: hidden, then any base, the
// writer's process ID, eight hex digits, and tempSuffix.
var tempPattern = regexp.MustCompile(`^\..*-([0-9]{1,10})-[0-9a-f]{8}\.briefsmith\.tmp$`)

// tempName is the name of the temporary file a save of base writes first.
// The writer's process ID lets a later save tell an abandoned file from a
// save in progress. The base is cut, at a character boundary, when the
// whole would pass maxNameBytes: the name only has to be unique in its
// folder, which the random part sees to.
func tempName(base string, pid int, random uint32) string {
	tail := fmt.Sprintf("-%d-%08x%s", pid, random, tempSuffix)
	if room := maxNameBytes - 1 - len(tail); len(base) > room {
		for room > 0 && !utf8.RuneStart(base[room]) {
			room--
		}
		base = base[:room]
	}
	return "." + base + tail
}

// ourTempPID says whether name is one of our temporary files, and which
// process wrote it.
func ourTempPID(name string) (int, bool) {
	m := tempPattern.FindStringSubmatch(name)
	if m == nil {
		return 0, false
	}
	pid, err := strconv.Atoi(m[1])
	return pid, err == nil
}

// A temporary file is stale, and removed by the next save to its folder,
// when no save can still be writing it. A live save writes steadily, and
// only a sync and a rename follow its last write, so a file untouched for
// staleAfter is abandoned whoever wrote it; one whose writer is no longer
// running here goes after deadWriterAfter — not at once, because on a
// shared folder the same process ID may be a live save on another machine
// or in another container.
const (
	staleAfter      = 15 * time.Minute
	deadWriterAfter = time.Minute
)

// saving tracks the temporary files of saves in progress, so that a
// process stopped by a signal can remove them (AbandonSaves), and so that
// stale-file cleanup never removes this process's own live ones. Its lock
// is also held while temporary files are created and renamed into place,
// so a signal cannot land between those steps and the bookkeeping.
var saving struct {
	sync.Mutex
	next  uint64
	temps map[uint64]liveTemp
}

type liveTemp struct {
	fsys afero.Fs
	name string
	file afero.File
	// aside marks the copy of a file being replaced, kept to put it back
	// if a later rename in the set fails; removing it loses nothing.
	aside bool
}

// AbandonSaves is for a process about to exit on a signal: it removes the
// temporary file of every save in progress, so no half-written file is
// left and every file already in place stays as it was, and returns how
// many unfinished outputs it removed. Saves blocked or started afterwards wait for ever, so
// nothing is created or renamed between this call and the exit.
func AbandonSaves() int {
	saving.Lock()
	n := 0
	for _, t := range saving.temps {
		if t.file != nil {
			_ = t.file.Close()
		}
		if t.fsys.Remove(t.name) == nil && !t.aside {
			n++
		}
	}
	saving.temps = nil
	return n
}

// createTemp creates a new temporary file for base in dir with perm
// (which the system's umask narrows) and records it as live; aside says
// it is a copy of a file being replaced (stagedFile.backUp).
func createTemp(fsys afero.Fs, dir, base string, perm os.FileMode, aside bool) (afero.File, string, uint64, error) {
	saving.Lock()
	defer saving.Unlock()
	for range 100 {
		name := filepath.Join(dir, tempName(base, os.Getpid(), rand.Uint32()))
		f, err := fsys.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, "", 0, err
		}
		if saving.temps == nil {
			saving.temps = map[uint64]liveTemp{}
		}
		saving.next++
		saving.temps[saving.next] = liveTemp{fsys, name, f, aside}
		return f, name, saving.next, nil
	}
	return nil, "", 0, fmt.Errorf("no free temporary name in %s", dir)
}

// forgetLocked drops a temporary file from the live set; the caller
// holds the lock.
func forgetLocked(id uint64) { delete(saving.temps, id) }

// isLive says whether name is a temporary file of a save in progress in
// this process.
func isLive(name string) bool {
	saving.Lock()
	defer saving.Unlock()
	for _, t := range saving.temps {
		if t.name == name {
			return true
		}
	}
	return false
}

// removeStaleTemps removes from dir the temporary files of ours that no
// save can still be writing: the partial files a SIGKILL, a power cut or
// a crash left. Anything not named by tempName, anything that is not a
// regular file, and anything still in use is left alone. Failures are
// ignored: this is tidying, and must not stop the save.
func removeStaleTemps(fsys afero.Fs, dir string, now time.Time) {
	d, err := fsys.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	_ = d.Close()
	for _, n := range names {
		pid, ok := ourTempPID(n)
		if !ok {
			continue
		}
		path := filepath.Join(dir, n)
		info, err := lstat(fsys, path)
		if err != nil || !info.Mode().IsRegular() || isLive(path) {
			continue
		}
		age := now.Sub(info.ModTime())
		if age > staleAfter || (pid != os.Getpid() && !processExists(pid) && age > deadWriterAfter) {
			_ = fsys.Remove(path)
		}
	}
}

// lstat describes name itself, not what a symbolic link points to, where
// the file system can tell them apart.
func lstat(fsys afero.Fs, name string) (os.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(name)
		return info, err
	}
	return fsys.Stat(name)
}

// WriteFilesAtomic writes a set of files all or nothing: each goes to a
// temporary file beside it, and only when every one is written and
// flushed are they renamed into place. If a rename fails, those already
// renamed are put back as they were (the file each replaced is copied
// aside first), so a failure leaves every output as it was and no
// temporary file or new folder behind.
//
// Outputs are refused before anything is written when one is a folder or
// a name ending in a separator, a device, pipe or socket (only regular
// files and new names are written), or a file NotOver names. A replaced
// file keeps its permission bits; a new one gets what the umask allows.
func WriteFilesAtomic(fsys afero.Fs, files []OutputFile, opts ...WriteOption) (err error) {
	var cfg writeConfig
	for _, o := range opts {
		o(&cfg)
	}
	if len(files) == 1 && cfg.streams {
		if info, err := fsys.Stat(files[0].Name); err == nil && isStream(info.Mode()) {
			if err := portableNameError(files[0].Name, true); err != nil {
				return err
			}
			return writeStream(fsys, files[0], cfg.inputs)
		}
	}
	existing := make([]os.FileInfo, len(files))
	targets := make([]string, len(files))
	for i, f := range files {
		if existing[i], err = checkOutput(fsys, f.Name, cfg.inputs); err != nil {
			return err
		}
		if targets[i], err = linkTarget(fsys, f.Name, existing[i]); err != nil {
			return err
		}
	}
	var made []string
	staged := make([]*stagedFile, 0, len(files))
	defer func() {
		if err != nil {
			for _, s := range staged {
				s.discard(fsys)
			}
			removeEmptyFolders(fsys, made)
		}
	}()
	swept := map[string]bool{}
	for i, f := range files {
		dir := filepath.Dir(targets[i])
		m, err := makeFolders(fsys, dir)
		made = append(made, m...)
		if err != nil {
			return saveError(f.Name, err)
		}
		if !swept[dir] {
			swept[dir] = true
			removeStaleTemps(fsys, dir, time.Now())
		}
		s := &stagedFile{name: targets[i]}
		staged = append(staged, s)
		if err := s.write(fsys, f, existing[i]); err != nil {
			return saveError(f.Name, err)
		}
		// Only an earlier file can need putting back: the last one's
		// rename is the last step.
		if existing[i] != nil && i < len(files)-1 {
			if err := s.backUp(fsys, existing[i]); err != nil {
				return saveError(f.Name, err)
			}
		}
	}
	return commit(fsys, staged)
}

// WriteFileAtomic writes data to a temporary file beside name, flushes it
// to disk and renames it over name: a reader, or a crash part way through,
// sees the old file or the new one, never a mixture. On any failure the
// temporary file is removed and name is left as it was. See
// WriteFilesAtomic for the outputs it refuses.
func WriteFileAtomic(fsys afero.Fs, name string, data []byte, opts ...WriteOption) error {
	return WriteFilesAtomic(fsys, []OutputFile{{Name: name, Data: data}}, opts...)
}

// isStream reports whether a file of mode m is written as a stream: a
// character device (a terminal, /dev/null) or a pipe. A block device (a
// disk) or a socket never is.
func isStream(m fs.FileMode) bool {
	return m&fs.ModeNamedPipe != 0 || m&fs.ModeCharDevice != 0
}

// writeStream writes f into the device or pipe it names, through any
// link, without a temporary file: there is nothing to rename into place,
// and a device or pipe is never replaced. A pipe's open waits for a
// reader, as a shell's "> pipe" does.
func writeStream(fsys afero.Fs, f OutputFile, inputs []string) error {
	info, err := fsys.Stat(f.Name)
	if err != nil {
		return saveError(f.Name, err)
	}
	for _, in := range inputs {
		if sameFile(fsys, f.Name, info, in) {
			return &fileError{err: errOutputIsInput, msg: fmt.Sprintf(
				"%s could not be saved: it is the file being read, and saving would replace it. Choose another name for the output; nothing was changed.", f.Name)}
		}
	}
	out, err := fsys.OpenFile(f.Name, os.O_WRONLY, 0)
	if err != nil {
		return streamError(f.Name, err)
	}
	if f.From != nil {
		_, err = f.From.WriteTo(out)
	} else {
		_, err = out.Write(f.Data)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return streamError(f.Name, err)
	}
	return nil
}

// streamError explains a failed write into a device or pipe: part of
// the output may have gone through, which cannot be taken back.
func streamError(name string, err error) error {
	why := plainIOError(err).Error()
	if errors.Is(err, syscall.EPIPE) {
		why = "the program reading from it stopped reading"
	}
	return &fileError{msg: fmt.Sprintf("%s could not be written: %s. What was written before that went through.", name, why), err: err}
}

// linkTarget is the file a save of name replaces: name itself, or, when
// name is a symbolic link, the file the link leads to, so the link stays
// a link (a save used to rename its file over the link). info is what
// name leads to now, nil when nothing. A link that leads to a file other
// than the one there now by another name (a deleted file still open,
// which /proc/self/fd shows as "name (deleted)") is refused.
func linkTarget(fsys afero.Fs, name string, info os.FileInfo) (string, error) {
	lr, ok := fsys.(afero.LinkReader)
	if !ok {
		return name, nil
	}
	target := name
	for range maxLinks {
		l, err := lstat(fsys, target)
		if err != nil || l.Mode()&fs.ModeSymlink == 0 {
			break
		}
		to, err := lr.ReadlinkIfPossible(target)
		if err != nil {
			return "", saveError(name, err)
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(target), to)
		}
		target = to
	}
	if target == name || info == nil {
		return target, nil
	}
	if now, err := fsys.Stat(target); err != nil || !os.SameFile(info, now) {
		return "", &fileError{err: errNotRegular, msg: fmt.Sprintf(
			"%s could not be saved: it is a link to a file that has no name to save to (%s); choose another name. Nothing was changed.", name, target)}
	}
	return target, nil
}

// maxLinks bounds how many links in a row linkTarget follows, as the
// system does (40 on Linux); a loop of links then fails at the Stat.
const maxLinks = 40

// checkOutput refuses an output path that must not be written, and
// returns what is there now (nil for a new name).
func checkOutput(fsys afero.Fs, name string, inputs []string) (os.FileInfo, error) {
	base := filepath.Base(name)
	if name == "" || strings.HasSuffix(name, "/") || strings.HasSuffix(name, string(filepath.Separator)) ||
		base == "." || base == ".." || base == string(filepath.Separator) {
		return nil, &fileError{err: errFolderName, msg: fmt.Sprintf(
			"%s could not be saved: that is the name of a folder, not a file. Add the file's own name after it; nothing was written.", name)}
	}
	if err := portableNameError(name, false); err != nil {
		return nil, err
	}
	info, err := fsys.Stat(name) // a link is judged by what it points to
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, saveError(name, err)
	}
	if info.IsDir() {
		return nil, &fileError{err: errFolderName, msg: fmt.Sprintf(
			"%s could not be saved: there is a folder of that name. Choose another name; nothing was changed.", name)}
	}
	if err := replaceableError(name, info); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fileError{err: errNotRegular, msg: fmt.Sprintf(
			"%s could not be saved: it is %s, not a regular file, and Briefsmith writes only to regular files or new names. It was left as it was; choose another name.",
			name, fileKind(info.Mode()))}
	}
	for _, in := range inputs {
		if sameFile(fsys, name, info, in) {
			also := ""
			if name != in {
				also = " (" + in + ")"
			}
			return nil, &fileError{err: errOutputIsInput, msg: fmt.Sprintf(
				"%s could not be saved: it is the file being read%s, and saving would replace it. Choose another name for the output; nothing was changed.", name, also)}
		}
	}
	return info, nil
}

// sameFile says whether the output name, which exists with info, is the
// input file: by inode where the file system has them (another spelling,
// a hard or symbolic link), else by the cleaned path.
func sameFile(fsys afero.Fs, name string, info os.FileInfo, input string) bool {
	in, err := fsys.Stat(input)
	if err != nil {
		return false // nothing there to destroy
	}
	return filepath.Clean(name) == filepath.Clean(input) || os.SameFile(info, in)
}

// makeFolders creates dir and any missing parents, returning those it
// created, outermost first, so a failed save can remove them again.
func makeFolders(fsys afero.Fs, dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		info, err := fsys.Stat(d)
		if err == nil && !info.IsDir() {
			// Windows says "not found" for a path through a file (its
			// ENOTDIR is ERROR_PATH_NOT_FOUND); say what Linux says.
			return nil, &fs.PathError{Op: "mkdir", Path: d, Err: errThroughFile}
		}
		if !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append([]string{d}, missing...)
		if filepath.Dir(d) == d {
			break
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	return missing, fsys.MkdirAll(dir, 0o755)
}

// removeEmptyFolders removes, innermost first, the folders a failed save
// created, if they are still empty.
func removeEmptyFolders(fsys afero.Fs, made []string) {
	for i := len(made) - 1; i >= 0; i-- {
		d, err := fsys.Open(made[i])
		if err != nil {
			continue
		}
		names, _ := d.Readdirnames(1)
		_ = d.Close()
		if len(names) == 0 {
			_ = fsys.Remove(made[i])
		}
	}
}

// stagedFile is one output of a save, written to its temporary file and
// waiting to be renamed into place.
type stagedFile struct {
	name string // the file replaced: the output, or the file its link names
	tmp  string
	id   uint64
	file afero.File // open until written
	// backup holds a copy of the file name replaces, to put back if a
	// later rename in the same set fails.
	backup   string
	backupID uint64
}

// write writes f's content to a new temporary file. A file being replaced lends
// its permissions: the temporary file is private while written and takes
// them at the end, since the umask would otherwise narrow them. A new
// file is created with 0666 and the umask decides, as for any program.
func (s *stagedFile) write(fsys afero.Fs, out OutputFile, old os.FileInfo) error {
	perm := os.FileMode(0o666)
	if old != nil {
		perm = 0o600
	}
	f, tmp, id, err := createTemp(fsys, filepath.Dir(s.name), filepath.Base(s.name), perm, false)
	if err != nil {
		return err
	}
	s.tmp, s.id, s.file = tmp, id, f
	if out.From != nil {
		if _, err := out.From.WriteTo(f); err != nil {
			return err
		}
	} else if _, err := f.Write(out.Data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	s.file = nil
	if err := f.Close(); err != nil {
		return err
	}
	if old != nil {
		// Some file systems (FAT, network shares) refuse chmod; the file
		// is still written, with the folder's default permissions.
		if err := fsys.Chmod(tmp, old.Mode().Perm()); err != nil && !os.IsPermission(err) {
			return err
		}
	}
	return nil
}

// backUp copies the file s.name replaces beside it.
func (s *stagedFile) backUp(fsys afero.Fs, old os.FileInfo) error {
	src, err := fsys.Open(s.name)
	if err != nil {
		return err
	}
	defer src.Close()
	f, tmp, id, err := createTemp(fsys, filepath.Dir(s.name), filepath.Base(s.name), 0o600, true)
	if err != nil {
		return err
	}
	s.backup, s.backupID = tmp, id
	_, err = io.Copy(f, src)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		if cerr := fsys.Chmod(tmp, old.Mode().Perm()); cerr != nil && !os.IsPermission(cerr) {
			err = cerr
		}
	}
	return err
}

// discard removes what a failed save of s left.
func (s *stagedFile) discard(fsys afero.Fs) {
	saving.Lock()
	defer saving.Unlock()
	if s.file != nil {
		_ = s.file.Close()
	}
	for _, t := range []struct {
		name string
		id   uint64
	}{{s.tmp, s.id}, {s.backup, s.backupID}} {
		if t.name != "" {
			_ = fsys.Remove(t.name)
			forgetLocked(t.id)
		}
	}
	s.tmp, s.backup = "", ""
}

// commit renames every staged file into place, holding the lock so that a
// signal handler cannot remove files between renames: a set is put in
// place whole or not at all. A failed rename puts back the files already
// renamed.
func commit(fsys afero.Fs, staged []*stagedFile) error {
	saving.Lock()
	for i, s := range staged {
		if err := fsys.Rename(s.tmp, s.name); err != nil {
			for j := i - 1; j >= 0; j-- {
				t := staged[j]
				if t.backup != "" && fsys.Rename(t.backup, t.name) == nil {
					forgetLocked(t.backupID)
					t.backup = ""
				} else if t.backup == "" {
					_ = fsys.Remove(t.name)
				}
			}
			saving.Unlock()
			for _, t := range staged {
				t.discard(fsys)
			}
			return renameError(s.name, err)
		}
		forgetLocked(s.id)
		s.tmp = ""
	}
	saving.Unlock()
	for _, s := range staged {
		s.discard(fsys) // the backups, now that all is in place
	}
	return nil
}
