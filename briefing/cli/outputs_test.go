package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// The output rule, as a user meets it: a refused -o exits 1 with a message
// naming the file in words, leaves the file that was there as it was, and
// leaves no temporary file behind.

// refused checks r is such a refusal naming name.
func refused(t *testing.T, r result, name string, why string) {
	t.Helper()
	if r.code != ExitInput {
		t.Fatalf("exit %d, want 1: %+v", r.code, r)
	}
	if !strings.Contains(r.stderr, name) || !strings.Contains(r.stderr, why) {
		t.Errorf("stderr should name %s and say %q:\n%s", name, why, r.stderr)
	}
	for _, jargon := range []string{"operation not permitted", "file exists", "rename ", "open ", "panic", "goroutine"} {
		if strings.Contains(r.stderr, jargon) {
			t.Errorf("stderr carries %q:\n%s", jargon, r.stderr)
		}
	}
}

// onlyFiles fails unless dir holds exactly names: nothing left behind.
func onlyFiles(t *testing.T, fsys afero.Fs, dir string, names ...string) {
	t.Helper()
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, "\n") != strings.Join(names, "\n") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func newPacket(t *testing.T, fsys afero.Fs, name string) []byte {
	t.Helper()
	if r := run(t, fsys, "new", "-o", name); r.code != ExitOK {
		t.Fatalf("new: %+v", r)
	}
	return mustRead(t, fsys, name)
}

func TestExportOverItsOwnPacketIsRefused(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	packet := filepath.Join(dir, "memo.briefing")
	before := newPacket(t, fsys, packet)
	for _, args := range [][]string{
		{"export", packet, "-o", packet},
		{"export", packet, "-o", dir + "/../" + filepath.Base(dir) + "/memo.briefing"},
		{"export", packet, "--format", "md", "-o", packet},
	} {
		refused(t, run(t, fsys, args...), args[len(args)-1], "is the file being read")
		if got := mustRead(t, fsys, packet); !bytes.Equal(got, before) {
			t.Fatalf("%q replaced the packet", args)
		}
		onlyFiles(t, fsys, dir, "memo.briefing")
	}
	// --all-audiences into the packet's folder, where one output's name
	// is a link to the packet.
	link := filepath.Join(dir, "memo-client.pdf")
	if err := os.Link(packet, link); err != nil {
		t.Fatal(err)
	}
	refused(t, run(t, fsys, "export", packet, "--all-audiences", "-o", dir), link, "is the file being read")
	onlyFiles(t, fsys, dir, "memo-client.pdf", "memo.briefing")
	if got := mustRead(t, fsys, packet); !bytes.Equal(got, before) {
		t.Fatal("--all-audiences replaced the packet")
	}
}

func TestExportToADeviceOrPipeIsRefused(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs: %v", err)
	}
	null := filepath.Join(dir, "null.pdf")
	_ = os.Symlink(os.DevNull, null)
	for _, out := range []string{fifo, null} {
		refused(t, run(t, fsys, "export", "-o", out), out, "not a regular file")
		if info, err := os.Stat(out); err != nil || info.Mode().IsRegular() {
			t.Fatalf("%s was replaced by a regular file", out)
		}
	}
	onlyFiles(t, fsys, dir, "null.pdf", "out.pdf")
}

func TestExportKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	out := filepath.Join(dir, "private.pdf")
	_ = os.WriteFile(out, []byte("old"), 0o600)
	if r := run(t, fsys, "export", "-o", out); r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("a private PDF became %o", info.Mode().Perm())
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "fresh.pdf")
	if r := run(t, fsys, "export", "-o", fresh); r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o600 {
		t.Errorf("under umask 077 a new PDF is %o", info.Mode().Perm())
	}
}

func TestExportToALongName(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	base := strings.Repeat("n", 245) + ".pdf" // 249 characters
	out := filepath.Join(dir, base)
	if r := run(t, fsys, "export", "-o", out); r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	onlyFiles(t, fsys, dir, base)
}

func TestExportToAFolderNameLeavesNoFolder(t *testing.T) {
	for _, fsys := range []afero.Fs{afero.NewOsFs(), afero.NewMemMapFs()} {
		dir := t.TempDir()
		_ = fsys.MkdirAll(dir, 0o755)
		out := dir + "/newdir/"
		refused(t, run(t, fsys, "export", "-o", out), out, "a folder")
		onlyFiles(t, fsys, dir)
	}
}

// renameFails fails renames onto names with a given suffix, as a rename
// onto another user's file in a shared folder does.
type renameFails struct {
	afero.Fs
	suffix string
}

func (f renameFails) Rename(oldname, newname string) error {
	if strings.HasSuffix(newname, f.suffix) {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: syscall.EPERM}
	}
	return f.Fs.Rename(oldname, newname)
}

