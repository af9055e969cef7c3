package pdf

import (
	"bytes"
	"encoding/xml"
	"github.com/briefsmith/briefsmith/render/layout"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// newPDF makes an empty document with doc's metadata, composed (NFC) like
// the text on the pages, dated from the packet so the bytes never depend
// on the clock.
func newPDF(doc *layout.Document) *fpdf.Fpdf {
	m, s := &doc.Meta, &doc.Settings
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: s.PageWidth, Ht: s.PageHeight}, OrientationStr: "P"})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(m.Created)
	pdf.SetModificationDate(m.Created)
	pdf.SetTitle(layout.Normalize(m.Title), true)
	author := m.Author
	if strings.TrimSpace(author) == "" {
		author = m.Organization
	}
	pdf.SetAuthor(layout.Normalize(author), true)
	pdf.SetSubject(layout.Normalize(m.Subject), true)
	pdf.SetKeywords(layout.Normalize(strings.Join(m.Keywords, ", ")), true)
	pdf.SetCreator("Briefsmith", true)
	pdf.SetProducer(m.Producer, true)
	if m.Language != "" {
		pdf.SetLang(m.Language)
	}
	pdf.SetXmpMetadata(xmpMetadata(*m))
	return pdf
}

// pdfSurface draws on an fpdf document; its exported methods implement
// Surface. It never measures text: layout measures with the shared
// metrics, so the page content holds a font operator only where the face
// or size really changes, not one per measured word.
type pdfSurface struct {
	pdf        *fpdf.Fpdf
	tags       *tagger
	registered map[string]bool
	links      map[int]int // layout target → fpdf link id
	logoType   string
	// font is the face and size last set in the content; the zero value
	// means unknown.
	font fontState
}

// fontState is a face and size as the content stream has them.
type fontState struct {
	face layout.Face
	size float64
}

func newPDFSurface(pdf *fpdf.Fpdf) *pdfSurface {
	return &pdfSurface{pdf: pdf, tags: newTagger(pdf.RawWriteStr), registered: map[string]bool{}, links: map[int]int{}}
}

func (s *pdfSurface) AddPage() {
	s.tags.endPage()
	s.pdf.AddPage()
	s.tags.newPage(s.pdf.PageNo())
}

// BeginElement implements Surface.
func (s *pdfSurface) BeginElement(e layout.Element, a layout.Attrs) { s.tags.begin(e, a) }

// EndElement implements Surface.
func (s *pdfSurface) EndElement() { s.tags.end() }

// BeginArtifact implements Surface.
func (s *pdfSurface) BeginArtifact(a layout.Artifact) { s.tags.beginArtifact(a) }

// EndArtifact implements Surface.
func (s *pdfSurface) EndArtifact() { s.tags.endArtifact() }

// setFont registers each face the first time this document uses it, so a
// PDF embeds only the faces it prints, and sets it only when it differs
// from the current one: fpdf writes a font operator on every call.
func (s *pdfSurface) setFont(st layout.Style) {
	f := st.Face()
	key := f.Family + f.Style
	if !s.registered[key] {
		s.pdf.AddUTF8FontFromBytes(f.Family, f.Style, f.TTF())
		s.registered[key] = true
	}
	if cur := (fontState{f, st.Size()}); cur != s.font {
		s.pdf.SetFont(f.Family, f.Style, st.Size())
		s.font = cur
	}
}

// HiddenText writes s in text render mode 3 (neither filled nor
// stroked), as OCR layers do: in the text, invisible on the page.
func (s *pdfSurface) HiddenText(st layout.Style, x, y float64, text string) {
	s.tags.mark()
	s.setFont(st)
	s.pdf.RawWriteStr("3 Tr\n")
	s.pdf.Text(x, y, text+" ")
	s.pdf.RawWriteStr("0 Tr\n")
}

// Text draws a run with a real space glyph after it where a word space
// follows it. Layout places each run and line at its own position, so the
// spaces between runs and at line ends exist only as gaps; a screen
// reader or a copy from the structure tree would read "towork" and
// "FORthe Member". The trailing space is blank on the page (pdfTeX's
// interword-space option does the same). Where the next run continues
// the word (bold starting mid-word, a fallback glyph, a link before a
// comma) no space is added: that read "bold ness" and "chains ,".
func (s *pdfSurface) Text(st layout.Style, x, y float64, text string, space bool) {
	s.tags.mark()
	if space && text != "" && !strings.HasSuffix(text, " ") {
		text += " "
	}
	s.tags.text(text)
	s.setFont(st)
	s.pdf.SetTextColor(st.Color().R, st.Color().G, st.Color().B)
	s.pdf.Text(x, y, text)
}

func (s *pdfSurface) Line(x1, y1, x2, y2, width float64, c layout.RGB, dashed bool) {
	s.tags.mark()
	s.pdf.SetDrawColor(c.R, c.G, c.B)
	s.pdf.SetLineWidth(width)
	if dashed {
		s.pdf.SetDashPattern([]float64{0.8, 2.4}, 0)
	}
	s.pdf.Line(x1, y1, x2, y2)
	if dashed {
		s.pdf.SetDashPattern([]float64{}, 0)
	}
}

