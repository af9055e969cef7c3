package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// bodyEntry is the section text field: Fyne's multi-line entry, with
// its cursor kept right through its public API.
//
// In Fyne 2.7.4 a space typed where a line wraps at the end of the text
// leaves the cursor at a place the wrapped rows cannot show (after the
// space, before any next row exists), so the entry puts it back before
// the space and the next letter lands in front of it: "example.org) a"
// became "example.org)a ". bodyEntry remembers where the cursor should
// be and, when the next letter comes with the cursor untouched, puts the
// letter there itself.
type bodyEntry struct {
	widget.Entry
	// owed is the offset the cursor should be at but could not be shown
	// at, or -1; left is the row and column it was left at then, so a
	// cursor the user has moved since is not second-guessed.
	owed          int
	leftRow, left int
	// shift is held down: Shift+Enter is a plain line end.
	shift bool
	// beforeEdit runs before a letter or line end is typed with nothing
	// selected, beforeKey before any other key with nothing selected, and
	// selectAll before Select All (see textWindow); each may be nil.
	beforeEdit func()
	beforeKey  func(fyne.KeyName)
	selectAll  func()
	// redo is the window's Redo, for Ctrl+Shift+Z typed here (the menu's
	// Redo is Ctrl+Y); nil for none.
	redo func()
}

func newBodyEntry() *bodyEntry {
	e := &bodyEntry{owed: -1}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune implements fyne.Focusable.
func (e *bodyEntry) TypedRune(r rune) {
	if e.SelectedText() != "" || e.Disabled() {
		e.owed = -1
		e.Entry.TypedRune(r)
		return
	}
	if e.beforeEdit != nil {
		e.beforeEdit()
	}
	// A letter that could begin the block's own next line (">", a list
	// marker or number, "[^", ": ", a space) is left alone: it may be.
	if !strings.ContainsRune(">-*+[:0123456789 \t\n", r) && joinsAbove([]rune(e.Text), e.CursorTextOffset()) {
		// Typing on the empty line under a box, list item or footnote
		// would continue it on the page; an empty line first makes it
		// the paragraph of its own the editor shows.
		e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClip("\n")})
	}
	want := e.CursorTextOffset() + 1
	if owed := e.owed; owed >= 0 && e.CursorRow == e.leftRow && e.CursorColumn == e.left {
		text := []rune(e.Text)
		if owed <= len(text) {
			want = owed + 1
			e.SetText(string(text[:owed]) + string(r) + string(text[owed:]))
		} else {
			e.Entry.TypedRune(r)
		}
	} else {
		e.Entry.TypedRune(r)
	}
	if e.CursorTextOffset() != want {
		// Placing the cursor redraws every wrapped row of the text, as
		// typing just did: only where the entry left it elsewhere.
		setCursorOffset(&e.Entry, want)
	}
	e.owed = -1
	if e.CursorTextOffset() != want {
		e.owed, e.leftRow, e.left = want, e.CursorRow, e.CursorColumn
	}
}

// KeyDown implements desktop.Keyable, noting Shift.
func (e *bodyEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp implements desktop.Keyable.
func (e *bodyEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey implements fyne.Focusable: Enter does what a word processor's
// does (see pressEnter); Shift+Enter is a plain line end.
func (e *bodyEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name != fyne.KeyReturn && k.Name != fyne.KeyEnter) || e.shift || e.Disabled() || e.SelectedText() != "" {
		if movesCursor(k.Name) {
			// Only a key that moves the cursor or edits cancels a place
			// owed: the desktop driver sends every key, a letter's and a
			// space's too, to TypedKey before its TypedRune.
			e.owed = -1
		}
		plain := !e.shift && !e.Disabled() && e.SelectedText() == ""
		if plain && e.beforeKey != nil {
			e.beforeKey(k.Name)
		}
		if plain && (k.Name == fyne.KeyPageUp || k.Name == fyne.KeyPageDown) {
			e.page(k.Name == fyne.KeyPageDown)
			return
		}
		e.Entry.TypedKey(k)
		return
	}
	if e.beforeEdit != nil {
		e.beforeEdit()
	}
	off := e.CursorTextOffset()
	text, pos := pressEnter(e.Text, off)
	e.owed = -1
	old := []rune(e.Text)
	if added := len([]rune(text)) - len(old); added > 0 && pos == off+added && string(old[:off]) == string([]rune(text)[:off]) {
		// An insertion at the cursor: pasted, so a long text is not set
		// again whole.
		e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClip(string([]rune(text)[off:pos]))})
	} else {
		e.SetText(text)
	}
	setCursorOffset(&e.Entry, pos)
}

// movesCursor reports whether Fyne's entry moves its cursor or edits on
// key k (it ignores the rest, letters and the space among them).
func movesCursor(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab,
		fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd,
		fyne.KeyPageUp, fyne.KeyPageDown:
		return true
	}
	return false
}

// TypedShortcut implements fyne.Shortcutable. Text pasted follows the
// rule for text typed (see TypedRune): on the empty line under a box,
// list item, footnote or definition it starts a paragraph of its own,
// where the editor shows it, instead of joining that block on the page.
func (e *bodyEntry) TypedShortcut(sc fyne.Shortcut) {
	if isRedoAlso(sc) {
		if e.redo != nil {
			e.redo()
		}
		return
	}
	switch sc := sc.(type) {
	case *fyne.ShortcutSelectAll:
		if e.selectAll != nil {
			e.selectAll()
		}
	case *fyne.ShortcutPaste:
		if sc.Clipboard == nil || e.Disabled() {
			break
		}
		text := sc.Clipboard.Content()
		if text == "" || !startsParagraph(text) {
			break
		}
		if e.SelectedText() != "" {
			// Where the pasted text lands is where the selection was.
			e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
		}
		if joinsAbove([]rune(e.Text), e.CursorTextOffset()) {
			e.owed = -1
			e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClip("\n" + text)})
			return
		}
	}
	e.Entry.TypedShortcut(sc)
}

// startsParagraph reports whether text, put on an empty line, begins
// plain text (a paragraph) rather than a block's own next line: a list
// item, a quote, a footnote, a definition, a heading or code fence, or
// an empty line.
func startsParagraph(text string) bool {
	first, _, _ := strings.Cut(text, "\n")
	t := strings.TrimLeft(first, " \t")
	return t != "" && !blockAbove.MatchString(first) && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~")
}

// setCursorOffset puts e's cursor at rune offset pos of its text, with
// nothing selected. The cursor is a row and column of the rows as
// wrapped on screen, which only the entry knows; CursorTextOffset reports
// where a row starts, so the row holding pos is found by halving the
// rows (rowAt).
func setCursorOffset(e *widget.Entry, pos int) {
	if e.SelectedText() != "" {
		// An arrow key ends a selection; moving the cursor alone would
		// stretch it to the new place.
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
	pos = min(max(pos, 0), utf8.RuneCountInString(e.Text))
	row := rowAt(e, pos)
	e.CursorRow, e.CursorColumn = row, pos-rowStart(e, row)
	e.Refresh()
}
