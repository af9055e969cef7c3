package layout

import (
	"fmt"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"
)

// family names the typefaces the renderer uses. Body text is serif,
// headings sans, code mono; fallback fills in what Liberation lacks.
type family string

const (
	serif    family = "LiberationSerif"
	sans     family = "LiberationSans"
	mono     family = "LiberationMono"
	fallback family = "DejaVuSans"
)

// fontFiles maps family and fpdf Style ("", "B", "I", "BI") to TrueType
// bytes. Mono has no italic: code is never italic in our layouts, and an
// italic request falls back to upright.
var fontFiles = map[family]map[string][]byte{
	serif: {"": liberationserifregular.TTF, "B": liberationserifbold.TTF, "I": liberationserifitalic.TTF, "BI": liberationserifbolditalic.TTF},
	sans:  {"": liberationsansregular.TTF, "B": liberationsansbold.TTF, "I": liberationsansitalic.TTF, "BI": liberationsansbolditalic.TTF},
	mono:  {"": liberationmonoregular.TTF, "B": liberationmonobold.TTF},
	fallback: {"": dejavusans.TTF, "B": dejavusansbold.TTF, "I": dejavusansoblique.TTF,
		"BI": dejavusansboldoblique.TTF},
}

// coverage answers "does this face have a glyph for r?", parsing each face
// once per process and remembering answers in two bitmaps per face,
// because layout asks it of every character it measures.
type coverage struct {
	mu    sync.Mutex
	faces map[fontKey]*faceCoverage
	buf   sfnt.Buffer
}

// faceCoverage is one parsed face and what is known of its characters:
// bit r of known is set once r was looked up, bit r of has when the face
// has it.
type faceCoverage struct {
	font       *sfnt.Font
	known, has [1 << 16 / 64]uint64
}

var glyphs coverage

// has reports whether the face of fam in fpdf Style fs ("", "B", "I",
// "BI") has r.
func (c *coverage) has(fam family, fs string, r rune) bool {
	if r > 0xFFFF || r < 0 {
		// fpdf's UTF-8 fonts address only the Basic Multilingual Plane.
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.load(fam, fs)
	word, bit := r/64, uint64(1)<<(r%64)
	if f.known[word]&bit != 0 {
		return f.has[word]&bit != 0
	}
	idx, err := f.font.GlyphIndex(&c.buf, r)
	f.known[word] |= bit
	if err == nil && idx != 0 {
		f.has[word] |= bit
		return true
	}
	return false
}

// load returns fam's face in style fs, parsing it the first time; c.mu
// must be held.
func (c *coverage) load(fam family, fs string) *faceCoverage {
	k := fontKey{fam, fs}
	if f := c.faces[k]; f != nil {
		return f
	}
	sf, err := sfnt.Parse(fontFiles[fam][fs])
	if err != nil {
		panic(fmt.Sprintf("embedded font %s %s is corrupt: %v", fam, fs, err)) // a build defect, not user input
	}
	if c.faces == nil {
		c.faces = map[fontKey]*faceCoverage{}
	}
	f := &faceCoverage{font: sf}
	c.faces[k] = f
	return f
}

// face returns the parsed face of fam in fpdf Style fs, parsing it once
// per process.
func (c *coverage) face(fam family, fs string) *sfnt.Font {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.load(fam, fs).font
}

// faceFor picks the family that prints r when text is set in fam: fam
// itself if it can, else the fallback. ok is false when no embedded font
// has the character.
func faceFor(fam family, r rune) (family, bool) {
	if ignorable(r) || glyphs.has(fam, "", r) {
		return fam, true
	}
	if glyphs.has(fallback, "", r) {
		return fallback, true
	}
	return "", false
}

// styleFor is st as it must be to print r: in the family faceFor picks,
// and upright, then regular weight, when the italic or bold face lacks a
// character the regular one has (DejaVu Sans Oblique has no Tifinagh):
// a plainer letter rather than an empty box.
func styleFor(st Style, r rune) Style {
	if r > ' ' && r < 0x7F {
		// Every face has printable ASCII (TestEveryFaceHasASCII): most
		// characters need no look-up at all.
		return st
	}
	fam, ok := faceFor(st.fam, r)
	st.fam = fam
	if !ok || ignorable(r) || r == ' ' {
		return st
	}
	for st.italic || st.bold {
		if f, fs := st.face(); glyphs.has(f, fs, r) {
			break
		}
		if st.italic {
			st.italic = false
		} else {
			st.bold = false
		}
	}
	return st
}

// ignorable characters are laid out as spaces or line ends, never drawn.
func ignorable(r rune) bool {
	return r == '\n' || r == '\r' || r == '\t'
}
