// Package editor is a word-processor widget for a section's text: it shows
// a sectiontext.Body as formatted text (headings, bold, lists drawn by the
// editor, fields as chips, tables as grids, call-outs as boxes) and edits it
// without ever showing Markdown. It knows nothing about packets: the app
// gives it a body (SetBody), and on every change (OnChanged) stores the
// canonical Markdown of what Body returns.
//
// Phase 1 edits paragraphs, headings and list items (text, bold, italic,
// code, links kept as typed); fields, citations and footnote references
// are chips, selected and deleted whole. Text shown only when a field is
// filled is text like any other, tinted, after a small marker naming the
// field, and so is what prints otherwise, after an "otherwise:" marker
// (see cond.go); only such text inside a link or other conditional text
// is a chip, its words edited in a dialog the app opens
// (OnEditConditional). Tables are
// edited in place, cell by cell, as in a word processor (tablecell.go,
// tablekeys.go, tableops.go); call-outs, answer lines, glossaries, code,
// quotes, page breaks and rules are shown as read-only boxes that can be
// selected and deleted as a unit.
// Footnote definitions the text refers to are shown under it; a double
// click on a note or its number asks the app to edit it (OnEditNote,
// ReplaceNote), so no one edits a note as "[^1]:" text.
//
// Long text is laid out only where it is on screen: the editor scrolls
// itself, and a block is measured the first time it is seen.
//
// Keys are a word processor's: typing, arrows, Home/End, Page Up/Down,
// Ctrl+←/→ and Ctrl+Home/End, each with Shift to select; Backspace and
// Delete join paragraphs; Enter splits (Shift+Enter breaks the line);
// Tab and Shift+Tab nest list items, and in a table go from cell to cell
// (Tab does nothing elsewhere, so it does not move the keyboard on); Ctrl+B, Ctrl+I, Ctrl+0–6; Ctrl+Z,
// Ctrl+Shift+Z, Ctrl+Y; Ctrl+A; Cut, Copy, Paste. Fyne's clipboard
// holds plain text only, so Copy puts plain text there and the editor
// keeps the formatted copy beside it for a Paste within Briefsmith (see
// clipboard.go).
package editor

