package briefing

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const goodTemplate = `---
id: demo
title: Demo section
kind: custom
summary: A template for tests.
audiences: [staff, classroom]
variables:
  - name: agency
    label: Agency
    required: true
sources:
  - title: A source
    url: https://example.org/a
---
The {{.agency}} reads this.
{{if eq .audience "classroom"}}Class version.{{else}}Staff version.{{end}}
`

func TestParseTemplateReadsFrontMatterAndBody(t *testing.T) {
	tm, err := ParseTemplate("demo.md", []byte(goodTemplate))
	if err != nil {
		t.Fatal(err)
	}
	if tm.ID != "demo" || tm.Title != "Demo section" || tm.Kind != "custom" || tm.Summary != "A template for tests." {
		t.Errorf("front matter = %+v", tm)
	}
	if len(tm.Variables) != 1 || tm.Variables[0].Name != "agency" || !tm.Variables[0].Required {
		t.Errorf("variables = %+v", tm.Variables)
	}
	if len(tm.Sources) != 1 || tm.Sources[0].URL != "https://example.org/a" {
		t.Errorf("sources = %+v", tm.Sources)
	}
	if tm.BodyLine != 15 {
		t.Errorf("BodyLine = %d, want 15", tm.BodyLine)
	}
	if !tm.Suits("staff") || tm.Suits("client") {
		t.Errorf("Suits: staff=%v client=%v", tm.Suits("staff"), tm.Suits("client"))
	}
}

func TestExecuteFillsPlaceholdersPerAudience(t *testing.T) {
	tm, err := ParseTemplate("demo.md", []byte(goodTemplate))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ audience, want string }{
		{"staff", "The Department of Energy reads this.\nStaff version.\n"},
		{"classroom", "The Department of Energy reads this.\nClass version.\n"},
	} {
		got, err := tm.Execute(map[string]any{"agency": "Department of Energy", "audience": tc.audience})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("audience %s: got %q, want %q", tc.audience, got, tc.want)
		}
	}
}

func TestExecuteMissingVariableNamesFileAndLine(t *testing.T) {
	tm, err := ParseTemplate("demo.md", []byte(goodTemplate))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tm.Execute(map[string]any{"audience": "staff"})
	var p Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v is not a Problem", err)
	}
	if p.File != "demo.md" || p.Line != 15 || !strings.Contains(p.Message, `unknown variable "agency"`) {
		t.Errorf("problem = %s", p)
	}
}

func TestParseTemplateErrorsNameFileLineAndReason(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		want       string
	}{
		{"no front matter", "# Just markdown\n", 1, "missing front matter"},
		{"unclosed", "---\nid: x\ntitle: X\n", 1, "not closed"},
		{"bad yaml", "---\nid: x\ntitle: [unclosed\nkind: custom\n---\nbody\n", 4, "front matter:"},
		{"unknown field", "---\nid: x\ntitle: X\nkind: custom\ncolour: red\n---\nbody\n", 5, "colour"},
		{"bad kind", "---\nid: x\ntitle: X\nkind: poem\n---\nbody\n", 2, `kind "poem"`},
		{"bad id", "---\nid: Not OK\ntitle: X\nkind: custom\n---\nbody\n", 2, `id "Not OK"`},
		{"no title", "---\nid: x\nkind: custom\n---\nbody\n", 2, `"title" is required`},
		{"bad audience", "---\nid: x\ntitle: X\nkind: custom\naudiences: [senators]\n---\nbody\n", 2, `audience "senators"`},
		{"bad placeholder", "---\nid: x\ntitle: X\nkind: custom\n---\nline five\nline six {{.a\n", 8, "a {{ is not closed with }} started on line 7"},
		{"unknown function", "---\nid: x\ntitle: X\nkind: custom\n---\n{{readFile \"/etc/passwd\"}}\n", 6, "{{readFile}} is neither a field nor"},
		{"not utf-8", "---\nid: x\xff\n", 0, "not valid UTF-8"},
	} {
		// Lines end as the editor that wrote the file ends them: LF,
		// CRLF (Windows) or CR alone (old Mac editors); each file
		// counts its lines the same.
		for _, end := range []string{"\n", "\r\n", "\r"} {
			t.Run(tc.name+" "+strconv.Quote(end), func(t *testing.T) {
				_, err := ParseTemplate("t.md", []byte(strings.ReplaceAll(tc.text, "\n", end)))
				var p Problem
				if !errors.As(err, &p) {
					t.Fatalf("error %v is not a Problem", err)
				}
				if p.File != "t.md" || p.Line != tc.line || !strings.Contains(p.Message, tc.want) {
					t.Errorf("got %q (line %d), want line %d and %q", p.String(), p.Line, tc.line, tc.want)
				}
			})
		}
	}
}

