package app

import (
	"image"
	"image/color"
	"io/fs"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
)

// The start page is what the window shows with no packet open — at the
// first start and after File › Close — so a teacher's first sight is a
// choice of documents, not a memo about a presidential order: a new
// staff memo, classroom handout or client brief (blank or from its
// sample), Open…, and the packets opened lately.

// startPage is the start page's widgets that change: the recent list.
type startPage struct {
	content fyne.CanvasObject
	recent  *fyne.Container
	// first has the keyboard when the page is shown.
	first fyne.Focusable
}

// previewWidth is a kind's preview page in logical pixels: big enough
// to tell a handout's large type from a memo's marking.
const previewWidth = 150

// previewDPI draws previews at about twice their size on screen, so
// they stay sharp on a high-density display and when scaled down.
const previewDPI = 2 * previewWidth / 8.5

// newStartPage builds the page; its recent list is filled by showStart.
func (w *mainWindow) newStartPage() *startPage {
	s := &startPage{recent: container.NewVBox()}
	title := widget.NewLabelWithStyle("Start a new document", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	cards, first := w.newChoiceCards(func(a briefing.Audience, blank bool) { w.onNew(a, blank) })
	s.first = first
	open := widget.NewButtonWithIcon("Open…", theme.FolderOpenIcon(), w.onOpen)
	recentTitle := widget.NewLabelWithStyle("Recent", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	recentTitle.SizeName = theme.SizeNameSubHeadingText
	body := container.NewVBox(title, cards, widget.NewSeparator(),
		container.NewBorder(nil, nil, recentTitle, open), s.recent)
	// The page keeps its natural width, centred, rather than stretch
	// three cards across a wide screen.
	s.content = container.NewVScroll(container.NewCenter(container.NewPadded(body)))
	return s
}

// newChoiceCards lays out one card per audience — a preview of its
// sample's first page, what it is, and Blank or From the sample — for the
// start page and File › New alike. first is the first Blank button.
func (w *mainWindow) newChoiceCards(choose func(briefing.Audience, bool)) (fyne.CanvasObject, fyne.Focusable) {
	grid := container.NewGridWithColumns(len(newChoices))
	var first fyne.Focusable
	for _, c := range newChoices {
		blank := widget.NewButton(newBlankLabel, func() { choose(c.audience, true) })
		blank.Importance = widget.HighImportance
		if first == nil {
			first = blank
		}
		sample := widget.NewButton(newSampleLabel, func() { choose(c.audience, false) })
		name := widget.NewLabelWithStyle(c.name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		promise := widget.NewLabel(c.promise)
		promise.Wrapping = fyne.TextWrapWord
		card := container.NewVBox(container.NewCenter(w.previewOf(c.audience)), name, promise,
			container.NewGridWithColumns(2, blank, sample))
		// A shaded panel per kind, apart from its neighbours, so its
		// buttons read as its own rather than one row of six.
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = theme.InputRadiusSize()
		grid.Add(container.NewPadded(container.NewStack(bg, container.NewPadded(card))))
	}
	return grid, first
}

// showStart closes the packet view for the start page. The packet left
// behind is a blank one nobody sees, so nothing that still runs on it —
// a late analysis, an autosave — can touch the user's work.
func (w *mainWindow) showStart() {
	if w.startPg == nil {
		w.startPg = w.newStartPage()
	}
	w.stopPacketWork()
	w.onStartPage = true
	w.doc = w.newDocument(briefing.NewBlankPacketFor(briefing.Staff, w.env.now().Format("2006-01-02"), briefing.Defaults{}), "")
	w.doc.onChange = w.onDocumentChanged
	w.markOpen()
	w.fillRecent()
	w.win.SetContent(w.startPg.content)
	w.win.SetTitle("Briefsmith")
	w.refreshMenu()
	w.win.Canvas().Focus(w.startPg.first)
}

// leaveStart shows the packet view again, for a packet just opened.
func (w *mainWindow) leaveStart() {
	if !w.onStartPage {
		return
	}
	w.onStartPage = false
	w.win.SetContent(w.main)
}

// fillRecent lists the packets of Open Recent, each a button that opens
// it; a packet that has gone says so when chosen, as Open Recent does.
func (w *mainWindow) fillRecent() {
	w.startPg.recent.RemoveAll()
	for _, p := range w.app.Preferences().StringList(prefRecent) {
		b := widget.NewButtonWithIcon(filepath.Base(p)+"  —  "+filepath.Dir(p), theme.DocumentIcon(), func() { w.onOpenRecent(p) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		w.startPg.recent.Add(b)
	}
	if len(w.startPg.recent.Objects) == 0 {
		none := widget.NewLabel("Packets you open or save appear here.")
		none.Importance = widget.LowImportance
		w.startPg.recent.Add(none)
	}
}

// onClose closes the packet (once unsaved work is dealt with) and shows
// the start page in the same window.
func (w *mainWindow) onClose() {
	w.whenSafe(func() {
		w.clearRecovery()
		w.showStart()
	})
}

// previewOf is a kind's preview: its sample's first page, drawn off the
// UI goroutine the first time one is asked for, and kept.
func (w *mainWindow) previewOf(a briefing.Audience) fyne.CanvasObject {
	img := canvas.NewImageFromImage(w.previews[a])
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	size := fyne.NewSize(previewWidth, previewWidth*11/8.5)
	img.SetMinSize(size)
	if img.Image == nil {
		w.previewWait = append(w.previewWait, previewSlot{a, img})
		w.drawPreviews()
	}
	paper := canvas.NewRectangle(color.White)
	paper.StrokeColor = color.Gray{Y: 0xb0}
	paper.StrokeWidth = 1
	paper.SetMinSize(size)
	return container.NewStack(paper, img)
}

// previewSlot is a preview image waiting for its page.
type previewSlot struct {
	audience briefing.Audience
	img      *canvas.Image
}

// drawPreviews draws every kind's preview once, in the background.
func (w *mainWindow) drawPreviews() {
	if w.previews != nil {
		return
	}
	w.previews = map[briefing.Audience]image.Image{}
	lib := w.lib
	w.env.background(func() {
		drawn := map[briefing.Audience]image.Image{}
		for _, c := range newChoices {
			name := string(c.audience) + ".briefing"
			data, err := fs.ReadFile(assets.Samples, name)
			if err != nil {
				continue
			}
			p, err := briefing.DecodePacket(name, data)
			if err != nil {
				continue
			}
			if res := layOut(lib, p, name, 0, 0, previewDPI); res.drawn[0] != nil {
				drawn[c.audience] = res.drawn[0]
			}
		}
		w.env.onUI(func() {
			w.previews = drawn
			for _, s := range w.previewWait {
				s.img.Image = drawn[s.audience]
				s.img.Refresh()
			}
			w.previewWait = nil
		})
	})
}
