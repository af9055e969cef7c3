package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"github.com/briefsmith/briefsmith/render/layout"
	"io"
	"strings"
	"testing"
	"time"
)

// docxParts reads every entry of a .docx and decodes every XML part to
// its end with encoding/xml, which refuses characters XML 1.0 forbids as
// well as broken markup: Word refuses the whole file for either.
func docxParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = string(body)
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v\n%s", f.Name, err, body)
			}
		}
	}
	return parts
}

// hostileDoc puts text everywhere the writer prints text: metadata,
// titles, every kind of block, link addresses and the logo's description.
func hostileDoc(text, md string, cover bool) *layout.Document {
	p := layout.Profile{Kicker: text, LineSpacing: 1.3, HeaderLogo: true, PreparedForFooter: true, NameLine: true}
	doc := &layout.Document{
		Meta: layout.Metadata{Title: text, Subtitle: text, Author: text, Organization: text, PreparedFor: text,
			Marking: text, Watermark: text, Language: text, Subject: text, Keywords: []string{text, text},
			Date: text, Created: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Producer: text},
		Settings: layout.NewSettings(612, 792, 10.5, layout.RGB{R: 0x1b, G: 0x6e, B: 0x5a}, nil, p),
	}
	if cover {
		doc.Front = []layout.Block{layout.Cover{}, layout.Contents{}, layout.PageBreak{}}
	} else {
		doc.Front = []layout.Block{layout.MemoHeading{}, layout.Contents{}}
	}
	runs := []layout.Run{{Text: text}, {Text: text, Strong: true, Link: "https://example.com/?a=1&b=" + text}, {Kind: layout.RunImage, Text: text}, {Kind: layout.RunFootnoteRef, Text: text}}
	blocks := append(layout.ParseMarkdown(md),
		layout.Heading{Level: 2, Text: runs}, layout.Paragraph{Text: runs},
		layout.List{Ordered: true, Start: 3, Delimiter: ')', Items: []layout.ListItem{{Blocks: []layout.Block{layout.Paragraph{Text: runs}, layout.List{Items: []layout.ListItem{{Blocks: []layout.Block{layout.Paragraph{Text: runs}}}}}}}}},
		layout.Table{Align: []layout.Align{layout.AlignLeft, layout.AlignRight}, Rows: []layout.TableRow{{Header: true, Cells: []layout.TableCell{{Text: runs}, {Text: runs}}}, {Cells: []layout.TableCell{{Text: runs}}}}},
		layout.Quote{Blocks: []layout.Block{layout.Paragraph{Text: runs}}}, layout.Callout{Label: text, Lead: runs, Blocks: []layout.Block{layout.Table{Align: []layout.Align{layout.AlignCenter}, Rows: []layout.TableRow{{Cells: []layout.TableCell{{Text: runs}}}}}}},
		layout.Code{Text: text + "\n\t" + text}, layout.Rule{}, layout.AnswerLines{Count: 2}, layout.PageBreak{},
		layout.Glossary{Entries: []layout.GlossaryEntry{{Term: runs, Definitions: [][]layout.Block{{layout.Paragraph{Text: runs}}}}, {Definitions: [][]layout.Block{{layout.Code{Text: text}}}}}},
	)
	doc.Sections = []layout.Section{
		{Index: 0, ID: "s", Kind: "custom", Title: text, Markdown: md, Blocks: blocks},
		{Index: -1, ID: "sources", Kind: "sources", Title: "Sources", Blocks: []layout.Block{layout.SourceList{Items: []layout.Source{{Title: text, Publisher: text, Date: text, URL: "https://example.com/" + text}, {Title: text, URL: "javascript:" + text}}}}},
	}
	return doc
}

// hostileTexts are strings that have broken XML writers: control
// characters, a CDATA end, markup, bidi controls, noncharacters, emoji,
// invalid UTF-8.
var hostileTexts = []string{
	"plain",
	"a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh",
	"]]> <![CDATA[ x ]]> </w:t></w:r></w:p>",
	`<script>&amp;&#0;&#x1; "quoted" 'single'`,
	"\u202Eevil\u202C \u200E\u200F\u2066isolate\u2069 \u061C",
	"\uFFFE\uFFFF\uFEFF zero\u200Bwidth",
	"emoji 😀👩‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
	"bad utf8 \xff\xfe\xc3\x28 end",
	"tab\tline\nreturn\r\nend",
	"",
}

func TestWriteDocxNeverWritesInvalidXML(t *testing.T) {
	for _, text := range hostileTexts {
		for _, cover := range []bool{true, false} {
			var buf bytes.Buffer
			if err := WriteDocx(hostileDoc(text, "# "+text+"\n\n- "+text+"\n\n> [!NOTE]\n> "+text+"\n", cover), &buf); err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			parts := docxParts(t, buf.Bytes())
			doc := parts["word/document.xml"]
			if strings.ContainsAny(doc, "\x00\x01\x7f") && !strings.Contains(text, "\x7f") {
				t.Errorf("%q: control characters reached document.xml", text)
			}
		}
	}
}

func TestWriteDocxIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteDocx(hostileDoc("same", "text", true), &a); err != nil {
		t.Fatal(err)
	}
	if err := WriteDocx(hostileDoc("same", "text", true), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same document gave different bytes")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %s, want [Content_Types].xml", zr.File[0].Name)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v, want the document's date", f.Name, f.Modified)
		}
	}
}

func TestWriteDocxUsesWordStylesAndFields(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDocx(hostileDoc("x", "# Inner\n\n1. one\n2. two\n", true), &buf); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, buf.Bytes())
	doc, hdr, ftr := parts["word/document.xml"], parts["word/header1.xml"], parts["word/footer1.xml"]
	for _, want := range []string{`w:val="Title"`, `w:val="Heading1"`, `w:val="Heading2"`, `w:val="ListBullet"`, `w:val="ListNumber"`, `w:val="Quote"`, `<w:tblHeader/>`, `w:val="Hyperlink"`, ` TOC \o`, ` PAGEREF _TocSection1 `, `<w:pageBreakBefore/>`, `w:val="AnswerLine"`, `w:val="GlossaryTerm"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml has no %s", want)
		}
	}
	for _, want := range []string{` PAGE `, ` NUMPAGES `, `w:val="Marking"`, "Prepared for x"} {
		if !strings.Contains(ftr, want) {
			t.Errorf("footer has no %s", want)
		}
	}
	if !strings.Contains(hdr, `w:val="Marking"`) {
		t.Error("header has no marking")
	}
	if strings.Contains(parts["word/_rels/document.xml.rels"], "javascript:") {
		t.Error("a javascript: address became a link")
	}
	for _, want := range []string{`<w:pgSz w:w="12240" w:h="15840"/>`, `w:left="`} {
		if !strings.Contains(doc, want) {
			t.Errorf("page setup has no %s", want)
		}
	}
}

func FuzzWriteDocx(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, "# "+s+"\n\n| a | b |\n|---|---|\n| "+s+" | |\n")
	}
	f.Add("x", "> [!TAKEAWAY]\n> y\n\n```lines 3\n```\n\nTerm\n: def\n\n<!-- pagebreak -->\n\n1) a\n   - b\n     - c\n")
	f.Fuzz(func(t *testing.T, text, md string) {
		if len(md) > 4000 || len(text) > 400 {
			return
		}
		var buf bytes.Buffer
		if err := WriteDocx(hostileDoc(text, md, len(text)%2 == 0), &buf); err != nil {
			t.Fatal(err)
		}
		docxParts(t, buf.Bytes())
	})
}
