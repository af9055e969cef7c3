package briefing

import (
	"fmt"
	"io"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
)

// Benchmarks for `make bench`; compare runs with benchstat. They measure,
// they do not assert: speed is never checked with timed tests.

func benchLibrary(b *testing.B) *Library {
	b.Helper()
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

// SyntheticPacket returns a staff packet of n sections cycling through the
// built-in staff templates, cover and contents on: the growth benchmarks'
// input, and `make bench-peers`' large packet.
func syntheticPacket(b testing.TB, lib *Library, n int) *Packet {
	p, err := DecodePacket("sample", assets.Sample())
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, t := range lib.Templates() {
		if t.Suits("staff") {
			ids = append(ids, t.ID)
		}
	}
	p.Sections = nil
	for i := 0; i < n; i++ {
		p.Sections = append(p.Sections, SectionRef{Template: ids[i%len(ids)], Title: fmt.Sprintf("Section %d", i+1), Included: true})
	}
	p.Style.Cover, p.Style.TOC = true, true
	p.PageLimit = 0
	return p
}

func benchRender(b *testing.B, p *Packet, lib *Library) {
	b.Helper()
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		doc, probs := Resolve(lib, p, "bench")
		if probs.HasErrors() {
			b.Fatal(probs)
		}
		info, err := Render(doc, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		pages = info.Pages
	}
	b.ReportMetric(float64(pages), "pages")
}

func BenchmarkRenderSample(b *testing.B) {
	lib := benchLibrary(b)
	p, _ := DecodePacket("sample", assets.Sample())
	benchRender(b, p, lib)
}

func BenchmarkRenderSections(b *testing.B) {
	lib := benchLibrary(b)
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchRender(b, syntheticPacket(b, lib, n), lib)
		})
	}
}

func BenchmarkLoadLibrary(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		benchLibrary(b)
	}
}

func BenchmarkExpandPlaceholders(b *testing.B) {
	lib := benchLibrary(b)
	p, _ := DecodePacket("sample", assets.Sample())
	vars := Values(lib, p)
	t, _ := lib.Get("summary")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := t.Execute(vars); err != nil {
			b.Fatal(err)
		}
	}
}
