package briefing

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/render/layout"
)

// A .docx is sent to someone who prints it or says "see page 3": Word's
// pages should be the PDF's. LibreOffice lays the .docx out here (it
// sets Times New Roman, Arial and Courier New in their metric-compatible
// Liberation faces, the PDF's own), and each document's page count and
// the page of every heading must be the PDF's.

// handoutPacket is a teacher's two-page handout: a table, a glossary and
// questions with answer lines, the blocks whose spacing differs most
// between word processors.
func handoutPacket() *Packet {
	p := NewPacket(Classroom)
	p.Title = "Rivers and Floods"
	sec := func(title, body string) {
		p.Sections = append(p.Sections, SectionRef{Template: "summary", Title: title, Body: &body, Included: true})
	}
	p.Sections = nil
	sec("What a Flood Is", "A river floods when more water reaches it than its channel can carry: rain that falls for days, snow that melts in spring, a storm at sea.\n")
	sec("Comparing Two Rivers", "The table compares two rivers that flood in different ways.\n\n| | River Severn | River Thames |\n|---|---|---|\n| Length | 354 km | 346 km |\n| Source | Welsh mountains | Cotswold hills |\n| Main flood cause | Heavy rain upstream | Rain and high tides |\n| Defences | Temporary barriers in towns | The Thames Barrier |\n\nUse the table to answer the first question.\n\n1. Which river is protected by a barrier that closes at high tide?\n\n```lines 3\n```\n")
	sec("Glossary", "Catchment\n: The area of land whose rain drains into one river.\n\nFloodplain\n: Flat land beside a river that is covered by water when the river floods.\n\nTributary\n: A smaller river that flows into a larger one.\n")
	sec("Think About It", "1. How could a town on a floodplain prepare for a flood?\n\n```lines 3\n```\n")
	// Fitted to two pages, as a teacher asks for a double-sided sheet:
	// the fitted spacing and margins must carry over too.
	p.PageLimit, p.Style.FitToLimit = 2, true
	p.Style.Cover, p.Style.TOC = false, false
	return p
}

// headingPages finds the page (from 1) each heading is printed on,
// searching in order: a line that is the heading, else the heading's
// words anywhere (a long one wraps); 0 when it is missing.
func headingPages(pages []string, heads [][2]string) []int {
	var out []int
	at := 0
	for _, h := range heads {
		want := squash(h[1])
		found := 0
		for pass := 0; pass < 2 && found == 0; pass++ {
			for i := at; i < len(pages) && found == 0; i++ {
				if pass == 1 && strings.Contains(squash(pages[i]), want) {
					found = i + 1
				}
				for _, line := range strings.Split(pages[i], "\n") {
					if pass == 0 && squash(line) == want {
						found = i + 1
						break
					}
				}
			}
		}
		if found > 0 {
			at = found - 1
		}
		out = append(out, found)
	}
	return out
}

func TestDocxPagesAreThePDFsInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("soffice is not installed: `make deps` installs libreoffice-writer-nogui (this test runs in CI)")
		}
		t.Fatal("soffice is not installed in CI: scripts/setup.sh should have installed libreoffice-writer-nogui")
	}
	lib := builtinLibrary(t)
	type sample struct {
		name string
		p    *Packet
	}
	samples := []sample{{"handout", handoutPacket()}}
	for _, name := range []string{"staff", "classroom", "client"} {
		samples = append(samples, sample{name, loadSampleNamed(t, name+".briefing")})
	}
	dir := t.TempDir()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", filepath.Join(dir, "lo")}
	pdfs := map[string][]string{}
	docs := map[string]*layout.Document{}
	for _, s := range samples {
		doc, probs := ExportDocument(lib, s.p, s.name+".briefing")
		if probs.HasErrors() {
			t.Fatalf("%s: %v", s.name, probs.Errors())
		}
		docs[s.name] = doc
		data, _, err := RenderPacket(lib, s.p, s.name+".briefing")
		if err != nil {
			t.Fatal(err)
		}
		pdfs[s.name] = pdfPages(t, writePDF(t, data), "-raw")
		wd, _, err := RenderPacketDocx(lib, s.p, s.name+".briefing")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, s.name+".docx")
		if err := os.WriteFile(path, wd, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	if n := len(pdfs["handout"]); n != 2 {
		t.Errorf("the handout is %d pages as PDF; the test wants a two-page handout", n)
	}
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			word := pdfPages(t, filepath.Join(dir, "lo", s.name+".pdf"), "-raw")
			if len(word) != len(pdfs[s.name]) {
				t.Errorf("LibreOffice lays the .docx out on %d pages, the PDF has %d", len(word), len(pdfs[s.name]))
			}
			heads := wantHeadings(docs[s.name])
			want, got := headingPages(pdfs[s.name], heads), headingPages(word, heads)
			for i, h := range heads {
				if want[i] != got[i] {
					t.Errorf("%q is on page %d of the .docx, page %d of the PDF", h[1], got[i], want[i])
				}
			}
		})
	}
}
