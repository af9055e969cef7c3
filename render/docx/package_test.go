package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/render/layout"
)

// checkPackage checks what Word checks before it offers to "repair" a
// file: every part has a content type, every internal relationship's
// target is in the package, and every relationship id a part uses
// (r:id, r:embed) is one of that part's own relationships. It returns
// the problems found, one a line.
func checkPackage(t testing.TB, data []byte) []string {
	t.Helper()
	parts := docxParts(t, data)
	var probs []string
	types := parts["[Content_Types].xml"]
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		ext := path.Ext(name)
		if !strings.Contains(types, `PartName="/`+name+`"`) && !strings.Contains(types, `Extension="`+strings.TrimPrefix(ext, ".")+`"`) {
			probs = append(probs, name+": no content type")
		}
	}
	for name, body := range parts {
		if !strings.HasSuffix(name, ".xml") || strings.HasPrefix(name, "[") {
			continue
		}
		dir, file := path.Split(name)
		relsName := dir + "_rels/" + file + ".rels"
		ids := map[string]bool{}
		if rels, ok := parts[relsName]; ok {
			for _, r := range relationships(t, rels) {
				ids[r.ID] = true
				if r.Mode == "External" {
					continue
				}
				target := path.Clean(path.Join(dir, r.Target))
				if strings.HasPrefix(r.Target, "/") {
					target = strings.TrimPrefix(r.Target, "/")
				}
				if _, ok := parts[target]; !ok {
					probs = append(probs, relsName+": "+r.ID+" points at "+target+", which is not in the package")
				}
			}
		}
		for _, id := range relIDsUsed(t, body) {
			if !ids[id] {
				probs = append(probs, name+" uses relationship "+id+", which "+relsName+" does not define")
			}
		}
	}
	return probs
}

// pkgRel is one Relationship element.
type pkgRel struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

func relationships(t testing.TB, rels string) []pkgRel {
	var v struct {
		Rels []pkgRel `xml:"Relationship"`
	}
	if err := xml.Unmarshal([]byte(rels), &v); err != nil {
		t.Fatalf("relationships: %v", err)
	}
	return v.Rels
}

// relIDsUsed lists the values of every attribute in the relationships
// namespace (r:id, r:embed, r:link) in an XML part.
func relIDsUsed(t testing.TB, body string) []string {
	dec := xml.NewDecoder(strings.NewReader(body))
	var out []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			seen := map[xml.Name]bool{}
			for _, a := range se.Attr {
				if seen[a.Name] {
					// encoding/xml lets a repeated attribute through;
					// XML forbids it and LibreOffice refuses the file.
					t.Errorf("<%s> repeats the attribute %s", se.Name.Local, a.Name.Local)
				}
				seen[a.Name] = true
				if a.Name.Space == nsR {
					out = append(out, a.Value)
				}
			}
		}
	}
}

func TestFootnoteLinksHaveTheirOwnRelationships(t *testing.T) {
	md := "Text with a note[^a] and [a body link](https://example.org/body).\n\n[^a]: See [the report](https://example.org/report).\n"
	doc := hostileDoc("x", "", false)
	blocks := layout.ParseMarkdown(md)
	doc.Sections = []layout.Section{{ID: "s", Title: "Notes", Blocks: blocks}}
	var buf bytes.Buffer
	if err := WriteDocx(doc, &buf); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, buf.Bytes())
	if !strings.Contains(parts["word/footnotes.xml"], "<w:hyperlink") {
		t.Fatal("the footnote's link is not a hyperlink")
	}
	if !strings.Contains(parts["word/_rels/footnotes.xml.rels"], "https://example.org/report") {
		t.Error("footnotes.xml.rels does not hold the footnote's address")
	}
	for _, p := range checkPackage(t, buf.Bytes()) {
		t.Error(p)
	}
}

func TestEveryRelationshipResolves(t *testing.T) {
	for _, text := range hostileTexts {
		for _, cover := range []bool{true, false} {
			var buf bytes.Buffer
			md := "# " + text + "\n\nA note[^n] [link](https://example.org/" + text + ").\n\n[^n]: " + text + " [there](https://example.org/n).\n"
			if err := WriteDocx(hostileDoc(text, md, cover), &buf); err != nil {
				t.Fatal(err)
			}
			for _, p := range checkPackage(t, buf.Bytes()) {
				t.Errorf("%q: %s", text, p)
			}
		}
	}
}

func TestPropertiesNameTheProgramOnce(t *testing.T) {
	doc := hostileDoc("x", "", false)
	doc.Meta.Producer = "Briefsmith 0.1.0"
	var buf bytes.Buffer
	if err := WriteDocx(doc, &buf); err != nil {
		t.Fatal(err)
	}
	app := docxParts(t, buf.Bytes())["docProps/app.xml"]
	for _, want := range []string{"<Application>Briefsmith</Application>", "<AppVersion>00.0100</AppVersion>"} {
		if !strings.Contains(app, want) {
			t.Errorf("app.xml has no %s:\n%s", want, app)
		}
	}
}

func TestWordFacesAreNamedAndLibreOfficeSetsLiberation(t *testing.T) {
	data := docxOf(t, "Serif text with `mono code`.\n\n## A sans heading\n")
	parts := docxParts(t, data)
	for _, face := range []string{"Times New Roman", "Arial", "Courier New"} {
		if !strings.Contains(parts["word/styles.xml"], `w:ascii="`+face+`"`) {
			t.Errorf("styles.xml does not name %s", face)
		}
	}
	if strings.Contains(parts["word/styles.xml"]+parts["word/document.xml"], `w:ascii="Liberation`) {
		t.Error("runs name a Liberation face, which a stock Windows machine lacks")
	}
	fonts := officePDFs(t, map[string][]byte{"faces": data})["faces"].fonts
	for _, face := range []string{"LiberationSerif", "LiberationSans-Bold", "LiberationMono"} {
		if !strings.Contains(fonts, face) {
			t.Errorf("LibreOffice did not set %s (metric-compatible with the named face):\n%s", face, fonts)
		}
	}
}
