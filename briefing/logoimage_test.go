package briefing

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// pngChunk is one PNG chunk: length, type, data, CRC.
func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// testLogo is 16×8 pixels: red on the left half, blue on the right.
func testLogoColor(x, y int) color.NRGBA {
	if x < 8 {
		return color.NRGBA{R: 255, A: 255}
	}
	return color.NRGBA{B: 255, A: 255}
}

// handPNG writes the test logo in a PNG form Go's encoder never makes.
// colorType 6 is RGBA, 4 grey with alpha (red becomes dark grey, blue
// light grey),
// 2 RGB; depth is 8 or 16; with adam7 the rows are interlaced; split puts
// the image data in two IDAT chunks with an empty one first and between.
func handPNG(colorType, depth int, adam7, split bool) []byte {
	const w, h = 16, 8
	sample := func(v uint8, out *bytes.Buffer) {
		out.WriteByte(v)
		if depth == 16 {
			out.WriteByte(v)
		}
	}
	pixel := func(x, y int, out *bytes.Buffer) {
		c := testLogoColor(x, y)
		switch colorType {
		case 6:
			sample(c.R, out)
			sample(c.G, out)
			sample(c.B, out)
			sample(c.A, out)
		case 2:
			sample(c.R, out)
			sample(c.G, out)
			sample(c.B, out)
		case 4:
			grey := greyOf(c)
			sample(grey, out)
			sample(c.A, out)
		}
	}
	var raw bytes.Buffer
	passes := [][4]int{{0, 0, 1, 1}} // x0, y0, dx, dy
	if adam7 {
		passes = [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	}
	for _, p := range passes {
		for y := p[1]; y < h; y += p[3] {
			if p[0] >= w {
				continue
			}
			raw.WriteByte(0) // filter: none
			for x := p[0]; x < w; x += p[2] {
				pixel(x, y, &raw)
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write(raw.Bytes())
	_ = zw.Close()
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = byte(depth), byte(colorType)
	if adam7 {
		ihdr[12] = 1
	}
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	data := z.Bytes()
	if split {
		out = append(out, pngChunk("IDAT", nil)...)
		out = append(out, pngChunk("IDAT", data[:len(data)/2])...)
		out = append(out, pngChunk("IDAT", nil)...)
		out = append(out, pngChunk("IDAT", data[len(data)/2:])...)
	} else {
		out = append(out, pngChunk("IDAT", data)...)
	}
	return append(out, pngChunk("IEND", nil)...)
}

// Logos Go decodes correctly reach the PDF as the same pixels: the image
// pdfimages extracts matches the source, and Ghostscript paints both
// halves' colours.
func TestUnusualPNGLogosPrintTheirPixels(t *testing.T) {
	lib := builtinLibrary(t)
	for _, tc := range []struct {
		name string
		data []byte
		grey bool
	}{
		{"16-bit RGBA", handPNG(6, 16, false, false), false},
		{"16-bit RGB", handPNG(2, 16, false, false), false},
		{"grey with alpha", handPNG(4, 8, false, false), true},
		{"16-bit grey with alpha", handPNG(4, 16, false, false), true},
		{"empty and split IDAT chunks", handPNG(6, 8, false, true), false},
		{"interlaced", handPNG(2, 8, true, false), false},
		{"interlaced RGBA", handPNG(6, 8, true, true), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := png.Decode(bytes.NewReader(tc.data)); err != nil {
				t.Fatalf("the test image does not decode: %v", err)
			}
			p := NewPacket("client")
			p.Title, p.PreparedFor = "Logo test", "Client"
			p.Style.Logo = tc.data
			p.Style.TOC = false
			body := "Text.\n"
			p.Sections = []SectionRef{{Template: "scope", Included: true, Body: &body}}
			data, _, err := RenderPacket(lib, p, "logo.briefing")
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			pdf := filepath.Join(dir, "logo.pdf")
			if err := os.WriteFile(pdf, data, 0o644); err != nil {
				t.Fatal(err)
			}
			tool(t, "qpdf", "--check", pdf)
			tool(t, "pdfimages", "-f", "1", "-l", "1", "-png", pdf, filepath.Join(dir, "img"))
			got, err := os.ReadFile(filepath.Join(dir, "img-000.png"))
			if err != nil {
				t.Fatalf("no image extracted: %v", err)
			}
			img, err := png.Decode(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 16 || b.Dy() != 8 {
				t.Fatalf("extracted image is %v", b)
			}
			for y := 0; y < 8; y++ {
				for x := 0; x < 16; x++ {
					if err := samePixel(img.At(x, y), testLogoColor(x, y), tc.grey); err != nil {
						t.Fatalf("pixel %d,%d: %v", x, y, err)
					}
				}
			}
			// Ghostscript paints the page: both halves' colours are there.
			page := filepath.Join(dir, "page.png")
			tool(t, "gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", "-r72", "-dFirstPage=1", "-dLastPage=1", "-sOutputFile="+page, pdf)
			f, err := os.Open(page)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rendered, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			left, right := countColour(rendered, testLogoColor(0, 0), tc.grey), countColour(rendered, testLogoColor(15, 0), tc.grey)
			if left < 100 || right < 100 {
				t.Errorf("Ghostscript painted %d pixels of the left colour and %d of the right", left, right)
			}
		})
	}
}

// greyOf is the grey the grey test logos use for c: dark for red, light
// for blue, neither black (text) nor white (paper).
func greyOf(c color.NRGBA) uint8 {
	if c.B == 255 {
		return 190
	}
	return 70
}

func samePixel(got color.Color, want color.NRGBA, grey bool) error {
	r, g, b, _ := got.RGBA()
	wr, wg, wb := uint32(want.R), uint32(want.G), uint32(want.B)
	if grey {
		v := uint32(greyOf(want))
		wr, wg, wb = v, v, v
	}
	if r>>8 != wr || g>>8 != wg || b>>8 != wb {
		return fmt.Errorf("got %d,%d,%d want %d,%d,%d", r>>8, g>>8, b>>8, wr, wg, wb)
	}
	return nil
}

// countColour counts pixels within a small distance of want (its grey
// version with grey).
func countColour(img image.Image, want color.NRGBA, grey bool) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if samePixelNear(img.At(x, y), want, grey) {
				n++
			}
		}
	}
	return n
}

func samePixelNear(got color.Color, want color.NRGBA, grey bool) bool {
	r, g, b, _ := got.RGBA()
	wr, wg, wb := int(want.R), int(want.G), int(want.B)
	tol := 40
	if grey {
		v := int(greyOf(want))
		wr, wg, wb, tol = v, v, v, 6
	}
	d := func(a uint32, b int) int { return max(int(a>>8)-b, b-int(a>>8)) }
	return d(r, wr) < tol && d(g, wg) < tol && d(b, wb) < tol
}
