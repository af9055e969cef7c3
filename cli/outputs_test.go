//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
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

// TestExportWritesIntoAPipeOrDevice: -o naming a pipe, a device or a
// link to one writes into it, as any program's output does, and leaves
// it as it was: a temporary file renamed over it would have replaced it
// (as root, "-o /dev/stdout" replaced the device link with a file).
func TestExportWritesIntoAPipeOrDevice(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs: %v", err)
	}
	null := filepath.Join(dir, "null.pdf")
	_ = os.Symlink(os.DevNull, null)
	link := filepath.Join(dir, "pipe-link.pdf")
	_ = os.Symlink("out.pdf", link)
	for _, out := range []string{fifo, link} {
		read := make(chan []byte, 1)
		go func() {
			b, _ := os.ReadFile(fifo)
			read <- b
		}()
		r := run(t, fsys, "export", "-o", out)
		if r.code != ExitOK {
			t.Fatalf("-o %s: %+v", out, r)
		}
		select {
		case pdf := <-read:
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-32:], []byte("%%EOF")) {
				t.Errorf("-o %s: the pipe carried %d bytes, not a whole PDF", out, len(pdf))
			}
			if bytes.Contains(pdf, []byte("pages\n")) {
				t.Errorf("-o %s: the success line went into the pipe", out)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("-o %s: nothing came through the pipe", out)
		}
		if !strings.Contains(r.stderr, out+": ") || r.stdout != "" {
			t.Errorf("-o %s: the success line is not on standard error: %+v", out, r)
		}
	}
	if r := run(t, fsys, "export", "-o", null); r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	if info, err := os.Lstat(null); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to /dev/null was replaced: %v %v", info, err)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", info, err)
	}
	onlyFiles(t, fsys, dir, "null.pdf", "out.pdf", "pipe-link.pdf")
}

// TestExportToStandardOutput: -o - writes the document to standard
// output (it made a file named "-") and says what it wrote on standard
// error, out of the document's way.
func TestExportToStandardOutput(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for _, c := range []struct {
		format, starts, said string
	}{
		{"pdf", "%PDF-", "standard output: "},
		{"docx", "PK\x03\x04", "standard output: Word document"},
		{"md", "# Executive Order", "standard output: "},
	} {
		r := run(t, fsys, "export", "--format", c.format, "-o", "-")
		if r.code != ExitOK || !strings.HasPrefix(r.stdout, c.starts) || !strings.Contains(r.stderr, c.said) {
			t.Errorf("--format %s -o -: exit %d, stdout %.20q, stderr %q", c.format, r.code, r.stdout, r.stderr)
		}
		if ok, _ := afero.Exists(fsys, "-"); ok {
			t.Fatalf("--format %s -o - made a file named -", c.format)
		}
	}
	r := run(t, fsys, "export", "--all-audiences", "-o", "-")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "-o - (standard output) takes one document") {
		t.Errorf("--all-audiences -o -: %+v", r)
	}
	// A reader that stops: said in words, not as the system's error.
	var errb bytes.Buffer
	env := Env{Fs: fsys, Stdout: failingWriter{}, Stderr: &errb, Now: time.Now}
	if code := Run([]string{"export", "-o", "-"}, env); code != ExitInput || !strings.Contains(errb.String(), "standard output could not be written: the program reading it stopped reading") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

// failingWriter is standard output whose reader has gone.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.EPIPE }

// TestHelperExport is not a test: TestExportToAStdoutLink runs it as a
// separate process, with the arguments in BRIEFSMITH_EXPORT_ARGS, so that
// /proc/self/fd/1 is that process's standard output.
func TestHelperExport(t *testing.T) {
	args := os.Getenv("BRIEFSMITH_EXPORT_ARGS")
	if args == "" {
		t.Skip("helper process for TestExportToAStdoutLink")
	}
	env := Env{Fs: afero.NewOsFs(), Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}
	os.Exit(Run(strings.Split(args, "\x1f"), env))
}

