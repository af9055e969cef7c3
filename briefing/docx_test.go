package briefing

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
)

// docxSamples are the three samples in both page sizes.
func docxSamples(t *testing.T) map[string][]byte {
	t.Helper()
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, name := range []string{"staff", "classroom", "client"} {
		for _, size := range []string{"letter", "a4"} {
			p := loadSampleNamed(t, name+".briefing")
			p.Style.PageSize = PageSize(size)
			data, _, err := RenderPacketDocx(lib, p, name+".briefing")
			if err != nil {
				t.Fatalf("%s %s: %v", name, size, err)
			}
			out[name+"-"+size] = data
		}
	}
	return out
}

// checkDocxPackage reads every entry of the zip and decodes every XML
// part to its end: a part that is not well-formed makes Word refuse the
// whole file.
func checkDocxPackage(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = body
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(body))
			for {
				_, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
				}
			}
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"} {
		if parts[need] == nil {
			t.Errorf("no %s in the package", need)
		}
	}
	return parts
}

func TestDocxSamplesAreWellFormedAndDeterministic(t *testing.T) {
	first := docxSamples(t)
	second := docxSamples(t)
	// BRIEFSMITH_DOCX_DIR keeps the samples' .docx files there, for
	// looking at them beside the PDFs.
	dir := os.Getenv("BRIEFSMITH_DOCX_DIR")
	for name, data := range first {
		checkDocxPackage(t, data)
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s: two exports differ", name)
		}
		if dir != "" {
			os.WriteFile(filepath.Join(dir, name+".docx"), data, 0o644)
		}
	}
}

// Every packet of the hostile corpus either is refused with its
// problems, as the PDF export refuses it, or gives a Word document whose
// every part is well-formed XML — never a panic or a broken file.
func TestHostileCorpusAsWord(t *testing.T) {
	lib := builtinLibrary(t)
	entries, err := os.ReadDir("testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".briefing" {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/hostile", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			p, err := DecodePacket(e.Name(), data)
			if err != nil {
				return // refused on loading, as for the PDF
			}
			docx, res, err := RenderPacketDocx(lib, p, e.Name())
			if err != nil {
				if len(res.Errors) == 0 {
					t.Fatalf("refused without saying why: %v", err)
				}
				return
			}
			parts := checkDocxPackage(t, docx)
			// Only http, https and mailto addresses become links.
			rels := string(parts["word/_rels/document.xml.rels"])
			for _, m := range strings.Split(rels, `TargetMode="External"`)[:strings.Count(rels, `TargetMode="External"`)] {
				target := m[strings.LastIndex(m, `Target="`)+len(`Target="`):]
				if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") && !strings.HasPrefix(target, "mailto:") {
					t.Errorf("a link to %s", target)
				}
			}
			written++
		})
	}
	if written < 2 { // unsafe-links.briefing and unknown-fields.briefing load
		t.Errorf("only %d hostile packets gave a Word document", written)
	}
}
