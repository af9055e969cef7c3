package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strings"
)

// logoDrawing writes the logo as an inline picture fitted into w×h
// points, its description as the alternative text Word's accessibility
// checker looks for (wp:docPr descr), or, with no description, marked
// decorative (Word's "Mark as decorative"), as the PDF makes it an
// artifact. "" when there is no logo.
func (d *docxWriter) logoDrawing(b *strings.Builder, maxW, maxH float64) bool {
	l := d.doc.Settings.Logo
	if l == nil || l.Width <= 0 || l.Height <= 0 {
		return false
	}
	d.logoUsed = true
	d.drawings++
	scale := min(maxW/float64(l.Width), maxH/float64(l.Height))
	cx, cy := emu(float64(l.Width)*scale), emu(float64(l.Height)*scale)
	alt := strings.TrimSpace(l.Alt)
	fmt.Fprintf(b, `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Logo %d" descr="`, cx, cy, d.drawings, d.drawings)
	escapeXML(b, alt)
	if alt == "" {
		b.WriteString(`"><a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst></wp:docPr>`)
	} else {
		b.WriteString(`"/>`)
	}
	b.WriteString(`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic>`)
	fmt.Fprintf(b, `<pic:nvPicPr><pic:cNvPr id="%d" name="logo" descr="`, d.drawings)
	escapeXML(b, alt)
	b.WriteString(`"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	fmt.Fprintf(b, `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`, cx, cy)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
	return true
}

// cover writes the title page's text: logo, kind of document, title,
// subtitle and who it is for and from, as label/value lines, spaced as
// the PDF's cover.
func (d *docxWriter) cover(b *strings.Builder) {
	m := &d.doc.Meta
	var logo strings.Builder
	if d.logoDrawing(&logo, 160, 64) {
		b.WriteString(`<w:p><w:pPr>` + spacingXML(24, 28, -1, "") + `</w:pPr>` + logo.String() + `</w:p>`)
	} else {
		d.pend.before = 24
	}
	d.titleLines(b)
	// The accent bar: a paragraph a point high with a 4 pt border above.
	b.WriteString(`<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="32" w:space="0" w:color="` + hexColor(d.doc.Settings.Accent) + `"/></w:pBdr>` + spacingXML(14, 21, 1, "exact") + `<w:ind w:right="` + fmt.Sprint(d.textWidth()-twips(72)) + `"/></w:pPr></w:p>`)
	d.details(b, [][2]string{
		{"Prepared for", m.PreparedFor},
		{"Prepared by", m.Author},
		{"Organization", m.Organization},
		{"Date", m.Date},
		{"Handling", handling(m)},
	})
	if d.doc.Settings.Profile.NameLine {
		d.nameLine(b)
	}
	d.pend.before += 24
}

// memoHeading opens the first page when there is no cover: kind, title,
// subtitle, For / From / Date, and a rule in the accent colour.
func (d *docxWriter) memoHeading(b *strings.Builder) {
	m := &d.doc.Meta
	var logo strings.Builder
	if d.logoDrawing(&logo, 120, 40) {
		b.WriteString(`<w:p><w:pPr><w:jc w:val="right"/></w:pPr>` + logo.String() + `</w:p>`)
	}
	d.titleLines(b)
	d.pend.before += 6
	rows := append([][2]string{{"For", m.PreparedFor}}, d.doc.Settings.Profile.HeadingRows(m.Author, m.Organization)...)
	d.details(b, append(rows, [2]string{"Date", m.Date}, [2]string{"Handling", handling(m)}))
	if d.doc.Settings.Profile.NameLine {
		d.nameLine(b)
	}
	// The rule: 6 pt below the text, then the PDF's space under it.
	b.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="10" w:space="0" w:color="` + hexColor(d.doc.Settings.Accent) + `"/></w:pBdr>` + d.withPending("", spacingXML(0, d.m.lh*0.4, 6, "exact")) + `</w:pPr></w:p>`)
}

// handling is how the document is to be handled — its marking and its
// watermark's word — as a line of the heading: the header and footer
// carry the marking and a shape the watermark, and a screen reader
// reading the body meets neither (the PDF says them first, once).
func handling(m *layout.Metadata) string {
	return strings.Join(layout.NonEmpty(strings.TrimSpace(m.Marking), strings.TrimSpace(m.Watermark)), " · ")
}

