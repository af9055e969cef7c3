package briefing

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/render/layout"
)

// The .docx is checked with what its recipients' software resembles:
// python-docx (Debian's python3-docx) reads the styles by name, and
// LibreOffice lays it out. `make test` installs both (scripts/setup.sh).

// docxSample is one sample packet in one page size, as a Document and
// as the .docx written from it.
type docxSample struct {
	name string
	doc  *layout.Document
	data []byte
}

func docxSampleSet(t *testing.T) []docxSample {
	t.Helper()
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []docxSample
	for _, name := range []string{"staff", "classroom", "client"} {
		for _, size := range []string{"letter", "a4"} {
			p := loadSampleNamed(t, name+".briefing")
			p.Style.PageSize = PageSize(size)
			doc, probs := Resolve(lib, p, name+".briefing")
			if probs.HasErrors() {
				t.Fatalf("%s: %v", name, probs.Errors())
			}
			data, _, err := RenderPacketDocx(lib, p, name+".briefing")
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, docxSample{name + "-" + size, doc, data})
		}
	}
	return out
}

// wantHeadings lists the headings a reader of the Document meets, in
// order, with the Word style each should have: section titles Heading 1,
// body headings one level below (outside tables and call-outs, which
// python-docx does not list among the body's paragraphs).
func wantHeadings(doc *layout.Document) [][2]string {
	var out [][2]string
	var walk func([]layout.Block)
	walk = func(bs []layout.Block) {
		for _, b := range bs {
			switch v := b.(type) {
			case layout.Heading:
				var s strings.Builder
				for _, r := range v.Text {
					s.WriteString(r.Text)
				}
				out = append(out, [2]string{fmt.Sprintf("Heading %d", min(max(v.Level, 1)+1, 6)), s.String()})
			case layout.Quote:
				walk(v.Blocks)
			case layout.List:
				for _, it := range v.Items {
					walk(it.Blocks)
				}
			}
		}
	}
	for _, s := range doc.Sections {
		out = append(out, [2]string{"Heading 1", s.Title})
		walk(s.Blocks)
	}
	return out
}

func TestDocxStylesAsPythonDocxReadsThem(t *testing.T) {
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import docx").Run(); err != nil {
		t.Fatalf("python3-docx is not installed (%v): run `make deps`", err)
	}
	for _, s := range docxSampleSet(t) {
		t.Run(s.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), s.name+".docx")
			if err := os.WriteFile(path, s.data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(py, "-c", `import docx, sys
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.style.name + "\t" + p.text.replace("\n", " "))
print("CORE\t" + d.core_properties.title + "\t" + d.core_properties.language)`, path).CombinedOutput()
			if err != nil {
				t.Fatalf("python-docx could not read it: %v\n%s", err, out)
			}
			var got [][2]string
			styles := map[string]bool{}
			// The marking and the watermark's word are in the header,
			// the footer and a shape, which a screen reader reading the
			// body never meets: the heading says them, once.
			handling, beforeSections := 0, true
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				style, text, _ := strings.Cut(line, "\t")
				styles[style] = true
				if style == "Heading 1" {
					beforeSections = false
				}
				if m := s.doc.Meta; m.Marking != "" && strings.Contains(text, m.Marking) && strings.Contains(text, m.Watermark) {
					handling++
					if !beforeSections {
						t.Errorf("the handling line is among the sections: %q", text)
					}
				}
				if strings.HasPrefix(style, "Heading ") {
					got = append(got, [2]string{style, text})
				}
				if style == "CORE" && text != s.doc.Meta.Title+"\t"+s.doc.Meta.Language {
					t.Errorf("properties: %q", text)
				}
			}
			if s.doc.Meta.Marking != "" && handling != 1 {
				t.Errorf("the body's text names the marking %q (and watermark %q) %d times, want once, before the sections", s.doc.Meta.Marking, s.doc.Meta.Watermark, handling)
			}
			want := wantHeadings(s.doc)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("headings:\n got %q\nwant %q", got, want)
			}
			need := []string{"Title", "Subtitle", "List Bullet", "List Number"}
			for _, b := range s.doc.Front {
				if _, ok := b.(layout.Contents); ok {
					need = append(need, "toc 1", "TOC Heading")
				}
			}
			for _, need := range need {
				if !styles[need] {
					var have []string
					for k := range styles {
						have = append(have, k)
					}
					sort.Strings(have)
					t.Errorf("no paragraph in style %q; styles used: %q", need, have)
				}
			}
		})
	}
}

