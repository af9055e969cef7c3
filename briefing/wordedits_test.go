package briefing

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/wordimport"
)

// editInWord exports p to Word, runs a python-docx script over it (the
// document is d) and reads back what it saved.
func editInWord(t *testing.T, lib *Library, p *Packet, script string) *wordimport.Document {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import docx").Run(); err != nil {
		t.Fatalf("python3-docx is not installed (%v): run `make deps`", err)
	}
	data, _, err := RenderPacketDocx(lib, p, "memo.briefing")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "memo.docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	prog := "import docx, sys\nd = docx.Document(sys.argv[1])\n" + script + "\nd.save(sys.argv[1])\n"
	if out, err := exec.Command(py, "-c", prog, path).CombinedOutput(); err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	doc, err := wordimport.Read(path, f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// The boss's edits come back, exactly those: a heading renamed, a
// sentence rewritten, a bullet deleted, a paragraph added, a section
// deleted — and an unedited export brings back nothing.
func TestTheBossesWordEditsComeBack(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "staff.briefing")
	if edits, err := WordEdits(lib, p, "memo.briefing", editInWord(t, lib, p, "")); err != nil || len(edits) != 0 {
		t.Fatalf("an unedited export: %v, %+v", err, edits)
	}
	edited := editInWord(t, lib, p, `
paras = d.paragraphs
def heading(text):
    return next(i for i, p in enumerate(paras) if p.style.name == 'Heading 1' and p.text == text)
paras[heading('Key Provisions')].runs[-1].text = 'Main Provisions'
bg = paras[heading('Background') + 1]
for r in bg.runs: r.text = ''
bg.runs[0].text = 'The boss rewrote this opening sentence.'
bullet = next(p for p in paras[heading('Bottom Line Up Front'):] if p.text.startswith('What is still open'))
bullet._element.getparent().remove(bullet._element)
paras[heading('What Happens Next') + 1].insert_paragraph_before('A paragraph the boss added.')
body = d.element.body
start = paras[heading('Talking Points')]._element
el = start
while el is not None:
    nxt = el.getnext()
    if el is not start and el.tag.endswith('}p') and el.find('.//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle') is not None and el.find('.//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle').get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val') == 'Heading1':
        break
    if el.tag.endswith('}sectPr'):
        break
    body.remove(el)
    el = nxt
`)
	edits, err := WordEdits(lib, p, "memo.briefing", edited)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]WordEdit{}
	for _, e := range edits {
		got[e.Title+e.NewTitle] = e
	}
	if len(edits) != 5 {
		for _, e := range edits {
			t.Logf("%d %q → %q", e.Kind, e.Title, e.NewTitle)
		}
		t.Fatalf("%d edits, want 5", len(edits))
	}
	if e := got["Key ProvisionsMain Provisions"]; e.Kind != SectionChanged || e.Before != e.Text {
		t.Errorf("the renamed heading: %+v", e)
	}
	if e := got["BackgroundBackground"]; !strings.Contains(e.Text, "The boss rewrote this opening sentence.") {
		t.Errorf("the rewritten sentence: %q", e.Text)
	}
	if e := got["Bottom Line Up FrontBottom Line Up Front"]; strings.Contains(e.Text, "What is still open") || !strings.Contains(e.Before, "What is still open") {
		t.Errorf("the deleted bullet: %+v", e)
	}
	if e := got["What Happens NextWhat Happens Next"]; !strings.Contains(e.Text, "A paragraph the boss added.") {
		t.Errorf("the added paragraph: %q", e.Text)
	}
	if e := got["Talking Points"]; e.Kind != SectionRemoved {
		t.Errorf("the deleted section: %+v", e)
	}

	// Accepted, the packet holds exactly those edits: what the boss left
	// alone keeps its fields and citations.
	after := p.Clone()
	ApplyWordEdits(after, edits)
	if edits, _ := WordEdits(lib, after, "memo.briefing", edited); len(edits) != 0 {
		for _, e := range edits {
			t.Logf("still differs: kind %d section %d %q %q marks\n%s\n---\n%.200s", e.Kind, e.Section, e.Title, e.NewTitle, e.Before, e.Text)
		}
		t.Errorf("after accepting, %d sections still differ from the boss's document", len(edits))
	}
	summary := *after.Sections[0].Body
	if !strings.Contains(summary, "{{if .order_number}}") || !strings.Contains(summary, "[@article]") {
		t.Errorf("the bottom line lost its fields or citation:\n%s", summary)
	}
	for _, s := range after.Sections {
		if s.Template == "talking-points" {
			t.Error("the deleted section is still there")
		}
	}
}
