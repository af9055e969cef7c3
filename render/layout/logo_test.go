package layout

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"testing"
)

// FuzzLogo feeds arbitrary bytes to the logo preparation: no panic, and
// what it hands the PDF writer decodes as the same size in 8 bits.
func FuzzLogo(f *testing.F) {
	var opaque, clear bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, 6, 4))
	_ = png.Encode(&clear, img)
	draw.Draw(img, img.Bounds(), image.NewUniform(color.NRGBA{200, 30, 30, 255}), image.Point{}, draw.Src)
	_ = jpeg.Encode(&opaque, img, nil)
	for _, seed := range [][]byte{clear.Bytes(), opaque.Bytes(), []byte("\x89PNG\r\n\x1a\n")} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		logo, err := DecodeLogo(data, "")
		if err != nil {
			return
		}
		out, tp, err := logo.Encode()
		if err != nil {
			t.Fatalf("a decoded logo could not be prepared: %v", err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("prepared logo does not decode: %v", err)
		}
		src, _, _ := image.DecodeConfig(bytes.NewReader(data))
		if cfg.Width != src.Width || cfg.Height != src.Height || (format == "png") != (tp == "PNG") {
			t.Fatalf("prepared logo is %s %dx%d, source %dx%d", format, cfg.Width, cfg.Height, src.Width, src.Height)
		}
		switch cfg.ColorModel {
		case color.NRGBAModel, color.RGBAModel, color.YCbCrModel:
		default:
			t.Fatalf("prepared logo has colour model %T", cfg.ColorModel)
		}
	})
}
