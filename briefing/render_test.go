package briefing

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/pdf"

	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
)

func loadSample(t *testing.T) *Packet {
	t.Helper()
	p, err := DecodePacket("sample", assets.Sample())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func renderPacket(t *testing.T, p *Packet) ([]byte, layout.Info) {
	t.Helper()
	data, res, err := RenderPacket(builtinLibrary(t), p, "test.briefing")
	if err != nil {
		t.Fatal(err)
	}
	return data, res.Info
}

// subsetName is how a subset font is named (ISO 32000-1, 9.6.4).
var subsetName = regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z]+(-[A-Za-z]+)?$`)

// The sample memo stays within issue 6's 120 KB with its five faces
// subset and its structure tagged: the structure's few hundred small
// dictionaries go into compressed object streams (render/pdf/objstm.go),
// and qpdf and Ghostscript read the file as it is.
func TestTheSampleMemoIsSmall(t *testing.T) {
	data, _ := renderPacket(t, loadSample(t))
	if len(data) > 120_000 {
		t.Errorf("the sample memo is %d bytes, over 120 KB", len(data))
	}
	path := writePDF(t, data)
	tool(t, "qpdf", "--check", path)
	if out := tool(t, "qpdf", "--show-object=trailer", path); !strings.Contains(out, "/Type /XRef") {
		t.Errorf("the update ends in no cross-reference stream: %s", out)
	}
	if out := tool(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", path); strings.TrimSpace(out) != "" {
		t.Errorf("Ghostscript reports: %s", out)
	}
}

func TestSamplePDFPassesRealTools(t *testing.T) {
	for _, tc := range []struct{ size, pdfinfo string }{
		{"letter", "612 x 792 pts (letter)"},
		{"a4", "595.28 x 841.89 pts (A4)"},
	} {
		t.Run(tc.size, func(t *testing.T) {
			p := loadSample(t)
			p.Style.PageSize = PageSize(tc.size)
			data, info := renderPacket(t, p)
			path := writePDF(t, data)
			tool(t, "qpdf", "--check", path)

			meta := tool(t, "pdfinfo", path)
			for _, want := range []string{
				"Title:           " + p.Title, "Author:          " + p.Author,
				"Creator:         Briefsmith", "Page size:       " + tc.pdfinfo,
				fmt.Sprintf("Pages:           %d", info.Pages),
			} {
				if !strings.Contains(meta, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, meta)
				}
			}

			fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")[2:]
			if len(fonts) < 3 {
				t.Errorf("only %d fonts", len(fonts))
			}
			for _, f := range fonts {
				if fields := strings.Fields(f); len(fields) < 7 || fields[len(fields)-5] != "yes" {
					t.Errorf("font not embedded: %s", f)
				}
				// Only the glyphs used are embedded, and the name says so:
				// a six-letter tag before the PostScript name.
				if fields := strings.Fields(f); len(fields) < 7 || fields[len(fields)-4] != "yes" || !subsetName.MatchString(fields[0]) {
					t.Errorf("font not named as a subset: %s", f)
				}
			}

			pages := pdfPages(t, path)
			if len(pages) != info.Pages {
				t.Fatalf("pdftotext found %d pages, Render said %d", len(pages), info.Pages)
			}
			for i, pg := range pages {
				lines := nonBlankLines(pg)
				// The first page's marking is followed by the watermark's
				// word, there as text a listener hears (drawn as outlines).
				top := "UNCLASSIFIED"
				if i == 0 {
					top = "UNCLASSIFIED DRAFT"
				}
				if lines[0] != top || lines[len(lines)-1] != "UNCLASSIFIED" {
					t.Errorf("page %d: marking not first and last line: %q … %q", i+1, lines[0], lines[len(lines)-1])
				}
				if want := fmt.Sprintf("Page %d of %d", i+1, info.Pages); !strings.Contains(pg, want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
			}
			// The watermark is on every page, drawn last as an artifact made
			// of glyph outlines, so no text tool reads its letters into the
			// body.
			o := qpdfObjects(t, path)
			for i, page := range o.pages {
				content := o.data(o.value(page)["/Contents"].(string))
				at := strings.LastIndex(content, "/Subtype /Watermark>> BDC")
				if at < 0 || !strings.Contains(content[at:], "\nf") {
					t.Errorf("page %d: no watermark artifact with filled outlines", i+1)
				}
			}
			for i, pg := range pdfPages(t, path, "-raw") {
				lines := nonBlankLines(pg)
				if got := strings.Join(lines[max(0, len(lines)-5):], ""); strings.Contains(got, "DRAFT") || strings.Contains(pg, "\nD\nR\n") {
					t.Errorf("page %d: watermark letters in the text: %q", i+1, got)
				}
			}

			// Every section heading, in order.
			all := strings.Join(pages, "\n")
			at := 0
			for _, h := range staffHeadings {
				i := strings.Index(all[at:], "\n"+h+"\n")
				if i < 0 {
					t.Errorf("heading %q missing or out of order", h)
					continue
				}
				at += i + 1
			}
		})
	}
}

// staffHeadings are the staff sample's sections as the memo prints them.
var staffHeadings = []string{"Bottom Line Up Front", "Key Provisions", "Background", "International Comparison",
	"Implications for the Office", "What Happens Next", "Questions for Agency Officials", "Talking Points", "Sources"}

func nonBlankLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

func TestOutlineAndContentsAgreeOnPages(t *testing.T) {
	p := loadSample(t)
	p.Style.Cover, p.Style.TOC = true, true
	data, info := renderPacket(t, p)
	path := writePDF(t, data)
	outline := pdfOutline(t, path)
	var titles []string
	for _, o := range outline {
		titles = append(titles, o.Title)
	}
	want := strings.Join(staffHeadings, "|")
	if got := strings.Join(titles, "|"); got != want {
		t.Fatalf("outline = %s\nwant      %s", got, want)
	}
	if len(outline[1].Kids) == 0 || outline[1].Kids[0].Title != "What the order does not include" {
		t.Errorf("subheadings missing from the outline: %+v", outline[1].Kids)
	}
	contents := pdfPages(t, path, "-nodiag", "-layout")[0]
	pageH := fpdfSize(p.Style.PageSize).Ht
	for _, o := range outline {
		// The contents line "Title .... page" must name the page the
		// bookmark jumps to (unnumbered, as the body's section titles).
		re := regexp.MustCompile(fmt.Sprintf(`(?m)^\s*%s\s+(\d+)\s*$`, regexp.QuoteMeta(o.Title)))
		m := re.FindStringSubmatch(contents)
		if m == nil {
			t.Errorf("contents entry for %q not found in:\n%s", o.Title, contents)
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n != o.Page || n < 2 || n > info.Pages {
			t.Errorf("%q: contents says page %s, bookmark goes to %d", o.Title, m[1], o.Page)
		}
		// No section title stranded at the foot of a page: at least three
		// body lines of room below it.
		y, _ := o.Dest[3].(float64)
		if top := pageH - y; top > pageH-64-3*p.Style.FontSize*1.4-16 {
			t.Errorf("%q starts %.0fpt from the top of page %d: stranded", o.Title, top, o.Page)
		}
	}
}

func TestSamePacketGivesIdenticalBytes(t *testing.T) {
	a, _ := renderPacket(t, loadSample(t))
	b, _ := renderPacket(t, loadSample(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same packet differ")
	}
	p := loadSample(t)
	p.Date = "2026-12-01"
	c, _ := renderPacket(t, p)
	if bytes.Equal(a, c) {
		t.Fatal("changing the date did not change the PDF")
	}
}

func TestUnicodeTextSurvives(t *testing.T) {
	p := loadSample(t)
	body := "Greek: Ελληνικά. Cyrillic: Русский. Quotes: “double” ‘single’ — dash • bullet.\n\n" +
		"Boxes: ☐ open ✓ done → next. Vietnamese, decomposed: Tie\u0302\u0301ng Vie\u0323\u0302t. Armenian: Հայերեն. Georgian: ქართული.\n"
	p.Sections = []SectionRef{{Template: "scope", Title: "Ünïcödé — tëst", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	for _, want := range []string{"Ελληνικά", "Русский", "“double”", "‘single’", "— dash", "• bullet", "☐ open ✓ done → next",
		"Tiếng Việt", "Հայերեն", "ქართული", "Ünïcödé — tëst"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if fonts := tool(t, "pdffonts", path); !strings.Contains(fonts, "+DejaVuSans") {
		t.Errorf("fallback font not used for ✓ and Georgian:\n%s", fonts)
	}
}

func TestOnlyWebAndMailLinksAreClickable(t *testing.T) {
	p := loadSample(t)
	body := "[site](https://example.org/page) [mail](mailto:staff@example.org) " +
		"[secret](file:///etc/passwd) [script](javascript:alert(1)) <https://example.net/auto>\n"
	p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	uris := strings.Join(pdfURIs(t, path), " ")
	for _, want := range []string{"https://example.org/page", "mailto:staff@example.org", "https://example.net/auto"} {
		if !strings.Contains(uris, want) {
			t.Errorf("link %q not clickable; links: %s", want, uris)
		}
	}
	for _, bad := range []string{"file:", "javascript:"} {
		if strings.Contains(uris, bad) {
			t.Errorf("unsafe link %q made clickable", bad)
		}
	}
	text := tool(t, "pdftotext", path, "-")
	if !strings.Contains(text, "secret (file:///etc/passwd)") {
		t.Error("an unsafe link's target is not printed as text")
	}
}

func TestTextStaysInsideTheMargins(t *testing.T) {
	for _, size := range []string{"letter", "a4"} {
		p := loadSample(t)
		p.Style.PageSize = PageSize(size)
		p.Watermark = "" // rotated text has a page-wide box
		long := "A table with long cells:\n\n| Term | Meaning |\n|---|---|\n| " + strings.Repeat("supercalifragilistic", 6) +
			" | " + strings.Repeat("word ", 80) + "|\n\nA URL: https://example.org/" + strings.Repeat("x", 150) + "\n"
		p.Sections = append(p.Sections, SectionRef{Template: "scope", Title: "Overflow check", Body: &long, Included: true})
		data, _ := renderPacket(t, p)
		path := writePDF(t, data)
		box := tool(t, "pdftotext", "-bbox", path, "-")
		size := fpdfSize(PageSize(size))
		re := regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`)
		for _, m := range re.FindAllStringSubmatch(box, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			if x0 < 64-1 || x1 > size.Wd-64+1 {
				t.Errorf("%s: word %q spans x %.1f–%.1f, outside the margins", p.Style.PageSize, m[5], x0, x1)
			}
		}
	}
}

