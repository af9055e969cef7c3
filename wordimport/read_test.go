package wordimport

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// docx zips parts into a Word document, with a content-types part unless
// given one.
func docx(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
	}
	for name, text := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// body is a document part holding xml in its body.
func body(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` + xml + `<w:sectPr/></w:body></w:document>`
}

func read(t *testing.T, parts map[string]string) *Document {
	t.Helper()
	data := docx(t, parts)
	d, err := Read("memo.docx", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func p(style, runs string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + runs + `</w:p>`
}

func r(props, text string) string {
	return `<w:r><w:rPr>` + props + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// Each Heading 1 starts a section; what is under it — paragraphs, bold,
// italic, links, headings, lists with their nesting and numbers, tables,
// footnotes — comes across as section text, as Markdown writes it.
func TestAnyWordDocumentBecomesSections(t *testing.T) {
	numbering := `<w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="☐"/></w:lvl></w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="9"><w:abstractNumId w:val="3"/></w:num></w:numbering>`
	li := func(num, lvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr>` + r("", text) + `</w:p>`
	}
	d := read(t, map[string]string{
		"word/document.xml": body(p("Title", r("", "The Water Cycle")) +
			p("Heading1", r("", "How water moves")) +
			p("", r("", "Water ")+r("<w:b/>", "evaporates")+r("", " and ")+r("<w:i/>", "condenses")+r("", ".")) +
			`<w:p><w:hyperlink r:id="rId9">` + r("", "USGS") + `</w:hyperlink>` + r("", " explains it.") + `<w:r><w:footnoteReference w:id="2"/></w:r></w:p>` +
			`<w:p>` + r("", "See ") + `<w:hyperlink r:id="rId9">` + r("", "https://www.usgs.gov/") + `</w:hyperlink></w:p>` +
			p("Heading2", r("", "Stages")) +
			li("7", "0", "Evaporation") + li("7", "1", "From oceans") + li("7", "1", "From lakes") + li("7", "0", "Condensation") +
			li("8", "0", "First") + li("8", "0", "Second") +
			li("9", "0", "Pack a raincoat") +
			p("Heading1", r("", "Data")) +
			`<w:tbl><w:tr><w:tc>` + p("", r("", "Place")) + `</w:tc><w:tc>` + p("", r("", "Share")) + `</w:tc></w:tr><w:tr><w:tc>` + p("", r("", "Ocean | sea")) + `</w:tc><w:tc>` + p("", r("", "97%")) + `</w:tc></w:tr></w:tbl>`),
		"word/numbering.xml":           numbering,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="hyperlink" Target="https://www.usgs.gov/" TargetMode="External"/></Relationships>`,
		"word/footnotes.xml": `<w:footnotes ` + wordNS + `><w:footnote w:type="separator" w:id="0">` + p("", r("", "—")) + `</w:footnote><w:footnote w:id="2">` +
			`<w:p><w:r><w:footnoteRef/></w:r>` + r("", " The U.S. Geological Survey.") + `</w:p></w:footnote></w:footnotes>`,
	})
	if d.Title != "The Water Cycle" || len(d.Sections) != 2 || d.Sections[0].Title != "How water moves" || d.Sections[1].Title != "Data" {
		t.Fatalf("title %q, sections %+v", d.Title, d.Sections)
	}
	want := "Water **evaporates** and *condenses*.\n\n" +
		"[USGS](https://www.usgs.gov/) explains it.[^1]\n\n" +
		"See <https://www.usgs.gov/>\n\n" +
		"# Stages\n\n" +
		"- Evaporation\n  1. From oceans\n  2. From lakes\n- Condensation\n\n" +
		"1. First\n2. Second\n\n" +
		"☐ Pack a raincoat\n\n" +
		"[^1]: The U.S. Geological Survey.\n"
	if got := sectiontext.Write(d.Sections[0].Body); got != want {
		t.Errorf("section 1:\n%s\nwant:\n%s", got, want)
	}
	if got := sectiontext.Write(d.Sections[1].Body); !strings.Contains(got, "| Place | Share |") || !strings.Contains(got, `Ocean \| sea`) {
		t.Errorf("section 2:\n%s", got)
	}
}

// What has no place in section text is listed with where it was — a text
// box with its words, an image, an equation — never dropped silently.
func TestWhatHasNoPlaceIsListed(t *testing.T) {
	d := read(t, map[string]string{
		"word/document.xml": body(p("Heading1", r("", "Background")) +
			p("", r("", "Intro.")) +
			`<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>` + p("", r("", "Boxed words")) + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>` +
			`<w:p><w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="p"/></a:graphicData></a:graphic></w:drawing></w:r></w:p>` +
			`<w:p><m:oMath xmlns:m="` + nsM + `"><m:r><m:t>x</m:t></m:r></m:oMath></w:p>` +
			`<w:p>` + r("", "Checked.") + `<w:r><w:commentReference w:id="4"/></w:r></w:p>` +
			`<w:p>` + r("", "Kept ") + `<w:del w:id="5" w:author="B"><w:r><w:delText>gone </w:delText></w:r></w:del><w:ins w:id="6" w:author="B">` + r("", "new ") + `</w:ins>` + r("", "end.") + `</w:p>`),
		"word/comments.xml": `<w:comments ` + wordNS + `><w:comment w:id="4" w:author="The boss">` + p("", r("", "Is this still true?")) + `</w:comment></w:comments>`,
	})
	var got []string
	for _, l := range d.LeftOut {
		got = append(got, l.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"A text box in section “Background”, paragraph 2: Boxed words", "An image in section “Background”, paragraph 3", "An equation in section “Background”, paragraph 4", "A comment in section “Background”, paragraph 5: The boss: Is this still true?", "2 tracked changes, read as accepted"} {
		if !strings.Contains(all, want) {
			t.Errorf("left out:\n%s\nwant %q", all, want)
		}
	}
	if body := sectiontext.Write(d.Sections[0].Body); !strings.Contains(body, "Kept new end.") {
		t.Errorf("tracked changes are not read as accepted:\n%s", body)
	}
	if body := sectiontext.Write(d.Sections[0].Body); strings.Contains(body, "Boxed") {
		t.Errorf("a text box's words went into the text:\n%s", body)
	}
}
