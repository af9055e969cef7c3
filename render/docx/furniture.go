package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strings"
)

// header writes the page header every page carries, as the PDF's does:
// the handling marking centred (handling rules want it at the top of
// every page), then the running title, with the logo at the right for
// client briefs, over a rule in the accent colour.
func (d *docxWriter) header() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:hdr ` + wordNS + `>`)
	m := &d.doc.Meta
	if mk := strings.TrimSpace(m.Marking); mk != "" {
		// The PDF's marking line is at 15 pt, its title line at 30.
		d.para(&b, "Marking", spacingXML(-1, 4.2, -1, ""), []layout.Run{{Text: mk}}, runStyle{})
	}
	tw := d.textWidth()
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="3" w:color="` + hexColor(d.doc.Settings.Accent) + `"/></w:pBdr>`)
	fmt.Fprintf(&b, `<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs></w:pPr>`, tw)
	d.watermarkShape(&b)
	textRun(&b, m.Title, runStyle{})
	if d.doc.Settings.Profile.HeaderLogo {
		var logo strings.Builder
		if d.logoDrawing(&logo, 90, 16) {
			b.WriteString(`<w:r><w:tab/></w:r>` + logo.String())
		}
	}
	b.WriteString(`</w:p></w:hdr>`)
	return []byte(b.String())
}

// footer writes the client line or the organization at the left, "Page N
// of M" at the right as PAGE and NUMPAGES fields (so the numbers stay
// right whatever the reader's pagination), and the marking again,
// centred.
func (d *docxWriter) footer() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:ftr ` + wordNS + `>`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Footer"/><w:pBdr><w:top w:val="single" w:sz="4" w:space="5" w:color="` + hexColor(layout.RuleGrey) + `"/></w:pBdr>`)
	fmt.Fprintf(&b, `<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs></w:pPr>`, d.textWidth())
	textRun(&b, layout.FooterNote(d.doc), runStyle{})
	b.WriteString(`<w:r><w:tab/></w:r>`)
	textRun(&b, "Page ", runStyle{})
	field(&b, "PAGE", "1")
	textRun(&b, " of ", runStyle{})
	field(&b, "NUMPAGES", "1")
	b.WriteString(`</w:p>`)
	if mk := d.footerMarking(); mk != "" {
		d.para(&b, "Marking", spacingXML(1.2, -1, -1, ""), []layout.Run{{Text: mk}}, runStyle{})
	}
	b.WriteString(`</w:ftr>`)
	return []byte(b.String())
}

// hasCover reports whether the document opens with a cover, which the
// PDF prints without running header or page number, only the marking.
func (d *docxWriter) hasCover() bool {
	if len(d.doc.Front) == 0 {
		return false
	}
	_, ok := d.doc.Front[0].(layout.Cover)
	return ok
}

// coverFurniture writes the cover's own header or footer (root "hdr" or
// "ftr"): the handling marking alone, as on the PDF's cover.
func (d *docxWriter) coverFurniture(root string) []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:` + root + ` ` + wordNS + `>`)
	mk := d.footerMarking()
	if root == "hdr" {
		mk = strings.TrimSpace(d.doc.Meta.Marking)
	}
	switch {
	case mk != "":
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Marking"/></w:pPr>`)
		if root == "hdr" {
			d.watermarkShape(&b)
		}
		textRun(&b, mk, runStyle{})
		b.WriteString(`</w:p>`)
	case root == "hdr":
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
		d.watermarkShape(&b)
		b.WriteString(`</w:p>`)
	default:
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>`)
	}
	b.WriteString(`</w:` + root + `>`)
	return []byte(b.String())
}

// field writes a simple field (PAGE, NUMPAGES) as a complex field with
// a cached result, which every reader shows until it computes its own.
func field(b *strings.Builder, instr, cached string) {
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	b.WriteString(`<w:r><w:t>` + cached + `</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

// sectPr writes the page setup: size and margins from the Settings, the
// header and footer on every page.
func (d *docxWriter) sectPr(b *strings.Builder) {
	s := &d.doc.Settings
	w, h := s.PageWidth, s.PageHeight
	if w <= 0 || h <= 0 {
		w, h = 612, 792
	}
	mg := s.Margins
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>`)
	if d.hasCover() {
		b.WriteString(`<w:headerReference w:type="first" r:id="rIdHeaderCover"/><w:footerReference w:type="first" r:id="rIdFooterCover"/>`)
	}
	fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d"/>`, twips(w), twips(h))
	// Where the PDF prints them: the header's first line at 15 pt from
	// the top (the marking, else the title at 30), the footer's last 12
	// pt above the foot (the marking, else the page number at 25), so
	// both stay inside the margins and the text area is the PDF's.
	header, footer := 30.0, 25.0
	if strings.TrimSpace(d.doc.Meta.Marking) != "" {
		header = 15
	}
	if d.footerMarking() != "" {
		footer = 12.2
	}
	fmt.Fprintf(b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		twips(mg.Top), twips(mg.Right), twips(mg.Bottom), twips(mg.Left), twips(header), twips(footer))
	b.WriteString(`<w:cols w:space="720"/>`)
	if d.hasCover() {
		b.WriteString(`<w:titlePg/>`) // the first page takes the cover's own header and footer
	}
	b.WriteString(`</w:sectPr>`)
}

// footerMarking is the marking the foot of each page repeats: none when
// the audience prints it once, as header text (a school's name).
func (d *docxWriter) footerMarking() string {
	if d.doc.Settings.Profile.HeaderTextOnce {
		return ""
	}
	return strings.TrimSpace(d.doc.Meta.Marking)
}
