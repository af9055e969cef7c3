package briefing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/render/markdown"
)

// A section or a passage in another language says so in every output: a
// Sect or Span with /Lang in the PDF's structure (a screen reader then
// reads it with that language's voice), w:lang on the Word runs, and the
// span or heading attribute in the Markdown. A tag that names no
// language is an error naming the section and line.
func TestPassagesAndSectionsInAnotherLanguage(t *testing.T) {
	lib := builtinLibrary(t)
	p := oneSectionPacket("Languages", "The motto, [*Liberté*, égalité, fraternité]{lang=fr}, and [¡Hola!]{lang=es-MX} in one line.")
	french := "Tout le texte de cette section est en français."
	p.Sections = append(p.Sections, SectionRef{Template: "blank", Title: "En français", Included: true, Body: &french, Language: "fr-CA"})

	data, _, err := RenderPacket(lib, p, "lang.briefing")
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, data)
	checkTagged(t, path)
	o := qpdfObjects(t, path)
	langs := map[string]string{} // structure type → its /Lang, one each
	for _, ref := range o.sorted() {
		v := o.value(ref)
		if l, ok := v["/Lang"].(string); ok && v["/Type"] == "/StructElem" {
			langs[v["/S"].(string)+" "+strings.TrimPrefix(l, "u:")] = ref
		}
	}
	for _, want := range []string{"/Span fr", "/Span es-MX", "/Sect fr-CA"} {
		if langs[want] == "" {
			t.Errorf("no %s element in the structure; elements with /Lang: %v", want, langs)
		}
	}
	tree := tool(t, "pdfinfo", "-struct-text", path)
	if !strings.Contains(tree, "Liberté") || !strings.Contains(tree, "¡Hola!") {
		t.Errorf("the passages' text is not in the tree:\n%s", tree)
	}

	docx, _, err := RenderPacketDocx(lib, p, "lang.briefing")
	if err != nil {
		t.Fatal(err)
	}
	xml := string(checkDocxPackage(t, docx)["word/document.xml"])
	for _, want := range []string{`<w:lang w:val="fr"/></w:rPr><w:t xml:space="preserve">, égalité, fraternité`, `<w:lang w:val="es-MX"/>`, `<w:lang w:val="fr-CA"/></w:rPr><w:t xml:space="preserve">Tout le texte`} {
		if !strings.Contains(xml, want) {
			t.Errorf("the Word document lacks %s", want)
		}
	}

	var md bytes.Buffer
	doc, _ := Resolve(lib, p, "lang.briefing")
	if err := markdown.WriteMarkdown(&md, doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[*Liberté*, égalité, fraternité]{lang=fr}", "[¡Hola!]{lang=es-MX}", "## En français {lang=fr-CA}"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md.String())
		}
	}

	bad := "Line one.\n\nA [passage]{lang=zz-ZZ-9} here."
	p.Sections[0].Body = &bad
	p.Sections[1].Language = "klingon tongue"
	_, probs := Resolve(lib, p, "lang.briefing")
	got := probs.Errors().Error()
	for _, want := range []string{`section 1 "Languages", line 3: the language of the passage marked {lang=zz-ZZ-9}`, `section 2 "En français": its language:`} {
		if !strings.Contains(got, want) {
			t.Errorf("no error %q in:\n%s", want, got)
		}
	}
}
