package app

import (
	"bytes"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// logoPreviewSize is the box a logo's preview fits in: about as large as
// the cover prints it, so a user sees what they chose before exporting.
var logoPreviewSize = fyne.NewSize(120, 48)

// logoPreview is a logo's picture in a form, and the bytes it was
// decoded from: Settings shows it again on every change to the packet (a
// keystroke in the title), and a packet's logo may be millions of pixels,
// so the same bytes are not decoded twice.
type logoPreview struct {
	// Image is what a form holds: Fyne draws a *canvas.Image, not a type
	// that embeds one.
	*canvas.Image
	shown []byte
}

// newLogoPreview is an empty preview, shown by set.
func newLogoPreview() *logoPreview {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(logoPreviewSize)
	img.Hide()
	return &logoPreview{Image: img}
}

// set shows data (a PNG or JPEG), or hides the preview for none or an
// image that does not decode (the label beside it says why). The packet
// and its undo steps share a logo's bytes, so the same logo is the same
// slice.
func (p *logoPreview) set(data []byte) {
	if len(data) == len(p.shown) && (len(data) == 0 || &data[0] == &p.shown[0]) {
		return
	}
	p.shown = data
	img, _, err := image.Decode(bytes.NewReader(data))
	if len(data) == 0 || err != nil {
		p.Image.Image = nil
		p.Hide()
		p.Refresh()
		return
	}
	p.Image.Image = img
	p.Show()
	p.Refresh()
}

// showAdvice shows a warning note under a field, or hides it when there
// is none.
func showAdvice(note *widget.Label, advice string) {
	note.SetText(advice)
	if advice == "" {
		note.Hide()
	} else {
		note.Show()
	}
}
