package briefing

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/render/docx"
	"github.com/briefsmith/briefsmith/sectiontext"
	"github.com/briefsmith/briefsmith/wordimport"
	"github.com/spf13/afero"
)

// ImportedWord is a Word document made into a new packet, and what had no
// place in it.
type ImportedWord struct {
	Packet *Packet
	// LeftOut are warnings naming what the document held that section
	// text cannot (a text box, an image, an equation), section and
	// paragraph: nothing is dropped without a word.
	LeftOut Problems
}

// ImportWord reads the Word document at path into a new packet for
// audience, dated date, with the user's defaults: each Heading 1 starts a
// section, of the blank template, holding the text under it; the title is
// the document's Title paragraph, else its file name.
func ImportWord(fsys afero.Fs, path string, audience Audience, date string, d Defaults) (*ImportedWord, error) {
	doc, err := ReadWord(fsys, path)
	if err != nil {
		return nil, err
	}
	return NewPacketFromWord(doc, path, audience, date, d), nil
}

// ReadWord reads the Word document at path, within wordimport's limits.
func ReadWord(fsys afero.Fs, path string) (*wordimport.Document, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s cannot be opened: %w", path, plainIOError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %w", path, plainIOError(err))
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a Word document", path)
	}
	if info.Size() > wordimport.MaxTotal {
		return nil, fmt.Errorf("%s is %d MB; a Word document to import may be at most %d MB", path, info.Size()>>20, wordimport.MaxTotal>>20)
	}
	return wordimport.Read(path, f, info.Size())
}

// NewPacketFromWord makes doc, read from path, a new packet (see
// ImportWord).
func NewPacketFromWord(doc *wordimport.Document, path string, audience Audience, date string, d Defaults) *ImportedWord {
	p := NewBlankPacketFor(audience, date, d)
	p.Title = doc.Title
	if p.Title == "" {
		p.Title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	p.Subtitle = doc.Subtitle
	for _, s := range doc.Sections {
		title := s.Title
		if title == "" {
			// Text before the first heading: the document's opening.
			title = p.Title
		}
		text := sectiontext.Write(s.Body)
		p.Sections = append(p.Sections, SectionRef{Template: BlankTemplateID, Title: title, Body: &text, Included: true})
	}
	out := &ImportedWord{Packet: p}
	out.LeftOut = leftOutProblems(doc, path)
	return out
}

// leftOutProblems are warnings naming what doc held that section text
// cannot.
func leftOutProblems(doc *wordimport.Document, path string) Problems {
	var out Problems
	for _, l := range doc.LeftOut {
		out = append(out, Problem{Severity: Warning, Section: -1, File: path,
			Message: "left out, with no place in a section's text: " + lowerFirst(l.String())})
	}
	return out
}

// LooksExportedFrom reports whether doc looks like p exported to Word:
// most of its Heading 1s are the titles p's sections print with. Its
// edits can then come back into p rather than make a new packet.
func LooksExportedFrom(lib *Library, p *Packet, doc *wordimport.Document) bool {
	// An export names its packet; a title changed since still leaves
	// the sections' titles to go by.
	if _, ok := doc.Props[docx.CustomPropMark]; ok && doc.Props[docx.CustomPropTitle] == p.Title {
		return true
	}
	printed := map[string]bool{}
	exp, _ := ExportDocument(lib, p, "packet")
	for _, s := range exp.Sections {
		printed[strings.ToLower(strings.TrimSpace(s.Title))] = true
	}
	titled, same := 0, 0
	for _, s := range doc.Sections {
		if s.Title == "" {
			continue
		}
		titled++
		if printed[strings.ToLower(strings.TrimSpace(s.Title))] {
			same++
		}
	}
	return same > 0 && 2*same >= titled
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