// TestTemplateLineEndings: a template saved with CRLF or CR-alone line
// ends reads as the same template as with LF.
func TestTemplateLineEndings(t *testing.T) {
	want, err := ParseTemplate("demo.md", []byte(goodTemplate))
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]any{"agency": "Department of Energy", "audience": "staff"}
	wantText, _ := want.Execute(vars)
	for _, end := range []string{"\r\n", "\r"} {
		tm, err := ParseTemplate("demo.md", []byte(strings.ReplaceAll(goodTemplate, "\n", end)))
		if err != nil {
			t.Fatalf("%q: %v", end, err)
		}
		if tm.ID != want.ID || tm.Title != want.Title || tm.BodyLine != want.BodyLine || tm.Body != want.Body ||
			!reflect.DeepEqual(tm.Variables, want.Variables) || !reflect.DeepEqual(tm.Sources, want.Sources) {
			t.Errorf("%q: read as %+v, want %+v", end, tm, want)
		}
		if got, err := tm.Execute(vars); err != nil || got != wantText {
			t.Errorf("%q: text %q, %v; want %q", end, got, err, wantText)
		}
		_, err = tm.Execute(map[string]any{"audience": "staff"})
		if p := (Problem{}); !errors.As(err, &p) || p.Line != 15 {
			t.Errorf("%q: missing variable reported as %v, want line 15", end, err)
		}
	}
}

