package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tableMenu is the menu a right click on a table opens, as Word's does:
// rows and columns added and removed where the cursor is.
func (e *Editor) tableMenu() *fyne.Menu {
	item := func(label string, do func() bool) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() { do() })
	}
	return fyne.NewMenu("",
		item("Insert row above", func() bool { return e.InsertRow(true) }),
		item("Insert row below", func() bool { return e.InsertRow(false) }),
		item("Delete row", e.DeleteRow),
		fyne.NewMenuItemSeparator(),
		item("Insert column left", func() bool { return e.InsertColumn(true) }),
		item("Insert column right", func() bool { return e.InsertColumn(false) }),
		item("Delete column", e.DeleteColumn),
	)
}

// TappedSecondary is part of fyne.SecondaryTappable: a right click in a
// table puts the cursor where it is (unless it is on the selection, which
// the menu then acts on) and opens the table's menu.
func (p *page) TappedSecondary(ev *fyne.PointEvent) {
	e := p.e
	q := p.posAt(ev.Position)
	if e.readOnly || e.blocks[q.b].kind != kTable {
		return
	}
	e.focus()
	if s, t := order(e.anchor, e.cursor); s == t || q.less(s) || t.less(q) {
		e.moveTo(q, false)
		e.goalX = -1
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		widget.ShowPopUpMenuAtPosition(e.tableMenu(), c, ev.AbsolutePosition)
	}
}
