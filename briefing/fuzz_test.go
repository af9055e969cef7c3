package briefing

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/pdf"

	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
)

// Fuzz targets: `make fuzz` runs each for a while, `make test` briefly.
// Seeds are added here and kept in testdata/fuzz/<Target>/. Each target
// checks more than "no panic": errors must be located Problems, and what
// loads must survive a round trip.

func FuzzDecodePacket(f *testing.F) {
	f.Add(assets.Sample())
	f.Add([]byte(`{"version":1,"title":"T","audience":"staff","sections":[{"template":"x","body":"b"}],"extra":[1,2]}`))
	f.Add([]byte(`{"version":1,"sections":[{}],"style":{"logo":"AAAA"}}`))
	f.Add([]byte("{\"version\":1,\"title\":\"\xff\"}"))
	// Keys the JSON decoder would match loosely, duplicates, built-in
	// variable names.
	f.Add([]byte(`{"version":1,"TITLE":"x","title":"y","audience":"staff","sections":[]}`))
	f.Add([]byte(`{"version":1,"title":"t","mar\u212Aing":"","marking":"S","audience":"staff","sections":[{"template":"a","Included":false}]}`))
	f.Add([]byte(`{"version":1,"marking":"S","marking":"","audience":"staff","sections":[],"sections":[]}`))
	f.Add([]byte(`{"version":1,"title":"t","audience":"staff","variables":{"audience":"classroom","a":"1","a":"2"},"sections":[],"style":{"Logo":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePacket("f.briefing", data)
		if err != nil {
			var pr Problem
			var ps Problems
			switch {
			case errors.As(err, &ps):
				for _, pr := range ps {
					if pr.File != "f.briefing" || pr.Line < 1 {
						t.Fatalf("problem %v is not located", pr)
					}
				}
			case !errors.As(err, &pr) || pr.File != "f.briefing":
				t.Fatalf("error %v is not a located Problem", err)
			}
			return
		}
		for k := range p.Variables {
			if builtinVariable(k) {
				t.Fatalf("variable %q overrides a built-in", k)
			}
		}
		var buf bytes.Buffer
		if err := WritePacket(&buf, p); err != nil {
			t.Fatalf("loaded packet does not save: %v", err)
		}
		again, err := DecodePacket("again", buf.Bytes())
		if err != nil {
			t.Fatalf("saved packet does not load: %v\n%s", err, buf.Bytes())
		}
		var buf2 bytes.Buffer
		_ = WritePacket(&buf2, again)
		if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
			t.Fatalf("save is not stable:\n%s\n%s", buf.Bytes(), buf2.Bytes())
		}
	})
}

func FuzzParseTemplate(f *testing.F) {
	for _, n := range []string{"summary.md", "international.md", "discussion.md"} {
		data, _ := readAsset(n)
		f.Add(data)
	}
	f.Add([]byte("---\nid: x\ntitle: X\nkind: custom\nvariables:\n  - name: a\n---\n{{.a}} {{range 3}}y{{end}}\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: x\ntitle: X\nkind: custom\na: &a [1]\nb: *a\n---\nx\n"))
	f.Add([]byte("---\nid: x\ntitle: X\nkind: custom\nsummary: [[[[[[[[[[[[[[[[[[[[\n---\nx\n"))
	f.Add([]byte("---\nid: x\ntitle: X\nkind: custom\n---\n{{$a := printf \"%9d\" 0}}{{$a = print $a $a}}{{$a}}\n"))
	f.Add([]byte("---\nid: x\ntitle: X\nkind: custom\n---\n{{with .a}}{{.}}{{else}}{{if and (eq $.audience \"staff\") (not .b)}}z{{end}}{{end}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tm, err := ParseTemplate("f.md", data)
		if err != nil {
			var pr Problem
			if !errors.As(err, &pr) || pr.File != "f.md" {
				t.Fatalf("error %v is not a located Problem", err)
			}
			return
		}
		vars := map[string]any{"audience": "staff"}
		for _, v := range tm.Variables {
			vars[v.Name] = v.Default
		}
		if _, err := tm.Execute(vars); err != nil {
			var pr Problem
			if !errors.As(err, &pr) || pr.File != "f.md" {
				t.Fatalf("execution error %v is not a located Problem", err)
			}
		}
	})
}

func FuzzExpand(f *testing.F) {
	f.Add("Hello {{.name}}")
	f.Add(`{{if eq .audience "classroom"}}a{{else}}b{{end}}`)
	f.Add(`{{range 10}}{{.name}}{{end}}`)
	f.Add(`{{define "r"}}{{template "r"}}{{end}}{{template "r"}}`)
	f.Add(`{{printf "%s" .name | len}}`)
	f.Add(`{{if eq .audience "client" "staff" -}} A {{.name}} {{- else if ne .audience "x"}}B{{else}}C{{end}}`)
	f.Add(`{{$x := 1}}{{if eq "staff" .audience}}{{$x := 2}}{{end}}{{$x}}`)
	f.Add(`{{with .name}}{{.}}{{.}}{{end}}{{if or (lt 1 2) (ge 3 4)}}{{$.name}}{{end}}`)
	f.Fuzz(func(t *testing.T, body string) {
		tm, err := parseBody("f", body)
		if err != nil {
			return
		}
		// The subset cannot build text: each action prints at most a
		// value ("staff", "N") or a boolean.
		bound := len(body) + len("classroom")*strings.Count(body, "{{")
		for _, aud := range Audiences() {
			vars := map[string]any{"name": "N", "audience": aud}
			edited := &Template{ID: "f", File: "f.md", tmpl: tm}
			out, err := edited.Execute(vars)
			if err == nil && len(out) > bound {
				t.Fatalf("%d bytes of template printed %d bytes", len(body), len(out))
			}
			if err != nil {
				continue
			}
			// What the editor shows for this audience exports the same.
			spec := specializeBody(body, string(aud))
			st, err := parseBody("f", spec)
			if err != nil {
				t.Fatalf("%s version does not parse: %v\n%q", aud, err, spec)
			}
			got, err := (&Template{ID: "f", File: "f.md", tmpl: st}).Execute(vars)
			if err != nil || got != out {
				t.Fatalf("%s version %q gives %q, %v; the template gives %q", aud, spec, got, err, out)
			}
		}
	})
}

func FuzzRender(f *testing.F) {
	for _, n := range []string{"international.md", "discussion.md", "glossary.md", "answer-key.md"} {
		data, _ := readAsset(n)
		f.Add(string(data[bytes.Index(data, []byte("\n---\n"))+5:]))
	}
	f.Add("> [!NOTE]\n> x\n\n```lines 2\n```\n\n<!-- pagebreak -->\n\n| a |\n|---|\n| |\n")
	f.Add("- - - - - deep\n\n> > > quote\n\n[x](javascript:1) <https://a.b>\n")
	f.Add("Ελληνικά ✓ ☐ → ქართული 😀 中\n")
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 20000 {
			return // layout time grows with length; the corpus explores shape
		}
		p := NewPacket("staff")
		p.Date = "2026-11-25"
		p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
		doc, probs := Resolve(lib, p, "f.briefing")
		if probs.HasErrors() {
			return
		}
		info, err := pdf.RenderUncompressed(doc, io.Discard)
		if err != nil {
			t.Fatalf("valid packet failed to render: %v", err)
		}
		if info.Pages < 1 {
			t.Fatal("no pages")
		}
		if q, _ := layout.Paginate(doc); q.Pages != info.Pages {
			t.Fatalf("Paginate says %d pages, Render %d", q.Pages, info.Pages)
		}
	})
}

// FuzzLayout runs only the layout (no PDF), fast enough for many more
// executions than FuzzRender: deep nesting, odd tables, long words.
func FuzzLayout(f *testing.F) {
	f.Add("- - - - - deep\n\n> > > quote\n\n| a | b |\n|---|:-:|\n| " + strings.Repeat("x", 300) + " | |\n")
	f.Add("Term\n: Definition\n\n```lines 40\n```\n\n# H1\n###### H6\n\n***\n\n1. a\n   1. b\n      - c\n")
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		p := NewPacket("classroom")
		p.Sections = []SectionRef{{Template: "summary", Body: &body, Included: true}}
		doc, probs := Resolve(lib, p, "f.briefing")
		if probs.HasErrors() {
			return
		}
		if info, err := layout.Paginate(doc); err != nil || info.Pages < 1 {
			t.Fatalf("layout failed: %v (%d pages)", err, info.Pages)
		}
	})
}

func readAsset(name string) ([]byte, error) {
	f, err := assets.Templates.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b strings.Builder
	_, err = io.Copy(&b, f)
	return []byte(b.String()), err
}
