package layout

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"

	xdraw "golang.org/x/image/draw"
)

// maxImportPixels bounds the image a user picks as a logo: it is decoded
// whole before it is scaled down, at up to four bytes a pixel.
const maxImportPixels = 40_000_000

// LogoFit is an image file made ready to be a packet's logo.
type LogoFit struct {
	// Data is the image to keep in the packet: the file itself, or a copy
	// scaled down to what printing needs.
	Data []byte
	// From and To are the image's size in pixels before and after; equal
	// when it was kept as it was.
	From, To image.Point
}

// Scaled reports whether the image was scaled down.
func (f LogoFit) Scaled() bool { return f.From != f.To }

// FitLogo reads an image a user chose as a logo. One larger than the
// largest place any document prints a logo needs at printPPI (the cover's
// box, 160×64 pt) is scaled down to that, so a 6,000-pixel photograph or
// a logo exported at poster size just works and the packet stays small;
// one up to maxImportPixels is read, anything larger refused, with the
// limit named.
func FitLogo(data []byte) (LogoFit, error) {
	if len(data) > maxLogoBytes {
		return LogoFit{}, fmt.Errorf("the file is %.1f MB; a logo may be at most %d MB", float64(len(data))/(1<<20), maxLogoBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return LogoFit{}, fmt.Errorf("not a PNG or JPEG image (%v)", err)
	}
	if format != "png" && format != "jpeg" {
		return LogoFit{}, fmt.Errorf("%s images are not supported; use PNG or JPEG", format)
	}
	from := image.Pt(cfg.Width, cfg.Height)
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxImportPixels {
		return LogoFit{}, fmt.Errorf("the image is %d×%d pixels (%.0f megapixels); Briefsmith reads images of up to %d megapixels, such as 8,000×5,000: save a smaller copy",
			cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e6, maxImportPixels/1_000_000)
	}
	to := logoNeed(from)
	if to == from {
		if _, err := DecodeLogo(data, ""); err != nil {
			return LogoFit{}, err
		}
		return LogoFit{Data: data, From: from, To: to}, nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return LogoFit{}, fmt.Errorf("the image data is damaged (%v)", err)
	}
	small := image.NewNRGBA(image.Rect(0, 0, to.X, to.Y))
	xdraw.CatmullRom.Scale(small, small.Bounds(), img, img.Bounds(), xdraw.Src, nil)
	var buf bytes.Buffer
	if format == "jpeg" {
		err = jpeg.Encode(&buf, small, &jpeg.Options{Quality: 92})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, small)
	}
	if err != nil {
		return LogoFit{}, fmt.Errorf("the image could not be scaled down (%v)", err)
	}
	return LogoFit{Data: buf.Bytes(), From: from, To: to}, nil
}

// logoNeed is the most pixels a logo of size px is printed with anywhere
// at printPPI: its size fitted into the largest logo box, at 300 pixels
// an inch; px itself when it is no larger.
func logoNeed(px image.Point) image.Point {
	widest := 0.0
	for _, b := range []logoBox{coverLogoBox, memoLogoBox, headerLogoBox} {
		widest = max(widest, float64(px.X)*min(b.w/float64(px.X), b.h/float64(px.Y)))
	}
	w := int(math.Ceil(widest / 72 * printPPI))
	if w >= px.X {
		return px
	}
	h := max(1, int(math.Round(float64(px.Y)*float64(w)/float64(px.X))))
	return image.Pt(w, h)
}
