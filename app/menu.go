package app

import (
	"github.com/briefsmith/briefsmith/app/editor"
	"path/filepath"
	"slices"

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
	importWord := fyne.NewMenuItem("Import Word…", w.onImportWord)
	closeItem := fyne.NewMenuItem("Close", w.onClose)
	closeItem.Shortcut = shortcut(fyne.KeyW, 0)
	file := fyne.NewMenu("File", newItem, fyne.NewMenuItemSeparator(), open, w.recentMenu, importWord, closeItem,
		fyne.NewMenuItemSeparator(), save, saveAs, export, exportWord, fyne.NewMenuItemSeparator(), prefs, quit)

	w.undoItem = fyne.NewMenuItem("Undo", w.onUndo)
	w.undoItem.Shortcut = &fyne.ShortcutUndo{}
	// Redo is Ctrl+Y, as in Word and on Windows; Fyne gives a menu item
	// one shortcut, so Ctrl+Shift+Z (GNOME's, and Briefsmith's before) is
	// caught where Fyne lets it be: in the section text and with nothing
	// focused (redoAlso).
	w.redoItem = fyne.NewMenuItem("Redo", w.onRedo)
	w.redoItem.Shortcut = &fyne.ShortcutRedo{}
	find := fyne.NewMenuItem("Find and Replace…", w.section.find.open)
	find.Shortcut = shortcut(fyne.KeyF, 0)
	findNext := fyne.NewMenuItem("Find Next", w.section.find.next)
	findNext.Shortcut = shortcut(fyne.KeyG, 0)
	edit := fyne.NewMenu("Edit", w.undoItem, w.redoItem, fyne.NewMenuItemSeparator(),
		w.focusedItem("Cut", &fyne.ShortcutCut{}), w.focusedItem("Copy", &fyne.ShortcutCopy{}),
		w.focusedItem("Paste", &fyne.ShortcutPaste{}), w.focusedItem("Select All", &fyne.ShortcutSelectAll{}),
		fyne.NewMenuItemSeparator(), find, findNext, fyne.NewMenuItemSeparator(),
		w.textEndItem("Go to Start of Text", fyne.KeyHome, false), w.textEndItem("Go to End of Text", fyne.KeyEnd, true))

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

	// The page view from the keyboard: its buttons are reached with Tab,
	// its pages only by scrolling, which these do.
	nextPage := fyne.NewMenuItem("Next Page", func() { w.pages.stepPage(1) })
	nextPage.Shortcut = shortcut(fyne.KeyPageDown, 0)
	prevPage := fyne.NewMenuItem("Previous Page", func() { w.pages.stepPage(-1) })
	prevPage.Shortcut = shortcut(fyne.KeyPageUp, 0)
	source := fyne.NewMenuItem("Markdown Source", nil)
	source.Action = func() {
		w.section.toggleSourceView()
		source.Checked = w.section.sourceView
		w.menu.Refresh()
	}
	view := fyne.NewMenu("View", source, fyne.NewMenuItemSeparator(), nextPage, prevPage, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Fit Page Width", func() { w.pages.setZoom(zoomFitWidth) }),
		fyne.NewMenuItem("Actual Size (100 %)", func() { w.pages.setZoom(zoomActual) }),
		fyne.NewMenuItem("Page Thumbnails", w.pages.toggleThumbs))

	formatting, insert := w.section.formatMenus()
	// No F1: Fyne takes a key as a menu shortcut only with Ctrl or Alt.
	help := fyne.NewMenu("Help", fyne.NewMenuItem("Formatting Help", w.onFormattingHelp), fyne.NewMenuItem("About Briefsmith", w.onAbout))

	w.menu = fyne.NewMainMenu(file, edit, view, insert, formatting, section, help)
	// What works with no packet open, on the start page: the rest acts
	// on a packet, and is greyed out there.
	startItems := append([]*fyne.MenuItem{newItem, open, w.recentMenu, importWord, prefs, quit}, help.Items...)
	for _, m := range w.menu.Items {
		w.packetItems = append(w.packetItems, packetOnly(m.Items, startItems, w.focusedItems)...)
		w.guardItems(m.Items)
	}
	return w.menu
}

