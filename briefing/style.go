package briefing

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats a packet may carry
	_ "image/png"
	"regexp"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// rgb is a colour in 0–255 components, as fpdf takes them.
type rgb struct{ r, g, b int }

// mix blends c toward white: t=0 gives c, t=1 gives white. Tints of the
// accent colour shade table headers and call-outs.
func (c rgb) mix(t float64) rgb {
	f := func(v int) int { return v + int(float64(255-v)*t+0.5) }
	return rgb{f(c.r), f(c.g), f(c.b)}
}

var (
	black    = rgb{0x1a, 0x1a, 0x1a}
	grey     = rgb{0x5f, 0x63, 0x68}
	rule     = rgb{0xc0, 0xc4, 0xc8}
	linkBlue = rgb{0x0b, 0x57, 0xd0}
)

var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// parseColor reads "#RRGGBB". An empty string is the default accent.
func parseColor(s string) (rgb, error) {
	if s == "" {
		s = "#1F4E79"
	}
	if !colorPattern.MatchString(s) {
		return rgb{}, fmt.Errorf("%q is not a colour of the form #RRGGBB", s)
	}
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}, nil
}

// fpdfSize is s as fpdf takes it.
func fpdfSize(s PageSize) fpdf.SizeType {
	w, h := s.Points()
	return fpdf.SizeType{Wd: w, Ht: h}
}

// Logo limits: a logo is printed a few centimetres wide, so anything larger
// is a mistake or a decompression bomb, refused before it is decoded.
const (
	maxLogoBytes  = 8 << 20
	maxLogoSide   = 6000
	maxLogoPixels = 24_000_000
)

// CheckLogo returns fpdf's image type for a PNG or JPEG logo, reading only
// its header, and refuses anything else or anything too large: the
// declared size is checked before any pixel is decoded.
func CheckLogo(data []byte) (string, error) {
	tp, err := checkLogoHeader(data)
	if err != nil {
		return "", err
	}
	// The header is sane and the size bounded: decode it all, so damaged
	// image data is caught here rather than printed as a broken picture.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return "", fmt.Errorf("the image data is damaged (%v)", err)
	}
	return tp, nil
}

// checkLogoHeader is CheckLogo without the full decode: what layout needs
// once Resolve has vetted the pixels.
func checkLogoHeader(data []byte) (string, error) {
	if len(data) > maxLogoBytes {
		return "", fmt.Errorf("image is %d bytes, over the %d MB limit", len(data), maxLogoBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("not a PNG or JPEG image (%v)", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide || cfg.Width*cfg.Height > maxLogoPixels {
		return "", fmt.Errorf("image is %d×%d pixels; the limit is %d pixels a side", cfg.Width, cfg.Height, maxLogoSide)
	}
	tp := map[string]string{"png": "PNG", "jpeg": "JPG"}[format]
	if tp == "" {
		return "", fmt.Errorf("%s images are not supported; use PNG or JPEG", format)
	}
	return tp, nil
}
