package docx

import (
	"archive/zip"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteDocx writes doc as a Word document (WordprocessingML, .docx): the
// same sections in the same order as the PDF, in Word's built-in styles so
// that the navigation pane, outline and Word's own table of contents work
// on it, and so that whoever receives it can edit it with track changes.
//
// The writer is Briefsmith's own (archive/zip and XML written here): no
// maintained, permissively licensed Go module for WordprocessingML is
// served with a released version (see the README's "Word export").
//
// The output is deterministic: the same Document gives the same bytes
// (fixed zip timestamps from Meta.Created, parts in a fixed order,
// relationship and numbering ids given in document order).
func WriteDocx(doc *layout.Document, w io.Writer) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = layout.Recovered(v, "writing the Word document")
		}
	}()
	d := newDocxWriter(doc)
	parts, err := d.parts()
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	modified := docxTime(doc.Meta.Created)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docxPart is one file of the package.
type docxPart struct {
	name string
	data []byte
}

// docxTime is the timestamp every zip entry carries: the packet's own
// moment, so two exports of one packet are byte-identical. Zip cannot
// store dates before 1980, and the local-time fields are written in UTC.
func docxTime(t time.Time) time.Time {
	floor := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if t.IsZero() || t.Before(floor) {
		return floor
	}
	if t.Year() > 2107 {
		return time.Date(2107, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

// Namespaces of the parts, written once here.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	relT  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctW   = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	// wordRoot opens a part whose root element is in the w namespace
	// with the others a body can use.
	wordNS = `xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"` +
		` xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"`
)

// docxRel is one relationship of word/document.xml or a header.
type docxRel struct {
	id, typ, target string
	external        bool
}

// parts builds every part, in the order they go into the zip:
// [Content_Types].xml first, as some readers expect.
func (d *docxWriter) parts() ([]docxPart, error) {
	body := d.body()
	header := d.header()
	footer := d.footer()
	var logo []byte
	logoExt := ""
	if d.logoUsed {
		data, tp, err := d.doc.Settings.Logo.Encode()
		if err != nil {
			return nil, err
		}
		logo, logoExt = data, map[string]string{"PNG": "png", "JPG": "jpeg"}[tp]
	}
	docRels := []docxRel{
		{"rIdStyles", relT + "styles", "styles.xml", false},
		{"rIdNumbering", relT + "numbering", "numbering.xml", false},
		{"rIdSettings", relT + "settings", "settings.xml", false},
		{"rIdFonts", relT + "fontTable", "fontTable.xml", false},
		{"rIdHeader", relT + "header", "header1.xml", false},
		{"rIdFooter", relT + "footer", "footer1.xml", false},
	}
	var headerRels []docxRel
	if d.logoUsed {
		img := docxRel{"rIdLogo", relT + "image", "media/logo." + logoExt, false}
		docRels = append(docRels, img)
		headerRels = append(headerRels, img)
	}
	docRels = append(docRels, d.bodyLinks.rels...)
	if d.hasCover() {
		docRels = append(docRels, docxRel{"rIdHeaderCover", relT + "header", "header2.xml", false},
			docxRel{"rIdFooterCover", relT + "footer", "footer2.xml", false})
	}
	notes := d.footnotesPart()
	if notes != nil {
		docRels = append(docRels, docxRel{"rIdFootnotes", relT + "footnotes", "footnotes.xml", false})
	}

	parts := []docxPart{
		{"[Content_Types].xml", contentTypes(logoExt, notes != nil, d.hasCover())},
		{"_rels/.rels", rels([]docxRel{
			{"rId1", relT + "officeDocument", "word/document.xml", false},
			{"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", false},
			{"rId3", relT + "extended-properties", "docProps/app.xml", false},
			{"rId4", relT + "custom-properties", "docProps/custom.xml", false},
		})},
		{"docProps/core.xml", d.coreProps()},
		{"docProps/app.xml", d.appProps()},
		{"docProps/custom.xml", d.customProps()},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", rels(docRels)},
		{"word/styles.xml", d.styles()},
		{"word/numbering.xml", d.numbering()},
		{"word/settings.xml", d.settings()},
		{"word/fontTable.xml", fontTable()},
		{"word/header1.xml", header},
		{"word/footer1.xml", footer},
	}
	if notes != nil {
		parts = append(parts, docxPart{"word/footnotes.xml", notes})
	}
	if d.hasCover() {
		parts = append(parts, docxPart{"word/header2.xml", d.coverFurniture("hdr")}, docxPart{"word/footer2.xml", d.coverFurniture("ftr")})
	}
	if notes != nil && len(d.noteLinks.rels) > 0 {
		parts = append(parts, docxPart{"word/_rels/footnotes.xml.rels", rels(d.noteLinks.rels)})
	}
	if len(headerRels) > 0 {
		parts = append(parts, docxPart{"word/_rels/header1.xml.rels", rels(headerRels)})
	}
	if d.logoUsed {
		parts = append(parts, docxPart{"word/media/logo." + logoExt, logo})
	}
	return parts, nil
}

// contentTypes declares each part's type; logoExt is "" without a logo.
func contentTypes(logoExt string, footnotes, cover bool) []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	if logoExt != "" {
		fmt.Fprintf(&b, `<Default Extension="%s" ContentType="image/%s"/>`, logoExt, logoExt)
	}
	for _, o := range [][2]string{
		{"/word/document.xml", ctW + "document.main+xml"},
		{"/word/styles.xml", ctW + "styles+xml"},
		{"/word/numbering.xml", ctW + "numbering+xml"},
		{"/word/settings.xml", ctW + "settings+xml"},
		{"/word/fontTable.xml", ctW + "fontTable+xml"},
		{"/word/header1.xml", ctW + "header+xml"},
		{"/word/footer1.xml", ctW + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
		{"/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	if footnotes {
		fmt.Fprintf(&b, `<Override PartName="/word/footnotes.xml" ContentType="%sfootnotes+xml"/>`, ctW)
	}
	if cover {
		fmt.Fprintf(&b, `<Override PartName="/word/header2.xml" ContentType="%sheader+xml"/><Override PartName="/word/footer2.xml" ContentType="%sfooter+xml"/>`, ctW, ctW)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

// rels writes a relationships part.
func rels(list []docxRel) []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<Relationships xmlns="` + nsRel + `">`)
	for _, r := range list {
		b.WriteString(`<Relationship Id="` + r.id + `" Type="` + r.typ + `" Target="`)
		escapeXML(&b, r.target)
		b.WriteString(`"`)
		if r.external {
			b.WriteString(` TargetMode="External"`)
		}
		b.WriteString(`/>`)
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// coreProps are the document properties Word shows under File › Info:
// title, author, subject, keywords, language and the packet's date.
func (d *docxWriter) coreProps() []byte {
	m := &d.doc.Meta
	var b strings.Builder
	b.WriteString(xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		b.WriteString("<" + name + ">")
		escapeXML(&b, v)
		b.WriteString("</" + name + ">")
	}
	el("dc:title", m.Title)
	el("dc:subject", m.Subject)
	el("dc:creator", m.Author)
	el("cp:keywords", strings.Join(m.Keywords, ", "))
	el("dc:description", m.Subtitle)
	el("dc:language", m.Language)
	stamp := docxTime(m.Created).Format("2006-01-02T15:04:05Z")
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// appProps names the program that wrote the file (Application) and its
// version (AppVersion, which the format wants as "XX.YYYY": 0.1.0 is
// "00.0100"), and the organization.
func (d *docxWriter) appProps() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`)
	b.WriteString(`<Application>Briefsmith</Application>`)
	if o := d.doc.Meta.Organization; strings.TrimSpace(o) != "" {
		b.WriteString(`<Company>`)
		escapeXML(&b, o)
		b.WriteString(`</Company>`)
	}
	if v, ok := appVersion(d.doc.Meta.Producer); ok {
		b.WriteString(`<AppVersion>` + v + `</AppVersion>`)
	}
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}

// Custom properties mark a document as a Briefsmith export, so its edits
// can be brought back into the packet (File › Import Word…): Word,
// LibreOffice and Google Docs keep them through an edit, and the titles
// on its Heading 1s carry each section's bookmark.
const (
	// CustomPropMark names the property every export carries.
	CustomPropMark = "Briefsmith"
	// CustomPropTitle names the property holding the packet's title.
	CustomPropTitle = "BriefsmithTitle"
)

// customProps writes docProps/custom.xml.
func (d *docxWriter) customProps() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	for i, p := range [][2]string{
		{CustomPropMark, "Exported by Briefsmith; bring edits back with File › Import Word…"},
		{CustomPropTitle, d.doc.Meta.Title},
	} {
		fmt.Fprintf(&b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>`, i+2, p[0])
		escapeXML(&b, p[1])
		b.WriteString(`</vt:lpwstr></property>`)
	}
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}

// appVersion turns a producer such as "Briefsmith 0.1.0" into the
// AppVersion form "00.0100"; ok is false when it names no version.
func appVersion(producer string) (string, bool) {
	f := strings.Fields(producer)
	if len(f) == 0 {
		return "", false
	}
	var n [3]int
	parts := strings.SplitN(strings.TrimPrefix(f[len(f)-1], "v"), ".", 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || v > 99 {
			return "", false
		}
		n[i] = v
	}
	return fmt.Sprintf("%02d.%02d%02d", n[0], n[1], n[2]), true
}
