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

// A passage in another language ("[Bonjour]{lang=fr}", Pandoc's span) is
// a Lang run holding its text, styles and fields; an escaped bracket or a
// tag that is not one stays text; Write gives the same spelling back.
func TestPassagesInAnotherLanguage(t *testing.T) {
	b := Parse("Say [Bonjour à *tous*, {{.name}}]{lang=fr} now and [“Hola”]{lang=es-MX}.\n")
	p := b.Blocks[0].(Paragraph)
	want := []Inline{Text{"Say "}, Lang{Tag: "fr", Inlines: []Inline{Text{"Bonjour à "}, Italic{[]Inline{Text{"tous"}}}, Text{", "}, Field{"name"}}},
		Text{" now and "}, Lang{Tag: "es-MX", Inlines: []Inline{Text{"“Hola”"}}}, Text{"."}}
	if !reflect.DeepEqual(p.Inlines, want) {
		t.Errorf("got %#v", p.Inlines)
	}
	if w := Write(b); w != "Say [Bonjour à *tous*, {{.name}}]{lang=fr} now and [“Hola”]{lang=es-MX}.\n" {
		t.Errorf("written %q", w)
	}
	for _, body := range []string{"Esc \\[not\\]{lang=fr}\n", "Bad [x]{lang=not a tag}\n", "[x]{lang=}\n"} {
		for _, in := range Parse(body).Blocks[0].(Paragraph).Inlines {
			if _, isLang := in.(Lang); isLang {
				t.Errorf("%q read a passage: %#v", body, in)
			}
		}
	}
}
