package editor

import (
	"slices"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// A table is edited in the text, as in a word processor: its block holds
// every cell's atoms one after another, row by row, a cellSep atom
// between two cells. So a cursor position in a table is an offset like
// any other — typing, selecting, bold, chips, undo and the arrow keys
// work on a cell as on a paragraph, and Left at a cell's start steps into
// the cell before — while the edits that would merge cells keep the
// separators (see deleteRange and tablekeys.go). The first row is the
// header row, as the stored Markdown has it.

// cellSep stands between two cells. It is a control character, which
// typing and pasting never put in the text.
const cellSep = '\u001f'

func isSep(a atom) bool { return a.obj == nil && a.r == cellSep }

// boxLike reports whether b stands between paragraphs as a whole (a box
// or a table): a numbered list goes on past it, headings and lists skip
// it.
func (b *block) boxLike() bool { return b.kind == kBox || b.kind == kTable }

// loadTable makes a table's block. A table the editor could not edit
// cell by cell (no columns, or a separator in its text) stays a box.
func loadTable(x sectiontext.Table) *block {
	cols := len(x.Align)
	if cols == 0 || len(x.Rows) == 0 {
		return &block{kind: kBox, box: x, orig: x}
	}
	var as []atom
	for i, r := range x.Rows {
		for j := range cols {
			if i > 0 || j > 0 {
				as = append(as, atom{r: cellSep})
			}
			n := len(as)
			if j < len(r.Cells) {
				as = atomsOf(r.Cells[j].Inlines, style{}, as)
			}
			if slices.ContainsFunc(as[n:], isSep) {
				return &block{kind: kBox, box: x, orig: x}
			}
		}
	}
	return &block{kind: kTable, cols: cols, align: x.Align, atoms: exact(as), orig: x}
}

// table is a table block as the model has it: as SetBody gave it while
// unchanged, else rebuilt from its cells, the first row the header row.
func (b *block) table() sectiontext.Table {
	if t, ok := b.orig.(sectiontext.Table); ok {
		return t
	}
	t := sectiontext.Table{Align: slices.Clone(b.align)}
	cells := b.cellRanges()
	for r := 0; r < len(cells)/b.cols; r++ {
		row := sectiontext.Row{Header: r == 0, Cells: make([]sectiontext.Cell, b.cols)}
		for c := range b.cols {
			rg := cells[r*b.cols+c]
			row.Cells[c].Inlines = inlinesOf(b.atoms[rg[0]:rg[1]])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// cellRanges is each cell's atoms [a, z), row by row.
func (b *block) cellRanges() [][2]int {
	var out [][2]int
	a := 0
	for i, x := range b.atoms {
		if isSep(x) {
			out = append(out, [2]int{a, i})
			a = i + 1
		}
	}
	return append(out, [2]int{a, len(b.atoms)})
}

// cellAt is the cell offset o is in (its index, row by row) and its
// atoms [a, z): at a separator, the cell it ends.
func (b *block) cellAt(o int) (c, a, z int) {
	for i, x := range b.atoms[:o] {
		if isSep(x) {
			c, a = c+1, i+1
		}
	}
	z = len(b.atoms)
	if k := slices.IndexFunc(b.atoms[o:], isSep); k >= 0 {
		z = o + k
	}
	return c, a, z
}

// rows is how many rows table b has.
func (b *block) rows() int { return len(b.cellRanges()) / b.cols }

// cellStart is where cell c of table b starts.
func (b *block) cellStart(c int) int { return b.cellRanges()[c][0] }

// inTable is the table block the cursor is in, or -1.
func (e *Editor) inTable() int {
	if e.blocks[e.cursor.b].kind == kTable {
		return e.cursor.b
	}
	return -1
}

// span is the part of block i a selection from s to t (s first) covers:
// a table the selection goes beyond is covered whole, as a word
// processor takes whole rows of a table a selection runs out of.
func (e *Editor) span(i int, s, t pos) (a, z int) {
	b := e.blocks[i]
	if b.kind == kTable && s.b != t.b {
		return 0, len(b.atoms)
	}
	return within(i, b.length(), s, t)
}

// wholeTable reports whether the selection is one table, all of it.
func (e *Editor) wholeTable() bool {
	s, t := order(e.anchor, e.cursor)
	b := e.blocks[s.b]
	return s.b == t.b && b.kind == kTable && s.o == 0 && t.o == len(b.atoms) && s != t
}

// clearCells deletes the text of a table's atoms [a, z), keeping the
// cells: deleting across cells empties them, as in a word processor.
func clearCells(as []atom, a, z int) []atom {
	out := slices.Clone(as[:a])
	for _, x := range as[a:z] {
		if isSep(x) {
			out = append(out, x)
		}
	}
	return append(out, as[z:]...)
}

// cellSafe is atoms fit for a cell: a cell is one line, so line breaks
// become spaces, and it holds no separator.
func cellSafe(as []atom) []atom {
	out := make([]atom, 0, len(as))
	for _, a := range as {
		switch a.obj.(type) {
		case sectiontext.HardBreak, sectiontext.SoftBreak:
			a = atom{r: ' ', st: a.st}
		}
		if !isSep(a) {
			out = append(out, a)
		}
	}
	return out
}

// tableText is table b's atoms [a, z) as plain text: cells apart by
// tabs, rows by new lines, as a spreadsheet copies them.
func (e *Editor) tableText(b *block, a, z int) string {
	var sb strings.Builder
	for k, rg := range b.cellRanges() {
		if rg[1] < a || rg[0] > z {
			continue
		}
		if rg[0] > a {
			if k%b.cols == 0 {
				sb.WriteByte('\n')
			} else {
				sb.WriteByte('\t')
			}
		}
		sb.WriteString(e.plain(b.atoms[max(a, rg[0]):min(z, rg[1])]))
	}
	return sb.String()
}
