//go:build unix

package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The rule for every file from a stranger: accepted (exit 0) or refused
// (exit 1 with a message), never a panic, in under 5 seconds of CPU and
// 500 MB of memory, the previous output untouched and no temporary file
// left. Each case runs the real command line in a process of its own, so
// its peak memory is its own.
const (
	limitCPU    = 5 * time.Second
	limitMemory = 500 << 20
	// limitWall only catches a hang; the CPU limit is the rule, since the
	// machine may be busy with other tests.
	limitWall = 60 * time.Second
)

// limitCase is one command line run on hostile input.
type limitCase struct {
	name string
	args []string
	// out, when set, is an output file holding "OLD" before the run.
	out string
}

func TestHostileFilesStayWithinLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line and runs it once per hostile file")
	}
	bin := filepath.Join(t.TempDir(), "limitcli")
	if out, err := exec.Command("go", "build", "-o", bin, "./testdata/limitcli").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	work := t.TempDir()
	cases := hostileCorpusCases(t, work)
	cases = append(cases, generatedCases(t, work)...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runWithinLimits(t, bin, c)
		})
	}
}

// hostileCorpusCases runs every file of the hostile corpus as the command
// line would meet it: packets validated and exported, templates loaded from
// a templates folder and used by a packet.
func hostileCorpusCases(t *testing.T, work string) []limitCase {
	corpus, err := filepath.Abs("../briefing/testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	var cases []limitCase
	for _, e := range entries {
		name := e.Name()
		src := filepath.Join(corpus, name)
		switch filepath.Ext(name) {
		case ".briefing":
			out := filepath.Join(work, "out-"+name+".pdf")
			cases = append(cases,
				limitCase{name: name + "/validate", args: []string{"validate", src}},
				limitCase{name: name + "/export", args: []string{"export", src, "-o", out}, out: out})
		case ".md":
			dir := filepath.Join(work, "tpl-"+name)
			must(t, os.MkdirAll(dir, 0o755))
			data, err := os.ReadFile(src)
			must(t, err)
			must(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
			packet := filepath.Join(work, "uses-"+name+".briefing")
			must(t, os.WriteFile(packet, []byte(`{"version":1,"title":"T","audience":"staff","sections":[{"template":"x"}]}`), 0o644))
			out := filepath.Join(work, "out-"+name+".pdf")
			cases = append(cases,
				limitCase{name: name + "/templates", args: []string{"templates", "--templates", dir}},
				limitCase{name: name + "/export", args: []string{"export", packet, "--templates", dir, "-o", out}, out: out})
		}
	}
	if len(cases) < 40 {
		t.Fatalf("only %d corpus cases", len(cases))
	}
	return cases
}

// generatedCases are the hostile files too large to keep in the
// repository, made here.
func generatedCases(t *testing.T, work string) []limitCase {
	write := func(name, text string) string {
		p := filepath.Join(work, name)
		must(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	var cases []limitCase
	add := func(name string, args ...string) { cases = append(cases, limitCase{name: name, args: args}) }

	// 20,000 unknown keys: one warning each, located in one pass.
	var b strings.Builder
	b.WriteString(`{"version":1,"title":"T","audience":"staff","sections":[{"template":"scope"}]`)
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, ",\n\"unknown%d\":1", i)
	}
	b.WriteString("}")
	add("20000 unknown keys", "validate", write("keys.briefing", b.String()))

	// Packets written on one line, as other tools and the app's recovery
	// file write them: the key scan must not count columns from the start
	// of the line again for every key.
	b.Reset()
	b.WriteString(`{"version":1,"title":"T","audience":"staff","sections":[{"template":"scope"}]`)
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, `,"unknown%d":1`, i)
	}
	b.WriteString("}")
	add("20000 unknown keys on one line", "validate", write("keys-one-line.briefing", b.String()))
	b.Reset()
	b.WriteString(`{"version":1,"title":"T","audience":"staff","sections":[{"template":"scope"}],"variables":{`)
	for i := 0; i < 200000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"v%d":"x"`, i)
	}
	b.WriteString("}}")
	add("200000 variables on one line", "validate", write("vars-one-line.briefing", b.String()))
	b.Reset()
	b.WriteString(`{"version":1,"title":"T","audience":"staff","sections":[`)
	for i := 0; i < 5000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"template":"scope","title":"Part %d","body":"%s"}`, i, strings.Repeat("Words on one line. ", 30))
	}
	b.WriteString("]}")
	add("5000 sections, 3 MB on one line", "validate", write("sections-one-line.briefing", b.String()))

	// A template declaring 3,000 facts to verify, all mentioned.
	dir := filepath.Join(work, "verify")
	must(t, os.MkdirAll(dir, 0o755))
	b.Reset()
	b.WriteString("---\nid: many\ntitle: Many\nkind: custom\nvariables:\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "  - name: v%d\n    verify: true\n", i)
	}
	b.WriteString("---\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "{{if .v%d}}{{.v%d}}{{end}}\n", i, i)
	}
	must(t, os.WriteFile(filepath.Join(dir, "many.md"), []byte(b.String()), 0o644))
	add("3000 facts to verify", "validate", write("many.briefing", `{"version":1,"title":"T","audience":"staff","sections":[{"template":"many"}]}`), "--templates", dir)

	// A small packet asking for a huge document: every section repeats a
	// long variable up to its own limit.
	b.Reset()
	b.WriteString(`{"version":1,"title":"T","audience":"staff","variables":{"v":"` + strings.Repeat("word ", 10000) + `"},"sections":[`)
	for i := 0; i < 100; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"template":"scope","body":"` + strings.Repeat(`{{.v}}\n\n`, 9) + `"}`)
	}
	b.WriteString("]}")
	out := filepath.Join(work, "huge.pdf")
	cases = append(cases, limitCase{name: "huge document", args: []string{"export", write("huge.briefing", b.String()), "-o", out}, out: out})

	// Long single-line fields.
	long := strings.Repeat("Title ", 20000)
	add("100000-character title", "export", write("title.briefing", `{"version":1,"title":"`+long+`","marking":"`+long+`","organization":"`+long+`","audience":"staff","sections":[{"template":"scope","title":"`+long+`"}]}`), "-o", filepath.Join(work, "title.pdf"))

	// A templates folder holding anything.
	odd := filepath.Join(work, "odd")
	must(t, os.MkdirAll(odd, 0o755))
	must(t, os.Symlink("/dev/zero", filepath.Join(odd, "zero.md")))
	must(t, syscall.Mkfifo(filepath.Join(odd, "pipe.md"), 0o644))
	big := write("big.md", "---\nid: big\ntitle: Big\nkind: custom\n---\n"+strings.Repeat("x", 12<<20))
	must(t, os.Symlink(big, filepath.Join(odd, "big.md")))
	add("templates folder with a device link, a pipe and a big link", "templates", "--templates", odd)
	return cases
}

// runWithinLimits runs the command line on c and checks the rule.
func runWithinLimits(t *testing.T, bin string, c limitCase) {
	t.Helper()
	if c.out != "" {
		must(t, os.WriteFile(c.out, []byte("OLD"), 0o644))
	}
	ctx, cancel := context.WithTimeout(context.Background(), limitWall)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, c.args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("still running after %v: killed", limitWall)
	}
	code := cmd.ProcessState.ExitCode()
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	var peak int64
	if ru != nil {
		peak = ru.Maxrss << 10 // kilobytes on Linux
	}
	t.Logf("exit %d, %v CPU, %v wall, %d MB peak", code, cpu.Round(time.Millisecond), wall.Round(time.Millisecond), peak>>20)
	all := stdout.String() + stderr.String()
	switch {
	case code != 0 && code != 1:
		t.Errorf("exit %d (%v), want 0 or 1:\n%.2000s", code, err, all)
	case strings.Contains(all, "panic") || strings.Contains(all, "goroutine "):
		t.Errorf("a panic reached the user:\n%.2000s", all)
	case cpu > limitCPU:
		t.Errorf("took %v of CPU; the limit is %v", cpu, limitCPU)
	case peak > limitMemory:
		t.Errorf("peaked at %d MB; the limit is %d MB", peak>>20, limitMemory>>20)
	}
	if code == 1 && strings.TrimSpace(stderr.String()+stdout.String()) == "" {
		t.Error("refused without a message")
	}
	if c.out == "" {
		return
	}
	data, _ := os.ReadFile(c.out)
	if code == 1 && string(data) != "OLD" {
		t.Error("a refused export changed the previous output")
	}
	if code == 0 && !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("an accepted export wrote no PDF")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(c.out), ".*tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
