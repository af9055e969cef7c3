//go:build unix

package briefing

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/spf13/afero"
)

// Output paths are as hostile as input files: the name a user types after
// -o can be the packet itself, a device, a folder or a name at the length
// limit. These tests run on the real disk, in a temporary folder, because
// modes, devices, links and name lengths are what the kernel decides.

// leftovers lists what a save left in dir besides the names expected.
func leftovers(t *testing.T, fsys afero.Fs, dir string, expected ...string) []string {
	t.Helper()
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for _, e := range entries {
		if !contains(expected, e.Name()) {
			extra = append(extra, e.Name())
		}
	}
	return extra
}

// plainRefusal checks a refused save: it names the file, says why in
// words, and carries no raw system message.
func plainRefusal(t *testing.T, err error, name string, why ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("saving to %s succeeded; want a refusal", name)
	}
	msg := err.Error()
	if !strings.Contains(msg, name) {
		t.Errorf("message does not name %s: %q", name, msg)
	}
	for _, w := range why {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q: %q", w, msg)
		}
	}
	for _, jargon := range []string{"operation not permitted", "errno", "invalid argument", "file exists", "rename ", "open ", "is a directory"} {
		if strings.Contains(msg, jargon) {
			t.Errorf("message carries system jargon %q: %q", jargon, msg)
		}
	}
}

func TestExportRefusesToWriteOverItsPacket(t *testing.T) {
	lib := builtinLibrary(t)
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	packet := filepath.Join(dir, "memo.briefing")
	p := NewPacket("staff")
	p.Sections = []SectionRef{{Template: "scope", Included: true}}
	if err := SavePacket(fsys, packet, p); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(packet)
	link := filepath.Join(dir, "hard-link.pdf")
	if err := os.Link(packet, link); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym-link.pdf")
	if err := os.Symlink("memo.briefing", sym); err != nil {
		t.Fatal(err)
	}
	// The same file under its own name, another spelling of it, a hard
	// link and a symbolic link: all are the packet.
	for _, out := range []string{packet, dir + "/./memo.briefing", link, sym} {
		_, err := Export(fsys, out, lib, p, packet)
		plainRefusal(t, err, out, "is the file being read")
		if !errors.Is(err, errOutputIsInput) {
			t.Errorf("%s: error %v is not errOutputIsInput", out, err)
		}
		if got, _ := os.ReadFile(packet); string(got) != string(before) {
			t.Fatalf("%s: the packet was overwritten", out)
		}
		if extra := leftovers(t, fsys, dir, "memo.briefing", "hard-link.pdf", "sym-link.pdf"); len(extra) > 0 {
			t.Fatalf("%s: left behind %v", out, extra)
		}
	}
	// On a file system without inodes the cleaned path decides.
	mem := afero.NewMemMapFs()
	_ = afero.WriteFile(mem, "/d/memo.briefing", []byte("packet"), 0o644)
	err := WriteFileAtomic(mem, "/d/../d/memo.briefing", []byte("%PDF"), NotOver("/d/memo.briefing"))
	plainRefusal(t, err, "memo.briefing", "is the file being read")
	// Another name in the same folder is fine.
	if _, err := Export(fsys, filepath.Join(dir, "memo.pdf"), lib, p, packet); err != nil {
		t.Fatal(err)
	}
}

func TestSaveWritesOnlyToRegularFiles(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	targets := []string{fifo}
	// A symbolic link to /dev/null: an old save replaced the link, a
	// careless fix would write into the device.
	devLink := filepath.Join(dir, "null-link.pdf")
	if err := os.Symlink(os.DevNull, devLink); err != nil {
		t.Fatal(err)
	}
	targets = append(targets, devLink)
	// A device node of our own (the null device), where the system lets
	// us make one, so /dev itself is never at risk in a test.
	dev := filepath.Join(dir, "null.pdf")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(nullDevice())); err == nil {
		targets = append(targets, dev)
	}
	for _, out := range targets {
		before, err := os.Lstat(out)
		if err != nil {
			t.Fatal(err)
		}
		err = WriteFileAtomic(fsys, out, []byte("%PDF-1.7 new"))
		plainRefusal(t, err, out, "not a regular file")
		if !errors.Is(err, errNotRegular) {
			t.Errorf("%s: error %v is not errNotRegular", out, err)
		}
		after, err := os.Lstat(out)
		if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
			t.Errorf("%s was replaced: %v -> %v (%v)", out, before.Mode(), after, err)
		}
	}
	if extra := leftovers(t, fsys, dir, "pipe.pdf", "null-link.pdf", "null.pdf"); len(extra) > 0 {
		t.Fatalf("left behind %v", extra)
	}
	// A folder is not a file either.
	sub := filepath.Join(dir, "folder.pdf")
	_ = os.Mkdir(sub, 0o755)
	plainRefusal(t, WriteFileAtomic(fsys, sub, []byte("x")), sub, "is a folder")
}