// titleLines writes the kicker, the title and the subtitle, sized by
// their styles.
func (d *docxWriter) titleLines(b *strings.Builder) {
	m := &d.doc.Meta
	if k := strings.TrimSpace(d.doc.Settings.Profile.Kicker); k != "" {
		d.para(b, "Kicker", "", []layout.Run{{Text: k}}, runStyle{})
	}
	d.para(b, "Title", "", []layout.Run{{Text: m.Title}}, runStyle{})
	if strings.TrimSpace(m.Subtitle) != "" {
		d.para(b, "Subtitle", "", []layout.Run{{Text: m.Subtitle}}, runStyle{})
	}
}

// details writes label/value lines, skipping empty values.
func (d *docxWriter) details(b *strings.Builder, rows [][2]string) {
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="CoverDetail"/>` + d.withPending("CoverDetail", "") + `</w:pPr>`)
		textRun(b, row[0], runStyle{charStyle: "CoverLabel"})
		b.WriteString(`<w:r><w:tab/></w:r>`)
		textRun(b, row[1], runStyle{})
		b.WriteString(`</w:p>`)
	}
}

// nameLine gives students blanks for their name, class and date, in the
// PDF's 24 points, 10 below the text above.
func (d *docxWriter) nameLine(b *strings.Builder) {
	b.WriteString(`<w:p><w:pPr>` + d.withPending("", spacingXML(10, 8, 16, "exact")) + `</w:pPr>`)
	for i, label := range []string{"Name", "Class", "Date"} {
		if i > 0 {
			textRun(b, "   ", runStyle{})
		}
		textRun(b, label+" ", runStyle{sans: true, bold: true, caps: true, size: 9, color: hexColor(layout.Grey)})
		blank := "____________________"
		if i > 0 {
			blank = "__________"
		}
		textRun(b, blank, runStyle{color: hexColor(layout.RuleGrey)})
	}
	b.WriteString(`</w:p>`)
}

// contents writes the table of contents as a TOC field over the section
// titles (Heading 1), prefilled with one linked entry per section so it
// reads correctly before Word updates it; the page numbers are PAGEREF
// fields to each title's bookmark, prefilled with the PDF's page numbers
// (see sectionPages).
func (d *docxWriter) contents(b *strings.Builder) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOCHeading"/>` + d.withPending("TOCHeading", "") + `</w:pPr>`)
	textRun(b, "Contents", runStyle{})
	b.WriteString(`</w:p>`)
	secs := d.doc.Sections
	pages := d.sectionPages()
	for i, s := range secs {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>`)
		if i == 0 {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		b.WriteString(`<w:hyperlink w:anchor="` + tocAnchor(i) + `" w:history="1">`)
		textRun(b, s.Title, runStyle{})
		b.WriteString(`<w:r><w:tab/></w:r>`)
		b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF ` + tocAnchor(i) + ` \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		page := ""
		if i < len(pages) {
			page = fmt.Sprint(pages[i])
		}
		b.WriteString(`<w:r><w:t>` + page + `</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>`)
		if i == len(secs)-1 {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		b.WriteString(`</w:p>`)
	}
	if len(secs) == 0 {
		b.WriteString(`<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
	}
}

// titlePages records on which page of the PDF's layout each section
// title lands (the outline's top-level bookmarks, in order).
type titlePages struct {
	layout.NullSurface
	page  int
	pages []int
}

// AddPage implements Surface.
func (s *titlePages) AddPage() { s.page++ }

// Bookmark implements Surface: level 0 is a section title.
func (s *titlePages) Bookmark(_ string, level int, _ float64) {
	if level == 0 {
		s.pages = append(s.pages, s.page)
	}
}

// sectionPages are the PDF's page numbers of the section titles, the
// table of contents' prefilled numbers: Word and LibreOffice lay pages
// out a little differently, so they are a close first reading until the
// field is updated (Word updates it on opening, the field being marked
// dirty). nil when the layout fails; the entries then have no number.
func (d *docxWriter) sectionPages() []int {
	rec := &titlePages{}
	if _, err := layout.Layout(d.doc, rec); err != nil || len(rec.pages) != len(d.doc.Sections) {
		return nil
	}
	return rec.pages
}
