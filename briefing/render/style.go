package render

import (
	"fmt"
	"regexp"
	"strconv"
)

// RGB is a colour in 0–255 components, as fpdf takes them.
type RGB struct{ R, G, B int }

// mix blends c toward white: t=0 gives c, t=1 gives white. Tints of the
// accent colour shade table headers and call-outs.
func (c RGB) mix(t float64) RGB {
	f := func(v int) int { return v + int(float64(255-v)*t+0.5) }
	return RGB{f(c.R), f(c.G), f(c.B)}
}

// CalloutShade is the shading of a call-out box for accent c, which its
// label is printed on in c: accessibility checks need it to judge the
// label's contrast.
func CalloutShade(c RGB) RGB { return c.mix(calloutTint) }

// calloutTint is how far toward white a call-out's shading is.
const calloutTint = 0.9

var (
	black    = RGB{0x1a, 0x1a, 0x1a}
	grey     = RGB{0x5f, 0x63, 0x68}
	rule     = RGB{0xc0, 0xc4, 0xc8}
	linkBlue = RGB{0x0b, 0x57, 0xd0}
)

// DefaultAccent is the accent colour of a packet that names none.
const DefaultAccent = "#1F4E79"

var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// ParseColor reads "#RRGGBB". An empty string is DefaultAccent. It is
// the one place colours are read: validation and layout both call it.
func ParseColor(s string) (RGB, error) {
	if s == "" {
		s = DefaultAccent
	}
	if !colorPattern.MatchString(s) {
		return RGB{}, fmt.Errorf("%q is not a colour of the form #RRGGBB", s)
	}
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return RGB{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}, nil
}

// Style is how a run of text is set. Surfaces read it through its
// methods; only layout makes one.
type Style struct {
	fam    family
	bold   bool
	italic bool
	size   float64
	color  RGB
	// link is an external URL; internal > 0 is a layout link target (a
	// table of contents entry jumping to its section).
	link     string
	internal int
	// rise lifts the baseline (a footnote number); note is the footnote
	// a reference refers to, so layout can put it on the same page.
	rise float64
	note int
}

func (s Style) fpdfStyle() string {
	st := ""
	if s.bold {
		st += "B"
	}
	if s.italic && s.fam != mono {
		st += "I"
	}
	return st
}

// Size is the type size in points.
func (s Style) Size() float64 { return s.size }

// Color is the text colour.
func (s Style) Color() RGB { return s.color }

// Font names the face that prints s: the font family and fpdf's style
// letters ("", "B", "I", "BI").
func (s Style) Font() (family, face string) {
	f, fs := s.face()
	return string(f), fs
}
