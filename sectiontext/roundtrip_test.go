package sectiontext_test

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/internal/corpus"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// TestBuiltinBodiesCanonical: the built-in bodies are stored canonical,
// so opening one in the editor and saving it changes nothing, and none is
// template code the editor could only show as source.
func TestBuiltinBodiesCanonical(t *testing.T) {
	bodies, err := corpus.Bodies()
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range bodies {
		b := sectiontext.Parse(body)
		if b.TemplateCode {
			t.Errorf("%s: read as template code", name)
			continue
		}
		if got := sectiontext.Write(b); got != body {
			t.Errorf("%s: Write(Parse(body)) differs from the body at byte %d:\n got: %q\nwant: %q",
				name, firstDiff(got, body), around(got, firstDiff(got, body)), around(body, firstDiff(got, body)))
		}
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func around(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+40)
	return s[lo:hi]
}

// TestTemplateCodeKept: bodies whose template code the model cannot show
// come back verbatim.
func TestTemplateCodeKept(t *testing.T) {
	for _, body := range []string{
		"{{if eq .audience \"staff\"}}Staff.{{end}}\n",
		"{{if .a}}\n\nOne paragraph.\n\nAnother.\n\n{{end}}\n",
		"**{{if .a}}open** close{{end}}\n",
		"`{{.code}}`\n",
		"[link]({{.url}})\n",
		"{{with .a}}{{.}}{{end}}\n",
		"{{/* a comment */}}Text.\n",
		"{{if .a}}unclosed\n",
		"{{.a.b}}\n",
		"{{if not .a}}x{{end}}\n",
	} {
		b := sectiontext.Parse(body)
		if !b.TemplateCode {
			t.Errorf("%q: not read as template code: %#v", body, b)
		}
		if got := sectiontext.Write(b); got != body {
			t.Errorf("%q: written back as %q", body, got)
		}
	}
}

// TestEscapedTextLiteral: characters that are syntax, in a text run,
// round-trip as the characters.
func TestEscapedTextLiteral(t *testing.T) {
	texts := []string{
		"# * _ | [ ] \\ ` `` {{ }} <b> &amp; 1. > x",
		"1. not a list",
		"> not a quote",
		"- not a bullet",
		"+ nor this",
		"= not a heading",
		": not a definition",
		"[@id] is not a citation, [^1] not a note, [x](y) not a link",
		"{{.field}} is not a field {{if .a}}nor this{{end}} {",
		"see https://example.com or www.example.com or me@example.com",
		"**not bold** *not italic* ~~not struck~~",
		"<!-- pagebreak -->",
		"&#42; &copy; & plain &",
		"trailing brace {",
		"bang!",
		"{{{",
	}
	for _, s := range texts {
		want := sectiontext.Body{Blocks: []sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.Text{Text: s}}}}}
		md := sectiontext.Write(want)
		got := sectiontext.Parse(md)
		if !equalBodies(got, want) {
			t.Errorf("%q written as %q reads back as %#v", s, md, got)
		}
		if strings.Contains(s, "{{") && got.TemplateCode {
			t.Errorf("%q: braces read as template code", s)
		}
	}
}
