package editor

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/theme"
	"github.com/briefsmith/briefsmith/render/layout"
)

// Headings look as the page sets them: each level smaller than the one
// above, the first in the accent colour and the next not, in proportion
// to the body text as the PDF's sizes are to its 11 points.
func TestHeadingsAreSetAsThePageSetsThem(t *testing.T) {
	e, _ := open(t, "# One\n\n## Two\n\n### Three\n\nBody")
	accent := color.NRGBA{R: 0x1f, G: 0x4e, B: 0x79, A: 0xff}
	e.SetAccent(accent)
	one, two, three, body := drawnText(t, e, "One"), drawnText(t, e, "Two"), drawnText(t, e, "Three"), drawnText(t, e, "Body")
	if !(one.TextSize > two.TextSize && two.TextSize > three.TextSize && three.TextSize > body.TextSize) {
		t.Fatalf("sizes %v, %v, %v over body %v: not each smaller than the one above", one.TextSize, two.TextSize, three.TextSize, body.TextSize)
	}
	for _, c := range []struct {
		level int
		size  float32
	}{{1, one.TextSize}, {2, two.TextSize}} {
		want := body.TextSize * float32((11+layout.HeadingLookOf(c.level+1).Grow)/11)
		if d := c.size - want; d > 0.01 || d < -0.01 {
			t.Errorf("level %d: %v, the page's proportion gives %v", c.level, c.size, want)
		}
	}
	// On the test theme's dark background, the accent lightened.
	if want := onBackground(accent); one.Color != want || want == color.Color(accent) || two.Color != theme.Color(theme.ColorNameForeground) {
		t.Errorf("colours: level 1 %v, level 2 %v; want the accent, then the text's", one.Color, two.Color)
	}
}
