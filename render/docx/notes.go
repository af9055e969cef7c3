package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strconv"
	"strings"
)

// Word has footnotes of its own: a note becomes one, so it follows its
// reference when the boss edits, as the PDF's does. Citations become
// links to a bookmark on each source's entry.

// docxNotes is what the Word writer keeps of footnotes and citations.
type docxNotes struct {
	section []layout.Note
	base    int // notes numbered before this section
	written map[int]bool
	xml     strings.Builder // the w:footnote elements written so far
	cites   map[string]int
}

// beginSection takes the section's notes, numbered after those before.
func (n *docxNotes) beginSection(bs []layout.Block) {
	n.base += len(n.section)
	n.section = nil
	for _, b := range bs {
		if ns, ok := b.(layout.Notes); ok {
			n.section = ns.Items
		}
	}
}

// noteRef writes a reference to the section's note idx (from 1): Word's
// own footnote the first time, bookmarked; after that a NOTEREF field to
// the bookmark, formatted as a footnote mark, which Word renumbers with
// the note (Word gives each footnote one reference).
func (d *docxWriter) noteRef(b *strings.Builder, r layout.Run, st runStyle) {
	n := &d.notes
	if r.Note < 1 || r.Note > len(n.section) {
		st.superText = true
		textRun(b, r.Text, st)
		return
	}
	num := n.base + r.Note
	if n.written[num] {
		st.charStyle = "FootnoteReference"
		fieldStyled(b, "NOTEREF "+noteAnchor(num)+" \\f \\h", strconv.Itoa(num), st)
		return
	}
	if n.written == nil {
		n.written = map[int]bool{}
	}
	n.written[num] = true
	fmt.Fprintf(b, `<w:bookmarkStart w:id="%d" w:name="%s"/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r><w:bookmarkEnd w:id="%d"/>`, noteBookmarkID(num), noteAnchor(num), num, noteBookmarkID(num))
	d.footnote(num, n.section[r.Note-1])
}

// footnote writes note num into footnotes.xml: its paragraphs in the
// Footnote Text style, the first opening with Word's number mark.
func (d *docxWriter) footnote(num int, note layout.Note) {
	x := &d.notes.xml
	d.links = &d.noteLinks
	defer func() { d.links = &d.bodyLinks }()
	fmt.Fprintf(x, `<w:footnote w:id="%d">`, num)
	first := true
	para := func(text []layout.Run) {
		x.WriteString(`<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>`)
		if first {
			x.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`)
			first = false
		}
		plain := make([]layout.Run, 0, len(text))
		for _, r := range text {
			if r.Kind == layout.RunFootnoteRef {
				r.Kind = layout.RunText // a note inside a note prints its number
			}
			plain = append(plain, r)
		}
		d.runs(x, plain, runStyle{})
		x.WriteString(`</w:p>`)
	}
	for _, b := range note.Blocks {
		layout.EachParagraph(b, para)
	}
	if first {
		para(nil)
	}
	x.WriteString(`</w:footnote>`)
}

// footnotesPart is word/footnotes.xml, nil when no note was referred
// to. Word needs the separator and continuation notes (ids -1 and 0)
// that draw the short rule above the notes.
func (d *docxWriter) footnotesPart() []byte {
	if d.notes.xml.Len() == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(xmlPI + `<w:footnotes ` + wordNS + `>`)
	b.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>`)
	b.WriteString(`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	b.WriteString(d.notes.xml.String())
	b.WriteString(`</w:footnotes>`)
	return []byte(b.String())
}

// citation writes the cited sources' numbers in brackets, each a REF
// field to the number of its entry in the Sources (a SEQ field there),
// cached as printed, so Word renumbers citations with the list; an
// unknown id as written, as the PDF prints it.
func (d *docxWriter) citation(b *strings.Builder, r layout.Run, st runStyle) {
	textRun(b, "[", st)
	for i, id := range strings.Split(r.Text, ";") {
		if i > 0 {
			textRun(b, ", ", st)
		}
		n, ok := d.notes.cites[id]
		if !ok {
			textRun(b, "@"+id, st)
			continue
		}
		ls := st
		ls.charStyle = "Hyperlink"
		fieldStyled(b, "REF "+sourceAnchor(n)+" \\h", strconv.Itoa(n), ls)
	}
	textRun(b, "]", st)
}

// fieldStyled writes a complex field whose cached result is set in st.
func fieldStyled(b *strings.Builder, instr, cached string, st runStyle) {
	run := func(inner string) {
		b.WriteString("<w:r>")
		st.rPr(b)
		b.WriteString(inner + "</w:r>")
	}
	run(`<w:fldChar w:fldCharType="begin"/>`)
	run(`<w:instrText xml:space="preserve"> ` + instr + ` </w:instrText>`)
	run(`<w:fldChar w:fldCharType="separate"/>`)
	run(`<w:t>` + cached + `</w:t>`)
	run(`<w:fldChar w:fldCharType="end"/>`)
}

// sourceAnchor names source n's bookmark; Word hides names starting "_".
func sourceAnchor(n int) string { return fmt.Sprintf("_Source%d", n) }

// sourceBookmarkID keeps source bookmarks' ids clear of the sections'.
func sourceBookmarkID(n int) int { return 1<<20 + n }

// noteAnchor names footnote n's bookmark, around its reference mark.
func noteAnchor(n int) string { return fmt.Sprintf("_Note%d", n) }

// noteBookmarkID keeps note bookmarks' ids clear of the others.
func noteBookmarkID(n int) int { return 2<<20 + n }
