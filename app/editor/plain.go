package editor

import "strings"

// A plain editor (NewPlain) edits text as lines of characters and nothing
// else: the Markdown source of a section, for those who like it (View ›
// Markdown Source), and a section whose template code the formatted view
// cannot show. It is the same widget as the formatted editor — one
// scrollable text laid out only where it is on screen, the same keys,
// mouse, selection, clipboard and undo — so a long source needs no
// part-at-a-time window, and Fyne's multi-line entry (which re-wraps its
// whole text at every keystroke) is not needed at all.
//
// Every line is a paragraph block of characters with no style; nothing
// typed is formatted (Bold, headings, lists and smart quotes do nothing
// here), Shift+Enter ends a line like Enter, Tab types a tab, and what
// is pasted goes in as it is, tabs kept. The app may change what Enter
// and typed or pasted text do (OnEnter, PlainInsert): the source view
// continues a Markdown list on Enter.

// NewPlain returns an empty plain-text editor.
func NewPlain() *Editor {
	return NewWithOptions(Options{Plain: true})
}

// SetText shows text, replacing the text, the selection and the undo
// history; the cursor goes to the start. For a plain editor.
func (e *Editor) SetText(text string) {
	e.hist = history{}
	e.anchor, e.cursor, e.typing, e.goalX = pos{}, pos{}, nil, -1
	e.gen++
	e.readOnly = false
	e.blocks = linesOf(text)
	e.notes = nil
	e.scrl.Offset.Y = 0
	e.changedLayout()
}

// Text is the text of a plain editor, lines apart by "\n".
func (e *Editor) Text() string {
	var sb strings.Builder
	for i, b := range e.blocks {
		if i > 0 {
			sb.WriteByte('\n')
		}
		for _, a := range b.atoms {
			sb.WriteRune(a.r)
		}
	}
	return sb.String()
}

// Line is line i of a plain editor's text ("" past the end), and
// CursorLine the number of the line the cursor is on: what the app needs
// to decide what Enter or a typed letter does, without the whole text.
func (e *Editor) Line(i int) string {
	if i < 0 || i >= len(e.blocks) {
		return ""
	}
	rs := make([]rune, len(e.blocks[i].atoms))
	for k, a := range e.blocks[i].atoms {
		rs[k] = a.r
	}
	return string(rs)
}

// CursorLine is the line the cursor is on, from 0.
func (e *Editor) CursorLine() int { return e.cursor.b }

// SetMonospace sets a plain editor's text in the fixed-width face (on)
// or the body face: template code lines up in the first.
func (e *Editor) SetMonospace(on bool) {
	if e.mono == on {
		return
	}
	e.mono = on
	e.Relabel()
}

// SetReadOnly makes the editor refuse edits (on) or take them again: a
// text shown with nothing to store it in.
func (e *Editor) SetReadOnly(on bool) {
	e.readOnly = on
	e.view.Refresh()
}

// ReplaceText makes the plain editor's text text, as one undo step, and
// puts the cursor at offset cursor: only the part that differs is
// replaced, so the lines around it keep their layout.
func (e *Editor) ReplaceText(text string, cursor int) {
	if e.readOnly {
		return
	}
	old, neu := []rune(e.Text()), []rune(text)
	p := 0
	for p < len(old) && p < len(neu) && old[p] == neu[p] {
		p++
	}
	q := 0
	for q < len(old)-p && q < len(neu)-p && old[len(old)-1-q] == neu[len(neu)-1-q] {
		q++
	}
	if p == len(old) && p == len(neu) {
		e.SetCursorOffset(cursor)
		return
	}
	e.begin(false)
	e.collapse(e.deleteRange(e.posOf(p), e.posOf(len(old)-q)))
	e.insertPlain(string(neu[p : len(neu)-q]))
	e.collapse(e.posOf(cursor))
	e.goalX = -1
	e.changed()
}

// linesOf is text as a plain editor's blocks, a paragraph a line.
func linesOf(text string) []*block {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var out []*block
	for ln := range strings.SplitSeq(text, "\n") {
		as := make([]atom, 0, len(ln))
		for _, r := range ln {
			as = append(as, atom{r: r})
		}
		out = append(out, &block{kind: kPara, atoms: as})
	}
	return out
}

// insertPlain puts text at the cursor as lines of unstyled characters:
// the first joins the cursor's line, each next begins a new one. Control
// characters other than tab are left out, as the editor cannot show
// them.
func (e *Editor) insertPlain(text string) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	for i, ln := range strings.Split(text, "\n") {
		if i > 0 {
			e.split()
		}
		as := make([]atom, 0, len(ln))
		for _, r := range ln {
			if r >= ' ' || r == '\t' {
				as = append(as, atom{r: r})
			}
		}
		e.insert(as)
	}
}

// typePlain puts typed or pasted text in a plain editor, in place of the
// selection: typing goes on as one undo step, a paste is one of its own.
func (e *Editor) typePlain(text string, typing bool) {
	if e.anchor != e.cursor {
		e.begin(false)
		e.deleteSelection()
	} else {
		e.begin(typing)
	}
	if e.PlainInsert != nil {
		text = e.PlainInsert(text)
	}
	e.insertPlain(text)
	e.goalX = -1
	e.changed()
}

// enterPlain is Enter in a plain editor: the app's (OnEnter) with
// nothing selected, else a new line.
func (e *Editor) enterPlain() {
	if e.anchor == e.cursor && e.OnEnter != nil && e.OnEnter() {
		return
	}
	e.begin(false)
	e.deleteSelection()
	e.split()
	e.goalX = -1
	e.changed()
}

// tabAtom reports whether atom i is a tab: drawn as wide as four spaces,
// a piece of its own so the cursor steps over it whole.
func tabAtom(as []atom, i int) bool { return as[i].obj == nil && as[i].r == '\t' }
