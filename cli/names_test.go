//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestPrintedNamesAreEscaped: a file name, template title or path with a
// line break, an escape sequence or a bell is printed with them escaped,
// as problems print packet names, in every line that names it: success
// lines, refusals and listings. Raw, an escape sequence acts on the
// user's terminal (clears it, retitles it) and a line break forges a
// line of output.
func TestPrintedNamesAreEscaped(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	evil := "a\x1b[2Jb\a\nc"
	escaped := `a\x1b[2Jb\a\nc`
	name := func(n string) string { return filepath.Join(dir, n) }
	if err := os.WriteFile(name("t"+evil), []byte("x"), 0o644); err != nil {
		t.Skipf("this file system refuses such names: %v", err)
	}
	tdir := name("templates")
	_ = os.MkdirAll(tdir, 0o755)
	_ = os.WriteFile(filepath.Join(tdir, "mine.md"), []byte("---\nid: mine\ntitle: \"Mine \\e[2J\\a\"\nkind: custom\n---\nText.\n"), 0o644)
	newPacket(t, fsys, name("p.briefing"))
	for _, c := range []struct {
		args  []string
		lines int    // lines printed on standard output; -1, any number
		says  string // what stdout and stderr must hold, escaped
	}{
		{[]string{"export", name("p.briefing"), "-o", name(evil + ".pdf")}, 1, escaped + ".pdf: "},
		{[]string{"export", name("p.briefing"), "--format", "md", "-o", name(evil + ".md")}, 1, escaped + ".md: "},
		{[]string{"export", name("p.briefing"), "--format", "docx", "-o", name(evil + ".docx")}, 1, escaped + ".docx: Word document"},
		{[]string{"export", name("p.briefing"), "--all-audiences", "-o", name("all" + evil)}, 3, "all" + escaped + "/p-staff.pdf: "},
		{[]string{"new", "-o", name("n" + evil + ".briefing")}, 1, "n" + escaped + ".briefing: new staff packet"},
		{[]string{"export", name("p.briefing"), "-o", name("dir"+evil) + "/"}, 0, "dir" + escaped + "/ could not be saved"},
		{[]string{"export", name("t" + evil), "-o", name("x.pdf")}, 0, "t" + escaped},
		{[]string{"validate", name("t" + evil)}, 1, "t" + escaped},
		{[]string{"export", name("p.briefing"), "-o", name("q.pdf"), "--set", "x" + evil + "=1"}, 0, escaped},
		{[]string{"export", name("p.briefing"), name("t" + evil), "-o", name("q.pdf")}, 0, "t" + escaped},
		{[]string{"templates", "--templates", tdir}, -1, `Mine \x1b[2J\a`},
	} {
		r := run(t, fsys, c.args...)
		all := r.stdout + r.stderr
		if strings.ContainsAny(all, "\x1b\a") || c.lines >= 0 && strings.Count(r.stdout, "\n") != c.lines {
			t.Errorf("%q printed raw:\nstdout %q\nstderr %q", c.args, r.stdout, r.stderr)
		}
		if !strings.Contains(all, c.says) {
			t.Errorf("%q: output lacks %q:\nstdout %q\nstderr %q", c.args, c.says, r.stdout, r.stderr)
		}
	}
}
