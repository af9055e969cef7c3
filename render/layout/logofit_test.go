package layout

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// encoded is a w×h image in format, a gradient so scaling has work to do.
func encoded(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y += max(1, h/64) {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&b, img, nil)
	} else {
		err = png.Encode(&b, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// An image larger than any place prints it at 300 pixels an inch is
// scaled down to what the largest place needs, in its own format, and
// then reads as a packet's logo; one that is no larger is kept byte for
// byte; one past what Briefsmith reads is refused naming the real limit.
func TestFitLogoScalesDownWhatPrintingDoesNotNeed(t *testing.T) {
	for _, c := range []struct {
		format string
		w, h   int
		want   image.Point
	}{
		// The cover's box is 160×64 pt: a wide logo fills its width
		// (160 pt at 300 ppi is 667 px), a square one its height (64 pt
		// is 267 px).
		{"png", 6400, 1600, image.Pt(667, 167)},
		{"jpeg", 3000, 3000, image.Pt(267, 267)},
		{"png", 400, 100, image.Pt(400, 100)},
	} {
		data := encoded(t, c.format, c.w, c.h)
		fit, err := FitLogo(data)
		if err != nil {
			t.Fatalf("%s %d×%d: %v", c.format, c.w, c.h, err)
		}
		if fit.To != c.want || fit.From != image.Pt(c.w, c.h) || fit.Scaled() != (c.want.X != c.w) {
			t.Errorf("%s %d×%d: scaled to %v (from %v), want %v", c.format, c.w, c.h, fit.To, fit.From, c.want)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(fit.Data))
		if err != nil || format != c.format || cfg.Width != c.want.X || cfg.Height != c.want.Y {
			t.Errorf("%s %d×%d: the kept image is %s %d×%d (%v)", c.format, c.w, c.h, format, cfg.Width, cfg.Height, err)
		}
		if !fit.Scaled() && !bytes.Equal(fit.Data, data) {
			t.Errorf("%d×%d: an image small enough was rewritten", c.w, c.h)
		}
		if _, err := DecodeLogo(fit.Data, ""); err != nil {
			t.Errorf("%s %d×%d: the kept image is no packet logo: %v", c.format, c.w, c.h, err)
		}
	}
	// 9,000×5,000 is 45 megapixels: the header says so before any pixel
	// is decoded.
	var huge bytes.Buffer
	_ = png.Encode(&huge, image.NewGray(image.Rect(0, 0, 9000, 5000)))
	if _, err := FitLogo(huge.Bytes()); err == nil || !strings.Contains(err.Error(), "9000×5000 pixels (45 megapixels)") || !strings.Contains(err.Error(), "up to 40 megapixels") {
		t.Errorf("a 45-megapixel image: %v", err)
	}
	// A packet's own logo keeps the packet limits, and says both of them.
	var big bytes.Buffer
	_ = png.Encode(&big, image.NewGray(image.Rect(0, 0, 5999, 5999)))
	if _, err := DecodeLogo(big.Bytes(), ""); err == nil || !strings.Contains(err.Error(), "36.0 megapixels") || !strings.Contains(err.Error(), "at most 24 megapixels and 6000 pixels a side") {
		t.Errorf("a 5999×5999 packet logo: %v", err)
	}
}
