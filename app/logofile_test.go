package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/spf13/afero"
)

// countingFs counts the bytes read through it, to show what a refusal
// cost.
type countingFs struct {
	afero.Fs
	read *atomic.Int64
}

func (c countingFs) Open(name string) (afero.File, error) {
	f, err := c.Fs.Open(name)
	return countingFile{f, c.read}, err
}

func (c countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := c.Fs.OpenFile(name, flag, perm)
	return countingFile{f, c.read}, err
}

type countingFile struct {
	afero.File
	read *atomic.Int64
}

func (c countingFile) Read(p []byte) (int, error) {
	n, err := c.File.Read(p)
	c.read.Add(int64(n))
	return n, err
}

// A logo over the size limit is refused from its size alone: none of it
// is read into memory (a 186 MB PNG kept the app at 430 MB after its
// refusal), and the message names the file and the limit.
func TestAHugeLogoIsRefusedWithoutBeingRead(t *testing.T) {
	mem := afero.NewMemMapFs()
	huge := make([]byte, 40<<20)
	copy(huge, "\x89PNG\r\n\x1a\n")
	if err := afero.WriteFile(mem, "/pictures/huge.png", huge, 0o644); err != nil {
		t.Fatal(err)
	}
	var read atomic.Int64
	h := newHarness(t, countingFs{mem, &read})
	read.Store(0)
	h.ui.openPath = "/pictures/huge.png"
	h.w.settings.onChooseLogo()
	if len(h.ui.errors) != 1 {
		t.Fatalf("errors %v, want one refusal", h.ui.errors)
	}
	if msg := h.ui.errors[0].Error(); !strings.Contains(msg, "huge.png") || !strings.Contains(msg, "8 MB") {
		t.Errorf("the refusal %q does not name the file and the limit", msg)
	}
	if n := read.Load(); n > 0 {
		t.Errorf("%d bytes of the refused logo were read", n)
	}
	if len(h.doc().Style.Logo) != 0 {
		t.Error("the refused logo reached the packet")
	}
}

// A logo larger than printing needs is taken, scaled down, with a note
// saying so, and the Settings tab shows it; so does Preferences for the
// brand kit's logo.
func TestABigLogoIsScaledDownAndPreviewed(t *testing.T) {
	mem := afero.NewMemMapFs()
	img := image.NewNRGBA(image.Rect(0, 0, 4000, 1000))
	for x := 0; x < 4000; x++ {
		img.Set(x, x%1000, color.NRGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(mem, "/pictures/poster.png", b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, mem)
	s := h.w.settings
	if s.logoPreview.Visible() {
		t.Error("a preview is shown with no logo")
	}
	h.ui.openPath = "/pictures/poster.png"
	s.onChooseLogo()
	if len(h.ui.errors) > 0 {
		t.Fatalf("refused: %v", h.ui.errors)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(h.doc().Style.Logo))
	if err != nil || cfg.Width != 667 || cfg.Height != 167 {
		t.Errorf("the packet keeps a %d×%d logo (%v), want 667×167", cfg.Width, cfg.Height, err)
	}
	if len(h.ui.infos) == 0 || !strings.Contains(h.ui.infos[len(h.ui.infos)-1], "poster.png is 4000×1000 pixels; the packet keeps a copy scaled to 667×167") {
		t.Errorf("no note of the scaling: %v", h.ui.infos)
	}
	if !s.logoPreview.Visible() || s.logoPreview.Image.Image == nil || s.logoPreview.Image.Image.Bounds().Dx() != 667 {
		t.Error("Settings does not preview the logo")
	}
	// Fyne draws a picture only when the form holds the canvas.Image
	// itself (a type wrapping one was laid out, and left blank).
	if !slices.Contains(drawnImages(t, s.content), s.logoPreview.Image) {
		t.Error("Settings' form does not hold the preview's picture")
	}
	f := newPrefsForm(h.w)
	h.ui.openPath = "/pictures/poster.png"
	f.onChooseLogo()
	if !f.logoPreview.Visible() || !strings.Contains(f.logoLabel.Text, "scaled down") {
		t.Errorf("Preferences: preview shown %v, label %q", f.logoPreview.Visible(), f.logoLabel.Text)
	}
	if !slices.Contains(drawnImages(t, widget.NewForm(f.items...)), f.logoPreview.Image) {
		t.Error("the Preferences form does not hold the preview's picture")
	}
}

// drawnImages are the pictures Fyne would draw in o.
func drawnImages(t *testing.T, o fyne.CanvasObject) []*canvas.Image {
	return allOf[*canvas.Image](t, o)
}

// The logo's preview is decoded once for the bytes it shows: Settings
// shows it again on every change to the packet, and a logo may be
// millions of pixels.
func TestTheLogoPreviewIsDecodedOnce(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	p := newLogoPreview()
	p.set(data)
	first := p.Image.Image
	p.set(data)
	if p.Image.Image != first {
		t.Error("the same bytes were decoded again")
	}
	p.set(append([]byte(nil), data...))
	if p.Image.Image == first || !p.Visible() {
		t.Error("another logo was not shown")
	}
	p.set(nil)
	if p.Visible() || p.Image.Image != nil {
		t.Error("no logo still shows a picture")
	}
}
