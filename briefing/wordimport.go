package briefing

import (
	"fmt"
	"path/filepath"
	"strings"

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
	doc, err := wordimport.Read(path, f, info.Size())
	if err != nil {
		return nil, err
	}
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
	for _, l := range doc.LeftOut {
		out.LeftOut = append(out.LeftOut, Problem{Severity: Warning, Section: -1, File: path,
			Message: "left out, with no place in a section's text: " + lowerFirst(l.String())})
	}
	return out, nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