func TestAllAudiencesIsAllOrNothing(t *testing.T) {
	const base = "/out/executive-order-on-ai-security-for-federal-networks-"
	for _, previous := range []bool{false, true} {
		t.Run(fmt.Sprint("previous=", previous), func(t *testing.T) {
			mem := afero.NewMemMapFs()
			_ = mem.MkdirAll("/out", 0o755)
			var names []string
			for _, a := range []string{"classroom", "client", "staff"} {
				names = append(names, filepath.Base(base+a+".pdf"))
				if previous {
					_ = afero.WriteFile(mem, base+a+".pdf", []byte("previous "+a), 0o644)
				}
			}
			if !previous {
				names = nil
			}
			// The third PDF written (client, after staff and classroom)
			// cannot be put in place.
			r := run(t, renameFails{mem, "-client.pdf"}, "export", "--all-audiences", "-o", "/out")
			refused(t, r, "client.pdf", "could not be saved")
			onlyFiles(t, mem, "/out", names...)
			for _, a := range []string{"classroom", "client", "staff"} {
				got, err := afero.ReadFile(mem, base+a+".pdf")
				if previous && string(got) != "previous "+a {
					t.Errorf("%s: previous PDF became %.20q (%v)", a, got, err)
				}
			}
			if strings.Contains(r.stdout, ".pdf: ") {
				t.Errorf("reported PDFs as written:\n%s", r.stdout)
			}
		})
	}
	// A third output that cannot be a file is found before anything is
	// written.
	mem := afero.NewMemMapFs()
	_ = mem.MkdirAll(base+"client.pdf", 0o755)
	refused(t, run(t, mem, "export", "--all-audiences", "-o", "/out"), "client.pdf", "is a folder")
	onlyFiles(t, mem, "/out", filepath.Base(base+"client.pdf"))
}

// TestHelperSlowExport is not a test: run by TestSignalsRemoveTheTemporaryFile
// as a separate process, it exports the sample with signal handling on,
// through a disk slow enough to be interrupted mid-write.
func TestHelperSlowExport(t *testing.T) {
	out := os.Getenv("BRIEFSMITH_SLOW_EXPORT")
	if out == "" {
		t.Skip("helper process for TestSignalsRemoveTheTemporaryFile")
	}
	env := Env{Fs: slowFs{afero.NewOsFs()}, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Signals: true}
	os.Exit(Run([]string{"export", "-o", out}, env))
}

func TestSignalsRemoveTheTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs and signals a process; skipped with -short")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "OUT.pdf")
			_ = os.WriteFile(out, []byte("previous export"), 0o644)
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSlowExport$")
			cmd.Env = append(os.Environ(), "BRIEFSMITH_SLOW_EXPORT="+out)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "writing\n" {
				_ = cmd.Process.Kill()
				t.Fatalf("helper said %q\n%s", line, stderr.String())
			}
			time.Sleep(100 * time.Millisecond)
			// The write is under way: a temporary file is there.
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".OUT.pdf-*.tmp")); len(tmp) != 1 {
				t.Fatalf("no temporary file mid-write: %v", tmp)
			}
			_ = cmd.Process.Signal(sig)
			err = cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
				t.Errorf("exit %v, want status %d\n%s", err, 128+int(sig), stderr.String())
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".*")); len(tmp) > 0 {
				t.Errorf("left behind %v", tmp)
			}
			if got, _ := os.ReadFile(out); string(got) != "previous export" {
				t.Errorf("the previous output became %.20q", got)
			}
			if !strings.Contains(stderr.String(), "stopped") {
				t.Errorf("no word of the interruption:\n%s", stderr.String())
			}
		})
	}
}

// TestAKilledExportIsCleanedUpByTheNext kills an export with SIGKILL,
// which no program can catch, and checks the next save to that folder
// removes the partial file once it is clearly abandoned.
func TestAKilledExportIsCleanedUpByTheNext(t *testing.T) {
	if testing.Short() {
		t.Skip("runs and kills a process; skipped with -short")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "OUT.pdf")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSlowExport$")
	cmd.Env = append(os.Environ(), "BRIEFSMITH_SLOW_EXPORT="+out)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "writing\n" {
		_ = cmd.Process.Kill()
		t.Fatalf("helper said %q", line)
	}
	time.Sleep(100 * time.Millisecond)
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	tmp, _ := filepath.Glob(filepath.Join(dir, ".OUT.pdf-*.tmp"))
	if len(tmp) != 1 {
		t.Fatalf("SIGKILL left %v, want one partial file", tmp)
	}
	// Its writer is dead and it has not been written to for two minutes.
	then := time.Now().Add(-2 * time.Minute)
	_ = os.Chtimes(tmp[0], then, then)
	if r := run(t, afero.NewOsFs(), "export", "-o", filepath.Join(dir, "other.pdf")); r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	onlyFiles(t, afero.NewOsFs(), dir, "other.pdf")
}

// slowFs writes in 1 KiB pieces with a pause between them, and says on
// standard output when the first write begins.
type slowFs struct{ afero.Fs }

func (s slowFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := s.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&os.O_CREATE == 0 {
		return f, err
	}
	return &slowFile{File: f}, nil
}

type slowFile struct {
	afero.File
	started bool
}

func (f *slowFile) Write(p []byte) (int, error) {
	if !f.started {
		f.started = true
		fmt.Println("writing")
	}
	n := 0
	for len(p) > 0 {
		k := min(len(p), 1<<10)
		w, err := f.File.Write(p[:k])
		n += w
		if err != nil {
			return n, err
		}
		p = p[k:]
		time.Sleep(5 * time.Millisecond)
	}
	return n, nil
}