// TestExportWritesToDevicesAndPipesDirectly: an export (AllowStreams)
// to a character device or a pipe, or to a link to one, writes into it as
// any program would, and leaves it in place: "-o /dev/stdout" once
// replaced the device link with a regular file. A socket is still
// refused, and so is a pipe among a set of files written together.
func TestExportWritesToDevicesAndPipesDirectly(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	data := []byte("%PDF-1.7 written")
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	fifoLink := filepath.Join(dir, "pipe-link.pdf")
	nullLink := filepath.Join(dir, "null-link.pdf")
	for _, l := range [][2]string{{"pipe.pdf", fifoLink}, {os.DevNull, nullLink}} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Fatal(err)
		}
	}
	targets := []string{fifo, fifoLink, nullLink}
	names := []string{"null-link.pdf", "pipe-link.pdf", "pipe.pdf"}
	dev := filepath.Join(dir, "null.pdf")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(nullDevice())); err == nil {
		targets = append(targets, dev)
		names = append(names, "null.pdf")
	}
	for _, out := range targets {
		before, err := os.Lstat(out)
		if err != nil {
			t.Fatal(err)
		}
		read := make(chan []byte, 1)
		if info, _ := os.Stat(out); info.Mode()&os.ModeNamedPipe != 0 {
			go func() {
				b, _ := os.ReadFile(fifo)
				read <- b
			}()
		}
		if err := WriteFilesAtomic(fsys, []OutputFile{{Name: out, From: bytesWriterTo(data)}}, AllowStreams()); err != nil {
			t.Errorf("%s: %v", out, err)
		}
		if info, _ := os.Stat(out); info.Mode()&os.ModeNamedPipe != 0 {
			select {
			case got := <-read:
				if string(got) != string(data) {
					t.Errorf("%s: the pipe gave %q", out, got)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: nothing came through the pipe", out)
			}
		}
		after, err := os.Lstat(out)
		if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
			t.Errorf("%s was replaced: %v -> %v (%v)", out, before.Mode(), after, err)
		}
	}
	if extra := leftovers(t, fsys, dir, names...); len(extra) > 0 {
		t.Fatalf("left behind %v", extra)
	}
	// Without AllowStreams (a packet, a template) a pipe is refused.
	plainRefusal(t, WriteFileAtomic(fsys, fifo, data), fifo, "not a regular file")
	// Nor is a pipe one of a set: the set is all or nothing, and what
	// went into a pipe cannot be taken back.
	err := WriteFilesAtomic(fsys, []OutputFile{{Name: filepath.Join(dir, "a.pdf"), Data: data}, {Name: fifo, Data: data}}, AllowStreams())
	plainRefusal(t, err, fifo, "not a regular file")
	if extra := leftovers(t, fsys, dir, names...); len(extra) > 0 {
		t.Fatalf("a refused set left %v", extra)
	}
	// A socket takes no writes by name at all.
	sock := filepath.Join(dir, "s.pdf")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		defer syscall.Close(fd)
		if syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}) == nil {
			plainRefusal(t, WriteFileAtomic(fsys, sock, data, AllowStreams()), sock, "it is a socket")
		}
	}
}

// bytesWriterTo is data as an io.WriterTo, as an export's PDF is.
type bytesWriterTo []byte

func (b bytesWriterTo) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(b)
	return int64(n), err
}