func TestDocxOpensInLibreOfficeAsTheSameDocument(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("soffice is not installed: `make deps` installs libreoffice-writer-nogui (this test runs in CI)")
		}
		t.Fatal("soffice is not installed in CI: scripts/setup.sh should have installed libreoffice-writer-nogui")
	}
	samples := docxSampleSet(t)
	dir := t.TempDir()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}
	for _, s := range samples {
		path := filepath.Join(dir, s.name+".docx")
		if err := os.WriteFile(path, s.data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			pdf := filepath.Join(dir, "pdf", s.name+".pdf")
			if _, err := os.Stat(pdf); err != nil {
				t.Fatalf("LibreOffice wrote no PDF for %s.docx", s.name)
			}
			pages := pdfPages(t, pdf, "-raw")
			all := squash(strings.Join(pages, " "))
			// A cell's words wrap inside its column, breaking after a
			// hyphen too: cells are compared without spaces.
			solid := strings.ReplaceAll(all, " ", "")
			// The section headings, in the same order.
			at := 0
			for _, h := range wantHeadings(s.doc) {
				i := strings.Index(all[at:], squash(h[1]))
				if i < 0 {
					t.Fatalf("heading %q missing or out of order", h[1])
				}
				at += i + len(squash(h[1]))
			}
			// The marking on every page, "Page N of M" on every page but a
			// cover, which, as in the PDF, has no running header or page
			// number.
			mk := squash(s.doc.Meta.Marking)
			_, cover := s.doc.Front[0].(layout.Cover)
			for i, p := range pages {
				p = squash(p)
				if mk != "" && strings.Count(p, mk) < 2 {
					t.Errorf("page %d: the marking %q is not at top and bottom", i+1, mk)
				}
				want := fmt.Sprintf("Page %d of %d", i+1, len(pages))
				if onCover := cover && i == 0; strings.Contains(p, want) == onCover {
					t.Errorf("page %d (cover %v): %q shown: %v", i+1, onCover, want, !onCover)
				}
				if cover && i == 0 && strings.Contains(p, squash(s.doc.Meta.Title)+" Page") {
					t.Errorf("the cover has the running header")
				}
			}
			// The logo in the header of every page of a client brief.
			if s.doc.Settings.Logo != nil && s.doc.Settings.Profile.HeaderLogo {
				onPage := map[string]bool{}
				for _, line := range strings.Split(tool(t, "pdfimages", "-list", pdf), "\n")[2:] {
					if f := strings.Fields(line); len(f) > 2 && f[2] == "image" {
						onPage[f[0]] = true
					}
				}
				if len(onPage) != len(pages) {
					t.Errorf("the logo is on %d of %d pages", len(onPage), len(pages))
				}
			}
			// Every table cell's text.
			for _, sec := range s.doc.Sections {
				for _, b := range sec.Blocks {
					tb, ok := b.(layout.Table)
					if !ok {
						continue
					}
					for _, row := range tb.Rows {
						for _, c := range row.Cells {
							var txt strings.Builder
							for _, r := range c.Text {
								txt.WriteString(r.Text)
							}
							if w := strings.Join(strings.Fields(txt.String()), ""); w != "" && !strings.Contains(solid, w) {
								t.Errorf("table cell %q is not in LibreOffice's PDF", w)
							}
						}
					}
				}
			}
		})
	}
}

// squash joins a text's words with single spaces, as a line-wrapped PDF
// and its source compare.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
