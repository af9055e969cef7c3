package layout

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// RGB is a colour in 0–255 components, as fpdf takes them.
type RGB struct{ R, G, B int }

// Mix blends c toward white: t=0 gives c, t=1 gives white. Tints of the
// accent colour shade table headers and call-outs.
func (c RGB) Mix(t float64) RGB {
	f := func(v int) int { return v + int(float64(255-v)*t+0.5) }
	return RGB{f(c.R), f(c.G), f(c.B)}
}

// CalloutShade is the shading of a call-out box for accent c, which its
// label is printed on in c: accessibility checks need it to judge the
// label's contrast.
func CalloutShade(c RGB) RGB { return c.Mix(calloutTint) }

// calloutTint is how far toward white a call-out's shading is.
const calloutTint = 0.9

// The fixed colours of every output, so the Word document matches the
// PDF: body text, secondary text (labels, captions, the footer), hairline
// rules and borders, links.
var (
	black    = RGB{0x1a, 0x1a, 0x1a}
	Grey     = RGB{0x5f, 0x63, 0x68}
	RuleGrey = RGB{0xc0, 0xc4, 0xc8}
	LinkBlue = RGB{0x0b, 0x57, 0xd0}
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
	// lang is the language of a passage not in the document's.
	lang string
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

// face is the family and fpdf style letters that print st; mono has no
// italic.
func (s Style) face() (family, string) {
	fs := s.fpdfStyle()
	if fontFiles[s.fam][fs] == nil {
		fs = strings.ReplaceAll(fs, "I", "")
	}
	return s.fam, fs
}
