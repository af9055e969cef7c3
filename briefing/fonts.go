package briefing

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

// fontFiles maps family and fpdf style ("", "B", "I", "BI") to TrueType
// bytes. Mono has no italic: code is never italic in our layouts, and an
// italic request falls back to upright.
var fontFiles = map[family]map[string][]byte{
	serif: {"": liberationserifregular.TTF, "B": liberationserifbold.TTF, "I": liberationserifitalic.TTF, "BI": liberationserifbolditalic.TTF},
	sans:  {"": liberationsansregular.TTF, "B": liberationsansbold.TTF, "I": liberationsansitalic.TTF, "BI": liberationsansbolditalic.TTF},
	mono:  {"": liberationmonoregular.TTF, "B": liberationmonobold.TTF},
	fallback: {"": dejavusans.TTF, "B": dejavusansbold.TTF, "I": dejavusansoblique.TTF,
		"BI": dejavusansboldoblique.TTF},
}

// coverage answers "does this family have a glyph for r?", parsing each
// regular face once per process and remembering answers, because the same
// few hundred characters are asked about over and over.
type coverage struct {
	once  sync.Once
	fonts map[family]*sfnt.Font
	mu    sync.Mutex
	known map[family]map[rune]bool
	buf   sfnt.Buffer
}

var glyphs coverage

func (c *coverage) has(fam family, r rune) bool {
	c.once.Do(func() {
		c.fonts = map[family]*sfnt.Font{}
		c.known = map[family]map[rune]bool{}
		for fam, styles := range fontFiles {
			f, err := sfnt.Parse(styles[""])
			if err != nil {
				panic(fmt.Sprintf("embedded font %s is corrupt: %v", fam, err)) // a build defect, not user input
			}
			c.fonts[fam] = f
			c.known[fam] = map[rune]bool{}
		}
	})
	if r > 0xFFFF {
		// fpdf's UTF-8 fonts address only the Basic Multilingual Plane.
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok, seen := c.known[fam][r]; seen {
		return ok
	}
	idx, err := c.fonts[fam].GlyphIndex(&c.buf, r)
	ok := err == nil && idx != 0
	c.known[fam][r] = ok
	return ok
}

// faceFor picks the family that prints r when text is set in fam: fam
// itself if it can, else the fallback. ok is false when no embedded font
// has the character.
func faceFor(fam family, r rune) (family, bool) {
	if ignorable(r) || glyphs.has(fam, r) {
		return fam, true
	}
	if glyphs.has(fallback, r) {
		return fallback, true
	}
	return "", false
}

// ignorable characters are laid out as spaces or line ends, never drawn.
func ignorable(r rune) bool {
	return r == '\n' || r == '\r' || r == '\t'
}
