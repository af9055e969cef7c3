package briefing

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// bigPacket is a packet of about 3 MB, so a save takes long enough to be
// killed part way through.
func bigPacket(title string) *Packet {
	p := NewPacket("staff")
	p.Title = title
	body := strings.Repeat(title+" filler text. ", 3<<20/(len(title)+15))
	p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	return p
}

// TestHelperSaveLoop is not a test: run by TestSaveSurvivesSIGKILL as a
// separate process, it saves two packets alternately until killed.
func TestHelperSaveLoop(t *testing.T) {
	path := os.Getenv("BRIEFSMITH_SAVE_LOOP")
	if path == "" {
		t.Skip("helper process for TestSaveSurvivesSIGKILL")
	}
	// Writes are slowed to widen the window a kill can land in; the file
	// operations themselves are the real ones.
	fs := slowFs{afero.NewOsFs()}
	a, b := bigPacket("Version A"), bigPacket("Version B")
	fmt.Println("ready")
	for i := 0; ; i++ {
		p := a
		if i%2 == 1 {
			p = b
		}
		if err := SavePacket(fs, path, p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// TestSaveSurvivesSIGKILL kills a process that is saving a large packet,
// again and again at random moments, and checks the file is always a
// whole packet, the old one or the new one, never a mixture or empty.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes; skipped with -short")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "packet.briefing")
	if err := SavePacket(afero.NewOsFs(), path, bigPacket("Version A")); err != nil {
		t.Fatal(err)
	}
	fs := afero.NewOsFs()
	midSave := 0
	for round := 0; round < 20; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveLoop$")
		cmd.Env = append(os.Environ(), "BRIEFSMITH_SAVE_LOOP="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Even rounds kill just after a save starts writing; odd rounds at
		// a random moment, which may fall in encoding, syncing or renaming.
		lines := bufio.NewReader(out)
		if line, _ := lines.ReadString('\n'); line != "ready\n" {
			t.Fatalf("helper said %q", line)
		}
		if round%2 == 0 {
			if line, _ := lines.ReadString('\n'); line != "writing\n" {
				t.Fatalf("helper said %q", line)
			}
			time.Sleep(time.Duration(rand.IntN(30)) * time.Millisecond)
		} else {
			time.Sleep(time.Duration(rand.IntN(1200)) * time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		// A temporary file left behind means the kill landed mid-save.
		if tmp, _ := filepath.Glob(filepath.Join(dir, ".packet.briefing-*.tmp")); len(tmp) > 0 {
			midSave++
			for _, f := range tmp {
				_ = os.Remove(f)
			}
		}
		p, err := LoadPacket(fs, path)
		if err != nil {
			t.Fatalf("round %d: after SIGKILL the packet does not load: %v", round, err)
		}
		if p.Title != "Version A" && p.Title != "Version B" {
			t.Fatalf("round %d: unexpected title %q", round, p.Title)
		}
		want := bigPacket(p.Title)
		if *p.Sections[0].Body != *want.Sections[0].Body {
			t.Fatalf("round %d: body of %q is not the one saved", round, p.Title)
		}
	}
	t.Logf("%d of 20 kills landed mid-save", midSave)
	if midSave < 5 {
		t.Fatal("no kill landed during a save: the test proved nothing")
	}
}

// slowFs writes in 64 KiB pieces with a pause between them, as a slow
// disk would.
type slowFs struct{ afero.Fs }

func (s slowFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := s.Fs.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &slowFile{File: f}, nil
}

// slowFile announces on standard output when a save starts writing, so
// the test can aim its kill into the write.
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
		k := min(len(p), 64<<10)
		w, err := f.File.Write(p[:k])
		n += w
		if err != nil {
			return n, err
		}
		p = p[k:]
		time.Sleep(time.Millisecond)
	}
	return n, nil
}
