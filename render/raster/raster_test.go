package raster

import (
	"bytes"
	"errors"
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/pdf"
	"image"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// The comparison with the exported PDF, pixel by pixel, is in package
// briefing (TestRasterMatchesPDF), where the sample packets are; these
// tests hold the raster to its own promises.

// rasterDoc is a memo of a few pages with everything the raster draws:
// marking, watermark, contents, headings, lists, a table, a call-out, a
// quote, code, rules and answer lines.
func rasterDoc(watermark string) *layout.Document {
	var md strings.Builder
	for i := range 6 {
		md.WriteString("## Part " + strings.Repeat("I", i+1) + "\n\n")
		md.WriteString(strings.Repeat("The order asks agencies to work with developers of artificial intelligence on security testing. ", 8) + "\n\n")
		md.WriteString("- first point, with **bold** and *italic* words\n- second point, with a [link](https://example.com)\n\n")
		md.WriteString("| Term | Meaning |\n|---|---|\n| AI | artificial intelligence |\n\n")
		md.WriteString("> A quotation, set off by a bar.\n\n```\ncode := true\n```\n\n---\n\n")
	}
	body := layout.ParseMarkdown(md.String())
	return &layout.Document{
		Meta: layout.Metadata{Title: "Raster test", Marking: "UNCLASSIFIED", Watermark: watermark,
			Created: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Producer: "test"},
		Settings: layout.NewSettings(612, 792, 10.5, layout.RGB{R: 0x1f, G: 0x4e, B: 0x79}, nil, layout.Profile{LineSpacing: 1.35}),
		Front:    []layout.Block{layout.MemoHeading{}, layout.Contents{}},
		Sections: []layout.Section{
			{Index: 0, ID: "a", Kind: "custom", Title: "Background", Blocks: body},
			{Index: 1, ID: "b", Kind: "custom", Title: "Questions", Blocks: []layout.Block{layout.AnswerLines{Count: 3}, layout.Callout{Label: "Key point", Blocks: layout.ParseMarkdown("Shaded, with a label.")}}},
		},
	}
}

func TestRecordPagesAgreesWithRender(t *testing.T) {
	doc := rasterDoc("DRAFT")
	want, err := pdf.Render(doc, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	pages, info, err := RecordPages(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(info, want) {
		t.Errorf("RecordPages info = %+v, Render's = %+v", info, want)
	}
	if pages.Len() != want.Pages || want.Pages < 2 {
		t.Fatalf("%d pages recorded, %d rendered (want at least 2)", pages.Len(), want.Pages)
	}
	if w, h := pages.Size(0); w != 612 || h != 792 {
		t.Errorf("size %v×%v, want 612×792", w, h)
	}
}

func TestRasterPagesAreInkedSizedAndRepeatable(t *testing.T) {
	pages, _, err := RecordPages(rasterDoc("DRAFT"))
	if err != nil {
		t.Fatal(err)
	}
	for n := range pages.Len() {
		img := pages.Draw(n, 72)
		if img.Bounds() != image.Rect(0, 0, 612, 792) {
			t.Fatalf("page %d is %v at 72 dpi", n, img.Bounds())
		}
		if dark := inked(img); dark < 1000 {
			t.Errorf("page %d has %d dark pixels: nothing drawn?", n, dark)
		}
		if again := pages.Draw(n, 72); !bytes.Equal(img.Pix, again.Pix) {
			t.Errorf("page %d differs between two draws", n)
		}
	}
	if img := pages.Draw(0, 150); img.Bounds() != image.Rect(0, 0, 1275, 1650) {
		t.Errorf("150 dpi page is %v", img.Bounds())
	}
	for _, bad := range []struct {
		n   int
		dpi float64
	}{{-1, 72}, {pages.Len(), 72}, {0, 0}, {0, -72}} {
		if pages.Draw(bad.n, bad.dpi) != nil {
			t.Errorf("Draw(%d, %v) drew a page", bad.n, bad.dpi)
		}
	}
}

// The watermark is multiplied onto the page: it darkens white paper to
// its grey but leaves black text black.
func TestRasterWatermarkIsMultiplied(t *testing.T) {
	plain, _, err := RecordPages(rasterDoc(""))
	if err != nil {
		t.Fatal(err)
	}
	marked, _, err := RecordPages(rasterDoc("DRAFT"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := plain.Draw(0, 72), marked.Draw(0, 72)
	grey, keptDark := 0, 0
	for i := 0; i < len(a.Pix); i += 4 {
		switch {
		case a.Pix[i] == 0xff && b.Pix[i] == 0xe4:
			grey++
		case a.Pix[i] == 0x1a && b.Pix[i] == 0x1a: // the text colour
			keptDark++
		case a.Pix[i] < 0x40 && b.Pix[i] > a.Pix[i]+2:
			t.Fatalf("pixel %d: the watermark lightened text (%d → %d)", i/4, a.Pix[i], b.Pix[i])
		}
	}
	if grey < 2000 || keptDark == 0 {
		t.Errorf("%d pixels turned watermark grey, %d stayed text black", grey, keptDark)
	}
}

// Different Pages are drawn at once, as the app draws off the UI
// goroutine; the race detector checks the shared font data.
func TestRasterDrawsConcurrently(t *testing.T) {
	var docs []*Pages
	for _, wm := range []string{"DRAFT", "COPY"} {
		p, _, err := RecordPages(rasterDoc(wm))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, p)
	}
	want := [][]byte{docs[0].Draw(1, 50).Pix, docs[1].Draw(1, 50).Pix}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := docs[i%2].Draw(1, 50).Pix; !bytes.Equal(got, want[i%2]) {
				t.Errorf("goroutine %d drew a different page", i)
			}
		}()
	}
	wg.Wait()
}

func TestRasterRecordingReportsThePageLimit(t *testing.T) {
	var blocks []layout.Block
	for range layout.MaxPages + 1 {
		blocks = append(blocks, layout.Paragraph{Text: []layout.Run{{Text: "page"}}}, layout.PageBreak{})
	}
	doc := rasterDoc("")
	doc.Sections = []layout.Section{{ID: "long", Kind: "custom", Title: "Long", Blocks: blocks}}
	pages, _, err := RecordPages(doc)
	if !errors.Is(err, layout.ErrTooManyPages) || pages != nil {
		t.Errorf("RecordPages = %v, %v; want ErrTooManyPages", pages, err)
	}
}

func inked(img *image.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] < 0x80 {
			n++
		}
	}
	return n
}
