package briefing

import (
	"fmt"
	"io/fs"
	"reflect"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// TestTextModelBlocks: the renderer's blocks built from the section model
// (parsed, then filled) are those the Markdown parse of the filled
// template gives today, for every built-in template as every audience
// reads it, with each sample packet's values and with every field
// filled. Runs are compared merged (see sameBlocks).
func TestTextModelBlocks(t *testing.T) {
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(assets.Samples, "*.briefing")
	checked := 0
	for _, name := range names {
		data, _ := fs.ReadFile(assets.Samples, name)
		sample, err := DecodePacket(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range Audiences() {
			p := *sample
			p.Audience = a
			for _, allSet := range []bool{false, true} {
				vars := Values(lib, &p)
				if allSet {
					for _, tm := range lib.Templates() {
						for _, v := range tm.Variables {
							vars[v.Name] = "Set " + v.Name + " 'value'"
						}
					}
				}
				value := func(n string) (string, bool) {
					v, ok := vars[n]
					s, _ := v.(string)
					return s, ok
				}
				for _, tm := range lib.Templates() {
					if !tm.Suits(a) {
						continue
					}
					where := fmt.Sprintf("%s as %s with %s's values (all set: %v)", tm.ID, a, name, allSet)
					executed, err := tm.Execute(vars)
					if err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					model := sectiontext.Parse(tm.BodyFor(a))
					if model.TemplateCode {
						t.Errorf("%s: read as template code", where)
						continue
					}
					got := blocksOf(sectiontext.Fill(model, value))
					want := layout.ParseMarkdown(executed)
					if !sameBlocks(got, want) {
						t.Errorf("%s: blocks differ\n got: %#v\nwant: %#v", where, merged(got), merged(want))
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d template bodies checked", checked)
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

// sameBlocks compares blocks with each block's runs merged: goldmark
// leaves one style's text in pieces where its parser looked ahead and
// found nothing (a quote, the last space of a line), which prints alike.
func sameBlocks(a, b []layout.Block) bool { return reflect.DeepEqual(merged(a), merged(b)) }

func merged(bs []layout.Block) []layout.Block {
	var out []layout.Block
	for _, x := range bs {
		out = append(out, mergedBlock(x))
	}
	return out
}

func mergedBlock(x layout.Block) layout.Block {
	switch x := x.(type) {
	case layout.Paragraph:
		return layout.Paragraph{Text: mergedRuns(x.Text)}
	case layout.Heading:
		return layout.Heading{Level: x.Level, Text: mergedRuns(x.Text)}
	case layout.List:
		l := x
		l.Items = nil
		for _, it := range x.Items {
			l.Items = append(l.Items, layout.ListItem{Blocks: merged(it.Blocks)})
		}
		return l
	case layout.Table:
		t := layout.Table{Align: x.Align}
		for _, r := range x.Rows {
			row := layout.TableRow{Header: r.Header}
			for _, c := range r.Cells {
				row.Cells = append(row.Cells, layout.TableCell{Text: mergedRuns(c.Text)})
			}
			t.Rows = append(t.Rows, row)
		}
		return t
	case layout.Callout:
		return layout.Callout{Label: x.Label, Lead: mergedRuns(x.Lead), Blocks: merged(x.Blocks)}
	case layout.Quote:
		return layout.Quote{Blocks: merged(x.Blocks)}
	case layout.Glossary:
		var g layout.Glossary
		for _, e := range x.Entries {
			ge := layout.GlossaryEntry{Term: mergedRuns(e.Term)}
			for _, d := range e.Definitions {
				ge.Definitions = append(ge.Definitions, merged(d))
			}
			g.Entries = append(g.Entries, ge)
		}
		return g
	case layout.Notes:
		var n layout.Notes
		for _, it := range x.Items {
			n.Items = append(n.Items, layout.Note{Label: it.Label, Blocks: merged(it.Blocks)})
		}
		return n
	}
	return x
}

func mergedRuns(in []layout.Run) []layout.Run {
	var out []layout.Run
	for _, r := range in {
		if r.Kind == layout.RunText && r.Text == "" {
			continue
		}
		if k := len(out) - 1; k >= 0 && r.Kind == layout.RunText && out[k].Kind == layout.RunText {
			p := out[k]
			p.Text = r.Text
			if p == r {
				out[k].Text += r.Text
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// TestTextModelConstructs: the same for small bodies using what the
// built-in templates do not: links safe and not, addresses, images,
// footnotes, quotes beside styles, dashes, breaks, code and HTML. The
// bodies are canonical, as the editor stores them: a body that is not
// ("<<" unescaped) may set differently, since the model is set as Write
// spells it.
func TestTextModelConstructs(t *testing.T) {
	for _, body := range []string{
		"See [the order](https://example.gov/eo) and [a file](file:///etc/passwd) and [empty](<>).\n",
		"Mail <someone@example.org>, visit www.example.com or <https://example.com/x>.\n",
		"An image: ![a \"quoted\" chart](chart.png) here.\n",
		"A claim[^a] and another[^b], again[^a].\n\n[^a]: First note, \"quoted\".\n\n[^b]: Second note.\n",
		"**\"Bold quote\"** and *'single'* -- dash --- em... and \"it's\" 'rock 'n' roll' \"5\" 1990's.\n",
		"Line one\\\nline two\nline three.\n",
		"```go\nfmt.Println(\"x\")\n```\n\n<div>\nraw\n</div>\n\n<!-- pagebreak -->\n\n---\n",
		"> Quoted \"text\".\n>\n> - a\n> - b\n\n> [!WARNING]\n> Careful -- \"really\".\n",
		"3. third\n4. fourth\n\n1) one\n\n- [@a; @b] cited\n",
		"| a | \"b\" |\n|:---|---:|\n| `c` | d -- e |\n",
		"Term \"one\"\n: Its 'definition'.\n: Another.\n",
		"A >> B and x--y and `\"code\"` and \"[link](https://e.org)\".\n",
	} {
		model := sectiontext.Parse(body)
		if w := sectiontext.Write(model); w != body {
			t.Errorf("test body %q is not canonical: %q", body, w)
		}
		got := blocksOf(sectiontext.Fill(model, func(string) (string, bool) { return "", false }))
		want := layout.ParseMarkdown(body)
		if !sameBlocks(got, want) {
			t.Errorf("%q: blocks differ\n got: %#v\nwant: %#v", body, merged(got), merged(want))
		}
	}
}
