package layout

import (
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Face is one embedded font face: a family ("LiberationSerif") and fpdf's
// style letters ("", "B", "I", "BI"). Outputs that embed or draw glyphs
// themselves (the PDF, the page view) take the face layout measured with
// from here, so what they draw is what layout measured.
type Face struct{ Family, Style string }

// Face is the face that prints s.
func (s Style) Face() Face {
	fam, fs := s.face()
	return Face{string(fam), fs}
}

// TTF is the face's TrueType data; nil for a face Briefsmith does not
// embed.
func (f Face) TTF() []byte { return fontFiles[family(f.Family)][f.Style] }

// Parsed is the face parsed, once per process.
func (f Face) Parsed() *sfnt.Font { return glyphs.face(family(f.Family), f.Style) }

// Faces lists every embedded face, in a fixed order. The list is made
// once; callers must not change it.
func Faces() []Face { return allFaces() }

var allFaces = sync.OnceValue(func() []Face {
	var out []Face
	for fam, faces := range fontFiles {
		for fs := range faces {
			out = append(out, Face{string(fam), fs})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Family != out[j].Family {
			return out[i].Family < out[j].Family
		}
		return out[i].Style < out[j].Style
	})
	return out
})

// ForRune is s as it must be to print r: in the fallback family where
// s's has no glyph for r, upright or regular where its italic or bold
// face lacks one.
func (s Style) ForRune(r rune) Style { return styleFor(s, r) }

// Width is the advance of text set in s, in points, as layout measures
// it.
func (s Style) Width(text string) float64 { return metrics.width(s, text) }

// Ignorable reports characters laid out as spaces or line ends and never
// drawn.
func Ignorable(r rune) bool { return ignorable(r) }

// PlainStyle is text in the sans family at size points, black: for an
// output that needs some face current before it draws any text.
func PlainStyle(size float64) Style { return Style{fam: sans, size: size} }

// Advance is r's advance width in f, in thousandths of an em, as layout
// measures it (and as the PDF's width arrays give it to a viewer).
func (f Face) Advance(r rune) float64 {
	st := Style{fam: family(f.Family), bold: strings.Contains(f.Style, "B"), italic: strings.Contains(f.Style, "I"), size: 1000}
	return metrics.width(st, string(r))
}
