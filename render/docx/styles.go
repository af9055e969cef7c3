package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strings"
)

// The PDF's font families, named as Word's metric-compatible faces: the
// PDF is set in Liberation Serif, Sans and Mono, which have the widths of
// Times New Roman, Arial and Courier New, so a line breaks at the same
// word in either. Every Windows and Mac has the Microsoft faces; where
// they are missing, LibreOffice (and Word, from the font table's
// alternative names) takes the Liberation face instead.
const (
	fontSerif = "Times New Roman"
	fontSans  = "Arial"
	fontMono  = "Courier New"
)

// fontFallbacks pair each face with the Liberation face it stands for.
var fontFallbacks = [][2]string{
	{fontSans, "Liberation Sans"},
	{fontMono, "Liberation Mono"},
	{fontSerif, "Liberation Serif"},
}

// fontsXML names face for every script a run can hold.
func fontsXML(name string) string {
	return `<w:rFonts w:ascii="` + name + `" w:hAnsi="` + name + `" w:cs="` + name + `" w:eastAsia="` + name + `"/>`
}

// fontTable names the families and their Liberation equivalents
// (w:altName), which Word reads when a face is missing.
func fontTable() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:fonts ` + wordNS + `>`)
	for _, f := range fontFallbacks {
		family := "roman"
		switch f[0] {
		case fontSans:
			family = "swiss"
		case fontMono:
			family = "modern"
		}
		pitch := "variable"
		if f[0] == fontMono {
			pitch = "fixed"
		}
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:charset w:val="00"/><w:family w:val="%s"/><w:pitch w:val="%s"/></w:font>`, f[0], f[1], family, pitch)
	}
	b.WriteString(`</w:fonts>`)
	return []byte(b.String())
}

// docxStyle is one paragraph, character or table style.
type docxStyle struct {
	kind, id, name, basedOn, next string
	// builtin styles are Word's own: Word shows them under their
	// localised names and uses them for its outline and contents.
	custom   bool
	pPr, rPr string
	extra    string
}