// packetOnly is items (and their submenus') that act on a packet: all but
// those in start and focused, and separators.
func packetOnly(items, start, focused []*fyne.MenuItem) []*fyne.MenuItem {
	var out []*fyne.MenuItem
	for _, it := range items {
		if it.IsSeparator || slices.Contains(start, it) || slices.Contains(focused, it) {
			continue
		}
		out = append(out, it)
		if it.ChildMenu != nil {
			out = append(out, packetOnly(it.ChildMenu.Items, start, focused)...)
		}
	}
	return out
}

// focusedItem is an Edit item that passes its shortcut to the focused
// field with the system clipboard. Menu shortcuts reach the window
// before any field, so without these Ctrl+C would do nothing; they are
// not guarded, since a dialog's own fields need them too.
func (w *mainWindow) focusedItem(label string, sc fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		f, ok := w.win.Canvas().Focused().(fyne.Shortcutable)
		if !ok {
			return
		}
		clip := w.app.Clipboard()
		switch sc.(type) {
		case *fyne.ShortcutCut:
			f.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
		case *fyne.ShortcutCopy:
			f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
		case *fyne.ShortcutPaste:
			f.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		default:
			f.TypedShortcut(sc)
		}
	})
	it.Shortcut = sc
	w.focusedItems = append(w.focusedItems, it)
	return it
}

// textEndItem moves the cursor of the focused text field to the start
// or end of its text (Ctrl+Home, Ctrl+End), which Fyne's fields do not
// do themselves.
func (w *mainWindow) textEndItem(label string, key fyne.KeyName, end bool) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		var e *widget.Entry
		switch f := w.win.Canvas().Focused().(type) {
		case *widget.Entry:
			e = f
		case *editor.Editor:
			f.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
			return
		default:
			return
		}
		pos := 0
		if end {
			pos = len([]rune(e.Text))
		}
		setCursorOffset(e, pos)
	})
	it.Shortcut = shortcut(key, 0)
	return it
}

// guardItems makes each item act on the dialog open, if any, rather than
// the window, and one that acts on a packet do nothing on the start page.
// Fyne runs a menu item's shortcut whatever covers the window, so Ctrl+Z
// pressed over "Export finished" would undo an edit the user cannot see;
// in a dialog it is the dialog's field that is undone (or made bold, or
// gone to the end of) — the field has the keyboard, and Fyne gives the
// menu the key first.
func (w *mainWindow) guardItems(items []*fyne.MenuItem) {
	for _, it := range items {
		if slices.Contains(w.focusedItems, it) {
			continue
		}
		if f := it.Action; f != nil {
			it.Action = func() {
				switch {
				case w.dialogOpen():
					w.toDialog(it.Shortcut)
				case !(w.onStartPage && slices.Contains(w.packetItems, it)):
					f()
				}
			}
		}
		if it.ChildMenu != nil {
			w.guardItems(it.ChildMenu.Items)
		}
	}
}

// toDialog gives shortcut sc to what has the keyboard in the dialog open:
// with a dialog shown, Fyne's focus is the dialog's own, never the window's
// fields beneath it.
func (w *mainWindow) toDialog(sc fyne.Shortcut) {
	if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok && sc != nil {
		f.TypedShortcut(sc)
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
	for _, it := range w.packetItems {
		it.Disabled = w.onStartPage
	}
	w.undoItem.Disabled = w.onStartPage || !w.doc.canUndo()
	w.redoItem.Disabled = w.onStartPage || !w.doc.canRedo()
	w.menu.Refresh()
}

// onUndo undoes the last change: in the formatted editor when the change
// was its own and it has the keyboard (it puts back the cursor), else in
// the document.
func (w *mainWindow) onUndo() {
	if !w.section.richUndo(false) {
		w.doc.undoStep()
	}
}

func (w *mainWindow) onRedo() {
	if !w.section.richUndo(true) {
		w.doc.redoStep()
	}
}

// redoAlso is Ctrl+Shift+Z, the second way to redo (see the Redo item).
var redoAlso = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
