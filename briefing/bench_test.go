package briefing

import (
	"github.com/briefsmith/briefsmith/render/pdf"

	"fmt"
	"io"
	"strings"
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

func syntheticPacket(b testing.TB, lib *Library, n int) *Packet {
	p, err := DecodePacket("sample", assets.Sample())
	if err != nil {
		b.Fatal(err)
	}
	return Synthetic(lib, p, n)
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
		info, err := pdf.Render(doc, io.Discard)
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
	for _, n := range []int{10, 100, 1000, 5000} {
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

// BenchmarkPaginateLongSection is the app's live page count after a
// keystroke in a 5,000-word section.
func BenchmarkPaginateLongSection(b *testing.B) {
	lib := benchLibrary(b)
	p, _ := DecodePacket("sample", assets.Sample())
	body := strings.Repeat("The order directs federal agencies to work with AI companies on network security. ", 385)
	p.Sections[3].Body = &body
	b.ReportAllocs()
	for b.Loop() {
		if a := Analyze(lib, p, "bench"); a.Pages == 0 {
			b.Fatal(a.Problems)
		}
	}
}

// BenchmarkClone is the copy the app makes on every keystroke (undo
// snapshot and background page count), with the sample packet and with a
// packet carrying a 4 MB logo.
func BenchmarkClone(b *testing.B) {
	p, err := DecodePacket("sample", assets.Sample())
	if err != nil {
		b.Fatal(err)
	}
	withLogo := *p
	withLogo.Style.Logo = make([]byte, 4<<20)
	for _, c := range []struct {
		name string
		p    *Packet
	}{{"sample", p}, {"logo-4MB", &withLogo}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.p.Clone()
			}
		})
	}
}

// oneLinePacket is a packet of about size bytes written on one line, as
// other tools, email clients and the app's own recovery file write it:
// sections with bodies, and variables and unknown fields, the three
// shapes of key the scan meets.
func oneLinePacket(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"version":1,"title":"T","audience":"staff","variables":{`)
	for i := 0; b.Len() < size/3; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"v%d":"value %d"`, i, i)
	}
	b.WriteString(`},"sections":[`)
	// At most MaxSections sections, so longer bodies in a bigger file.
	body := strings.Repeat("Text written on one line. ", max(1, size/3/MaxSections/26))
	for i := 0; i < MaxSections && b.Len() < 2*size/3; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"template":"scope","title":"Part %d","body":"%s"}`, i, body)
	}
	b.WriteString(`]`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `,"unknown%d":%d`, i, i)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// BenchmarkDecodeOneLine reads packets written on one line at 1, 3 and
// 10 MB: the time per byte stays the same when the scan is linear.
func BenchmarkDecodeOneLine(b *testing.B) {
	for _, mb := range []int{1, 3, 10} {
		data := oneLinePacket(mb << 20)
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := DecodePacket("one-line.briefing", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
