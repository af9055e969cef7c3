package briefing

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/pdf"

	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"
)

// The templates folder can hold anything: only regular files are read, and
// through a size limit; links, pipes and devices are skipped with a
// warning and never opened for reading.
func TestTemplatesFolderReadsOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	good := "---\nid: good\ntitle: Good\nkind: custom\n---\nFine.\n"
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", good)
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(big, []byte(good+strings.Repeat("x", 12<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(big, filepath.Join(dir, "big-link.md")); err != nil {
		t.Fatal(err)
	}
	write("huge.md", good+strings.Repeat("y", maxTemplateSize))

	lib, err := LoadLibrary(nil, afero.NewOsFs(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Get("good"); !ok {
		t.Error("the good template was not loaded")
	}
	want := map[string]string{
		"zero.md":     "warning: skipped: templates must be ordinary files, and this is a link to another file",
		"pipe.md":     "warning: skipped: templates must be ordinary files, and this is a pipe (FIFO)",
		"big-link.md": "warning: skipped: templates must be ordinary files, and this is a link",
		"huge.md":     "error: template is larger than the 1 MB limit",
	}
	for name, msg := range want {
		found := false
		for _, p := range lib.Broken {
			if filepath.Base(p.File) == name && strings.Contains(p.String(), msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no problem saying %q in %v", name, msg, lib.Broken)
		}
	}
	// Reading the same names directly is refused too, without blocking.
	for _, name := range []string{"pipe.md", "zero.md"} {
		if _, _, err := readSmallFile(afero.NewOsFs(), filepath.Join(dir, name), maxTemplateSize, "template"); err == nil {
			t.Errorf("%s was read", name)
		}
	}
}

// Keys match exactly: a key the JSON decoder would match loosely, a
// duplicate, or a variable named like a built-in is refused with its line,
// never applied behind a warning that says it was ignored.
func TestPacketKeysMatchExactly(t *testing.T) {
	for _, tc := range []struct{ name, json, want string }{
		{"upper case", `{"version":1,"title":"Mine","TITLE":"Theirs","audience":"staff","sections":[]}`, `"TITLE" is not a field name`},
		{"kelvin sign", `{"version":1,"title":"T","marking":"SECRET","mar\u212Aing":"","audience":"staff","sections":[]}`, `"mar\u212aing" is not a field name`},
		{"capital key", `{"version":1,"title":"T","Audience":"classroom","audience":"staff","sections":[]}`, `"Audience" is not a field name`},
		{"section key", `{"version":1,"title":"T","audience":"staff","sections":[{"template":"summary","Included":false}]}`, `"sections[0].Included" is not a field name; names are exact and lower case: write "sections[0].included"`},
		{"style key", `{"version":1,"title":"T","audience":"staff","sections":[],"style":{"Page_Size":"a4"}}`, `"style.Page_Size" is not a field name`},
		{"duplicate", "{\"version\":1,\n\"marking\":\"SECRET\",\n\"title\":\"T\",\n\"marking\":\"\",\"audience\":\"staff\",\"sections\":[]}", `"marking" is given twice (lines 2 and 4)`},
		{"duplicate variable", `{"version":1,"title":"T","audience":"staff","sections":[],"variables":{"a":"1","a":"2"}}`, `"variables.a" is given twice`},
		{"reserved variable", `{"version":1,"title":"T","audience":"staff","sections":[],"variables":{"marking":"x"}}`, `"marking" is a built-in name`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodePacket("p.briefing", []byte(tc.json))
			var ps Problems
			if !errors.As(err, &ps) || !strings.Contains(ps.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %s", err, tc.want)
			}
		})
	}
	// Unknown keys are warnings that say what happens to them.
	p, err := DecodePacket("p.briefing", []byte(`{"version":1,"title":"T","audience":"staff","reviewers":["a"],"sections":[{"template":"summary","note":"x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	notes := p.Notes.Error()
	for _, want := range []string{`"reviewers": kept in the file`, `"sections[0].note": this version of Briefsmith ignores it, and it is not kept`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// Positions are computed once: 20,000 unknown keys give 20,000 warnings,
// each on its own line.
func TestManyUnknownKeysAreLocatedInOnePass(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\"version\":1,\"title\":\"T\",\"audience\":\"staff\",\"sections\":[]")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, ",\n\"k%d\":1", i)
	}
	b.WriteString("}")
	p, err := DecodePacket("p.briefing", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Notes) != 20000 || p.Notes[0].Line != 2 || p.Notes[19999].Line != 20001 {
		t.Fatalf("%d notes, first at line %d, last at %d", len(p.Notes), p.Notes[0].Line, p.Notes[len(p.Notes)-1].Line)
	}
}

// Messages echo keys from files: a control character in one must reach the
// terminal as an escape, not act on it.
func TestMessagesCannotDriveTheTerminal(t *testing.T) {
	_, err := ParseTemplate("t.md", []byte("---\nid: x\ntitle: X\nkind: custom\n\"\x1b[2J\x1b]0;pwned\x07\": 1\n---\nBody\n"))
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") || !strings.Contains(err.Error(), `\x1b[2J`) {
		t.Fatalf("message %q", err)
	}
	p := Problem{Severity: Warning, File: "a\u202Eb.md", Message: "title \u202Efdp.exe"}
	if s := p.String(); strings.ContainsRune(s, '\u202E') {
		t.Errorf("bidi override printed raw: %q", s)
	}
}

// Small files that ask for huge documents are refused as a whole, and
// single-line fields past any real length are refused, not fitted.
func TestWholeDocumentAndFieldCaps(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket("staff")
	p.Title = "T"
	p.Variables["v"] = strings.Repeat("word ", 10000) // 50 KB
	body := strings.Repeat("{{.v}}\n\n", 9)           // 450 KB filled, under the section limit
	for i := 0; i < 100; i++ {
		p.Sections = append(p.Sections, SectionRef{Template: "scope", Included: true, Body: &body})
	}
	_, probs := Resolve(lib, p, "big.briefing")
	if !strings.Contains(probs.Error(), "more than 4 MB, the limit for one document") {
		t.Fatalf("problems = %.300s", probs.Error())
	}
	if n := len(probs.Errors()); n != 1 {
		t.Errorf("%d errors, want the one", n)
	}

	p = NewPacket("staff")
	p.Title = strings.Repeat("Long title ", 200)
	p.Marking = strings.Repeat("SECRET ", 100)
	long := strings.Repeat("x", 2000)
	p.Sections = []SectionRef{{Template: "scope", Included: true, Title: long}}
	_, probs = Resolve(lib, p, "long.briefing")
	for _, want := range []string{"title is 2200 characters long; the limit is 300", "marking is 700 characters long; the limit is 100", "section 1: the title is 2000 characters long"} {
		if !strings.Contains(probs.Error(), want) {
			t.Errorf("problems lack %q:\n%s", want, probs.Error())
		}
	}
}

// A document past MaxPages stops with a clear problem, in the export and
// in the live page count.
func TestDocumentsStopAtThePageLimit(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket("staff")
	p.Title = "Long"
	body := "<!-- pagebreak -->\n\nx\n\n"
	page := strings.Repeat(body, 300)
	for i := 0; i < 8; i++ {
		p.Sections = append(p.Sections, SectionRef{Template: "scope", Included: true, Body: &page})
	}
	doc, probs := Resolve(lib, p, "long.briefing")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	for name, run := range map[string]func() error{
		"export": func() error { _, err := pdf.Render(doc, &strings.Builder{}); return err },
		"count":  func() error { _, err := layout.Paginate(doc); return err },
	} {
		err := run()
		if err == nil || !strings.Contains(err.Error(), "longer than 2000 pages") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
