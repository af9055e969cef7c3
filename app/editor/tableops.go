package editor

import (
	"slices"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// The Table menu's actions: rows and columns added and removed where the
// cursor is, each one undo step. They apply when the cursor is in a
// table (InTable); elsewhere they do nothing and report false.

// InTable reports whether the cursor is in a table's cell: when the
// Table actions apply.
func (e *Editor) InTable() bool { return !e.readOnly && e.inTable() >= 0 }

// InsertRow adds an empty row above the cursor's row (below it when
// above is false) and puts the cursor in it, in the same column. A row
// added above the header row becomes the header row.
func (e *Editor) InsertRow(above bool) bool {
	return e.tableOp(func(g [][][]atom, r, c int, align []sectiontext.Align) ([][][]atom, int, int, []sectiontext.Align) {
		if !above {
			r++
		}
		return slices.Insert(g, r, make([][]atom, len(align))), r, c, align
	})
}

// DeleteRow removes the cursor's row; the cursor goes to the row that
// takes its place (the one above for the last row). Removing a table's
// only row removes the table.
func (e *Editor) DeleteRow() bool {
	return e.tableOp(func(g [][][]atom, r, c int, align []sectiontext.Align) ([][][]atom, int, int, []sectiontext.Align) {
		g = slices.Delete(g, r, r+1)
		return g, min(r, len(g)-1), c, align
	})
}

// InsertColumn adds an empty column left of the cursor's column (right
// of it when left is false) and puts the cursor in it, in the same row.
func (e *Editor) InsertColumn(left bool) bool {
	return e.tableOp(func(g [][][]atom, r, c int, align []sectiontext.Align) ([][][]atom, int, int, []sectiontext.Align) {
		if !left {
			c++
		}
		for k := range g {
			g[k] = slices.Insert(g[k], c, nil)
		}
		return g, r, c, slices.Insert(slices.Clone(align), c, sectiontext.AlignNone)
	})
}

// DeleteColumn removes the cursor's column; the cursor goes to the
// column that takes its place (the one left of it for the last).
// Removing a table's only column removes the table.
func (e *Editor) DeleteColumn() bool {
	return e.tableOp(func(g [][][]atom, r, c int, align []sectiontext.Align) ([][][]atom, int, int, []sectiontext.Align) {
		for k := range g {
			g[k] = slices.Delete(g[k], c, c+1)
		}
		align = slices.Delete(slices.Clone(align), c, c+1)
		return g, r, min(c, len(align)-1), align
	})
}

// tableOp changes the cursor's table as one undo step: op gets its cells
// (rows of columns), the cursor's row and column and the alignments, and
// gives them back changed with where the cursor goes (at the end of
// that cell's text). A table left with no cells is removed.
func (e *Editor) tableOp(op func(g [][][]atom, r, c int, align []sectiontext.Align) ([][][]atom, int, int, []sectiontext.Align)) bool {
	i := e.inTable()
	if e.readOnly || i < 0 {
		return false
	}
	e.begin(false)
	b := e.blocks[i]
	c, _, _ := b.cellAt(e.cursor.o)
	g, r, col, align := op(b.grid(), c/b.cols, c%b.cols, b.align)
	if len(g) == 0 || len(align) == 0 {
		e.replace(i, i, e.fresh(kPara))
		e.collapse(pos{i, 0})
	} else {
		m := e.mut(i)
		m.atoms, m.cols, m.align = flatten(g), len(align), align
		k := r*m.cols + col
		e.collapse(pos{i, m.cellRanges()[k][1]})
	}
	e.goalX, e.typing = -1, nil
	e.changed()
	return true
}

// grid is table b's cells, rows of columns, each a copy.
func (b *block) grid() [][][]atom {
	rgs := b.cellRanges()
	g := make([][][]atom, len(rgs)/b.cols)
	for k, rg := range rgs {
		g[k/b.cols] = append(g[k/b.cols], slices.Clone(b.atoms[rg[0]:rg[1]]))
	}
	return g
}

// flatten is a table's atoms from its cells.
func flatten(g [][][]atom) []atom {
	var out []atom
	for r, row := range g {
		for c, cell := range row {
			if r > 0 || c > 0 {
				out = append(out, atom{r: cellSep})
			}
			out = append(out, cell...)
		}
	}
	return out
}
