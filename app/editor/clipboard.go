package editor

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Fyne's clipboard holds plain text only. So that copying within
// Briefsmith keeps formatting, the editor remembers what it copied last:
// pasting text equal to it pastes the formatted blocks instead. Anything
// else on the clipboard is pasted as plain text.
var lastCopy struct {
	text   string
	blocks []*block
}

// copySelection puts the selection on the clipboard.
func (e *Editor) copySelection(c fyne.Clipboard) {
	s, t := order(e.anchor, e.cursor)
	if s == t || c == nil {
		return
	}
	text := e.selectionText(s, t)
	lastCopy.text, lastCopy.blocks = text, nil
	if !e.opts.Plain {
		// Source text pasted into the formatted view is the characters
		// copied, as any other text from elsewhere.
		lastCopy.blocks = e.fragment(s, t)
	}
	c.SetContent(text)
}

// selectionText is what lies between s and t as plain text: blocks apart
// by new lines, a table's cells by tabs.
func (e *Editor) selectionText(s, t pos) string {
	var lines []string
	for i := s.b; i <= t.b; i++ {
		b := e.blocks[i]
		a, z := e.span(i, s, t)
		switch b.kind {
		case kBox:
			if (i > s.b || s.o == 0) && (i < t.b || t.o == 1) {
				lines = append(lines, e.boxText(b.box))
			}
		case kTable:
			lines = append(lines, e.tableText(b, a, z))
		default:
			lines = append(lines, e.plain(b.atoms[a:z]))
		}
	}
	return strings.Join(lines, "\n")
}

// fragment is a copy of what lies between s and t: whole boxes and
// tables, parts of text blocks, the text of part of a cell. A selection
// across some of a table's cells has no fragment (nil): it is pasted as
// its text, which fills cells.
func (e *Editor) fragment(s, t pos) []*block {
	var out []*block
	for i := s.b; i <= t.b; i++ {
		b := e.blocks[i]
		a, z := e.span(i, s, t)
		switch {
		case b.kind == kBox:
			if (i > s.b || s.o == 0) && (i < t.b || t.o == 1) {
				out = append(out, &block{kind: kBox, box: b.box})
			}
			continue
		case b.kind == kTable && a == 0 && z == len(b.atoms):
			out = append(out, &block{kind: kTable, cols: b.cols, align: b.align, atoms: slices.Clone(b.atoms)})
			continue
		case b.kind == kTable && slices.ContainsFunc(b.atoms[a:z], isSep):
			return nil
		}
		c := &block{kind: b.kind, level: b.level, depth: b.depth, list: b.list}
		if b.kind == kTable {
			c.kind = kPara
		}
		c.atoms = append([]atom(nil), b.atoms[a:z]...)
		out = append(out, c)
	}
	return out
}

// cut copies the selection and deletes it, as one undo step.
func (e *Editor) cut(c fyne.Clipboard) {
	if e.anchor == e.cursor {
		return
	}
	e.copySelection(c)
	e.begin(false)
	e.deleteSelectionKey()
	e.fixDepths()
	e.changed()
}

// paste puts the clipboard's text at the cursor, replacing the
// selection: lines become paragraphs (or items of the list the cursor
// is in), tabs become spaces; in a table, tabs and lines fill cells
// (see pasteCells).
func (e *Editor) paste(c fyne.Clipboard) {
	if c == nil {
		return
	}
	text := c.Content()
	if text == "" {
		return
	}
	if e.opts.Plain {
		e.typePlain(text, false)
		return
	}
	e.begin(false)
	e.deleteSelection()
	frag := lastCopy.blocks
	if text == lastCopy.text && frag != nil && (e.inTable() < 0 || len(frag) == 1 && !frag[0].boxLike()) {
		e.pasteBlocks(frag)
	} else {
		e.pasteText(text)
	}
	e.fixDepths()
	e.goalX = -1
	e.changed()
}

