package sectiontext

import (
	"reflect"
	"testing"
)

// Parse sets quotes, dashes and ellipses as a printed brief has them, so
// the model holds what prints; a quote the author escaped stays straight;
// Write keeps both (the set characters as themselves, straight ones
// escaped), so reading what it wrote changes nothing.
func TestQuotesAndDashesAreSetOnReading(t *testing.T) {
	cases := []struct{ body, text string }{
		{`"Quoted" and 'single' -- en --- em... it's 1990's`, "“Quoted” and ‘single’ – en — em… it’s 1990’s"},
		{`Kept \'straight\' and \"straight\", 5\'10\"`, `Kept 'straight' and "straight", 5'10"`},
		{`a \-- b and x\.\.. and \>> too`, `a -- b and x... and >> too`},
	}
	for _, c := range cases {
		b := Parse(c.body + "\n")
		p, ok := b.Blocks[0].(Paragraph)
		if !ok {
			t.Fatalf("%q: %#v", c.body, b.Blocks)
		}
		var got string
		for _, in := range p.Inlines {
			if tx, ok := in.(Text); ok {
				got += tx.Text
			}
		}
		if got != c.text {
			t.Errorf("%q reads as %q, want %q", c.body, got, c.text)
		}
		if again := Parse(Write(b)); !reflect.DeepEqual(again, b) {
			t.Errorf("%q: written %q reads back as %#v", c.body, Write(b), again)
		}
	}
	// Code is printed as written.
	if b := Parse("`\"code\" -- x`\n"); b.Blocks[0].(Paragraph).Inlines[0] != (Code{Text: `"code" -- x`}) {
		t.Errorf("code: %#v", b.Blocks[0])
	}
}
