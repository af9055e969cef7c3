package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

func shortcut(k fyne.KeyName, extra fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | extra}
}

// mainMenu builds File, Edit and Section menus. Menu shortcuts are
// handled by the window before any focused widget, so Ctrl+Z undoes
// packet edits even while typing in a section body.
func (w *mainWindow) mainMenu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem("New…", w.onNewDialog)
	newItem.Shortcut = shortcut(fyne.KeyN, 0)
	open := fyne.NewMenuItem("Open…", w.onOpen)
	open.Shortcut = shortcut(fyne.KeyO, 0)
	w.recentMenu = fyne.NewMenuItem("Open Recent", nil)
	w.recentMenu.ChildMenu = fyne.NewMenu("")
	save := fyne.NewMenuItem("Save", w.onSave)
	save.Shortcut = shortcut(fyne.KeyS, 0)
	saveAs := fyne.NewMenuItem("Save As…", w.onSaveAs)
	saveAs.Shortcut = shortcut(fyne.KeyS, fyne.KeyModifierShift)
	export := fyne.NewMenuItem("Export PDF…", w.onExport)
	export.Shortcut = shortcut(fyne.KeyE, 0)
	exportWord := fyne.NewMenuItem("Export Word…", w.onExportWord)
	exportWord.Shortcut = shortcut(fyne.KeyE, fyne.KeyModifierShift)
	prefs := fyne.NewMenuItem("Preferences…", w.onPreferences)
	quit := fyne.NewMenuItem("Quit", w.onQuit)
	quit.Shortcut = shortcut(fyne.KeyQ, 0)
	quit.IsQuit = true
	file := fyne.NewMenu("File", newItem, fyne.NewMenuItemSeparator(), open, w.recentMenu,
		fyne.NewMenuItemSeparator(), save, saveAs, export, exportWord, fyne.NewMenuItemSeparator(), prefs, quit)

	w.undoItem = fyne.NewMenuItem("Undo", w.onUndo)
	w.undoItem.Shortcut = &fyne.ShortcutUndo{}
	w.redoItem = fyne.NewMenuItem("Redo", w.onRedo)
	w.redoItem.Shortcut = shortcut(fyne.KeyZ, fyne.KeyModifierShift)
	edit := fyne.NewMenu("Edit", w.undoItem, w.redoItem)

	up := fyne.NewMenuItem("Move Up", func() { w.packet.onMove(-1) })
	up.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	down := fyne.NewMenuItem("Move Down", func() { w.packet.onMove(1) })
	down.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	dup := fyne.NewMenuItem("Duplicate", w.packet.onDuplicate)
	dup.Shortcut = shortcut(fyne.KeyD, 0)
	remove := fyne.NewMenuItem("Remove", w.packet.onRemove)
	blank := fyne.NewMenuItem("Add Blank Section", w.onAddBlank)
	blank.Shortcut = shortcut(fyne.KeyN, fyne.KeyModifierShift)
	asTemplate := fyne.NewMenuItem("Save Section as Template…", w.section.onSaveAsTemplate)
	section := fyne.NewMenu("Section", blank, fyne.NewMenuItemSeparator(), up, down, dup, remove, fyne.NewMenuItemSeparator(), asTemplate)

	w.menu = fyne.NewMainMenu(file, edit, section)
	for _, m := range w.menu.Items {
		w.guardItems(m.Items)
	}
	return w.menu
}

// guardItems makes each item do nothing while a dialog is open. Fyne runs a
// menu item's shortcut whatever covers the window, so Ctrl+Z pressed over
// "Export finished" would undo an edit the user cannot see.
func (w *mainWindow) guardItems(items []*fyne.MenuItem) {
	for _, it := range items {
		if f := it.Action; f != nil {
			it.Action = func() {
				if !w.dialogOpen() {
					f()
				}
			}
		}
		if it.ChildMenu != nil {
			w.guardItems(it.ChildMenu.Items)
		}
	}
}

// dialogOpen reports whether a dialog covers the window: Fyne shows every
// dialog as a modal pop-up over the canvas.
func (w *mainWindow) dialogOpen() bool {
	for _, o := range w.win.Canvas().Overlays().List() {
		if _, ok := o.(*widget.PopUp); ok {
			return true
		}
	}
	return false
}

// refreshMenu updates Open Recent and the enabled state of Undo/Redo.
func (w *mainWindow) refreshMenu() {
	if w.menu == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range w.app.Preferences().StringList(prefRecent) {
		items = append(items, fyne.NewMenuItem(filepath.Base(p)+"  —  "+filepath.Dir(p), func() { w.onOpenRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none yet)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	w.guardItems(items)
	w.recentMenu.ChildMenu.Items = items
	w.undoItem.Disabled = !w.doc.canUndo()
	w.redoItem.Disabled = !w.doc.canRedo()
	w.menu.Refresh()
}

func (w *mainWindow) onUndo() { w.doc.undoStep() }
func (w *mainWindow) onRedo() { w.doc.redoStep() }