// Templates come from strangers: anything that could loop, recurse or
// build strings is refused when the template is read, with its line.
func TestTemplatesOutsideTheSubsetAreRefused(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"printf bomb", "{{$a := printf \"%999999d\" 0}}{{$a = print $a $a}}", "variables ($a) are not supported"},
		{"print", "{{print .title .title}}", "print is not supported in templates"},
		{"printf", "{{printf \"%s\" .title}}", "printf is not supported in templates"},
		{"println in a pipe", "{{.title | println}}", "println is not supported"},
		{"range literal", "{{range 100000}}{{range 100000}}{{end}}{{end}}", "range (repeating text) is not supported"},
		{"range computed", "{{range (10000000000)}}x{{end}}", "range (repeating text) is not supported"},
		{"range over a field", "{{range .items}}x{{end}}", "range (repeating text) is not supported"},
		{"define and template", "{{define \"r\"}}{{template \"r\"}}{{template \"r\"}}{{end}}{{template \"r\"}}", "{{define}} and {{block}} are not supported"},
		{"block", "{{block \"b\" .}}x{{end}}", "{{define}} and {{block}} are not supported"},
		{"call", "{{call .f}}", "call is not supported"},
		{"index", "{{index .m 1}}", "index is not supported"},
		{"condition with a variable", "{{if $x := .a}}{{end}}", "variables ($x) are not supported"},
		{"in an else branch", "{{if .a}}{{else}}{{printf \"x\"}}{{end}}", "printf is not supported"},
		{"every value at once", "{{.}}", "{{.}} on its own prints every value"},
		{"every value through $", "{{$}}{{$}}", "{{$}} on its own prints every value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplate("bad.md", []byte("---\nid: bad\ntitle: Bad\nkind: custom\n---\nfirst line\n"+tc.body+"\n"))
			var p Problem
			if !errors.As(err, &p) || p.File != "bad.md" || p.Line != 7 || !strings.Contains(p.Message, tc.want) {
				t.Fatalf("got %v, want bad.md line 7 saying %q", err, tc.want)
			}
		})
	}
	// What the built-ins use, and a little more, is allowed.
	ok := "{{if eq .audience \"staff\"}}A{{else if and .a (not .b)}}B{{else}}C{{end}}{{with .a}}{{.}}{{end}}{{$.title}}{{if ne .a \"\"}}{{end}}{{if lt 1 2}}{{end}}{{/* note */}}"
	tm, err := ParseTemplate("ok.md", []byte("---\nid: ok\ntitle: OK\nkind: custom\n---\n"+ok+"\n"))
	if err != nil {
		t.Fatalf("allowed constructs refused: %v", err)
	}
	out, err := tm.Execute(map[string]any{"audience": "staff", "a": "x", "b": "", "title": "T"})
	if err != nil || out != "AxT\n" {
		t.Fatalf("allowed template gave %q, %v", out, err)
	}
	// A long value repeated is stopped by the output limit.
	long, err := ParseTemplate("loop.md", []byte("---\nid: loop\ntitle: Loop\nkind: custom\n---\n"+strings.Repeat("{{.x}}", 5000)+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = long.Execute(map[string]any{"x": strings.Repeat("x", 1000)})
	if err == nil || !strings.Contains(err.Error(), "grew past") || !strings.HasPrefix(err.Error(), "loop.md") {
		t.Fatalf("err = %v, want a size limit error naming loop.md", err)
	}
}

// go-yaml v1.19.2 panics on a tag over a scalar decoded into a list; the
// decoder wrapper must turn that into an error even if a tag slips past
// findTag.
func TestDecodeFrontRecoversDecoderPanic(t *testing.T) {
	err := decodeFront("audiences: !00\n0000 000000000000\n", &Template{})
	if err == nil || !strings.Contains(err.Error(), "front matter could not be read") {
		t.Fatalf("decodeFront = %v, want the recovered decoder failure", err)
	}
}

func TestYAMLTagsRefusedWithPosition(t *testing.T) {
	for _, front := range []string{"audiences: !00\n0000 0\n", "title: !!binary aGk=\n", "id: x\ntitle: !custom X\n"} {
		_, err := ParseTemplate("t.md", []byte("---\n"+front+"---\nBody\n"))
		var pr Problem
		if !errors.As(err, &pr) || pr.Line < 2 || !strings.Contains(pr.Message, "YAML tags") {
			t.Errorf("front %q: got %v, want a located YAML tag problem", front, err)
		}
	}
	if _, err := ParseTemplate("t.md", []byte("---\nid: x\ntitle: \"!not a tag\"\nkind: custom\n---\nBody\n")); err != nil {
		t.Errorf("quoted exclamation mark refused: %v", err)
	}
}

// Front matter that would make the YAML decoder explode is refused with
// its position before it is decoded.
func TestFrontMatterThatExplodesIsRefused(t *testing.T) {
	laughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, c := range "bcdefghi" {
		prev := string(rune('a' + i))
		laughs += string(c) + ": &" + string(c) + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n"
	}
	for _, tc := range []struct {
		name, front string
		line        int
		want        string
	}{
		{"billion laughs", "id: x\ntitle: X\nkind: custom\n" + laughs, 5, "anchors and aliases"},
		{"alias alone", "id: x\ntitle: X\nkind: custom\nsummary: *ref\n", 5, "anchors and aliases"},
		{"deep flow", "id: x\ntitle: X\nkind: custom\nsummary: " + strings.Repeat("[", 100000) + "\n", 5, "nested more than 16 deep"},
		{"deep blocks", "id: x\ntitle: X\nkind: custom\nsummary:\n" + deepBlocks(40), 0, "nested more than 16 deep"},
		{"tag", "id: x\ntitle: !custom X\n", 3, "YAML tags"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplate("t.md", []byte("---\n"+tc.front+"---\nBody\n"))
			var p Problem
			if !errors.As(err, &p) || !strings.Contains(p.Message, tc.want) || (tc.line > 0 && p.Line != tc.line) || p.Line < 2 {
				t.Fatalf("got %v, want line %d saying %q", err, tc.line, tc.want)
			}
		})
	}
	// Ordinary nesting and a quoted asterisk still load.
	ok := "id: x\ntitle: \"*Starred* & co\"\nkind: custom\nsources:\n  - title: A\n    url: https://example.org/a\n"
	if _, err := ParseTemplate("t.md", []byte("---\n"+ok+"---\nBody\n")); err != nil {
		t.Fatalf("ordinary front matter refused: %v", err)
	}
}

// deepBlocks is a block list nested n levels.
func deepBlocks(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("  ", i+1) + "-\n")
	}
	return b.String()
}
