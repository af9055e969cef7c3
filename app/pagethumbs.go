package app

import (
	"image"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// thumbWidth is a thumbnail's width in logical pixels: small enough that
// the strip leaves the page most of a narrow pane, large enough to tell a
// table or a heading from running text.
const thumbWidth = 64

// thumbHeight fits both page sizes (A4 is the taller, √2 to 1); letter
// pages sit centred in it.
const thumbHeight = thumbWidth * 1.415

// newThumbList is the strip of small pages beside the view: choosing one
// scrolls to that page. Thumbnails are drawn only for rows in view.
func (v *pageView) newThumbList() *widget.List {
	l := &widget.List{
		Length: func() int {
			if v.shown == nil {
				return 0
			}
			return v.stack.count
		},
		CreateItem: func() fyne.CanvasObject {
			paper := canvas.NewRectangle(color.White)
			img := canvas.NewImageFromImage(nil)
			img.FillMode = canvas.ImageFillContain
			img.ScaleMode = canvas.ImageScaleSmooth
			num := widget.NewLabel("")
			num.Alignment = fyne.TextAlignCenter
			pic := container.New(thumbLayout{}, paper, img)
			return container.NewBorder(nil, num, nil, nil, pic)
		},
		UpdateItem: v.updateThumb,
	}
	l.OnSelected = func(id widget.ListItemID) {
		v.scrollTo(v.stack.pageTop(id) - pageGap/2)
		l.UnselectAll()
	}
	l.ExtendBaseWidget(l)
	return l
}

func (v *pageView) updateThumb(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	pic := box.Objects[0].(*fyne.Container)
	box.Objects[1].(*widget.Label).SetText(strconv.Itoa(id + 1))
	img := pic.Objects[1].(*canvas.Image)
	var shown image.Image
	if v.shown != nil {
		k := drawKey{v.shown.gen, id, v.thumbDPI()}
		if t, ok := v.thumbs[k]; ok {
			shown = t
		} else {
			v.draw(k, v.thumbs, func(image.Image) { v.thumbList.RefreshItem(id) })
		}
	}
	// Until drawn, a thumbnail keeps the picture it had: a shifted page
	// is nearer the truth than a blank one.
	if shown != nil && img.Image != shown {
		img.Image = shown
		pic.Refresh() // the paper takes the page's proportions

	}
}

// thumbDPI draws thumbnails at their size on screen.
func (v *pageView) thumbDPI() float64 {
	return quantizeDPI(thumbWidth / (float64(v.stack.wPt) / 72) * float64(v.canvasScale()))
}

func (v *pageView) toggleThumbs() {
	if v.thumbPane.Visible() {
		v.thumbPane.Hide()
	} else {
		v.thumbPane.Show()
		v.thumbList.Refresh()
	}
	v.content.Refresh()
}

// thumbLayout sizes a thumbnail's paper to the page's proportions, centred
// in the row, with the picture on it.
type thumbLayout struct{}

// MinSize is one thumbnail's box, the same for every row.
func (thumbLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(thumbWidth, thumbHeight)
}

// Layout places the paper and the picture, both the page's shape.
func (thumbLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	img := objects[1].(*canvas.Image)
	w, h := float32(thumbWidth), float32(thumbHeight)
	if img.Image != nil {
		b := img.Image.Bounds()
		h = w * float32(b.Dy()) / float32(b.Dx())
	}
	pos := fyne.NewPos((size.Width-w)/2, (size.Height-h)/2)
	for _, o := range objects {
		o.Move(pos)
		o.Resize(fyne.NewSize(w, h))
	}
}
