package cli

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// isDocx reports whether data is a zip holding a Word document's main
// part: what Word looks for first.
func isDocx(t *testing.T, data []byte) bool {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// A name ending in .docx asks for a Word document; --format docx says so
// explicitly.
func TestExportWordFromTheNameOrTheFlag(t *testing.T) {
	fs := afero.NewMemMapFs()
	r := run(t, fs, "export", "-o", "/out/sample.docx", "--set", "signing_date=1 May 2026")
	if r.code != ExitOK || !strings.Contains(r.stdout, "/out/sample.docx: Word document") {
		t.Fatalf("%+v", r)
	}
	first := mustRead(t, fs, "/out/sample.docx")
	if !isDocx(t, first) {
		t.Fatal("sample.docx is not a Word document")
	}
	r = run(t, fs, "export", "--format", "docx", "-o", "/out/sample.DOCX", "--set", "signing_date=1 May 2026")
	if r.code != ExitOK {
		t.Fatalf("--format docx: %+v", r)
	}
	if !bytes.Equal(first, mustRead(t, fs, "/out/sample.DOCX")) {
		t.Error("two exports of one packet differ")
	}
}

// --all-audiences --format docx writes one Word document per audience.
func TestExportAllAudiencesAsWord(t *testing.T) {
	const base = "executive-order-on-ai-security-for-federal-networks"
	fs := afero.NewMemMapFs()
	r := run(t, fs, "export", "--all-audiences", "--format", "docx", "-o", "/out")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	for _, a := range []string{"staff", "classroom", "client"} {
		name := "/out/" + base + "-" + a + ".docx"
		if !isDocx(t, mustRead(t, fs, name)) || !strings.Contains(r.stdout, name+": Word document") {
			t.Errorf("%s: not written or not reported: %+v", name, r)
		}
	}
	onlyFiles(t, fs, "/out", base+"-classroom.docx", base+"-client.docx", base+"-staff.docx")
}

// A name that says another format than the one written is refused.
func TestWordOutputNamesAreChecked(t *testing.T) {
	fsys := afero.NewOsFs()
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		why  string
	}{
		{[]string{"export", "--format", "docx", "-o", filepath.Join(dir, "o.pdf")}, "ends in .pdf, but this export writes a Word document; end the name in .docx"},
		{[]string{"export", "--format", "pdf", "-o", filepath.Join(dir, "o.docx")}, "ends in .docx, but this export writes a PDF"},
		{[]string{"export", "--format", "md", "-o", filepath.Join(dir, "o.docx")}, "ends in .docx, but this export writes Markdown"},
		{[]string{"export", "--format", "docx", "-o", filepath.Join(dir, "o.md")}, "ends in .md, but this export writes a Word document"},
		{[]string{"export", "--all-audiences", "--format", "docx", "-o", filepath.Join(dir, "x.docx")}, "with --all-audiences -o names the folder"},
	} {
		r := run(t, fsys, tc.args...)
		if r.code != ExitInput || !strings.Contains(r.stderr, tc.why) {
			t.Errorf("%q: exit %d, %q; want exit 1 saying %q", tc.args, r.code, r.stderr, tc.why)
		}
	}
	onlyFiles(t, fsys, dir)
}
