package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TypedRune is part of fyne.Focusable: a typed character goes in at the
// cursor, replacing the selection, as the literal character.
func (e *Editor) TypedRune(r rune) {
	if e.readOnly {
		return
	}
	if e.opts.Plain && (r >= ' ' || r == '\n' || r == '\t') {
		// A line end or tab sent as a character (as a test types it)
		// goes in as one, as it would pasted.
		e.typePlain(string(r), true)
		return
	}
	if r < ' ' {
		return
	}
	e.pastBox()
	sel := e.anchor != e.cursor
	st := e.typedStyle()
	if sel {
		e.begin(false)
		s, _ := order(e.anchor, e.cursor)
		if b := e.blocks[s.b]; b.kind != kBox && s.o < len(b.atoms) && e.typing == nil {
			st = b.atoms[s.o].st
		}
		e.deleteSelection()
	} else {
		e.begin(true)
	}
	e.insert([]atom{{r: r, st: st}})
	if e.opts.SmartQuotes && (r == '"' || r == '\'') {
		e.changed()
		e.smartQuote(r)
	}
	if r == ' ' && e.opts.Autoformat && !sel {
		e.autoformat()
	}
	e.goalX = -1
	e.changed()
}

// smartQuote sets the quote just typed as the typographic one, as an undo
// step of its own so that Undo gives the straight quote back.
func (e *Editor) smartQuote(r rune) {
	q := e.cursor
	b := e.blocks[q.b]
	opening := q.o < 2 || isSpaceAtom(b.atoms[q.o-2]) || isOpener(b.atoms[q.o-2].r) || isSep(b.atoms[q.o-2])
	curly := map[[2]bool]rune{{true, true}: '“', {true, false}: '”', {false, true}: '‘', {false, false}: '’'}[[2]bool{r == '"', opening}]
	e.begin(false)
	m := e.mut(q.b)
	m.atoms[q.o-1].r = curly
	e.endBurst()
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '“', '‘', '—', '–', '/':
		return true
	}
	return false
}

// KeyDown is part of desktop.Keyable: it tracks Shift, which TypedKey
// events do not carry.
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	switch k.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.mods |= fyne.KeyModifierShift
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		e.mods |= fyne.KeyModifierControl
	}
}

// KeyUp is part of desktop.Keyable.
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	switch k.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.mods &^= fyne.KeyModifierShift
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		e.mods &^= fyne.KeyModifierControl
	}
}

// TypedKey is part of fyne.Focusable: moving keys (with Shift held they
// extend the selection), Backspace, Delete, Enter and Tab.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	shift := e.mods&fyne.KeyModifierShift != 0
	if e.move(k.Name, shift, false) {
		return
	}
	if e.readOnly {
		if k.Name == fyne.KeyEscape && e.OnEscape != nil {
			e.OnEscape()
		}
		return
	}
	switch k.Name {
	case fyne.KeyEscape:
		if e.OnEscape != nil {
			e.OnEscape()
		}
	case fyne.KeyBackspace:
		e.backspace()
	case fyne.KeyDelete:
		e.deleteForward()
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.opts.Plain {
			e.enterPlain()
			return
		}
		if shift {
			e.lineBreak()
		} else {
			e.enter()
		}
	case fyne.KeyTab:
		if e.opts.Plain {
			if !shift {
				e.typePlain("\t", true)
			}
			return
		}
		e.tab(shift)
	}
}

// move handles a key that moves the cursor and reports whether k was
// one; ctrl moves by words and to the ends of the text.
func (e *Editor) move(k fyne.KeyName, shift, ctrl bool) bool {
	q := e.cursor
	s, t := order(e.anchor, e.cursor)
	var to pos
	switch k {
	case fyne.KeyLeft:
		switch {
		case ctrl:
			to = e.wordLeft(q)
		case s != t && !shift:
			to = s
		default:
			to = e.left(q)
		}
	case fyne.KeyRight:
		switch {
		case ctrl:
			to = e.wordRight(q)
		case s != t && !shift:
			to = t
		default:
			to = e.right(q)
		}
	case fyne.KeyUp:
		to = e.up(q)
	case fyne.KeyDown:
		to = e.down(q)
	case fyne.KeyPageUp:
		to = e.pageMove(q, true)
	case fyne.KeyPageDown:
		to = e.pageMove(q, false)
	case fyne.KeyHome:
		if ctrl {
			to = pos{}
		} else {
			to = e.lineStart(q)
		}
	case fyne.KeyEnd:
		if ctrl {
			last := len(e.blocks) - 1
			to = pos{last, e.blocks[last].length()}
		} else {
			to = e.lineEnd(q)
		}
	default:
		return false
	}
	e.moveTo(to, shift)
	switch k {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown:
	default:
		e.goalX = -1
	}
	return true
}

// TypedShortcut is part of fyne.Shortcutable.
func (e *Editor) TypedShortcut(sc fyne.Shortcut) {
	switch sc := sc.(type) {
	case *fyne.ShortcutCopy:
		e.copySelection(sc.Clipboard)
		return
	case *fyne.ShortcutSelectAll:
		e.SelectAll()
		return
	case *desktop.CustomShortcut:
		ctrl := sc.Modifier&fyne.KeyModifierControl != 0 || sc.Modifier&fyne.KeyModifierSuper != 0
		shift := sc.Modifier&fyne.KeyModifierShift != 0
		if ctrl && e.move(sc.KeyName, shift, true) {
			return
		}
		if ctrl && sc.KeyName == fyne.KeyTab {
			e.focusOn(shift)
			return
		}
	}
	if e.readOnly {
		return
	}
	switch sc := sc.(type) {
	case *fyne.ShortcutCut:
		e.cut(sc.Clipboard)
	case *fyne.ShortcutPaste:
		e.paste(sc.Clipboard)
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	case *desktop.CustomShortcut:
		e.customShortcut(sc)
	}
}

func (e *Editor) customShortcut(sc *desktop.CustomShortcut) {
	ctrl := sc.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	shift := sc.Modifier&fyne.KeyModifierShift != 0
	if !ctrl {
		return
	}
	switch sc.KeyName {
	case fyne.KeyZ:
		if shift && e.OnRedoKey != nil {
			e.OnRedoKey()
		} else if shift {
			e.Redo()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.OnSubmit != nil {
			e.OnSubmit()
		}
	}
	if e.opts.Plain {
		return
	}
	switch sc.KeyName {
	case fyne.KeyB:
		e.ToggleBold()
	case fyne.KeyI:
		e.ToggleItalic()
	case fyne.Key0:
		e.SetHeading(0)
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6:
		e.SetHeading(int(sc.KeyName[0] - '0'))
	}
}

// SelectAll selects the whole text.
func (e *Editor) SelectAll() {
	last := len(e.blocks) - 1
	e.anchor = pos{}
	e.moveTo(pos{last, e.blocks[last].length()}, true)
}

// focusOn moves the keyboard to the next control (the previous one with
// back): Tab nests list items here, so Ctrl+Tab and Ctrl+Shift+Tab leave
// the text, as in other text areas that take Tab.
func (e *Editor) focusOn(back bool) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}
