package docx

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// watermarkShape writes the packet's watermark ("DRAFT") as Word draws
// its own (Design › Watermark): a VML word-art shape in the header,
// behind the text, centred on the page and turned 45° up, light grey as
// the PDF prints it; Word and LibreOffice list it as the document's
// watermark, which the reader can change or remove. It is a run for the
// header's first paragraph; nothing without a watermark.
func (d *docxWriter) watermarkShape(b *strings.Builder) {
	wm := strings.TrimSpace(d.doc.Meta.Watermark)
	if wm == "" {
		return
	}
	// The PDF sets it at 96 pt bold, narrowed to 90% of the page's
	// height when longer: the box is the word at that size (bold sans
	// capitals are about 0.68 em wide), and the text fills it.
	size := 96.0
	w := 0.68 * size * float64(utf8.RuneCountInString(wm))
	if limit := d.doc.Settings.PageHeight * 0.9; w > limit && limit > 0 {
		size *= limit / w
		w = limit
	}
	h := size * 0.75
	d.drawings++
	b.WriteString(`<w:r><w:rPr><w:noProof/></w:rPr><w:pict>`)
	b.WriteString(`<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>`)
	fmt.Fprintf(b, `<v:shape id="PowerPlusWaterMarkObject%d" o:spid="_x0000_s%d" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:%.1fpt;height:%.1fpt;rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:page;mso-position-vertical:center;mso-position-vertical-relative:page" o:allowincell="f" fillcolor="#e4e4e4" stroked="f">`, d.drawings, 2048+d.drawings, w, h)
	b.WriteString(`<v:fill opacity="1"/><v:textpath style="font-family:&quot;` + fontSans + `&quot;;font-size:1pt;font-weight:bold" string="`)
	escapeXML(b, wm)
	b.WriteString(`"/><w10:wrap anchorx="page" anchory="page"/></v:shape></w:pict></w:r>`)
}
