package briefing

import (
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/render/raster"
)

// BenchmarkRasterPage is what the app pays to show the true page after an
// edit: record the layout (two passes, as an export) and rasterise one
// page at a screen's 100 dpi. The sub-benchmark draws only, as when the
// user pages through a recorded document.
func BenchmarkRasterPage(b *testing.B) {
	lib := benchLibrary(b)
	p, err := DecodePacket("sample", assets.Sample())
	if err != nil {
		b.Fatal(err)
	}
	doc, probs := Resolve(lib, p, "bench")
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	b.Run("record+draw", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pages, _, err := raster.RecordPages(doc)
			if err != nil {
				b.Fatal(err)
			}
			pages.Draw(1, 100)
		}
	})
	b.Run("draw", func(b *testing.B) {
		pages, _, err := raster.RecordPages(doc)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			pages.Draw(1, 100)
		}
	})
}