// TestExportToAStdoutLink runs "export -o LINK", LINK being what
// /dev/stdout is (a link to /proc/self/fd/1), with standard output sent
// to a file and to a pipe: the file gets the PDF, the pipe carries it,
// and the link stays a link. (The real /dev/stdout is not used: a
// regression would replace it for the whole machine.)
func TestExportToAStdoutLink(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process; skipped with -short")
	}
	if _, err := os.Stat("/proc/self/fd/1"); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "stdout")
	if err := os.Symlink("/proc/self/fd/1", link); err != nil {
		t.Fatal(err)
	}
	helper := func(stdout any) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperExport$")
		cmd.Env = append(os.Environ(), "BRIEFSMITH_EXPORT_ARGS=export\x1f-o\x1f"+link)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if f, ok := stdout.(*os.File); ok {
			cmd.Stdout = f
		}
		return cmd, &stderr
	}
	// Standard output sent to a file, as "> out.pdf" does.
	outFile := filepath.Join(dir, "redirected.pdf")
	f, err := os.Create(outFile)
	if err != nil {
		t.Fatal(err)
	}
	cmd, stderr := helper(f)
	err = cmd.Run()
	f.Close()
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if pdf, _ := os.ReadFile(outFile); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("the redirected file holds %.20q", pdf)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
	// Standard output a pipe, as "| lpr" makes it.
	cmd, stderr = helper(nil)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(pipe)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
		t.Errorf("the pipe carried %.20q … %q", pdf, pdf[max(0, len(pdf)-20):])
	}
	if !strings.Contains(stderr.String(), link+": ") {
		t.Errorf("the success line is not on standard error: %s", stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
	onlyFiles(t, afero.NewOsFs(), dir, "redirected.pdf", "stdout")
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

// snapshot describes every file under dir, so a refused command can be
// shown to have changed nothing: names, types, modes and contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v", strings.TrimPrefix(path, dir), info.Mode())
		if info.Mode().IsRegular() {
			data, _ := os.ReadFile(path)
			fmt.Fprintf(&b, " %x", data)
		}
		b.WriteString("\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHostileOutputs is the corpus of output paths the red team tried,
// and more: each must be refused with exit 1 and a message naming it in
// words, and leave the folder exactly as it was.
func TestHostileOutputs(t *testing.T) {
	cases := []struct {
		name string
		// setup prepares dir and returns the command line.
		setup func(t *testing.T, dir string) []string
		// out is what the message must name; why what it must say.
		out, why string
	}{
		{"output is the packet", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "memo.briefing")
			newPacket(t, afero.NewOsFs(), p)
			return []string{"export", p, "-o", p}
		}, "memo.briefing", "is the file being read"},
		{"output is the packet, spelled otherwise", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "memo.briefing")
			newPacket(t, afero.NewOsFs(), p)
			return []string{"export", p, "-o", dir + "//./memo.briefing"}
		}, "memo.briefing", "is the file being read"},
		{"markdown over the packet", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "memo.briefing")
			newPacket(t, afero.NewOsFs(), p)
			return []string{"export", p, "--format", "md", "-o", p}
		}, "memo.briefing", "is the file being read"},
		{"a socket", func(t *testing.T, dir string) []string {
			fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
			if err != nil {
				t.Skip(err)
			}
			defer syscall.Close(fd)
			if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: filepath.Join(dir, "out.pdf")}); err != nil {
				t.Skip(err)
			}
			return []string{"export", "-o", filepath.Join(dir, "out.pdf")}
		}, "out.pdf", "it is a socket"},
		{"a folder", func(t *testing.T, dir string) []string {
			_ = os.Mkdir(filepath.Join(dir, "out.pdf"), 0o755)
			return []string{"export", "-o", filepath.Join(dir, "out.pdf")}
		}, "out.pdf", "there is a folder of that name"},
		{"a new folder's name", func(t *testing.T, dir string) []string {
			return []string{"export", "-o", filepath.Join(dir, "newdir") + "/"}
		}, "newdir/", "that is the name of a folder"},
		{"the current folder", func(t *testing.T, dir string) []string {
			return []string{"export", "-o", dir + "/."}
		}, "/. could not be saved", "that is the name of a folder"},
		{"a file used as a folder", func(t *testing.T, dir string) []string {
			_ = os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
			return []string{"export", "-o", filepath.Join(dir, "notes.txt", "out.pdf")}
		}, "notes.txt/out.pdf", "part of its path is a file, not a folder"},
		{"a name past the limit", func(t *testing.T, dir string) []string {
			return []string{"export", "-o", filepath.Join(dir, strings.Repeat("x", 252)+".pdf")}
		}, "xxx.pdf", "the name is too long"},
		{"new packet over a pipe", func(t *testing.T, dir string) []string {
			if err := syscall.Mkfifo(filepath.Join(dir, "p.briefing"), 0o600); err != nil {
				t.Skip(err)
			}
			return []string{"new", "-o", filepath.Join(dir, "p.briefing"), "--force"}
		}, "p.briefing", "not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := c.setup(t, dir)
			before := snapshot(t, dir)
			refused(t, run(t, afero.NewOsFs(), args...), c.out, c.why)
			if after := snapshot(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// Output names that would surprise are refused before anything is read
// or written: a PDF over another packet, a folder for --all-audiences
// named like a PDF, a name ending in another format's extension.
func TestSurprisingOutputNamesAreRefused(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	packet := filepath.Join(dir, "memo.briefing")
	other := filepath.Join(dir, "other.briefing")
	newPacket(t, fsys, packet)
	before := newPacket(t, fsys, other)
	for _, tc := range []struct {
		args []string
		why  string
	}{
		{[]string{"export", packet, "-o", other}, "is a Briefsmith packet; the export would replace it"},
		{[]string{"export", packet, "--all-audiences", "-o", filepath.Join(dir, "x.pdf")}, "with --all-audiences -o names the folder"},
		{[]string{"export", packet, "--format", "md", "-o", filepath.Join(dir, "o.pdf")}, "ends in .pdf, but this export writes Markdown"},
		{[]string{"export", packet, "--format", "pdf", "-o", filepath.Join(dir, "o.md")}, "ends in .md, but this export writes a PDF"},
	} {
		r := run(t, fsys, tc.args...)
		if r.code != ExitInput || !strings.Contains(r.stderr, tc.why) {
			t.Errorf("%q: exit %d, %q; want exit 1 saying %q", tc.args, r.code, r.stderr, tc.why)
		}
	}
	if got := mustRead(t, fsys, other); !bytes.Equal(got, before) {
		t.Fatal("the other packet changed")
	}
	onlyFiles(t, fsys, dir, "memo.briefing", "other.briefing")
}

// --set refuses the packet's own settings and warns about names no
// section uses.
func TestSetNamesAreChecked(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	packet := filepath.Join(dir, "memo.briefing")
	newPacket(t, fsys, packet)
	r := run(t, fsys, "export", packet, "--set", "marking=SECRET", "-o", filepath.Join(dir, "a.pdf"))
	if r.code != ExitUsage || !strings.Contains(r.stderr, "marking is one of the packet's own settings") {
		t.Errorf("--set marking: %+v", r)
	}
	r = run(t, fsys, "export", packet, "--set", "nosuch=1", "-o", filepath.Join(dir, "b.pdf"))
	if r.code != ExitOK || !strings.Contains(r.stderr, `no section in this packet uses a variable named "nosuch"`) {
		t.Errorf("--set nosuch: %+v", r)
	}
}
