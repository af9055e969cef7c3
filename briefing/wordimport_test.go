package briefing

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/wordimport"
	"github.com/spf13/afero"
)

// A Word document becomes a new packet: the title from its Title
// paragraph, a section of the blank template per Heading 1 with the text
// under it, in the audience's style; the classroom sample exported to
// Word and imported keeps its sections' titles, lists, table, glossary
// and answer lines, and prints.
func TestAWordDocumentBecomesAPacket(t *testing.T) {
	lib := builtinLibrary(t)
	sample := loadSampleNamed(t, "classroom.briefing")
	data, _, err := RenderPacketDocx(lib, sample, "classroom.briefing")
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/in/handout.docx", data, 0o644)
	res, err := ImportWord(fs, "/in/handout.docx", Classroom, "2026-12-07", Defaults{Author: "Ms. Rivera"})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Packet
	if p.Title != sample.Title || p.Audience != Classroom || p.Author != "Ms. Rivera" {
		t.Errorf("packet %q for %s by %q", p.Title, p.Audience, p.Author)
	}
	var titles []string
	var all strings.Builder
	for _, s := range p.Sections {
		titles = append(titles, s.Title)
		if s.Template != BlankTemplateID || s.Body == nil {
			t.Errorf("section %q: template %q, body %v", s.Title, s.Template, s.Body != nil)
		} else {
			all.WriteString(*s.Body)
		}
	}
	for _, want := range []string{"The Order in Brief", "Key Provisions", "Discussion Questions", "Glossary"} {
		if !strings.Contains(strings.Join(titles, "|"), want) {
			t.Errorf("no section %q in %q", want, titles)
		}
	}
	for _, want := range []string{"- The order tells federal agencies to **work with AI companies**", "```lines 3", "Executive order\n: A written directive", "> [!TAKEAWAY]", "| **What kind of rule is it?** |"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the imported text lacks %q", want)
		}
	}
	if _, probs := ExportDocument(lib, p, "imported"); probs.HasErrors() {
		t.Errorf("the imported packet does not print: %v", probs.Errors())
	}
}

// The client brief's check boxes come back as check boxes, in Word as
// lines with their box.
func TestCheckBoxesComeBackFromWord(t *testing.T) {
	lib := builtinLibrary(t)
	data, _, err := RenderPacketDocx(lib, loadSampleNamed(t, "client.briefing"), "client.briefing")
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/in/brief.docx", data, 0o644)
	res, err := ImportWord(fs, "/in/brief.docx", Client, "2026-12-07", Defaults{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Packet.Sections {
		if strings.Contains(*s.Body, "☐ ") {
			return
		}
	}
	t.Error("no check box came back")
}

// A file that is not a Word document, or is missing, is refused naming it.
func TestImportWordRefusesWhatIsNoWordDocument(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/in/memo.docx", []byte(`{"version":1}`), 0o644)
	for path, want := range map[string]string{
		"/in/memo.docx": "/in/memo.docx: this is not a Word document (.docx)",
		"/in/gone.docx": "/in/gone.docx cannot be opened: it does not exist",
		"/in":           "/in is a folder",
	} {
		if _, err := ImportWord(fs, path, Staff, "2026-12-07", Defaults{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want %q", path, err, want)
		}
	}
}

// A Briefsmith export names its packet in its custom properties, so it is
// known for the packet's own however its sections were renamed since; a
// document with other sections and no such mark is another document.
func TestAnExportIsKnownForItsPacket(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "staff.briefing")
	data, _, err := RenderPacketDocx(lib, p, "memo.briefing")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := wordimport.Read("memo.docx", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	renamed := p.Clone()
	for i := range renamed.Sections {
		renamed.Sections[i].Title = fmt.Sprintf("Part %d", i+1)
	}
	if !LooksExportedFrom(lib, renamed, doc) {
		t.Error("the packet's own export, its sections renamed since, is not known for it")
	}
	delete(doc.Props, "Briefsmith")
	if LooksExportedFrom(lib, renamed, doc) {
		t.Error("a document without the mark and with other sections is taken for the packet's")
	}
	if !LooksExportedFrom(lib, p, doc) {
		t.Error("without the mark, the same sections' titles are not recognised")
	}
}
