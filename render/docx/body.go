package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strings"
)

// docxCtx is where a block sits: inside a quote its paragraphs take the
// Quote style; inside a list item, paragraphs after the first are
// indented under the marker and nested lists go one level deeper.
type docxCtx struct {
	style string
	// level is the list nesting depth, 0 outside lists.
	level int
	// numID is the numbering instance of the innermost list.
	numID int
	// inCell is set inside a table cell, where page breaks cannot go.
	inCell bool
}

// body writes word/document.xml: the front matter, every section, and
// the section properties (page size, margins, header and footer).
func (d *docxWriter) body() []byte {
	d.baseNums()
	d.notes.cites = layout.CitationNumbers(d.doc)
	b := &d.b
	b.WriteString(xmlPI + `<w:document ` + wordNS + `><w:body>`)
	for _, blk := range d.doc.Front {
		d.block(b, blk, docxCtx{})
	}
	for i, s := range d.doc.Sections {
		// A section in another language says so on every run, as
		// Word's own language setting does.
		d.sectionLang = s.Lang
		d.sectionTitle(b, i, s.Title)
		d.notes.beginSection(s.Blocks)
		for _, blk := range s.Blocks {
			d.block(b, blk, docxCtx{})
		}
	}
	d.sectionLang = ""
	d.sectPr(b)
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

// sectionTitle is a section's title as Heading 1, bookmarked for the
// table of contents.
func (d *docxWriter) sectionTitle(b *strings.Builder, i int, title string) {
	d.headingLevel = 1
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>`)
	fmt.Fprintf(b, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, i, tocAnchor(i))
	textRun(b, title, runStyle{lang: d.sectionLang})
	fmt.Fprintf(b, `<w:bookmarkEnd w:id="%d"/></w:p>`, i)
}

// tocAnchor names section i's bookmark; Word hides names starting "_".
func tocAnchor(i int) string { return fmt.Sprintf("_TocSection%d", i+1) }

// para writes one paragraph with style and extra paragraph properties
// (already in schema order after the style).
func (d *docxWriter) para(b *strings.Builder, style, pPr string, runs []layout.Run, base runStyle) {
	d.paraMarked(b, style, pPr, "", runs, base)
}

// paraMarked is para with mark (a bookmark) before the text.
func (d *docxWriter) paraMarked(b *strings.Builder, style, pPr, mark string, runs []layout.Run, base runStyle) {
	b.WriteString(`<w:p>`)
	if style != "" || pPr != "" {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		b.WriteString(pPr + `</w:pPr>`)
	}
	b.WriteString(mark)
	d.runs(b, runs, base)
	b.WriteString(`</w:p>`)
}

// block writes one block in its context.
func (d *docxWriter) block(b *strings.Builder, blk layout.Block, c docxCtx) {
	switch v := blk.(type) {
	case layout.Heading:
		// Section titles are Heading 1; a body heading sits one level
		// under its section, as in the PDF's structure tree, and never
		// more than one level under the heading before it.
		level := min(max(v.Level, 1)+1, d.headingLevel+1, 6)
		d.headingLevel = level
		d.para(b, fmt.Sprintf("Heading%d", level), "", v.Text, runStyle{})
	case layout.Paragraph:
		d.para(b, c.paraStyle(), c.indent(), v.Text, runStyle{})
	case layout.List:
		d.list(b, v, c)
	case layout.Table:
		d.table(b, v, c)
	case layout.Quote:
		qc := c
		qc.style = "Quote"
		for _, q := range v.Blocks {
			d.block(b, q, qc)
		}
	case layout.Callout:
		d.callout(b, v, c)
	case layout.Code:
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="CodeBlock"/>` + c.indent() + `</w:pPr>`)
		textRun(b, strings.TrimRight(v.Text, "\n"), runStyle{})
		b.WriteString(`</w:p>`)
	case layout.Rule:
		d.para(b, "Rule", "", nil, runStyle{})
	case layout.AnswerLines:
		for range min(max(v.Count, 1), 200) {
			d.para(b, "AnswerLine", c.indent(), nil, runStyle{})
		}
	case layout.Glossary:
		for _, e := range v.Entries {
			if e.Term != nil {
				d.para(b, "GlossaryTerm", "", e.Term, runStyle{})
			}
			for _, def := range e.Definitions {
				for _, db := range def {
					if p, ok := db.(layout.Paragraph); ok {
						d.para(b, "GlossaryDefinition", "", p.Text, runStyle{})
						continue
					}
					d.block(b, db, c)
				}
			}
		}
	case layout.PageBreak:
		if !c.inCell {
			b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
		}
	case layout.Cover:
		d.cover(b)
	case layout.MemoHeading:
		d.memoHeading(b)
	case layout.Contents:
		d.contents(b)
	case layout.SourceList:
		d.sources(b, v)
	}
}

