package editor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

var (
	mono = fyne.TextStyle{Monospace: true}
	bold = fyne.TextStyle{Bold: true}
)

func itoa(n int) string { return strconv.Itoa(n) }

func splitLines(s string) []string { return strings.Split(s, "\n") }

// cellArea is one table cell laid out, relative to its block's top left:
// the cell's box, where its text starts, and its lines (offsets into the
// block's atoms).
type cellArea struct {
	x, y, w, h float32
	tx, ty     float32
	row        int
	lines      []line
}

// tablePrims draws a table inside a box (a list item's, a call-out's)
// as a grid, as a table of the text is drawn.
func (e *Editor) tablePrims(t sectiontext.Table, x0, y0, width float32) ([]prim, float32) {
	b := loadTable(t)
	if b.kind != kTable {
		return nil, 0
	}
	_, ps, h := e.gridLayout(b, x0, y0, width)
	return ps, h
}

// gridLayout lays a table block out as a grid: columns share the width
// in proportion to their longest cell (within limits, so no column
// vanishes), long cells wrap inside their cell, a row is as tall as its
// tallest cell, the header row is shaded.
func (e *Editor) gridLayout(b *block, x0, y0, width float32) ([]cellArea, []prim, float32) {
	s := baseSize()
	pad := s * 0.4
	cols := b.cols
	ranges := b.cellRanges()
	want := make([]float32, cols)
	for k, rg := range ranges {
		n := float32(len([]rune(e.plain(b.atoms[rg[0]:rg[1]]))))
		want[k%cols] = max(want[k%cols], min(n, 40), 4)
	}
	colW := e.columnWidths(b, ranges, want, width, pad)
	cells := make([]cellArea, len(ranges))
	var ps, grid []prim
	y := y0
	for r := 0; r < len(ranges)/cols; r++ {
		base := textBase{f: font{size: s}, col: rFg}
		if r == 0 {
			base.f.ts.Bold = true
		}
		var rowH float32
		x := x0
		for j := range cols {
			k := r*cols + j
			c := &cells[k]
			c.x, c.y, c.w, c.row = x, y, colW[j], r
			c.tx, c.ty = x+pad, y+pad
			c.lines = e.layoutRange(b.atoms, ranges[k][0], ranges[k][1], max(colW[j]-2*pad, 1), base)
			last := c.lines[len(c.lines)-1]
			rowH = max(rowH, last.y+last.h)
			x += colW[j]
		}
		rowH += 2 * pad
		if r == 0 {
			ps = append(ps, prim{k: pRect, x: x0, y: y, w: width, h: rowH, col: rHeader})
			grid = append(grid, prim{k: pLine, x: x0, y: y, w: width, col: rBorder, width: 1})
		}
		for j := range cols {
			c := &cells[r*cols+j]
			c.h = rowH
			ps = append(ps, e.textPrims(c.lines, c.tx, c.ty, base)...)
		}
		grid = append(grid, prim{k: pLine, x: x0, y: y + rowH, w: width, col: rBorder, width: 1})
		y += rowH
	}
	x := x0
	for j := 0; j <= cols; j++ {
		grid = append(grid, prim{k: pLine, x: x, y: y0, h: y - y0, col: rBorder, width: 1})
		if j < cols {
			x += colW[j]
		}
	}
	return cells, append(ps, grid...), y - y0
}

// columnWidths shares width between a table's columns in proportion to
// want, but gives a column at least its longest word (a word broken in
// two, "Instrume / nt", read badly) while the others can spare the room.
func (e *Editor) columnWidths(b *block, ranges [][2]int, want []float32, width, pad float32) []float32 {
	cols := len(want)
	least := make([]float32, cols)
	for k, rg := range ranges {
		base := textBase{f: font{size: baseSize()}}
		base.f.ts.Bold = k < cols
		// Each word as it is set, bold and chips and all.
		for i := rg[0]; i < rg[1]; {
			j := i
			for j < rg[1] && !isSpaceAtom(b.atoms[j]) {
				j++
			}
			if j > i {
				_, ink := e.unitWidth(b.atoms, i, j, base)
				least[k%cols] = max(least[k%cols], ink+2*pad+1)
			}
			i = j + 1
		}
	}
	colW := make([]float32, cols)
	fixed := make([]bool, cols)
	for range cols {
		var room, share float32 = width, 0
		for j := range cols {
			if fixed[j] {
				room -= colW[j]
			} else {
				share += want[j]
			}
		}
		grew := false
		for j := range cols {
			if fixed[j] {
				continue
			}
			colW[j] = room * want[j] / share
			if colW[j] < least[j] && room > 0 {
				colW[j], fixed[j], grew = least[j], true, true
			}
		}
		if !grew {
			break
		}
	}
	var sum float32
	for _, w := range colW {
		sum += w
	}
	if sum > width {
		// The words are too long for the width: all columns as wanted.
		for j := range colW {
			colW[j] = width * want[j] / sumOf(want)
		}
	}
	return colW
}

func sumOf(ws []float32) float32 {
	var s float32
	for _, w := range ws {
		s += w
	}
	return s
}

// textAt is the text holding offset o of a laid-out block: its origin and
// lines — a table's cell's, or the block's own.
func (l *blockLayout) textAt(o int) (tx, ty float32, lines []line) {
	for k := range l.cells {
		c := &l.cells[k]
		if o <= c.lines[len(c.lines)-1].end {
			return c.tx, c.ty, c.lines
		}
	}
	return l.tx, l.ty, l.lines
}

// cellAtPoint is the table cell nearest a point relative to the block's
// top left: in the row the point is level with (the first or last row
// above or below them), under the point's column.
func (l *blockLayout) cellAtPoint(x, y float32) *cellArea {
	row := 0
	for _, c := range l.cells {
		if y >= c.y {
			row = c.row
		}
	}
	var best *cellArea
	for k := range l.cells {
		if c := &l.cells[k]; c.row == row && (best == nil || x >= c.x) {
			best = c
		}
	}
	return best
}
