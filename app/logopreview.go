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

// newLogoPreview is an empty preview, shown by setLogoPreview.
func newLogoPreview() *canvas.Image {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(logoPreviewSize)
	img.Hide()
	return img
}

// setLogoPreview shows data (a PNG or JPEG) in preview, or hides it for
// none or an image that does not decode (the label beside it says why).
func setLogoPreview(preview *canvas.Image, data []byte) {
	if len(data) == 0 {
		preview.Image = nil
		preview.Hide()
		preview.Refresh()
		return
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		preview.Image = nil
		preview.Hide()
		preview.Refresh()
		return
	}
	preview.Image = img
	preview.Show()
	preview.Refresh()
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