// paraStyle is the style of a plain paragraph here.
func (c docxCtx) paraStyle() string {
	if c.style != "" {
		return c.style
	}
	if c.level > 0 {
		return "ListContinue"
	}
	return ""
}

// indent lines a paragraph up with the text of the list item it is in.
func (c docxCtx) indent() string {
	if c.level == 0 {
		return ""
	}
	return fmt.Sprintf(`<w:ind w:left="%d"/>`, 360*c.level)
}

// list writes each item's first paragraph with the list's numbering at
// its nesting level, and the item's other blocks under it.
func (d *docxWriter) list(b *strings.Builder, l layout.List, c docxCtx) {
	style, numID := "ListBullet", 1
	lvl := min(c.level, 8)
	if l.Ordered {
		style, numID = "ListNumber", d.newNum(l.Delimiter, l.Start, lvl)
	}
	numPr := fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, lvl, numID)
	if !l.Tight {
		numPr += `<w:spacing w:after="120"/>`
	}
	inner := c
	inner.level = c.level + 1
	inner.numID = numID
	inner.style = ""
	last := fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr><w:spacing w:after="%d"/>`, lvl, numID, twips(d.doc.Settings.BodySize*0.6))
	for n, it := range l.Items {
		rest := it.Blocks
		if len(rest) > 0 {
			if p, ok := rest[0].(layout.Paragraph); ok {
				pPr := numPr
				if n == len(l.Items)-1 && len(rest) == 1 && c.level == 0 {
					// The list ends: the space after a paragraph.
					pPr = last
				}
				d.para(b, style, pPr, p.Text, runStyle{})
				rest = rest[1:]
			} else {
				d.para(b, style, numPr, nil, runStyle{})
			}
		} else {
			d.para(b, style, numPr, nil, runStyle{})
		}
		for _, blk := range rest {
			d.block(b, blk, inner)
		}
	}
}

// sources writes the numbered list of cited documents: the title in
// italics, publisher and date, the address as a link.
func (d *docxWriter) sources(b *strings.Builder, l layout.SourceList) {
	numID := d.newNum('.', 1, 0)
	numPr := fmt.Sprintf(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, numID)
	for i, s := range l.Items {
		runs := []layout.Run{{Text: s.Title + ".", Emphasis: true}}
		if meta := strings.Join(layout.NonEmpty(s.Publisher, s.Date), ", "); meta != "" {
			runs = append(runs, layout.Run{Text: " " + meta + "."})
		}
		if s.URL != "" {
			link := ""
			if layout.SafeLink(s.URL) {
				link = s.URL
			}
			runs = append(runs, layout.Run{Text: " "}, layout.Run{Text: s.URL, Link: link})
		}
		// Citations link to a bookmark around nothing at the entry's
		// start.
		id := sourceBookmarkID(i + 1)
		mark := fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="%s"/><w:bookmarkEnd w:id="%d"/>`, id, sourceAnchor(i+1), id)
		d.paraMarked(b, "ListNumber", numPr, mark, runs, runStyle{})
	}
}
