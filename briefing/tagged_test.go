package briefing

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/internal/pdfua"
)

// checkTagged runs the PDF/UA checks on the file at path, failing t for
// each checkpoint missed, and returns how its painting is marked.
func checkTagged(t *testing.T, path string) pdfua.Counts {
	t.Helper()
	r, err := pdfua.CheckFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Failures {
		t.Error(f)
	}
	return r.Counts
}

// Every export is tagged: the three samples, in Letter and A4, have a
// structure tree of their real headings, lists, tables and (in the client
// brief) the logo as a figure; the handling marking, page numbers and
// watermark are artifacts, absent from the tree; every painting operator
// is in marked content.
func TestSamplesAreTaggedPDF(t *testing.T) {
	lib := builtinLibrary(t)
	for _, name := range []string{"staff", "classroom", "client"} {
		for _, size := range []PageSize{Letter, A4} {
			t.Run(name+"-"+string(size), func(t *testing.T) {
				data, err := fs.ReadFile(assets.Samples, name+".briefing")
				if err != nil {
					t.Fatal(err)
				}
				p, err := DecodePacket(name, data)
				if err != nil {
					t.Fatal(err)
				}
				p.Style.PageSize = size
				data, _, err = RenderPacket(lib, p, name+".briefing")
				if err != nil {
					t.Fatal(err)
				}
				path := writePDF(t, data)
				tool(t, "qpdf", "--check", path)
				info := tool(t, "pdfinfo", path)
				if !strings.Contains(info, "Tagged:          yes") || !strings.Contains(info, "PDF version:     1.7") {
					t.Errorf("pdfinfo:\n%s", info)
				}
				tree := tool(t, "pdfinfo", "-struct-text", path)
				doc, _ := Resolve(lib, p, name)
				for _, s := range doc.Sections {
					if !strings.Contains(tree, "H1 (block)\n      \""+s.Title) {
						t.Errorf("section title %q is not an H1 in the tree", s.Title)
					}
				}
				for _, want := range []string{"Document", "Sect", "P (block)", "LI (block)", "Lbl (block)", "LBody (block)"} {
					if !strings.Contains(tree, want) {
						t.Errorf("tree lacks %s", want)
					}
				}
				if strings.Contains(tree, "Syntax Error") {
					t.Errorf("poppler could not read the tree")
				}
				// The running marking and the watermark on every page are
				// furniture, but a listener hears each once, first (the
				// memo's marking and DRAFT were never spoken); a cover
				// states the marking as a labelled field instead.
				if n := strings.Count(tree, p.Marking); p.Marking != "" && n != 1 {
					t.Errorf("the marking %q is in the structure tree %d times, want once", p.Marking, n)
				}
				if n := strings.Count(tree, `"`+p.Watermark+` "`); p.Watermark != "" && n != 1 {
					t.Errorf("the watermark %q is in the structure tree %d times, want once", p.Watermark, n)
				}
				if !p.Style.Cover && p.Marking != "" {
					head := "Document\n  P (block)\n    \"" + p.Marking + " \"\n"
					if p.Watermark != "" {
						head += "  P (block)\n    \"" + p.Watermark + " \"\n"
					}
					if !strings.HasPrefix(tree, head) {
						t.Errorf("the tree does not start with the marking and watermark:\n%.300s", tree)
					}
				}
				if strings.Contains(tree, "Page 1 of") {
					t.Error("page numbers are in the structure tree")
				}
				if name == "client" && !strings.Contains(tree, "Figure") {
					t.Error("the logo is not a Figure")
				}
				if name != "staff" && !strings.Contains(tree, "TH") {
					t.Error("no table header cells")
				}
				c := checkTagged(t, path)
				if c.Tagged == 0 || c.Artifact == 0 {
					t.Errorf("counts: %+v", c)
				}
				t.Logf("%d tagged and %d artifact painting operators, %d untagged", c.Tagged, c.Artifact, c.Untagged)
			})
		}
	}
}

