package editor

import (
	"reflect"
	"testing"

	"github.com/briefsmith/briefsmith/internal/corpus"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// parseEq is the plain text of the one paragraph s parses to.
func parseEq(t *testing.T, s string) string {
	t.Helper()
	b := sectiontext.Parse(s)
	if len(b.Blocks) != 1 {
		t.Fatalf("%q: %d blocks", s, len(b.Blocks))
	}
	p, ok := b.Blocks[0].(sectiontext.Paragraph)
	if !ok {
		t.Fatalf("%q: not a paragraph: %#v", s, b.Blocks[0])
	}
	e := New()
	return e.plain(atomsOf(p.Inlines, style{}, nil))
}

// bodies is every body Briefsmith ships (internal/corpus).
func bodies(t *testing.T) map[string]string {
	t.Helper()
	out, err := corpus.Bodies()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOpenUneditedChangesNoByte: opening every built-in body and reading
// it back unedited stores exactly what was opened.
func TestOpenUneditedChangesNoByte(t *testing.T) {
	e, _ := open(t, "")
	for name, body := range bodies(t) {
		b := sectiontext.Parse(body)
		if b.TemplateCode {
			continue
		}
		if err := e.SetBody(b); err != nil {
			t.Fatal(err)
		}
		e.Refresh()
		if got := md(e); got != sectiontext.Write(b) {
			t.Errorf("%s: stored\n%s\nopened\n%s", name, got, sectiontext.Write(b))
		}
	}
}

// TestRebuiltBodiesMatch: every block the editor edits item by item,
// rebuilt from what the editor holds (as after an edit), is the block it
// opened, so editing one word changes only that word's block.
func TestRebuiltBodiesMatch(t *testing.T) {
	for name, body := range bodies(t) {
		b := sectiontext.Parse(body)
		if b.TemplateCode {
			continue
		}
		bs := load(b)
		for _, x := range bs {
			x.orig, x.from = nil, nil
		}
		got := sectiontext.Normalize(sectiontext.Body{Blocks: build(bs), Notes: b.Notes})
		if !reflect.DeepEqual(got, sectiontext.Normalize(b)) {
			t.Errorf("%s: rebuilt\n%s\nopened\n%s", name, sectiontext.Write(got), sectiontext.Write(b))
		}
	}
}