func TestLogoIsEmbedded(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.RGBA{200, 30, 40, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p := loadSample(t)
	p.Style.Logo = buf.Bytes()
	data, _ := renderPacket(t, p)
	list := tool(t, "pdfimages", "-list", writePDF(t, data))
	if !strings.Contains(list, "   40    20 ") {
		t.Errorf("40×20 logo not in the PDF:\n%s", list)
	}
}

func TestCoverAndContentsCanBeTurnedOff(t *testing.T) {
	p := loadSample(t)
	p.Style.Cover, p.Style.TOC = true, true
	_, with := renderPacket(t, p)
	p.Style.Cover, p.Style.TOC = false, false
	data, without := renderPacket(t, p)
	if without.Pages >= with.Pages {
		t.Errorf("pages with cover %d, without %d", with.Pages, without.Pages)
	}
	first := pdfPages(t, writePDF(t, data))[0]
	if strings.Contains(first, "Contents") || !strings.Contains(first, "Bottom Line Up Front") || !strings.Contains(first, "FROM") {
		t.Errorf("first page without cover and contents:\n%s", first)
	}
}

func TestPaginateCountsWhatRenderPrints(t *testing.T) {
	lib := builtinLibrary(t)
	for _, p := range []*Packet{loadSample(t), loadSampleNamed(t, "client.briefing"), syntheticPacket(t, lib, 60)} {
		doc, probs := Resolve(lib, p, "x")
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		quick, err := layout.Paginate(doc)
		if err != nil {
			t.Fatal(err)
		}
		data, full := renderPacket(t, p)
		if quick.Pages != full.Pages || strings.Join(quick.Outline, "|") != strings.Join(full.Outline, "|") {
			t.Errorf("%s: Paginate %d pages, Render %d", p.Audience, quick.Pages, full.Pages)
		}
		if n := len(pdfPages(t, writePDF(t, data))); n != full.Pages {
			t.Errorf("PDF has %d pages, Render said %d", n, full.Pages)
		}
	}
}

// The app counts pages in the background while an export may be running:
// the shared font metrics and glyph coverage must be safe to use at once.
func TestConcurrentLayoutsAgree(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSample(t)
	want := Analyze(lib, p, "x").Pages
	errs := make(chan string, 8)
	for g := 0; g < 4; g++ {
		go func() {
			c := p.Clone()
			if g%2 == 0 {
				if _, _, err := RenderPacket(lib, c, "x"); err != nil {
					errs <- err.Error()
					return
				}
			}
			if got := Analyze(lib, c, "x").Pages; got != want {
				errs <- fmt.Sprintf("got %d pages, want %d", got, want)
				return
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// The page content sets a font only where the face or size changes: it
// once set one for every measured word (3,334 font operators for the
// sample; 128 now).
func TestFontsAreSetOnlyWhenTheyChange(t *testing.T) {
	doc, probs := Resolve(builtinLibrary(t), loadSample(t), "sample")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	var b bytes.Buffer
	if _, err := pdf.RenderUncompressed(doc, &b); err != nil {
		t.Fatal(err)
	}
	ops := regexp.MustCompile(`/F\w+ [\d.]+ Tf`).FindAll(b.Bytes(), -1)
	if len(ops) == 0 || len(ops) > 200 {
		t.Errorf("%d font operators in the sample's pages, want 1–200", len(ops))
	}
}