// TestSaveThroughALinkKeepsTheLink: a save to a link to a regular file
// replaces the file, atomically, and the link stays a link. On Linux
// /dev/stdout is such a link when the output is redirected to a file
// (through /proc/self/fd/1); as root, the link itself was replaced.
func TestSaveThroughALinkKeepsTheLink(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	target := filepath.Join(dir, "real.pdf")
	_ = os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink("real.pdf", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(fsys, link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("the file the link names holds %q", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("the file's mode became %o", info.Mode().Perm())
	}
	if extra := leftovers(t, fsys, dir, "link.pdf", "real.pdf"); len(extra) > 0 {
		t.Fatalf("left behind %v", extra)
	}
	// A link like /dev/stdout's, to a file this process has open.
	f, err := os.Create(filepath.Join(dir, "redirected.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fdLink := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
	if _, err := os.Stat(fdLink); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	stdout := filepath.Join(dir, "stdout")
	if err := os.Symlink(fdLink, stdout); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(fsys, stdout, []byte("%PDF-1.7"), AllowStreams()); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(stdout); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the stdout link was replaced: %v %v", info, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "redirected.pdf")); string(got) != "%PDF-1.7" {
		t.Errorf("the redirected file holds %q", got)
	}
}

// nullDevice is the device number of /dev/null (major 1, minor 3 on
// Linux), read from the real one.
func nullDevice() uint64 {
	var st syscall.Stat_t
	if err := syscall.Stat(os.DevNull, &st); err != nil {
		return 0
	}
	return uint64(st.Rdev)
}

func TestSaveKeepsModeAndHonoursUmask(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)

	// New files get what the umask allows, as any program's would.
	fresh := filepath.Join(dir, "new.pdf")
	if err := WriteFileAtomic(fsys, fresh, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if m := permOf(t, fresh); m != 0o640 {
		t.Errorf("new file under umask 027: mode %o, want 640", m)
	}
	syscall.Umask(0o077)
	private := filepath.Join(dir, "private.pdf")
	if err := WriteFileAtomic(fsys, private, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if m := permOf(t, private); m != 0o600 {
		t.Errorf("new file under umask 077: mode %o, want 600", m)
	}
	// An existing file keeps the mode its owner gave it.
	syscall.Umask(0o022)
	for _, want := range []os.FileMode{0o600, 0o640, 0o664, 0o755, 0o444} {
		name := filepath.Join(dir, fmt.Sprintf("kept-%o.briefing", want))
		if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(name, want); err != nil {
			t.Fatal(err)
		}
		if err := WriteFileAtomic(fsys, name, []byte("new")); err != nil {
			t.Fatal(err)
		}
		if m := permOf(t, name); m != want {
			t.Errorf("existing %o file saved as %o", want, m)
		}
	}
}

func permOf(t *testing.T, name string) os.FileMode {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

func TestSaveToNamesAtTheLengthLimit(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	for _, n := range []int{200, 220, 249, 250, 255} {
		base := strings.Repeat("a", n-4) + ".pdf"
		name := filepath.Join(dir, base)
		if err := WriteFileAtomic(fsys, name, []byte("first")); err != nil {
			t.Fatalf("%d-byte name: %v", n, err)
		}
		if err := WriteFileAtomic(fsys, name, []byte("second")); err != nil {
			t.Fatalf("%d-byte name, replacing: %v", n, err)
		}
		if got, _ := os.ReadFile(name); string(got) != "second" {
			t.Fatalf("%d-byte name holds %q", n, got)
		}
		if extra := leftovers(t, fsys, dir, base); len(extra) > 0 {
			t.Fatalf("%d-byte name left %v", n, extra)
		}
		_ = os.Remove(name)
	}
	// Multi-byte names are cut at a character boundary, in bytes.
	base := strings.Repeat("é", 125) + ".pdf" // 254 bytes
	if err := WriteFileAtomic(fsys, filepath.Join(dir, base), []byte("x")); err != nil {
		t.Fatalf("254-byte UTF-8 name: %v", err)
	}
	// Past the system's limit the refusal is in words.
	long := filepath.Join(dir, strings.Repeat("b", 256)+".pdf")
	plainRefusal(t, WriteFileAtomic(fsys, long, []byte("x")), long, "the name is too long")
	if extra := leftovers(t, fsys, dir, base); len(extra) > 0 {
		t.Fatalf("left %v", extra)
	}
}

func TestSaveToAFolderNameLeavesNoFolder(t *testing.T) {
	for _, fsys := range []afero.Fs{afero.NewOsFs(), afero.NewMemMapFs()} {
		dir := t.TempDir()
		if _, ok := fsys.(*afero.MemMapFs); ok {
			dir = "/mem"
			_ = fsys.MkdirAll(dir, 0o755)
		}
		for _, out := range []string{dir + "/newdir/", dir + "/newdir/deeper/", dir + "/.", dir + "/newdir/.."} {
			plainRefusal(t, WriteFileAtomic(fsys, out, []byte("x")), out, "a folder")
			if extra := leftovers(t, fsys, dir); len(extra) > 0 {
				t.Fatalf("%T %s: left %v", fsys, out, extra)
			}
		}
		// Folders a failed save created are removed again; a folder that
		// was there before stays.
		_ = fsys.Mkdir(dir+"/kept", 0o755)
		err := WriteFileAtomic(faultFs{Fs: fsys, failOn: "rename"}, dir+"/kept/new/deeper/x.pdf", []byte("x"))
		if !errors.Is(err, errInjected) {
			t.Fatalf("%T: %v", fsys, err)
		}
		if extra := leftovers(t, fsys, dir+"/kept"); len(extra) > 0 {
			t.Fatalf("%T: a failed save left folders %v", fsys, extra)
		}
		if extra := leftovers(t, fsys, dir, "kept"); len(extra) > 0 {
			t.Fatalf("%T: left %v", fsys, extra)
		}
		// Saving into a folder that does not exist yet still works.
		if err := WriteFileAtomic(fsys, dir+"/made/x.pdf", []byte("x")); err != nil {
			t.Fatalf("%T: %v", fsys, err)
		}
	}
}

func TestStaleTemporariesOfOursAreRemovedOnTheNextSave(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	dead := deadPID(t)
	old := time.Now().Add(-20 * time.Minute)
	recent := time.Now().Add(-2 * time.Minute)
	files := map[string]struct {
		mtime time.Time
		stays bool
	}{
		// A SIGKILLed save of ours, however recent: its writer is gone.
		tempName("OUT.pdf", dead, 0xdeadbeef): {recent, false},
		// Ours, writer alive, but far too old to be a save in progress.
		tempName("other.briefing", os.Getpid(), 0x1234abcd): {old, false},
		// Ours and alive and fresh: a save in progress elsewhere.
		tempName("busy.pdf", os.Getpid(), 0x0badf00d): {time.Now(), true},
		// A dead writer's, but written to a moment ago: it may be another
		// machine's save on a shared folder, so it waits its turn.
		tempName("shared.pdf", dead, 0x00c0ffee): {time.Now(), true},
		// Not our pattern: other programs' files are never touched.
		".OUT.pdf-123456.tmp":              {old, true},
		"OUT.pdf-1-abc.tmp":                {old, true},
		".notes-1-zzzzzzzz.briefsmith.tmp": {old, true},
		"report.pdf":                       {old, true},
	}
	for name, f := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, f.mtime, f.mtime); err != nil {
			t.Fatal(err)
		}
	}
	// A folder with our pattern is not a temporary file.
	_ = os.Mkdir(filepath.Join(dir, tempName("dir.pdf", dead, 1)), 0o755)
	_ = os.Chtimes(filepath.Join(dir, tempName("dir.pdf", dead, 1)), old, old)

	if err := WriteFileAtomic(fsys, filepath.Join(dir, "OUT.pdf"), []byte("whole")); err != nil {
		t.Fatal(err)
	}
	for name, f := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if f.stays && err != nil {
			t.Errorf("%s was removed", name)
		}
		if !f.stays && err == nil {
			t.Errorf("%s was left", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, tempName("dir.pdf", dead, 1))); err != nil {
		t.Error("a folder named like a temporary file was removed")
	}
}

// deadPID is the ID of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	for pid := 4194000; pid > 4000000; pid-- {
		if !processExists(pid) {
			return pid
		}
	}
	t.Skip("no free process ID found")
	return 0
}

func TestTemporaryNamesFitAndAreOurs(t *testing.T) {
	for _, base := range []string{"x", strings.Repeat("n", 255), strings.Repeat("é", 127) + "a", "memo.briefing"} {
		tmp := tempName(base, 4194304, 0xffffffff)
		if len(tmp) > maxNameBytes {
			t.Errorf("%d-byte base gives a %d-byte temporary name", len(base), len(tmp))
		}
		if !strings.HasPrefix(tmp, ".") || !strings.HasSuffix(tmp, ".tmp") {
			t.Errorf("temporary name %q is not hidden", tmp)
		}
		if pid, ok := ourTempPID(tmp); !ok || pid != 4194304 {
			t.Errorf("%q not recognised as ours (pid %d)", tmp, pid)
		}
		if !utf8.ValidString(tmp) {
			t.Errorf("%q was cut inside a character", tmp)
		}
	}
}
