package layout

import (
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// widther measures text in points.
type widther interface {
	width(st Style, s string) float64
}

// fontMetrics measures text with the advance widths the PDF will carry,
// read from the faces themselves rather than through an fpdf document:
// registering a face with fpdf costs about 2 ms (it parses the whole font
// and hashes a JSON encoding of a 65,536-entry width table), and an export
// registers the faces it prints anyway, so measuring through fpdf paid
// that twice per face in every process. The widths are fpdf's to the
// unit: advance × 1000 / unitsPerEm rounded, a zero width counting as
// none, a character the face lacks taking the width of glyph 0 (500 when
// that is zero), as TestWidthsMatchFpdf checks for every face and every
// character of the Basic Multilingual Plane.
type fontMetrics struct {
	mu    sync.Mutex
	faces map[fontKey]*faceWidths
	buf   sfnt.Buffer
}

// fontKey names a face: family and fpdf Style.
type fontKey struct {
	fam family
	fs  string
}

// faceWidths holds one face's widths in thousandths of the type size,
// filled in as characters are first measured: w[r] is the width plus one,
// zero for not yet known.
type faceWidths struct {
	font    *sfnt.Font
	upem    fixed.Int26_6
	scale   float64 // 1000 / unitsPerEm
	missing int     // the width of a character the face lacks
	w       [1 << 16]uint16
}

var metrics fontMetrics

// width is the width of s in points when set in st.
func (m *fontMetrics) width(st Style, s string) float64 {
	fam, fs := st.face()
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.face(fam, fs)
	w := 0
	for _, r := range s {
		w += m.runeWidth(f, r)
	}
	return float64(w) * st.size / 1000
}

// face returns fam's widths in style fs, parsing the face once per
// process (the parse is shared with the glyph coverage checks).
func (m *fontMetrics) face(fam family, fs string) *faceWidths {
	k := fontKey{fam, fs}
	if f := m.faces[k]; f != nil {
		return f
	}
	sf := glyphs.face(fam, fs)
	upem := sf.UnitsPerEm()
	f := &faceWidths{font: sf, upem: fixed.Int26_6(upem) << 6, scale: 1000 / float64(upem)}
	f.missing = int(math.Round(f.scale * float64(m.advance(f, 0))))
	if f.missing == 0 {
		f.missing = 500
	}
	if m.faces == nil {
		m.faces = map[fontKey]*faceWidths{}
	}
	m.faces[k] = f
	return f
}

// advance is glyph g's advance in font units; like fpdf, a value with the
// top bit set (a corrupt table) counts as zero.
func (m *fontMetrics) advance(f *faceWidths, g sfnt.GlyphIndex) int {
	adv, err := f.font.GlyphAdvance(&m.buf, g, f.upem, font.HintingNone)
	if err != nil {
		return 0
	}
	if u := int(adv >> 6); u < 1<<15 {
		return u
	}
	return 0
}

// runeWidth is r's width in thousandths of the type size.
func (m *fontMetrics) runeWidth(f *faceWidths, r rune) int {
	if r < 0 || r > 0xFFFF {
		return f.missing
	}
	if w := f.w[r]; w != 0 {
		return int(w) - 1
	}
	w := f.missing
	if g, err := f.font.GlyphIndex(&m.buf, r); err == nil && g != 0 && r != 0 {
		// fpdf keeps a zero width as 65535, "present but empty", and adds
		// nothing for it.
		w = int(math.Round(f.scale * float64(m.advance(f, g))))
	}
	f.w[r] = uint16(w + 1)
	return w
}
