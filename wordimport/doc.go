package wordimport

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// Document is a Word document read as sections.
type Document struct {
	// Title and Subtitle are the paragraphs set in those styles, if any.
	Title, Subtitle string
	// Sections start at each Heading 1; text before the first is a
	// section of its own, untitled.
	Sections []Section
	// Props are the document's custom properties (name → value).
	Props map[string]string
	// LeftOut is what had no place in section text, where it was.
	LeftOut []LeftOut
}

// Section is one Heading 1 and what lies under it.
type Section struct {
	Title string
	// Marks are the bookmarks on the heading: Briefsmith's exports name
	// each section there, so edits come back to the section they were
	// made in.
	Marks []string
	Body  sectiontext.Body
}

// LeftOut is one thing with no place in section text: what it is, the
// section and paragraph it was in, and, for text, its first words.
type LeftOut struct {
	Kind    string // "a text box", "an image", "an equation", …
	Section string // the section's title, "" before the first
	Para    int    // the paragraph in the section, from 1
	Detail  string
}

func (l LeftOut) String() string {
	var where []string
	if l.Section != "" {
		where = append(where, fmt.Sprintf("section “%s”", l.Section))
	}
	if l.Para > 0 {
		where = append(where, fmt.Sprintf("paragraph %d", l.Para))
	}
	s := capitalize(l.Kind)
	if len(where) > 0 {
		s += " in " + strings.Join(where, ", ")
	} else {
		s += " before the first heading"
	}
	if l.Detail != "" {
		s += ": " + l.Detail
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Read reads the Word document in r (size bytes) named name, for
// messages.
func Read(name string, r io.ReaderAt, size int64) (*Document, error) {
	a, err := openArchive(name, r, size)
	if err != nil {
		return nil, err
	}
	p := &parts{}
	if p.rels, err = readPart(a, "word/_rels/document.xml.rels", readRels); err != nil {
		return nil, err
	}
	if p.styles, err = readPart(a, "word/styles.xml", readStyles); err != nil {
		return nil, err
	}
	if p.numbering, err = readPart(a, "word/numbering.xml", readNumbering); err != nil {
		return nil, err
	}
	if p.props, err = readPart(a, "docProps/custom.xml", readCustomProps); err != nil {
		return nil, err
	}
	if p.comments, err = readPart(a, "word/comments.xml", readComments); err != nil {
		return nil, err
	}
	notes := map[string][]block{}
	for _, part := range []struct{ name, kind, elem string }{
		{"word/footnotes.xml", "footnoteReference", "footnote"},
		{"word/endnotes.xml", "endnoteReference", "endnote"},
	} {
		rc, err := a.open(part.name)
		if err != nil {
			return nil, err
		}
		if rc == nil {
			continue
		}
		err = readNotes(&reader{t: newTokens(name, part.name, rc), p: p, notes: map[string]string{}}, part.kind, part.elem, notes)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	rc, err := a.open("word/document.xml")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	rd := &reader{t: newTokens(name, "word/document.xml", rc), p: p, notes: map[string]string{}}
	blocks, err := rd.readBody("body")
	if err != nil {
		return nil, err
	}
	doc := assemble(blocks, p)
	doc.Props = p.props
	if rd.tracked > 0 {
		// Not dropped silently: the text is each change accepted.
		doc.LeftOut = append(doc.LeftOut, LeftOut{Kind: fmt.Sprintf("%d tracked changes, read as accepted (reject any in Word first to keep the text they replace)", rd.tracked)})
	}
	addNotes(doc, rd.notes, notes, p)
	return doc, nil
}

// readPart reads an optional part with read; a missing part reads as the
// zero value.
func readPart[T any](a *archive, part string, read func(*tokens) (T, error)) (T, error) {
	var zero T
	rc, err := a.open(part)
	if err != nil || rc == nil {
		return zero, err
	}
	defer rc.Close()
	return read(newTokens(a.name, part, rc))
}

// readNotes reads the notes of a footnotes or endnotes part by kind:id,
// leaving out the separators Word keeps there.
func readNotes(r *reader, kind, elem string, into map[string][]block) error {
	for {
		tok, err := r.t.next()
		if err != nil || tok == nil {
			return err
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != elem {
			continue
		}
		if t := attr(e, "type"); t != "" && t != "normal" {
			if err := r.t.skip(); err != nil {
				return err
			}
			continue
		}
		blocks, err := r.readBody(elem)
		if err != nil {
			return err
		}
		into[kind+":"+attr(e, "id")] = blocks
	}
}

// addNotes gives the body the notes its text refers to, under the labels
// the references got, in that order.
func addNotes(doc *Document, labels map[string]string, notes map[string][]block, p *parts) {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return strings.Compare(pad(labels[a]), pad(labels[b])) })
	for _, k := range keys {
		label := labels[k]
		blocks := blocksOf(notes[k], p, nil)
		// The note goes with the section whose text refers to it.
		for i := range doc.Sections {
			if refersTo(doc.Sections[i].Body.Blocks, label) {
				doc.Sections[i].Body.Notes = append(doc.Sections[i].Body.Notes, sectiontext.Footnote{Label: label, Blocks: blocks})
				break
			}
		}
	}
}

func pad(s string) string { return fmt.Sprintf("%08s", s) }

// refersTo reports whether blocks hold a reference to footnote label.
func refersTo(blocks []sectiontext.Block, label string) bool {
	return slices.Contains(sectiontext.FootnoteRefs(blocks), label)
}