func (s *pdfSurface) Fill(x, y, w, h float64, c layout.RGB) {
	s.tags.mark()
	s.pdf.SetFillColor(c.R, c.G, c.B)
	s.pdf.Rect(x, y, w, h, "F")
}

func (s *pdfSurface) Stroke(x, y, w, h, width float64, c layout.RGB) {
	s.tags.mark()
	s.pdf.SetDrawColor(c.R, c.G, c.B)
	s.pdf.SetLineWidth(width)
	s.pdf.Rect(x, y, w, h, "D")
}

// registerLogo stores the logo once; every page that shows it refers to
// the same image object.
func (s *pdfSurface) registerLogo(data []byte, tp string) {
	s.pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(data))
	s.logoType = tp
}

func (s *pdfSurface) Logo(x, y, w, h float64) {
	s.tags.mark()
	s.pdf.ImageOptions("logo", x, y, w, h, false, fpdf.ImageOptions{ImageType: s.logoType}, 0, "")
}

func (s *pdfSurface) LinkURL(x, y, w, h float64, url string) {
	s.pdf.LinkString(x, y, w, h, url)
	s.tags.annotation(url)
}

func (s *pdfSurface) link(target int) int {
	id, ok := s.links[target]
	if !ok {
		id = s.pdf.AddLink()
		s.links[target] = id
	}
	return id
}

func (s *pdfSurface) LinkTo(x, y, w, h float64, target int) {
	s.pdf.Link(x, y, w, h, s.link(target))
	s.tags.annotation("")
}

func (s *pdfSurface) Target(target int, y float64) { s.pdf.SetLink(s.link(target), y, -1) }

// Bookmark needs a UTF-8 font current, or fpdf garbles the title; any of
// ours will do, so one is set only before the first text.
func (s *pdfSurface) Bookmark(title string, level int, y float64) {
	if s.font == (fontState{}) {
		s.setFont(layout.PlainStyle(10))
	}
	s.pdf.Bookmark(layout.Normalize(title), level, y)
}

// Watermark draws the text as filled glyph outlines, not as text: it is
// page furniture, and text extraction tools that ignore artifacts
// (pdftotext, many copy-and-paste) would otherwise read its letters into
// the body ("D R A F T").
func (s *pdfSurface) Watermark(st layout.Style, deg, cx, cy, x, y float64, text string) {
	s.tags.mark()
	s.pdf.TransformBegin()
	s.pdf.SetAlpha(1, "Multiply")
	s.pdf.TransformRotate(deg, cx, cy)
	s.pdf.SetFillColor(st.Color().R, st.Color().G, st.Color().B)
	s.outlineText(st, x, y, text)
	s.pdf.SetAlpha(1, "Normal")
	s.pdf.TransformEnd()
	// The graphics state restored at the end of the transform takes the
	// watermark's font with it: the next text sets its own again.
	s.font = fontState{}
}

// xmpMetadata is the document's XMP packet: its title (PDF/UA asks for
// dc:title, shown in the viewer's title bar) and the claim of PDF/UA-1
// conformance. It carries no dates or IDs, so the bytes depend only on
// the document.
func xmpMetadata(m layout.Metadata) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(layout.Normalize(s)))
		return b.String()
	}
	lang := m.Language
	if lang == "" {
		lang = "x-default"
	}
	return []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Title) + `</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>` + esc(lang) + `</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>` + esc(m.Producer) + `</pdf:Producer>
<xmp:CreatorTool>Briefsmith</xmp:CreatorTool>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
}

// outlineText fills text's glyph outlines with the current fill colour,
// its baseline starting at (x, y), each character in the face that prints
// it (as Text would choose).
func (s *pdfSurface) outlineText(st layout.Style, x, y float64, text string) {
	var buf sfnt.Buffer
	for _, r := range text {
		f := st.ForRune(r).Face().Parsed()
		upem := fixed.Int26_6(f.UnitsPerEm()) << 6
		scale := st.Size() / float64(f.UnitsPerEm())
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			continue
		}
		if segs, err := f.LoadGlyph(&buf, idx, upem, nil); err == nil && len(segs) > 0 {
			pt := func(p fixed.Point26_6) (float64, float64) {
				return x + float64(p.X)/64*scale, y + float64(p.Y)/64*scale
			}
			for _, seg := range segs {
				switch seg.Op {
				case sfnt.SegmentOpMoveTo:
					if px, py := pt(seg.Args[0]); true {
						s.pdf.MoveTo(px, py)
					}
				case sfnt.SegmentOpLineTo:
					px, py := pt(seg.Args[0])
					s.pdf.LineTo(px, py)
				case sfnt.SegmentOpQuadTo:
					c1x, c1y := pt(seg.Args[0])
					px, py := pt(seg.Args[1])
					s.pdf.CurveTo(c1x, c1y, px, py)
				case sfnt.SegmentOpCubeTo:
					c1x, c1y := pt(seg.Args[0])
					c2x, c2y := pt(seg.Args[1])
					px, py := pt(seg.Args[2])
					s.pdf.CurveBezierCubicTo(c1x, c1y, c2x, c2y, px, py)
				}
			}
			s.pdf.ClosePath()
			s.pdf.DrawPath("F")
		}
		adv, err := f.GlyphAdvance(&buf, idx, upem, font.HintingNone)
		if err == nil {
			x += float64(adv) / 64 * scale
		}
	}
}