// PasteText inserts plain text at the cursor as Paste does, one undo
// step.
func (e *Editor) PasteText(text string) {
	if e.readOnly || text == "" {
		return
	}
	if e.opts.Plain {
		e.typePlain(text, false)
		return
	}
	e.begin(false)
	e.deleteSelection()
	e.pasteText(text)
	e.fixDepths()
	e.changed()
}

func (e *Editor) pasteText(text string) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	if e.inTable() >= 0 {
		e.pasteCells(text)
		return
	}
	text = strings.ReplaceAll(text, "\t", " ")
	st := e.typedStyle()
	st.link, st.lang = nil, nil
	for i, ln := range strings.Split(text, "\n") {
		if i > 0 {
			e.split()
		}
		as := make([]atom, 0, len(ln))
		for _, r := range ln {
			if r >= ' ' {
				as = append(as, atom{r: r, st: st})
			}
		}
		e.insert(as)
	}
}

// pasteBlocks puts copied blocks at the cursor: the first and last join
// the text around the cursor, those between go in whole.
func (e *Editor) pasteBlocks(frag []*block) {
	if len(frag) == 1 && !frag[0].boxLike() {
		e.insert(e.adopt(frag[0].atoms))
		return
	}
	if e.blocks[e.cursor.b].boxLike() {
		// Beside a box, or out of a table: blocks do not go in a cell.
		e.split()
	}
	if !frag[0].boxLike() {
		e.insert(e.adopt(frag[0].atoms))
		frag = frag[1:]
	}
	if q := e.cursor; !frag[0].boxLike() || q.o > 0 {
		e.split()
	}
	// At the start of a paragraph (an empty one too) the boxes go in
	// above it: splitting it there would leave an empty paragraph above
	// them, a blank line the user never typed.
	at := e.cursor.b
	last := frag[len(frag)-1]
	if !last.boxLike() {
		frag = frag[:len(frag)-1]
	} else {
		last = nil
	}
	for _, f := range frag {
		c := *f
		c.atoms = e.adopt(f.atoms)
		c.gen, c.lay, c.orig, c.from = e.gen, nil, nil, nil
		e.replace(at, at-1, &c)
		at++
	}
	e.collapse(pos{at, 0})
	if last != nil {
		e.insert(e.adopt(last.atoms))
	}
}

// boxText is a box's text as plain text: table cells apart by tabs.
func (e *Editor) boxText(x sectiontext.Block) string {
	var rows []string
	switch x := x.(type) {
	case sectiontext.Table:
		for _, r := range x.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, e.plain(atomsOf(c.Inlines, style{}, nil)))
			}
			rows = append(rows, strings.Join(cells, "\t"))
		}
	case sectiontext.CodeBlock:
		return x.Text
	case sectiontext.HTMLBlock:
		return x.Text
	case sectiontext.Paragraph:
		return e.plain(atomsOf(x.Inlines, style{}, nil))
	case sectiontext.Heading:
		return e.plain(atomsOf(x.Inlines, style{}, nil))
	case sectiontext.Callout:
		rows = append(rows, x.Kind.Label(), e.plain(atomsOf(x.Lead, style{}, nil)))
		for _, b := range x.Blocks {
			rows = append(rows, e.boxText(b))
		}
	case sectiontext.Quote:
		for _, b := range x.Blocks {
			rows = append(rows, e.boxText(b))
		}
	case sectiontext.List:
		for _, it := range x.Items {
			for _, b := range it.Blocks {
				rows = append(rows, e.boxText(b))
			}
		}
	case sectiontext.Glossary:
		for _, en := range x.Entries {
			rows = append(rows, e.plain(atomsOf(en.Term, style{}, nil)))
			for _, d := range en.Definitions {
				for _, b := range d {
					rows = append(rows, e.boxText(b))
				}
			}
		}
	}
	return strings.Join(rows, "\n")
}
