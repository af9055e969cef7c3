package briefing

import (
	"bytes"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// surface is what layout draws on. Layout runs twice — once to learn the
// page of every section, once to print — and the first pass draws on
// nullSurface, so it skips everything only output needs: font embedding,
// content streams, subsetting and compression.
type surface interface {
	AddPage()
	// Text prints s with its baseline at y.
	Text(st style, x, y float64, s string)
	Line(x1, y1, x2, y2, width float64, c rgb, dashed bool)
	Fill(x, y, w, h float64, c rgb)
	Stroke(x, y, w, h, width float64, c rgb)
	// Logo draws the packet's logo, registered when the surface was made.
	Logo(x, y, w, h float64)
	LinkURL(x, y, w, h float64, url string)
	// LinkTo makes a clickable area that jumps to target; Target marks
	// where on the current page target is.
	LinkTo(x, y, w, h float64, target int)
	Target(target int, y float64)
	Bookmark(title string, level int, y float64)
	// Watermark prints st text rotated by deg about (cx, cy), multiplied
	// onto the page so the text beneath stays legible.
	Watermark(st style, deg, cx, cy, x, y float64, s string)
}

// nullSurface draws nothing; its methods implement surface.
type nullSurface struct{}

func (nullSurface) AddPage()                                                             {}
func (nullSurface) Text(style, float64, float64, string)                                 {}
func (nullSurface) Line(_, _, _, _, _ float64, _ rgb, _ bool)                            {}
func (nullSurface) Fill(_, _, _, _ float64, _ rgb)                                       {}
func (nullSurface) Stroke(_, _, _, _, _ float64, _ rgb)                                  {}
func (nullSurface) Logo(_, _, _, _ float64)                                              {}
func (nullSurface) LinkURL(_, _, _, _ float64, _ string)                                 {}
func (nullSurface) LinkTo(_, _, _, _ float64, _ int)                                     {}
func (nullSurface) Target(int, float64)                                                  {}
func (nullSurface) Bookmark(string, int, float64)                                        {}
func (nullSurface) Watermark(style, float64, float64, float64, float64, float64, string) {}

// pdfSurface draws on an fpdf document; its exported methods implement
// surface.
type pdfSurface struct {
	pdf        *fpdf.Fpdf
	registered map[string]bool
	links      map[int]int // layout target → fpdf link id
	logoType   string
}

func newPDFSurface(pdf *fpdf.Fpdf) *pdfSurface {
	return &pdfSurface{pdf: pdf, registered: map[string]bool{}, links: map[int]int{}}
}

func (s *pdfSurface) AddPage() { s.pdf.AddPage() }

// setFont registers each face the first time this document uses it, so a
// PDF embeds only the faces it prints.
func (s *pdfSurface) setFont(st style) {
	fam, fs := st.face()
	if key := string(fam) + fs; !s.registered[key] {
		s.pdf.AddUTF8FontFromBytes(string(fam), fs, fontFiles[fam][fs])
		s.registered[key] = true
	}
	s.pdf.SetFont(string(fam), fs, st.size)
}

// width measures with the document's own fonts: an export parses each
// face it uses once, for layout and output alike.
func (s *pdfSurface) width(st style, text string) float64 {
	s.setFont(st)
	return float64(s.pdf.GetStringSymbolWidth(text)) * st.size / 1000
}

func (s *pdfSurface) Text(st style, x, y float64, text string) {
	s.setFont(st)
	s.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
	s.pdf.Text(x, y, text)
}

func (s *pdfSurface) Line(x1, y1, x2, y2, width float64, c rgb, dashed bool) {
	s.pdf.SetDrawColor(c.r, c.g, c.b)
	s.pdf.SetLineWidth(width)
	if dashed {
		s.pdf.SetDashPattern([]float64{0.8, 2.4}, 0)
	}
	s.pdf.Line(x1, y1, x2, y2)
	if dashed {
		s.pdf.SetDashPattern([]float64{}, 0)
	}
}

func (s *pdfSurface) Fill(x, y, w, h float64, c rgb) {
	s.pdf.SetFillColor(c.r, c.g, c.b)
	s.pdf.Rect(x, y, w, h, "F")
}

func (s *pdfSurface) Stroke(x, y, w, h, width float64, c rgb) {
	s.pdf.SetDrawColor(c.r, c.g, c.b)
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
	s.pdf.ImageOptions("logo", x, y, w, h, false, fpdf.ImageOptions{ImageType: s.logoType}, 0, "")
}

func (s *pdfSurface) LinkURL(x, y, w, h float64, url string) { s.pdf.LinkString(x, y, w, h, url) }

func (s *pdfSurface) link(target int) int {
	id, ok := s.links[target]
	if !ok {
		id = s.pdf.AddLink()
		s.links[target] = id
	}
	return id
}

func (s *pdfSurface) LinkTo(x, y, w, h float64, target int) { s.pdf.Link(x, y, w, h, s.link(target)) }

func (s *pdfSurface) Target(target int, y float64) { s.pdf.SetLink(s.link(target), y, -1) }

// Bookmark needs a UTF-8 font current, or fpdf garbles the title.
func (s *pdfSurface) Bookmark(title string, level int, y float64) {
	s.setFont(style{fam: sans, size: 10})
	s.pdf.Bookmark(normalize(title), level, y)
}

func (s *pdfSurface) Watermark(st style, deg, cx, cy, x, y float64, text string) {
	s.pdf.TransformBegin()
	s.pdf.SetAlpha(1, "Multiply")
	s.pdf.TransformRotate(deg, cx, cy)
	s.Text(st, x, y, text)
	s.pdf.SetAlpha(1, "Normal")
	s.pdf.TransformEnd()
}

// face is the fpdf family and style that print st; mono has no italic.
func (st style) face() (family, string) {
	fs := st.fpdfStyle()
	if fontFiles[st.fam][fs] == nil {
		fs = strings.ReplaceAll(fs, "I", "")
	}
	return st.fam, fs
}

// fontMetrics measures text with each face parsed once per process, for
// layouts that print nothing (the app's live page count): parsing a
// TrueType font is the costliest thing fpdf does.
type fontMetrics struct {
	mu         sync.Mutex
	pdf        *fpdf.Fpdf
	registered map[string]bool
	current    string
}

var metrics fontMetrics

// width is the width of s in points when set in st.
func (m *fontMetrics) width(st style, s string) float64 {
	fam, fs := st.face()
	key := string(fam) + fs
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pdf == nil {
		m.pdf = fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdfSize(Letter)})
		m.registered = map[string]bool{}
	}
	if m.current != key {
		if !m.registered[key] {
			m.pdf.AddUTF8FontFromBytes(string(fam), fs, fontFiles[fam][fs])
			m.registered[key] = true
		}
		m.pdf.SetFont(string(fam), fs, 1000)
		m.current = key
	}
	return float64(m.pdf.GetStringSymbolWidth(s)) * st.size / 1000
}
