package app

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// File › Import Word… makes a new, unsaved packet of the kind chosen from
// a Word document, its Heading 1s the sections; Cancel at either question
// changes nothing.
func TestImportWordMakesANewPacket(t *testing.T) {
	h := newHarness(t, nil)
	raw, err := fs.ReadFile(assets.Samples, "classroom.briefing")
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := briefing.DecodePacket("s", raw)
	data, _, err := briefing.RenderPacketDocx(h.w.lib, sample, "s")
	if err != nil {
		t.Fatal(err)
	}
	_ = afero.WriteFile(h.fs, "/docs/handout.docx", data, 0o644)
	before := h.w.doc
	h.ui.openPath = "/docs/handout.docx"
	h.w.menuItem("File", "Import Word…").Action()
	if h.w.doc != before || len(h.ui.asked) != 1 || h.ui.asked[0] != "import:handout.docx" {
		t.Fatalf("cancelled import: asked %v, packet replaced %v", h.ui.asked, h.w.doc != before)
	}
	h.ui.importKind = briefing.Classroom
	h.w.menuItem("File", "Import Word…").Action()
	p := h.doc()
	if p.Audience != briefing.Classroom || p.Title != sample.Title || len(p.Sections) < 5 || !h.w.doc.dirty || h.w.doc.path != "" {
		t.Fatalf("imported: %s %q, %d sections, dirty %v, path %q", p.Audience, p.Title, len(p.Sections), h.w.doc.dirty, h.w.doc.path)
	}
	if !strings.Contains(*p.Sections[1].Body, "**work with AI companies**") {
		t.Errorf("section 2 reads %q", *p.Sections[1].Body)
	}
	if len(h.ui.errors) > 0 {
		t.Errorf("errors: %v", h.ui.errors)
	}
}
