package docx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/briefsmith/briefsmith/render/layout"
)

// LibreOffice reads the .docx as its recipients' word processors do:
// these tests lay documents out with it and read the pages back with
// pdftotext. scripts/setup.sh installs both for `make test`.

// officeCache holds LibreOffice's pages for each document converted in
// this test run: a conversion takes seconds.
var officeCache = struct {
	sync.Mutex
	pages map[string]officePDF
}{pages: map[string]officePDF{}}

// officePDF is what LibreOffice made of a document: each page's text
// and the fonts its PDF embeds (pdffonts' listing).
type officePDF struct {
	pages []string
	fonts string
}

// needOffice skips the test, saying why, when LibreOffice or poppler is
// missing outside CI, and fails it in CI, where setup.sh installs them.
func needOffice(t testing.TB) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err == nil {
		_, err = exec.LookPath("pdftotext")
	}
	if err == nil {
		_, err = exec.LookPath("pdffonts")
	}
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("soffice or pdftotext is not installed: `make deps` installs libreoffice-writer-nogui and poppler-utils (this test runs in CI)")
		}
		t.Fatal("soffice or pdftotext is not installed in CI: scripts/setup.sh should have installed them")
	}
	return soffice
}

// officePages converts each document with LibreOffice in one run and
// returns each one's pages as text (pdftotext -layout), keyed as docs.
func officePages(t testing.TB, docs map[string][]byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for k, v := range officePDFs(t, docs) {
		out[k] = v.pages
	}
	return out
}

// officePDFs converts each document with LibreOffice in one run.
func officePDFs(t testing.TB, docs map[string][]byte) map[string]officePDF {
	t.Helper()
	soffice := needOffice(t)
	officeCache.Lock()
	defer officeCache.Unlock()
	dir := t.TempDir()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}
	keys := map[string]string{}
	for name, data := range docs {
		key := name + "\x00" + string(data)
		if _, ok := officeCache.pages[key]; ok {
			continue
		}
		keys[name] = key
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	if len(keys) > 0 {
		cmd := exec.Command(soffice, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
	}
	out := map[string]officePDF{}
	for name, data := range docs {
		key := name + "\x00" + string(data)
		if k, ok := keys[name]; ok {
			pdf := filepath.Join(dir, "pdf", name+".pdf")
			fonts, err := exec.Command("pdffonts", pdf).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			officeCache.pages[k] = officePDF{pdfText(t, pdf), string(fonts)}
		}
		out[name] = officeCache.pages[key]
	}
	return out
}

// pdfText is each page's text, as pdftotext lays it out.
func pdfText(t testing.TB, pdf string) []string {
	t.Helper()
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// docxOf writes a document of one section holding md.
func docxOf(t testing.TB, md string) []byte {
	t.Helper()
	doc := &layout.Document{
		Meta:     layout.Metadata{Title: "T", Language: "en-US"},
		Settings: layout.NewSettings(612, 792, 10.5, layout.RGB{R: 0x1b, G: 0x6e, B: 0x5a}, nil, layout.Profile{LineSpacing: 1.3}),
		Front:    []layout.Block{layout.MemoHeading{}},
		Sections: []layout.Section{{ID: "s", Title: "Section", Blocks: layout.ParseMarkdown(md)}},
	}
	var buf bytes.Buffer
	if err := WriteDocx(doc, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// numbersBefore lists the list numbers ("1.") printed at the start of
// each line holding one of the words, in order.
func numbersBefore(text string, words ...string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		for _, w := range words {
			for i := 1; i < len(f); i++ {
				if f[i] == w && strings.HasSuffix(f[i-1], ".") {
					if _, err := strconv.Atoi(strings.TrimSuffix(f[i-1], ".")); err == nil {
						out = append(out, f[i-1]+" "+w)
					}
				}
			}
		}
	}
	return out
}

func TestNumberedListsUnderBulletsRestartInLibreOffice(t *testing.T) {
	md := "- First bullet\n\n  1. alpha\n  2. beta\n\n- Second bullet\n\n  1. gamma\n  2. delta\n\nBetween.\n\n1. epsilon\n2. zeta\n"
	pages := officePages(t, map[string][]byte{"restart": docxOf(t, md)})["restart"]
	got := strings.Join(numbersBefore(strings.Join(pages, "\n"), "alpha", "beta", "gamma", "delta", "epsilon", "zeta"), ", ")
	if want := "1. alpha, 2. beta, 1. gamma, 2. delta, 1. epsilon, 2. zeta"; got != want {
		t.Errorf("LibreOffice numbers the lists %s, want %s (as the PDF)", got, want)
	}
}
