package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"strings"
)

// sectionList is the packet's list of sections: Fyne's list, with Delete
// (or Backspace) removing the selected section, as in a file manager or
// a slide sorter; one Undo brings it back.
type sectionList struct {
	widget.List
	onDelete func()
}

// TypedKey implements fyne.Focusable.
func (l *sectionList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDelete || k.Name == fyne.KeyBackspace {
		l.onDelete()
		return
	}
	l.List.TypedKey(k)
}

// packetPanel lists the packet's sections in order, each with its include
// box, and holds the buttons that reorder, duplicate and remove them.
type packetPanel struct {
	w        *mainWindow
	list     *sectionList
	pages    *widget.Label
	up, down *widget.Button
	dup, del *widget.Button
	// syncing is set while the list selection is changed from code, so
	// OnSelected does not echo it back.
	syncing bool
	// highlighted is the row the list shows selected (-1 for none): Fyne's
	// list does not say, and tests check it against the editor.
	highlighted int
	content     fyne.CanvasObject
}

func newPacketPanel(w *mainWindow) *packetPanel {
	p := &packetPanel{w: w, highlighted: -1}
	p.pages = widget.NewLabel("Counting pages…")
	p.pages.TextStyle.Bold = true
	p.list = &sectionList{onDelete: p.onRemove}
	p.list.List = widget.List{
		Length:     func() int { return len(p.w.doc.packet.Sections) },
		CreateItem: p.createRow,
		UpdateItem: p.updateRow,
		OnSelected: func(id widget.ListItemID) {
			p.highlighted = id
			if !p.syncing {
				p.w.selectSection(id)
				p.w.tabs.SelectIndex(0)
			}
			p.updateButtons()
		},
	}
	p.list.ExtendBaseWidget(p.list)
	p.up = &widget.Button{Icon: theme.MoveUpIcon(), OnTapped: func() { p.onMove(-1) }}
	p.down = &widget.Button{Icon: theme.MoveDownIcon(), OnTapped: func() { p.onMove(1) }}
	p.dup = &widget.Button{Icon: theme.ContentCopyIcon(), OnTapped: p.onDuplicate}
	p.del = &widget.Button{Icon: theme.DeleteIcon(), OnTapped: p.onRemove}
	for _, b := range []*widget.Button{p.up, p.down, p.dup, p.del} {
		b.ExtendBaseWidget(b)
	}
	title := widget.NewLabelWithStyle("Packet", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tools := container.NewHBox(p.up, p.down, p.dup, p.del)
	// The count gets lines of its own and wraps, never cut off: it says
	// how far over the limit the packet is and what to cut ("7 pages — 2
	// over the limit of 4 even fitt…" was all a narrow panel showed).
	p.pages.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(container.NewVBox(title, p.pages), tools, nil, nil, p.list)
	return p
}

func (p *packetPanel) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	title := widget.NewLabel("")
	title.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, check, nil, title)
}

func (p *packetPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title := box.Objects[0].(*widget.Label)
	check := box.Objects[1].(*widget.Check)
	s := p.w.doc.packet.Sections[id]
	check.OnChanged = nil
	check.SetChecked(s.Included)
	k := p.w.doc.keyAt(id)
	check.OnChanged = func(on bool) { p.w.doc.setIncluded(k, on) }
	text := p.w.sectionTitle(id)
	t, known := p.w.lib.Get(s.Template)
	// "Edited" says the text is no longer the template's; a section
	// that began empty holds only the user's own text, nothing edited.
	if s.Body != nil && (!known || strings.TrimSpace(t.Body) != "") {
		text += "  (edited)"
	}
	suits := !known || t.Suits(p.w.doc.packet.Audience)
	if !suits {
		text += "  (" + joinNames(t.Audiences, ", ") + " only)"
	}
	title.SetText(text)
	if s.Included && suits {
		title.Importance = widget.MediumImportance
	} else {
		title.Importance = widget.LowImportance
	}
	title.Refresh()
}

// refresh redraws the rows and re-selects the section being edited.
func (p *packetPanel) refresh() {
	p.list.Refresh()
	p.selectRow()
}

// selectRow highlights the document's selected section.
func (p *packetPanel) selectRow() {
	i := p.w.doc.selectedIndex()
	p.syncing = true
	if i >= 0 {
		p.list.Select(i)
	} else {
		p.list.UnselectAll()
	}
	p.highlighted = i
	p.syncing = false
	p.updateButtons()
}

func (p *packetPanel) updateButtons() {
	i, n := p.w.doc.selectedIndex(), len(p.w.doc.packet.Sections)
	setEnabled(p.up, i > 0)
	setEnabled(p.down, i >= 0 && i < n-1)
	setEnabled(p.dup, i >= 0)
	setEnabled(p.del, i >= 0)
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (p *packetPanel) showPages(a briefing.Analysis) {
	p.pages.SetText(pagesText(p.w.doc.packet, a))
}

func (p *packetPanel) onMove(delta int) { p.w.doc.moveSelected(delta) }
func (p *packetPanel) onDuplicate()     { p.w.doc.duplicateSelected() }
func (p *packetPanel) onRemove()        { p.w.doc.removeSelected() }
