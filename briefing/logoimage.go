package briefing

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// normalizedLogo decodes a logo completely with Go's own decoders and
// encodes it again in the plainest form a PDF writer handles: 8-bit RGB or
// RGBA PNG, or baseline 8-bit JPEG for photographs. fpdf parses PNG and
// JPEG itself, and files that Go's decoders read correctly — 16-bit or
// grey-with-alpha PNGs, a zero-length chunk, an empty first IDAT, an
// interlaced image — came out garbled, empty or as an error; what it is
// given now is only what this function wrote. The result is deterministic:
// the same logo gives the same bytes.
func normalizedLogo(data []byte) (out []byte, tp string, err error) {
	if _, err := checkLogoHeader(data); err != nil {
		return nil, "", err
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("the image data is damaged (%v)", err)
	}
	var buf bytes.Buffer
	if format == "jpeg" {
		// A photograph stays a JPEG (as a PNG it would be many times
		// larger); re-encoding makes it baseline, 8-bit and RGB.
		rgb := image.NewRGBA(img.Bounds())
		draw.Draw(rgb, rgb.Bounds(), img, img.Bounds().Min, draw.Src)
		if err := jpeg.Encode(&buf, rgb, &jpeg.Options{Quality: 92}); err != nil {
			return nil, "", fmt.Errorf("the image could not be prepared for the PDF (%v)", err)
		}
		return buf.Bytes(), "JPG", nil
	}
	nrgba := image.NewNRGBA(img.Bounds())
	draw.Draw(nrgba, nrgba.Bounds(), img, img.Bounds().Min, draw.Src)
	// Go's encoder writes 8-bit RGBA, or 8-bit RGB when every pixel is
	// opaque, never interlaced.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, nrgba); err != nil {
		return nil, "", fmt.Errorf("the image could not be prepared for the PDF (%v)", err)
	}
	return buf.Bytes(), "PNG", nil
}
