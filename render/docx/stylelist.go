package docx

import (
	"fmt"

	"github.com/briefsmith/briefsmith/render/layout"
)

// styleList is every style of the document: Word's built-in styles where
// one fits (Title, Subtitle, heading 1–6, List Bullet, List Number,
// Quote, caption, Hyperlink, toc 1, TOC Heading, header, footer,
// footnote text), and Briefsmith's own for what Word has no style for
// (call-outs, answer lines, glossary, check-box items, table text,
// sources, cover details). Sizes, line heights and spacing are the PDF
// layout's for this Document (see measures), so a word processor fills a
// page as the PDF does: body lines are at least the layout's line height
// (more if a reader enlarges the type), headings and table lines exactly
// theirs.
func (d *docxWriter) styleList() []docxStyle {
	s := &d.doc.Settings
	m := d.m
	accent := hexColor(s.Accent)
	greyC := `<w:color w:val="` + hexColor(layout.Grey) + `"/>`
	bold := `<w:b/><w:bCs/>`
	keep := `<w:keepNext/>`
	list := []docxStyle{
		{kind: "paragraph", id: "Normal", name: "Normal", pPr: spacingXML(0, m.paraAfter(), m.lh, "atLeast")},
	}
	list = append(list, d.frontStyles()...)
	// Heading 1 is the section title, over a rule; the body's headings
	// take the PDF's own table of looks (HeadingLookOf), so the two stay
	// in step.
	h1 := m.base + 5
	list = append(list, docxStyle{kind: "paragraph", id: "Heading1", name: "heading 1", basedOn: "Normal", next: "Normal",
		pPr: keep + `<w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="3" w:color="` + hexColor(s.Accent.Mix(0.6)) + `"/></w:pBdr>` +
			spacingXML(m.lh, 6.25, h1*1.25, "exact") + `<w:outlineLvl w:val="0"/>`,
		rPr: fontsXML(fontSans) + bold + `<w:color w:val="` + accent + `"/>` + szXML(h1)})
	for lvl := 2; lvl <= 6; lvl++ {
		look := layout.HeadingLookOf(lvl)
		size, color := m.base+look.Grow, "1A1A1A"
		switch {
		case look.Accent:
			color = accent
		case look.Grey:
			color = hexColor(layout.Grey)
		}
		rPr := fontsXML(fontSans)
		if look.Bold {
			rPr += bold
		}
		if look.Italic {
			rPr += `<w:i/><w:iCs/>`
		}
		list = append(list, docxStyle{kind: "paragraph", id: fmt.Sprintf("Heading%d", lvl), name: fmt.Sprintf("heading %d", lvl),
			basedOn: "Normal", next: "Normal",
			pPr: keep + `<w:keepLines/>` + spacingXML(m.lh*look.Before*m.sp, m.lh*0.25*m.sp, size*1.3, "exact") + fmt.Sprintf(`<w:outlineLvl w:val="%d"/>`, lvl-1),
			rPr: rPr + `<w:color w:val="` + color + `"/>` + szXML(size)})
	}
	small := m.tableSize()
	srcSize := m.base - 1
	code := m.base - 1.5
	rule := hexColor(layout.RuleGrey)
	list = append(list,
		docxStyle{kind: "paragraph", id: "ListBullet", name: "List Bullet", basedOn: "Normal", pPr: `<w:numPr><w:numId w:val="1"/></w:numPr>`},
		docxStyle{kind: "paragraph", id: "ListNumber", name: "List Number", basedOn: "Normal", pPr: `<w:numPr><w:numId w:val="2"/></w:numPr>`},
		docxStyle{kind: "paragraph", id: "ListContinue", name: "List Continue", basedOn: "Normal", pPr: `<w:ind w:left="360"/>`},
		// A line to tick off: the box is the list's bullet, the text
		// hangs beside it.
		docxStyle{kind: "paragraph", id: "ListCheckbox", name: "List Check Box", custom: true, basedOn: "Normal", pPr: fmt.Sprintf(`<w:numPr><w:numId w:val="%d"/></w:numPr>`, numCheck)},
		docxStyle{kind: "paragraph", id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal",
			pPr: `<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="` + rule + `"/></w:pBdr><w:ind w:left="480" w:right="360"/>`, rPr: `<w:i/><w:iCs/>` + greyC},
		docxStyle{kind: "paragraph", id: "Caption", name: "caption", basedOn: "Normal", next: "Normal", rPr: fontsXML(fontSans) + greyC + szXML(m.base-1.5)},
		docxStyle{kind: "paragraph", id: "Header", name: "header", basedOn: "Normal", pPr: spacingXML(0, 0, 10, "exact"), rPr: fontsXML(fontSans) + greyC + szXML(8)},
		docxStyle{kind: "paragraph", id: "Footer", name: "footer", basedOn: "Normal", pPr: spacingXML(0, 0, 10, "exact"), rPr: fontsXML(fontSans) + greyC + szXML(8)},
		docxStyle{kind: "paragraph", id: "Marking", name: "Handling Marking", custom: true, basedOn: "Header", pPr: spacingXML(0, 0, 10.8, "exact") + `<w:jc w:val="center"/>`, rPr: bold + `<w:color w:val="1A1A1A"/>` + szXML(9)},
		docxStyle{kind: "paragraph", id: "CalloutLabel", name: "Call-out Label", custom: true, basedOn: "Normal", next: "Normal",
			pPr: keep + spacingXML(0, 0, -1, ""), rPr: fontsXML(fontSans) + bold + `<w:caps/><w:color w:val="` + accent + `"/>` + szXML(m.base-1.5)},
		docxStyle{kind: "paragraph", id: "CalloutLead", name: "Call-out Text", custom: true, basedOn: "Normal", next: "Normal", pPr: spacingXML(-1, m.lh*0.35, -1, "")},
		// One paragraph per line to write on, as tall as the PDF's, ruled
		// below; the lines of one answer stay together.
		docxStyle{kind: "paragraph", id: "AnswerLine", name: "Answer Line", custom: true, basedOn: "Normal",
			pPr: keep + `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A0A4A8"/><w:between w:val="single" w:sz="4" w:space="0" w:color="A0A4A8"/></w:pBdr>` + spacingXML(0, 0, m.answerGap()-0.5, "exact")},
		docxStyle{kind: "paragraph", id: "GlossaryTerm", name: "Glossary Term", custom: true, basedOn: "Normal", next: "GlossaryDefinition",
			pPr: keep + spacingXML(0, m.lh*0.1, -1, ""), rPr: bold},
		docxStyle{kind: "paragraph", id: "GlossaryDefinition", name: "Glossary Definition", custom: true, basedOn: "Normal", next: "GlossaryTerm", pPr: `<w:ind w:left="360"/>`},
		docxStyle{kind: "paragraph", id: "CodeBlock", name: "Code Block", custom: true, basedOn: "Normal",
			pPr: `<w:shd w:val="clear" w:color="auto" w:fill="F3F4F6"/>` + spacingXML(2, 2+m.lh*0.5, code*1.35, "exact"), rPr: fontsXML(fontMono) + szXML(code)},
		docxStyle{kind: "paragraph", id: "Rule", name: "Horizontal Rule", custom: true, basedOn: "Normal",
			pPr: `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="` + rule + `"/></w:pBdr>` + spacingXML(0, m.lh/2-0.75, m.lh/2, "exact")},
		// Table text is set smaller and tighter than the body, as the
		// PDF sets it; header cells bold in the sans face.
		docxStyle{kind: "paragraph", id: "TableText", name: "Table Text", custom: true, basedOn: "Normal", pPr: `<w:widowControl w:val="0"/>` + spacingXML(0, 0, small*1.25, "exact"), rPr: szXML(small)},
		docxStyle{kind: "paragraph", id: "TableHeading", name: "Table Heading", custom: true, basedOn: "TableText", pPr: keep, rPr: fontsXML(fontSans) + bold},
		// Sources are reference matter, a point smaller than the text.
		docxStyle{kind: "paragraph", id: "Source", name: "Source", custom: true, basedOn: "Normal",
			pPr: `<w:tabs><w:tab w:val="left" w:pos="360"/></w:tabs>` + spacingXML(0, 2.5, srcSize*1.2, "exact") + `<w:ind w:left="360" w:hanging="360"/>`, rPr: szXML(srcSize)},
		docxStyle{kind: "paragraph", id: "FootnoteText", name: "footnote text", basedOn: "Normal", pPr: spacingXML(0, 0, max(m.base-2, 8)*1.25, "atLeast"), rPr: szXML(max(m.base-2, 8))},
		docxStyle{kind: "character", id: "FootnoteReference", name: "footnote reference", rPr: `<w:vertAlign w:val="superscript"/>`},
		docxStyle{kind: "character", id: "Hyperlink", name: "Hyperlink", rPr: `<w:color w:val="` + hexColor(layout.LinkBlue) + `"/><w:u w:val="single"/>`},
		docxStyle{kind: "table", id: "BriefTable", name: "Briefing Table", custom: true,
			pPr: spacingXML(0, 0, small*1.25, "exact"), rPr: szXML(small),
			extra: `<w:tblPr><w:tblBorders>` + tableBorders(rule) + `</w:tblBorders><w:tblCellMar><w:top w:w="80" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
				`<w:tblStylePr w:type="firstRow"><w:rPr>` + fontsXML(fontSans) + bold + `</w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="` + hexColor(s.Accent.Mix(0.85)) + `"/></w:tcPr></w:tblStylePr>`},
	)
	return list
}

// tableBorders are a table's hairlines in colour c, all round and
// between cells.
func tableBorders(c string) string {
	out := ""
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		out += `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="` + c + `"/>`
	}
	return out
}

// frontStyles are the styles of what opens the document, a cover or a
// memo heading (one or the other), set as the PDF sets that one: the
// title in the Title style at the cover's 28 pt or the memo's body size
// + 9, the contents as the PDF prints them.
func (d *docxWriter) frontStyles() []docxStyle {
	m := d.m
	s := &d.doc.Settings
	accent := hexColor(s.Accent)
	greyC := `<w:color w:val="` + hexColor(layout.Grey) + `"/>`
	bold := `<w:b/><w:bCs/>`
	keep := `<w:keepNext/>`
	black := `<w:color w:val="1A1A1A"/>`
	var out []docxStyle
	if d.hasCover() {
		out = []docxStyle{
			{kind: "paragraph", id: "Kicker", name: "Kicker", custom: true, basedOn: "Normal", next: "Title", pPr: keep + spacingXML(0, 6, 14, "exact"), rPr: fontsXML(fontSans) + bold + `<w:caps/><w:color w:val="` + accent + `"/>` + szXML(10)},
			{kind: "paragraph", id: "Title", name: "Title", basedOn: "Normal", next: "Normal", pPr: keep + spacingXML(0, 0, 33, "exact"), rPr: fontsXML(fontSans) + bold + black + szXML(28)},
			{kind: "paragraph", id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", pPr: keep + spacingXML(6, 0, 19, "exact"), rPr: fontsXML(fontSans) + greyC + szXML(15)},
			{kind: "paragraph", id: "CoverDetail", name: "Cover Detail", custom: true, basedOn: "Normal",
				pPr: `<w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs>` + spacingXML(0, 4, m.lh+1, "atLeast") + `<w:ind w:left="2000" w:hanging="2000"/>`, rPr: szXML(m.base + 1)},
			{kind: "character", id: "CoverLabel", name: "Cover Label", custom: true, rPr: fontsXML(fontSans) + bold + `<w:caps/>` + greyC + szXML(8.5)},
		}
	} else {
		out = []docxStyle{
			{kind: "paragraph", id: "Kicker", name: "Kicker", custom: true, basedOn: "Normal", next: "Title", pPr: keep + spacingXML(0, 2, 13, "exact"), rPr: fontsXML(fontSans) + bold + `<w:caps/><w:color w:val="` + accent + `"/>` + szXML(9)},
			{kind: "paragraph", id: "Title", name: "Title", basedOn: "Normal", next: "Normal", pPr: keep + spacingXML(0, 0, (m.base+9)*1.2, "exact"), rPr: fontsXML(fontSans) + bold + black + szXML(m.base+9)},
			{kind: "paragraph", id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", pPr: keep + spacingXML(0, 0, (m.base+2)*1.35, "exact"), rPr: fontsXML(fontSans) + greyC + szXML(m.base+2)},
			{kind: "paragraph", id: "CoverDetail", name: "Cover Detail", custom: true, basedOn: "Normal",
				pPr: `<w:tabs><w:tab w:val="left" w:pos="960"/></w:tabs>` + spacingXML(0, 0, m.base*1.4, "exact") + `<w:ind w:left="960" w:hanging="960"/>`},
			{kind: "character", id: "CoverLabel", name: "Cover Label", custom: true, rPr: fontsXML(fontSans) + bold + `<w:caps/>` + greyC + szXML(8)},
		}
	}
	return append(out,
		docxStyle{kind: "paragraph", id: "TOCHeading", name: "TOC Heading", basedOn: "Normal", next: "Normal",
			pPr: keep + spacingXML(0, 4, 20, "exact") + `<w:outlineLvl w:val="9"/>`, rPr: fontsXML(fontSans) + bold + `<w:color w:val="` + accent + `"/>` + szXML(13)},
		docxStyle{kind: "paragraph", id: "TOC1", name: "toc 1", basedOn: "Normal", next: "Normal",
			pPr: `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="` + fmt.Sprint(d.textWidth()) + `"/></w:tabs>` + spacingXML(0, 0, m.lh+2, "exact")},
	)
}
