package pdf

import (
	"bufio"
	"bytes"
	"github.com/briefsmith/briefsmith/render/layout"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// TestCompressContentsIsFpdfsOwn checks that compressing the page
// contents after output gives the very bytes fpdf writes when it
// compresses them itself, with a reused writer across pages and exports.
func TestCompressContentsIsFpdfsOwn(t *testing.T) {
	doc := func(compress bool) []byte {
		pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 612, Ht: 792}})
		pdf.SetCompression(compress)
		pdf.SetCatalogSort(true)
		// Dated, or the two files are dated by the clock and differ when
		// a second passes between them (it did, on a loaded machine).
		pdf.SetCreationDate(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
		serif := layout.Face{Family: "LiberationSerif"}
		pdf.AddUTF8FontFromBytes(serif.Family, "", serif.TTF())
		pdf.SetFont(serif.Family, "", 12)
		for p := range 3 {
			pdf.AddPage()
			for i := range 40 {
				pdf.Text(72, 72+float64(i)*14, "Page and line (with parentheses) \\ "+string(rune('A'+p)))
			}
		}
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	want, plain := doc(true), doc(false)
	compress := func(content func(n int) bool) ([]byte, int, error) {
		var b bytes.Buffer
		w := &countingWriter{w: bufio.NewWriter(&b)}
		f, err := parsePDF(plain)
		if err != nil {
			t.Fatal(err)
		}
		_, err = writeCompressed(w, plain, f, content)
		if ferr := w.w.Flush(); ferr != nil {
			t.Fatal(ferr)
		}
		return b.Bytes(), w.n, err
	}
	for range 2 {
		got, _, err := compress(func(n int) bool { return n%2 == 0 && n >= 4 && n <= 8 })
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("compressed after output: %d bytes, fpdf's own: %d bytes", len(got), len(want))
		}
	}
	// A file that is not what it should be is refused before a byte of
	// it is written.
	if _, n, err := compress(func(n int) bool { return n == 3 }); err == nil {
		t.Error("a page object was taken for a content stream")
	} else if n != 0 {
		t.Errorf("%d bytes written before the error", n)
	}
}