// The text a screen reader gets from the structure tree has no spaces
// inside words: every run was written with a trailing space, so where
// bold, italic, a link or a fallback font started mid-word the tagged
// text read "bold ness", "un believ able" and, before punctuation,
// "chains ,". Words still end in spaces, also at line ends, so lines do
// not run together.
func TestTaggedTextHasNoSpacesInsideWords(t *testing.T) {
	lib := builtinLibrary(t)
	body := "Some **bold**ness, un*believ*able text and [supply chains](https://example.org/chains), " +
		"an arrow→inside and ☐box here. " + strings.Repeat("Filler words run on to wrap the line again. ", 12) +
		"The last words."
	p := oneSectionPacket("Words", body)
	data, _, err := RenderPacket(lib, p, "words.briefing")
	if err != nil {
		t.Fatal(err)
	}
	tree := tool(t, "pdfinfo", "-struct-text", writePDF(t, data))
	var text strings.Builder
	for _, line := range strings.Split(tree, "\n") {
		if s := strings.TrimSpace(line); strings.HasPrefix(s, `"`) {
			text.WriteString(strings.Trim(s, `"`))
		}
	}
	got := text.String()
	for _, want := range []string{"boldness,", "unbelievable", "supply chains,", "arrow→inside", "☐box", "again. Filler", "The last words."} {
		if !strings.Contains(got, want) {
			t.Errorf("the tagged text lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"bold ness", "un believ", "chains ,", "again.Filler", "wordsrun"} {
		if strings.Contains(got, bad) {
			t.Errorf("the tagged text reads %q", bad)
		}
	}
}

// Headings in the structure tree and the Word file never skip a level:
// "####" straight after "#" was tagged H5 after H2 (validate warned, but
// the tags kept the gap), and was Heading 5 under Heading 2 in Word.
func TestHeadingLevelsNeverSkipInTheTags(t *testing.T) {
	lib := builtinLibrary(t)
	body := "# Top\n\nText.\n\n#### Deep\n\nMore text.\n\n## Next\n\nEnd."
	p := oneSectionPacket("Levels", body)
	data, _, err := RenderPacket(lib, p, "levels.briefing")
	if err != nil {
		t.Fatal(err)
	}
	tree := tool(t, "pdfinfo", "-struct-text", writePDF(t, data))
	var levels []string
	for _, line := range strings.Split(tree, "\n") {
		if s := strings.TrimSpace(line); len(s) > 2 && s[0] == 'H' && s[1] >= '1' && s[1] <= '6' && strings.HasPrefix(s[2:], " (block)") {
			levels = append(levels, s[:2])
		}
	}
	if got := strings.Join(levels, " "); !strings.HasSuffix(got, " H1 H2 H3 H3") {
		t.Errorf("heading tags %q, want … H1 H2 H3 H3 (the section title, #, ####, ##)", got)
	}
	docx, _, err := RenderPacketDocx(lib, p, "levels.briefing")
	if err != nil {
		t.Fatal(err)
	}
	xml := checkDocxPackage(t, docx)["word/document.xml"]
	var styles []string
	for _, m := range regexp.MustCompile(`w:pStyle w:val="(Heading\d)"`).FindAllSubmatch(xml, -1) {
		styles = append(styles, string(m[1]))
	}
	if got := strings.Join(styles, " "); !strings.HasSuffix(got, "Heading1 Heading2 Heading3 Heading3") {
		t.Errorf("Word heading styles %q, want … Heading1 Heading2 Heading3 Heading3", got)
	}
}

// Lists say what their labels are (PDF/UA asks for ListNumbering where an
// L has Lbl children: Decimal for numbers, Disc or Circle for bullets, the
// numbered sources Decimal), and every Note has an ID of its own (7.9-1);
// the ID is the element's own, so a note continued on the next page (a
// second element) has its own too.
func TestListsSayTheirNumberingAndNotesHaveIDs(t *testing.T) {
	lib := builtinLibrary(t)
	long := strings.Repeat("A long note that runs on and on to fill the foot of the page. ", 40)
	body := "1. First\n2. Second\n   - inner\n     - innermost\n\n- bullet\n\nA claim.[^1] Another.[^2] " +
		strings.Repeat("Body text to fill the page. ", 180) + "\n\n[^1]: " + long + "\n[^2]: Short note.\n\nCited [@article]."
	p := NewPacket(Staff)
	p.Title = "Lists"
	p.Sections = []SectionRef{{Template: "background", Included: true}, {Template: "blank", Title: "Lists", Included: true, Body: &body}}
	data, _, err := RenderPacket(lib, p, "lists.briefing")
	if err != nil {
		t.Fatal(err)
	}
	o := qpdfObjects(t, writePDF(t, data))
	numbering := map[string]int{}
	ids := map[string]bool{}
	notes := 0
	for _, ref := range o.sorted() {
		v := o.value(ref)
		switch v["/S"] {
		case "/L":
			a, _ := v["/A"].(map[string]any)
			if a == nil || a["/O"] != "/List" {
				t.Errorf("list %s has no list attributes: %v", ref, v["/A"])
				continue
			}
			n, _ := a["/ListNumbering"].(string)
			numbering[n]++
		case "/Note":
			notes++
			id, _ := v["/ID"].(string)
			if id == "" || ids[id] {
				t.Errorf("note %s has the ID %q (empty or used twice)", ref, id)
			}
			ids[id] = true
		}
	}
	if numbering["/Decimal"] < 2 || numbering["/Disc"] < 2 || numbering["/Circle"] < 1 {
		t.Errorf("list numbering: %v; want the numbered list and the sources Decimal, bullets Disc, the third level Circle", numbering)
	}
	if notes < 2 {
		t.Errorf("%d Note elements; want the two notes", notes)
	}
}

// A logo without a description is decoration, not a Figure with an empty
// /Alt (PDF/UA 7.3-1, which the file claims): an artifact in the PDF and
// marked decorative in Word, with the warning asking for a description
// kept.
func TestALogoWithoutADescriptionIsDecoration(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "client.briefing")
	if len(p.Style.Logo) == 0 {
		t.Fatal("the client sample has no logo")
	}
	p.Style.LogoDescription = ""
	data, probs, err := RenderPacket(lib, p, "client.briefing")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(probs.Warnings.Error(), "logo has no description, so it is printed as decoration") {
		t.Errorf("no warning about the missing description: %v", probs)
	}
	path := writePDF(t, data)
	tree := tool(t, "pdfinfo", "-struct-text", path)
	if strings.Contains(tree, "Figure") {
		t.Error("a logo without a description is a Figure")
	}
	if c := checkTagged(t, path); c.Untagged != 0 {
		t.Errorf("%d painting operators are neither tagged nor artifacts", c.Untagged)
	}
	docx, _, err := RenderPacketDocx(lib, p, "client.briefing")
	if err != nil {
		t.Fatal(err)
	}
	decorative := false
	for _, x := range checkDocxPackage(t, docx) {
		if strings.Contains(string(x), `<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>`) {
			decorative = true
		}
	}
	if !decorative {
		t.Error("the Word file does not mark the logo decorative")
	}
}

// The contents page's structure is as ISO 32000-1 Table 333 describes: the
// "Contents" heading before the TOC (it sat inside), the TOC holding only
// TOCI entries, each entry its Reference (the linked title) and then its
// page number (each TOCI held a Link directly).
func TestTheContentsAreATOCOfEntries(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "client.briefing")
	if !p.Style.TOC {
		t.Fatal("the client sample has no contents")
	}
	data, _, err := RenderPacket(lib, p, "client.briefing")
	if err != nil {
		t.Fatal(err)
	}
	tree := tool(t, "pdfinfo", "-struct-text", writePDF(t, data))
	lines := strings.Split(tree, "\n")
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	at := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "TOC" {
			at = i
			break
		}
	}
	if at < 2 || !strings.Contains(lines[at-2], "H2") || !strings.Contains(lines[at-1], `"Contents `) {
		t.Fatalf("the TOC is not preceded by its heading:\n%s", strings.Join(lines[max(at-3, 0):at+1], "\n"))
	}
	top := indent(lines[at])
	entries := 0
	for i := at + 1; i < len(lines) && indent(lines[i]) > top; i++ {
		l := lines[i]
		switch indent(l) - top {
		case 2: // the TOC's children
			if strings.TrimSpace(l) != "TOCI" {
				t.Errorf("the TOC holds %q", strings.TrimSpace(l))
			}
			entries++
			if i+2 >= len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "Reference") || !strings.HasPrefix(strings.TrimSpace(lines[i+2]), "Link") {
				t.Errorf("entry %d does not start with a Reference holding a Link", entries)
			}
		}
	}
	if entries < 5 {
		t.Errorf("%d entries in the TOC", entries)
	}
}

// oneSectionPacket is a staff packet titled title holding one section of
// the user's own text.
func oneSectionPacket(title, body string) *Packet {
	p := NewPacket(Staff)
	p.Title = title
	p.Sections = []SectionRef{{Template: "blank", Title: title, Included: true, Body: &body}}
	return p
}
