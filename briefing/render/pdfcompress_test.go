package render

import (
	"bytes"
	"testing"

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
		pdf.AddUTF8FontFromBytes(string(serif), "", fontFiles[serif][""])
		pdf.SetFont(string(serif), "", 12)
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
	for range 2 {
		got, err := compressContents(plain, func(n int) bool { return n%2 == 0 && n >= 4 && n <= 8 })
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("compressed after output: %d bytes, fpdf's own: %d bytes", len(got), len(want))
		}
	}
	if _, err := compressContents(plain, func(n int) bool { return n == 3 }); err == nil {
		t.Error("a page object was taken for a content stream")
	}
}
