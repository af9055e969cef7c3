package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/briefsmith/briefsmith/render/layout"
)

// TestFpdfOutputIsAsTaggingReadsIt guards what fpdfoutput.go relies on in
// the file fpdf writes, on a file fpdf writes by itself (set up as
// newPDF sets it up): if an fpdf upgrade renumbers the pages, drops the
// classic cross-reference table or renames embedded fonts, this fails
// saying which, before any tagged PDF comes out wrong.
func TestFpdfOutputIsAsTaggingReadsIt(t *testing.T) {
	const pages = 3
	face := layout.PlainStyle(10).Face()
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 612, Ht: 792}, OrientationStr: "P"})
	doc.SetCompression(false)
	doc.SetCatalogSort(true)
	doc.AddUTF8FontFromBytes(face.Family, face.Style, face.TTF())
	for p := 1; p <= pages; p++ {
		doc.AddPage()
		doc.SetFont(face.Family, face.Style, 10)
		doc.Text(72, 72, fmt.Sprintf("Page %d", p))
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	changed := func(format string, args ...any) {
		t.Helper()
		t.Errorf("fpdf's output is no longer what render/pdf/fpdfoutput.go relies on: "+format, args...)
	}
	f, err := parsePDF(buf.Bytes())
	if err != nil {
		changed("its cross-reference table or trailer cannot be read (%v)", err)
		return
	}
	if f.root == 0 || f.info == 0 || f.size == 0 {
		changed("the trailer gives /Size %d, /Root %d, /Info %d", f.size, f.root, f.info)
	}
	object := func(n int) string {
		off, ok := f.offsets[n]
		if !ok {
			return ""
		}
		body := string(f.data[off:])
		if end := strings.Index(body, "endobj"); end >= 0 {
			body = body[:end]
		}
		return body
	}
	for p := 1; p <= pages; p++ {
		page := object(pageObject(p))
		if !strings.Contains(page, "/Type /Page\n") && !strings.Contains(page, "/Type /Page ") {
			changed("object %d is not page %d: %.80q", pageObject(p), p, page)
		}
		contents := pageObject(p) + 1
		if !strings.Contains(page, fmt.Sprintf("/Contents %d 0 R", contents)) || !isContentObject(contents, pages) {
			changed("page %d's content stream is not object %d: %.120q", p, contents, page)
		}
		if !strings.Contains(object(contents), "stream") {
			changed("object %d is not a content stream", contents)
		}
	}
	for n := range f.size {
		if isContentObject(n, pages) && !strings.Contains(object(n), "stream") {
			changed("object %d, taken for a page's content, is not a stream", n)
		}
	}
	names := fontNameRe.FindAllSubmatch(buf.Bytes(), -1)
	if len(names) == 0 {
		changed("no embedded font is named as fontNameRe expects")
	}
	for _, m := range names {
		if string(m[2]) != fontKey(face) {
			changed("the embedded face is named %q, not %q", m[2], fontKey(face))
		}
	}
}
