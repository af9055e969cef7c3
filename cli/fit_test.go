package cli

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// staffWithLimit writes the staff sample with a page limit to path.
func staffWithLimit(t *testing.T, fsys afero.Fs, path string, limit int) {
	t.Helper()
	data, err := fs.ReadFile(assets.Samples, "staff.briefing")
	if err != nil {
		t.Fatal(err)
	}
	p, err := briefing.DecodePacket("staff.briefing", data)
	if err != nil {
		t.Fatal(err)
	}
	p.PageLimit = limit
	var buf bytes.Buffer
	if err := briefing.WritePacket(&buf, p); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(fsys, path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExportFitPrintsTheReport(t *testing.T) {
	fsys := afero.NewMemMapFs()
	staffWithLimit(t, fsys, "/p/staff.briefing", 3)
	plain := run(t, fsys, "export", "/p/staff.briefing", "-o", "/out/plain.pdf")
	if plain.code != ExitOK || strings.Contains(plain.stderr, "fit:") {
		t.Fatalf("without --fit: %+v", plain)
	}
	r := run(t, fsys, "export", "--fit", "/p/staff.briefing", "-o", "/out/fit.pdf")
	if r.code != ExitOK {
		t.Fatalf("export --fit: %+v", r)
	}
	t.Logf("staff sample, limit 3, --fit: %s", r.stderr)
	if !strings.Contains(r.stderr, "briefsmith export: fit: fits 3 pages (limit 3, was 4): ") &&
		!strings.Contains(r.stderr, "briefsmith export: fit: 1 page over at the tightest: 4 pages for a limit of 3, about ") {
		t.Errorf("no specific fit report:\n%s", r.stderr)
	}
	pdf, _ := afero.ReadFile(fsys, "/out/fit.pdf")
	info := pdfinfo(t, pdf)
	if strings.Contains(r.stderr, "fit: fits") && !strings.Contains(info, "Pages:           3\n") {
		t.Errorf("reported a fit, printed:\n%s", info)
	}
	again := run(t, fsys, "export", "--fit", "/p/staff.briefing", "-o", "/out/fit2.pdf")
	pdf2, _ := afero.ReadFile(fsys, "/out/fit2.pdf")
	if again.code != ExitOK || !bytes.Equal(pdf, pdf2) || again.stderr != r.stderr {
		t.Error("--fit twice gave different results")
	}
}
