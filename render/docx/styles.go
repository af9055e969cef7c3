package docx

import (
	"fmt"
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

// styles writes styles.xml: the document defaults (the serif face, the
// body size, widow and orphan control on every paragraph, as the PDF
// keeps two lines of a paragraph together at a page's foot and head),
// then every style of styleList.
func (d *docxWriter) styles() []byte {
	list := d.styleList()
	var b strings.Builder
	b.WriteString(xmlPI + `<w:styles ` + wordNS + `>`)
	lang := d.doc.Meta.Language
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + fontsXML(fontSerif) + `<w:color w:val="1A1A1A"/>` + szXML(d.m.base) + `<w:lang w:val="`)
	escapeXML(&b, lang)
	b.WriteString(`"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
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

// szXML is a type size in points as w:sz and w:szCs.
func szXML(pt float64) string {
	return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(pt), halfPoints(pt))
}

// styleBefores is each paragraph style's space above in twips, through
// the styles it is based on.
func styleBefores(list []docxStyle) map[string]int {
	byID := map[string]docxStyle{}
	for _, st := range list {
		byID[st.id] = st
	}
	out := map[string]int{}
	for _, st := range list {
		for s, depth := st, 0; depth < 8; depth++ {
			if i := strings.Index(s.pPr, ` w:before="`); i >= 0 {
				var tw int
				fmt.Sscanf(s.pPr[i+len(` w:before="`):], "%d", &tw)
				out[st.id] = tw
				break
			}
			next, ok := byID[s.basedOn]
			if !ok {
				break
			}
			s = next
		}
	}
	return out
}