import (
	"errors"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// ErrTemplateCode is what SetBody returns for a body whose template code
// lies outside the model: the widget cannot show such a body as formatted
// text without losing what it cannot show, so the app shows its source
// instead. The editor is left empty and read-only.
var ErrTemplateCode = errors.New("the text uses template code the formatted view cannot show")

// Options are the editor's settings that come from outside the text.
type Options struct {
	// Label gives the text a field chip shows for a field name (the
	// packet's label for it); nil shows the name.
	Label func(name string) string
	// CitationLabel gives what a citation chip shows for a source id:
	// the number the page prints ("2" shows as "[2]"), so the user sees
	// the citation as the reader will. "" shows "@id", as the page
	// prints an id that names no source; nil shows the ids.
	CitationLabel func(id string) string
	// Accent colours headings as the page does; nil uses the theme's
	// foreground colour.
	Accent color.Color
	// SmartQuotes turns a typed straight quote into the typographic one
	// the page prints, as a separate undo step so one Undo gives the
	// straight quote back.
	SmartQuotes bool
	// Autoformat makes a paragraph begun with "- ", "* " or "1. " a
	// list item, as a separate undo step so one Undo gives the typed
	// characters back (see autoformat.go).
	Autoformat bool
	// Plain makes a plain-text editor: lines of characters, no
	// formatting (see plain.go and NewPlain).
	Plain bool
}

// Editor is the widget. Put it anywhere: it scrolls itself.
type Editor struct {
	// OnEditBox is called when a box (a call-out, a glossary…) is
	// double-clicked, with the box: the app opens it to edit, since this
	// editor does not edit inside boxes yet. A table's cells are edited
	// in place, so a double click there selects a word. Nil does nothing.
	OnEditBox func(sectiontext.Block)
	// OnEditNote is called when a footnote's number (or its note under
	// the text) is double-clicked, with the note's label: the app opens
	// the note's text to edit, so no one types a note as "[^1]:". Nil
	// does nothing.
	OnEditNote func(label string)
	// OnEditConditional is called when the chip of text shown only
	// when a field is filled is double-clicked, with it selected: the
	// app opens its words to edit (ReplaceSelectedConditional puts them
	// back), as the chip holds them as one step. Only conditional text
	// inside a link, a passage in another language or other conditional
	// text, or one without words, is a chip; the rest, otherwise and
	// all, is edited in place and never calls it. Nil selects the chip
	// only.
	OnEditConditional func(sectiontext.Conditional)
	// OnSubmit is called on Ctrl+Enter, and OnEscape on Esc: an editor in
	// a dialog lets them press its OK and Cancel, since Enter there makes
	// a new paragraph. Nil does nothing.
	OnSubmit, OnEscape func()
	// OnRedoKey is called for Ctrl+Shift+Z instead of Redo: the app's
	// Redo may have a change to make again that was made outside the
	// editor. Nil redoes in the editor.
	OnRedoKey func()
	// OnEnter is called in a plain editor when Enter is pressed with
	// nothing selected; true means the app has made the change itself
	// (ReplaceText), false lets Enter begin a new line. Nil begins one.
	OnEnter func() bool
	// PlainInsert is called in a plain editor with text about to be
	// typed or pasted at the cursor (the selection already gone), and
	// returns what goes in instead. Nil puts the text in as it is.
	PlainInsert func(text string) string
	widget.BaseWidget

	// OnChanged is called after each change the user makes (never after
	// SetBody), so the app can store sectiontext.Write(e.Body()).
	OnChanged func()

	opts Options
	// blocks is the text as the editor edits it: one entry per paragraph,
	// heading, list item or read-only box (see model.go).
	blocks []*block
	notes  []sectiontext.Footnote
	// anchor is where the selection started, cursor where it ends (and
	// where typing goes); they are equal when nothing is selected.
	anchor, cursor pos
	readOnly       bool
	focused        bool
	// typing is the style the next typed character gets when the user
	// toggled bold or italic with nothing selected.
	typing *style
	// goalX keeps the column of vertical moves, so moving through a short
	// line does not pull the cursor to the left; -1 when unset.
	goalX float32
	// mods are the modifier keys held down, which TypedKey events do not
	// carry.
	mods fyne.KeyModifier

	hist  history
	measr *measurer
	view  *page
	scrl  *container.Scroll
	// gen counts snapshots: a block made since the latest one may be
	// changed in place, an older one is shared with the undo history
	// and is copied first.
	gen int
	// mouse tracks clicks for double and triple clicks.
	mouse clicks
	// labels counts Relabel calls: a block laid out before the latest
	// shows chips' old labels.
	labels int
	// mono sets a plain editor's text in the fixed-width face.
	mono bool
}

// New returns an empty editor with smart quotes on.
func New() *Editor {
	return NewWithOptions(Options{SmartQuotes: true})
}

// NewWithOptions returns an empty editor with the given options.
func NewWithOptions(o Options) *Editor {
	e := &Editor{opts: o, goalX: -1}
	e.measr = newMeasurer()
	e.blocks = []*block{{kind: kPara}}
	e.view = newPage(e)
	e.scrl = container.NewVScroll(e.view)
	e.scrl.OnScrolled = func(fyne.Position) { e.view.Refresh() }
	e.ExtendBaseWidget(e)
	return e
}

// SetBody shows b, replacing the text, the selection and the undo
// history. A body of template code (b.TemplateCode) is not shown: the
// editor is emptied, made read-only, and ErrTemplateCode is returned.
func (e *Editor) SetBody(b sectiontext.Body) error {
	e.hist = history{}
	e.anchor, e.cursor, e.typing, e.goalX = pos{}, pos{}, nil, -1
	e.gen++
	if b.TemplateCode {
		e.blocks, e.notes, e.readOnly = []*block{{kind: kPara}}, nil, true
		e.changedLayout()
		return ErrTemplateCode
	}
	e.readOnly = false
	e.blocks = load(b)
	e.notes = b.Notes
	if len(e.blocks) == 0 {
		e.blocks = []*block{{kind: kPara}}
	}
	e.scrl.Offset = fyne.Position{}
	e.changedLayout()
	return nil
}

// Body is the text as edited. Blocks the user has not touched are handed
// back exactly as SetBody received them, so storing an unedited body
// changes no byte.
func (e *Editor) Body() sectiontext.Body {
	return sectiontext.Body{Blocks: build(e.blocks), Notes: e.notes}
}

// ReadOnly reports whether the editor refuses edits (after SetBody of a
// body it cannot show).
func (e *Editor) ReadOnly() bool { return e.readOnly }

// CreateRenderer is part of fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(e.scrl)
}

// FocusGained is part of fyne.Focusable.
func (e *Editor) FocusGained() { e.focused = true; e.view.Refresh() }

// FocusLost is part of fyne.Focusable.
func (e *Editor) FocusLost() { e.focused = false; e.mods = 0; e.view.Refresh() }

// AcceptsTab is part of fyne.Tabbable: Tab nests list items.
func (e *Editor) AcceptsTab() bool { return true }

// changed finishes a user's edit: the layout follows and the app hears.
func (e *Editor) changed() {
	e.settle()
	e.changedLayout()
	if e.OnChanged != nil {
		e.OnChanged()
	}
}

// changedLayout redraws after the text or the selection changed, keeping
// the cursor on screen.
func (e *Editor) changedLayout() {
	e.view.heightsChanged()
	e.view.reveal(e.cursor)
	e.view.Refresh()
}