// styles writes styles.xml: Word's built-in styles where one fits
// (Title, Subtitle, heading 1–6, List Bullet, List Number, Quote,
// caption, Hyperlink, toc 1, TOC Heading, header, footer), set like the
// PDF, and a few of Briefsmith's own for what Word has no style for
// (call-outs, answer lines, glossary, cover labels).
func (d *docxWriter) styles() []byte {
	s := &d.doc.Settings
	accent := hexColor(s.Accent)
	base := s.BodySize
	if base <= 0 {
		base = 10.5
	}
	spacing := s.Profile.LineSpacing
	if spacing <= 0 {
		spacing = 1.3
	}
	line := int(spacing/1.15*240 + 0.5) // Liberation's own line gap is ~1.15 em
	sz := func(pt float64) string {
		return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(pt), halfPoints(pt))
	}
	sp := func(before, after float64) string {
		return fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d"/>`, twips(before), twips(after))
	}
	greyC := `<w:color w:val="` + hexColor(layout.Grey) + `"/>`
	list := []docxStyle{
		{kind: "paragraph", id: "Normal", name: "Normal", pPr: fmt.Sprintf(`<w:spacing w:after="%d" w:line="%d" w:lineRule="auto"/>`, twips(base*0.6), line)},
		{kind: "paragraph", id: "Title", name: "Title", basedOn: "Normal", next: "Normal", pPr: `<w:keepNext/>` + sp(0, 4) + `<w:spacing w:line="240" w:lineRule="auto"/>`, rPr: fontsXML(fontSans) + `<w:b/><w:bCs/>` + `<w:color w:val="1A1A1A"/>` + sz(28)},
		{kind: "paragraph", id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", pPr: `<w:keepNext/>` + sp(2, 10), rPr: fontsXML(fontSans) + greyC + sz(15)},
	}
	// Heading 1 is the section title; the body's headings take the
	// PDF's own table of looks (headingLooks), so the two stay in step.
	for lvl := 1; lvl <= 6; lvl++ {
		size, color, before := base+5, accent, (base+5)*1.1
		look := layout.HeadingLookOf(lvl)
		if lvl > 1 {
			size, color = base+look.Grow, "1A1A1A"
			before = s.LineHeight * look.Before
			switch {
			case look.Accent:
				color = accent
			case look.Grey:
				color = hexColor(layout.Grey)
			}
		}
		pPr := `<w:keepNext/><w:keepLines/>`
		if lvl == 1 {
			pPr += `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="3" w:color="` + hexColor(s.Accent.Mix(0.6)) + `"/></w:pBdr>`
		}
		pPr += sp(before, size*0.45) + fmt.Sprintf(`<w:outlineLvl w:val="%d"/>`, lvl-1)
		rPr := fontsXML(fontSans)
		if lvl == 1 || look.Bold {
			rPr += `<w:b/><w:bCs/>`
		}
		if look.Italic {
			rPr += `<w:i/><w:iCs/>`
		}
		list = append(list, docxStyle{kind: "paragraph", id: fmt.Sprintf("Heading%d", lvl), name: fmt.Sprintf("heading %d", lvl),
			basedOn: "Normal", next: "Normal", pPr: pPr, rPr: rPr + `<w:color w:val="` + color + `"/>` + sz(size)})
	}
	list = append(list,
		docxStyle{kind: "paragraph", id: "ListBullet", name: "List Bullet", basedOn: "Normal", pPr: `<w:numPr><w:numId w:val="1"/></w:numPr>` + sp(0, 2)},
		docxStyle{kind: "paragraph", id: "ListNumber", name: "List Number", basedOn: "Normal", pPr: `<w:numPr><w:numId w:val="2"/></w:numPr>` + sp(0, 2)},
		docxStyle{kind: "paragraph", id: "ListContinue", name: "List Continue", basedOn: "Normal", pPr: sp(0, 2) + `<w:ind w:left="360"/>`},
		docxStyle{kind: "paragraph", id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal",
			pPr: `<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="` + hexColor(layout.RuleGrey) + `"/></w:pBdr><w:ind w:left="480" w:right="360"/>`, rPr: `<w:i/><w:iCs/>` + greyC},
		docxStyle{kind: "paragraph", id: "Caption", name: "caption", basedOn: "Normal", next: "Normal", rPr: fontsXML(fontSans) + greyC + sz(base-1.5)},
		docxStyle{kind: "paragraph", id: "TOCHeading", name: "TOC Heading", basedOn: "Heading1", next: "Normal", pPr: `<w:outlineLvl w:val="9"/>`},
		docxStyle{kind: "paragraph", id: "TOC1", name: "toc 1", basedOn: "Normal", next: "Normal",
			pPr: `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="` + fmt.Sprint(twips(s.PageWidth-s.Margins.Left-s.Margins.Right)) + `"/></w:tabs>` + sp(0, 3)},
		docxStyle{kind: "paragraph", id: "Header", name: "header", basedOn: "Normal", pPr: sp(0, 0) + `<w:spacing w:line="240" w:lineRule="auto"/>`, rPr: fontsXML(fontSans) + greyC + sz(8)},
		docxStyle{kind: "paragraph", id: "Footer", name: "footer", basedOn: "Normal", pPr: sp(0, 0) + `<w:spacing w:line="240" w:lineRule="auto"/>`, rPr: fontsXML(fontSans) + greyC + sz(8)},
		docxStyle{kind: "paragraph", id: "Kicker", name: "Kicker", custom: true, basedOn: "Normal", next: "Title", pPr: `<w:keepNext/>` + sp(0, 6), rPr: fontsXML(fontSans) + `<w:b/><w:bCs/><w:caps/><w:color w:val="` + accent + `"/>` + sz(10)},
		docxStyle{kind: "paragraph", id: "CoverDetail", name: "Cover Detail", custom: true, basedOn: "Normal", pPr: `<w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs><w:spacing w:after="80"/><w:ind w:left="2000" w:hanging="2000"/>`},
		docxStyle{kind: "character", id: "CoverLabel", name: "Cover Label", custom: true, rPr: fontsXML(fontSans) + `<w:b/><w:bCs/><w:caps/>` + greyC + sz(8.5)},
		docxStyle{kind: "paragraph", id: "CalloutLabel", name: "Call-out Label", custom: true, basedOn: "Normal", next: "Normal", pPr: `<w:keepNext/>` + sp(0, 2), rPr: fontsXML(fontSans) + `<w:b/><w:bCs/><w:caps/><w:color w:val="` + accent + `"/>` + sz(base-1.5)},
		docxStyle{kind: "paragraph", id: "AnswerLine", name: "Answer Line", custom: true, basedOn: "Normal",
			pPr: `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="` + hexColor(layout.RuleGrey) + `"/><w:between w:val="single" w:sz="4" w:space="1" w:color="` + hexColor(layout.RuleGrey) + `"/></w:pBdr>` + `<w:spacing w:before="0" w:after="0" w:line="` + fmt.Sprint(twips(base*2.2)) + `" w:lineRule="exact"/>`},
		docxStyle{kind: "paragraph", id: "GlossaryTerm", name: "Glossary Term", custom: true, basedOn: "Normal", next: "GlossaryDefinition", pPr: `<w:keepNext/>` + sp(4, 0), rPr: `<w:b/><w:bCs/>`},
		docxStyle{kind: "paragraph", id: "GlossaryDefinition", name: "Glossary Definition", custom: true, basedOn: "Normal", next: "GlossaryTerm", pPr: `<w:ind w:left="360"/>`},
		docxStyle{kind: "paragraph", id: "CodeBlock", name: "Code Block", custom: true, basedOn: "Normal",
			pPr: `<w:shd w:val="clear" w:color="auto" w:fill="F3F4F6"/><w:spacing w:line="240" w:lineRule="auto"/>`, rPr: fontsXML(fontMono) + sz(base-1.5)},
		docxStyle{kind: "paragraph", id: "Rule", name: "Horizontal Rule", custom: true, basedOn: "Normal",
			pPr: `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="` + hexColor(layout.RuleGrey) + `"/></w:pBdr><w:spacing w:after="160" w:line="120" w:lineRule="exact"/>`},
		docxStyle{kind: "paragraph", id: "Marking", name: "Handling Marking", custom: true, basedOn: "Header", pPr: `<w:jc w:val="center"/>`, rPr: `<w:b/><w:bCs/><w:color w:val="1A1A1A"/>` + sz(9)},
		docxStyle{kind: "paragraph", id: "FootnoteText", name: "footnote text", basedOn: "Normal", pPr: sp(0, 2), rPr: sz(max(base-2, 8))},
		docxStyle{kind: "character", id: "FootnoteReference", name: "footnote reference", rPr: `<w:vertAlign w:val="superscript"/>`},
		docxStyle{kind: "character", id: "Hyperlink", name: "Hyperlink", rPr: `<w:color w:val="` + hexColor(layout.LinkBlue) + `"/><w:u w:val="single"/>`},
		docxStyle{kind: "table", id: "BriefTable", name: "Briefing Table", custom: true,
			pPr: sp(0, 0),
			extra: `<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="` + hexColor(layout.RuleGrey) + `"/><w:left w:val="single" w:sz="4" w:space="0" w:color="` + hexColor(layout.RuleGrey) + `"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="` + hexColor(layout.RuleGrey) + `"/><w:right w:val="single" w:sz="4" w:space="0" w:color="` + hexColor(layout.RuleGrey) + `"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="` + hexColor(layout.RuleGrey) + `"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="` + hexColor(layout.RuleGrey) + `"/></w:tblBorders><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
				`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="` + hexColor(layout.CalloutShade(s.Accent)) + `"/></w:tcPr></w:tblStylePr>`},
	)
	var b strings.Builder
	b.WriteString(xmlPI + `<w:styles ` + wordNS + `>`)
	lang := d.doc.Meta.Language
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + fontsXML(fontSerif) + `<w:color w:val="1A1A1A"/>` + sz(base) + `<w:lang w:val="`)
	escapeXML(&b, lang)
	b.WriteString(`"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for _, st := range list {
		fmt.Fprintf(&b, `<w:style w:type="%s" w:styleId="%s"`, st.kind, st.id)
		if st.custom {
			b.WriteString(` w:customStyle="1"`)
		}
		if st.id == "Normal" {
			b.WriteString(` w:default="1"`)
		}
		b.WriteString(`><w:name w:val="` + st.name + `"/>`)
		if st.basedOn != "" {
			b.WriteString(`<w:basedOn w:val="` + st.basedOn + `"/>`)
		}
		if st.next != "" {
			b.WriteString(`<w:next w:val="` + st.next + `"/>`)
		}
		b.WriteString(`<w:qFormat/>`)
		if st.pPr != "" {
			b.WriteString(`<w:pPr>` + mergeSpacing(st.pPr) + `</w:pPr>`)
		}
		if st.rPr != "" {
			b.WriteString(`<w:rPr>` + st.rPr + `</w:rPr>`)
		}
		b.WriteString(st.extra + `</w:style>`)
	}
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}

// mergeSpacing keeps one w:spacing element in a style's paragraph
// properties (the schema allows one): the styles above are written as
// a before/after part and a line part, merged here.
func mergeSpacing(pPr string) string {
	const open = "<w:spacing "
	first := strings.Index(pPr, open)
	if first < 0 {
		return pPr
	}
	second := strings.Index(pPr[first+len(open):], open)
	if second < 0 {
		return pPr
	}
	second += first + len(open)
	end := strings.Index(pPr[second:], "/>") + second
	attrs := pPr[second+len(open) : end]
	firstEnd := strings.Index(pPr[first:], "/>") + first
	return pPr[:firstEnd] + " " + attrs + pPr[firstEnd:second] + pPr[end+2:]
}
