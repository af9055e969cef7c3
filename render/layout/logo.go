package layout

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// Logo limits: a logo is printed a few centimetres wide, so anything larger
// is a mistake or a decompression bomb, refused before it is decoded.
const (
	maxLogoBytes  = 8 << 20
	maxLogoSide   = 6000
	maxLogoPixels = 24_000_000
)

// Logo is a logo decoded once: layout reads its size, the PDF surface
// encodes its pixels, nobody parses the file again.
type Logo struct {
	// Width and Height are in pixels.
	Width, Height int
	// Alt describes the logo for readers who cannot see it.
	Alt    string
	img    image.Image
	format string // "png" or "jpeg"
}

// DecodeLogo reads a PNG or JPEG logo. The header is checked first, so
// a file declaring too many pixels is refused before any is decoded;
// then the whole image is decoded, so damaged data is caught here rather
// than printed as a broken picture.
func DecodeLogo(data []byte, alt string) (*Logo, error) {
	format, err := checkLogoHeader(data)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the image data is damaged (%v)", err)
	}
	b := img.Bounds()
	return &Logo{Width: b.Dx(), Height: b.Dy(), Alt: alt, img: img, format: format}, nil
}

// checkLogoHeader reads only the header: the format, and a size within the
// limits.
func checkLogoHeader(data []byte) (string, error) {
	if len(data) > maxLogoBytes {
		return "", fmt.Errorf("image is %d bytes, over the %d MB limit", len(data), maxLogoBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("not a PNG or JPEG image (%v)", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide || cfg.Width*cfg.Height > maxLogoPixels {
		return "", fmt.Errorf("image is %d×%d pixels (%.1f megapixels); a packet's logo may have at most %d megapixels and %d pixels a side: choose the image again in Settings, and Briefsmith scales it down",
			cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e6, maxLogoPixels/1_000_000, maxLogoSide)
	}
	if format != "png" && format != "jpeg" {
		return "", fmt.Errorf("%s images are not supported; use PNG or JPEG", format)
	}
	return format, nil
}

// Encode writes the logo in the plainest form a PDF writer handles: 8-bit
// RGB or RGBA PNG, or baseline 8-bit JPEG for photographs. fpdf parses
// PNG and JPEG itself, and files that Go's decoders read correctly —
// 16-bit or grey-with-alpha PNGs, a zero-length chunk, an empty first
// IDAT, an interlaced image — came out garbled, empty or as an error;
// what it is given now is only what this function wrote. The result is
// deterministic: the same logo gives the same bytes.
func (l *Logo) Encode() (out []byte, tp string, err error) {
	img := l.img
	var buf bytes.Buffer
	if l.format == "jpeg" {
		// A photograph stays a JPEG (as a PNG it would be many times
		// larger); re-encoding makes it baseline, 8-bit and RGB.
		rgba := image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		if err := jpeg.Encode(&buf, rgba, &jpeg.Options{Quality: 92}); err != nil {
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

// Image is the logo's pixels, for an output that draws it itself.
func (l *Logo) Image() image.Image { return l.img }
