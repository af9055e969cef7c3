package briefing

import (
	"errors"
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
		{"bad placeholder", "---\nid: x\ntitle: X\nkind: custom\n---\nline five\nline six {{.a\n", 8, "unclosed action started on line 7"},
		{"unknown function", "---\nid: x\ntitle: X\nkind: custom\n---\n{{readFile \"/etc/passwd\"}}\n", 6, `"readFile" not defined`},
		{"not utf-8", "---\nid: x\xff\n", 0, "not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplate("t.md", []byte(tc.text))
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

func TestRunawayTemplatesAreStopped(t *testing.T) {
	// A range that prints nothing would spin: refused when parsed.
	_, err := ParseTemplate("spin.md", []byte("---\nid: spin\ntitle: Spin\nkind: custom\n---\n{{range 100000}}{{range 100000}}{{end}}{{end}}\n"))
	var p Problem
	if !errors.As(err, &p) || p.File != "spin.md" || p.Line != 6 || !strings.Contains(p.Message, "range repeats 100000 times; the limit is 10000") {
		t.Fatalf("spin: %v", err)
	}
	_, err = ParseTemplate("nest.md", []byte("---\nid: nest\ntitle: Nest\nkind: custom\n---\n{{range 1000}}\n{{range 1000}}x{{end}}{{end}}\n"))
	if !errors.As(err, &p) || p.Line != 7 || !strings.Contains(p.Message, "range repeats 1000 times") {
		t.Fatalf("nested ranges: %v", err)
	}
	// A range within the limit that prints too much is stopped by size.
	tm, err := ParseTemplate("loop.md", []byte("---\nid: loop\ntitle: Loop\nkind: custom\n---\n{{range 10000}}"+strings.Repeat("x", 1000)+"{{end}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tm.Execute(map[string]any{})
	if err == nil || !strings.Contains(err.Error(), "grew past") || !strings.HasPrefix(err.Error(), "loop.md") {
		t.Fatalf("err = %v, want a size limit error naming loop.md", err)
	}
	// Recursion through define/template ends with text/template's own limit.
	tm, err = ParseTemplate("rec.md", []byte("---\nid: rec\ntitle: Rec\nkind: custom\n---\n{{define \"r\"}}{{template \"r\"}}{{end}}{{template \"r\"}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err = tm.Execute(map[string]any{}); err == nil || !strings.Contains(err.Error(), "rec.md") {
		t.Fatalf("recursion: %v", err)
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
