package docx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/render/layout"
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
	// keep keeps the block's paragraphs with what follows (a question
	// with its answer lines, a table's introduction with the table), as
	// the PDF moves them to a page together.
	keep bool
}

// body writes word/document.xml: the front matter, every section, and
// the section properties (page size, margins, header and footer).
func (d *docxWriter) body() []byte {
	d.baseNums()
	d.notes.cites = layout.CitationNumbers(d.doc)
	b := &d.b
	b.WriteString(xmlPI + `<w:document ` + wordNS + `><w:body>`)
	d.blocks(b, d.doc.Front, docxCtx{})
	for i, s := range d.doc.Sections {
		// A section in another language says so on every run, as
		// Word's own language setting does.
		d.sectionLang = s.Lang
		d.sectionTitle(b, i, s.Title)
		d.notes.beginSection(s.Blocks)
		d.blocks(b, s.Blocks, docxCtx{})
	}
	d.sectionLang = ""
	// The body's last block may be a table: a paragraph ends the body.
	d.pend = pending{}
	if d.lastTable {
		d.flushPending(b, true)
	}
	d.sectPr(b)
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

// sectionTitle is a section's title as Heading 1, bookmarked for the
// table of contents.
func (d *docxWriter) sectionTitle(b *strings.Builder, i int, title string) {
	d.headingLevel = 1
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/>` + d.withPending("Heading1", "") + `</w:pPr>`)
	d.lastTable = false
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

// paraMarked is para with mark (a bookmark) before the text. It takes
// what is pending above it (see withPending).
func (d *docxWriter) paraMarked(b *strings.Builder, style, pPr, mark string, runs []layout.Run, base runStyle) {
	pPr = d.withPending(style, pPr)
	d.lastTable = false
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

// blocks writes a run of blocks, each kept with the next where the PDF
// keeps them: a question with its answer lines, a short paragraph with
// the table it introduces.
func (d *docxWriter) blocks(b *strings.Builder, bs []layout.Block, c docxCtx) {
	for i, blk := range bs {
		bc := c
		if i+1 < len(bs) {
			switch bs[i+1].(type) {
			case layout.AnswerLines:
				bc.keep = true
			case layout.Table:
				if p, ok := blk.(layout.Paragraph); ok && runeCount(p.Text) <= 3*d.charsPerLine() {
					bc.keep = true
				}
			}
		}
		d.block(b, blk, bc)
	}
}

// charsPerLine is about how many characters a body line holds.
func (d *docxWriter) charsPerLine() int {
	return max(int(float64(d.textWidth())/20/(0.44*d.m.base)), 20)
}

// runeCount is the length of the runs' text in characters.
func runeCount(runs []layout.Run) int {
	n := 0
	for _, r := range runs {
		n += utf8.RuneCountInString(r.Text)
	}
	return n
}

// keepNext is the paragraph property keeping a paragraph with the next
// when c asks for it.
func (c docxCtx) keepNext() string {
	if c.keep {
		return `<w:keepNext/>`
	}
	return ""
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
		if box, rest, ok := layout.CheckBox(v.Text); ok && c.level == 0 && c.style == "" {
			// A line to tick off is an item of a check-box list, its
			// box the list's bullet.
			d.para(b, "ListCheckbox", c.keepNext()+checkNumPr(box), rest, runStyle{})
			return
		}
		d.para(b, c.paraStyle(), c.keepNext()+c.indent(), v.Text, runStyle{})
	case layout.List:
		d.list(b, v, c)
	case layout.Table:
		d.table(b, v, c)
	case layout.Quote:
		qc := c
		qc.style = "Quote"
		d.blocks(b, v.Blocks, qc)
	case layout.Callout:
		d.callout(b, v, c)
	case layout.Code:
		d.para(b, "CodeBlock", c.indent(), []layout.Run{{Text: strings.TrimRight(v.Text, "\n")}}, runStyle{})
	case layout.Rule:
		d.para(b, "Rule", "", nil, runStyle{})
	case layout.AnswerLines:
		n := min(max(v.Count, 1), 200)
		for i := range n {
			pPr := c.indent()
			if i == n-1 && !c.keep {
				// The answer's last line lets the page break after it.
				pPr = `<w:keepNext w:val="0"/>` + pPr
			}
			d.para(b, "AnswerLine", pPr, nil, runStyle{})
		}
		if !c.inCell {
			d.pend.before += d.m.afterAnswers()
		}
	case layout.Glossary:
		defer func() { d.pend.before += d.m.afterGlossary() }()
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
			// The next paragraph starts the page (a paragraph holding
			// a break would leave an empty line at its top).
			d.pend.pageBreak = true
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
// its nesting level, and the item's other blocks under it; a loose
// list's items and the list's end leave the PDF's space below.
func (d *docxWriter) list(b *strings.Builder, l layout.List, c docxCtx) {
	style, numID := "ListBullet", 1
	lvl := min(c.level, 8)
	if l.Ordered {
		style, numID = "ListNumber", d.newNum(l.Delimiter, l.Start, lvl)
	}
	numPr := c.keepNext() + fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, lvl, numID)
	inner := c
	inner.level = c.level + 1
	inner.numID = numID
	inner.style = ""
	for _, it := range l.Items {
		rest := it.Blocks
		pPr := numPr
		if !l.Tight && len(rest) <= 1 {
			pPr += spacingXML(-1, d.m.paraAfter()+d.m.lh*0.1, -1, "")
		}
		if len(rest) > 0 {
			if p, ok := rest[0].(layout.Paragraph); ok {
				d.para(b, style, pPr, p.Text, runStyle{})
				rest = rest[1:]
			} else {
				d.para(b, style, pPr, nil, runStyle{})
			}
		} else {
			d.para(b, style, pPr, nil, runStyle{})
		}
		d.blocks(b, rest, inner)
	}
	if c.level == 0 && !c.inCell {
		d.pend.before += d.m.afterList()
	}
}

// sources writes the numbered list of cited documents: the number a
// SEQ field bookmarked for the citations' REF fields (so deleting an
// entry renumbers the citations too when Word updates its fields), the
// title in italics, publisher and date, the address as a link.
func (d *docxWriter) sources(b *strings.Builder, l layout.SourceList) {
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
		id := sourceBookmarkID(i + 1)
		var mark strings.Builder
		fmt.Fprintf(&mark, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, id, sourceAnchor(i+1))
		field(&mark, "SEQ Source \\* ARABIC", strconv.Itoa(i+1))
		fmt.Fprintf(&mark, `<w:bookmarkEnd w:id="%d"/><w:r><w:t>.</w:t></w:r><w:r><w:tab/></w:r>`, id)
		d.paraMarked(b, "Source", "", mark.String(), runs, runStyle{})
	}
}
