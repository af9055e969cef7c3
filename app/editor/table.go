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

// tablePrims draws a table as a grid: columns share the width in
// proportion to their longest cell (within limits, so no column
// vanishes), long cells wrap inside their cell, the header row is shaded.
func (e *Editor) tablePrims(t sectiontext.Table, x0, y0, width float32) ([]prim, float32) {
	s := baseSize()
	pad := s * 0.4
	cols := len(t.Align)
	if cols == 0 {
		return nil, 0
	}
	want := make([]float32, cols)
	var sum float32
	for _, r := range t.Rows {
		for j := 0; j < cols && j < len(r.Cells); j++ {
			n := float32(len(e.plain(atomsOf(r.Cells[j].Inlines, style{}, nil))))
			want[j] = max(want[j], min(n, 40), 4)
		}
	}
	for _, w := range want {
		sum += w
	}
	colW := make([]float32, cols)
	for j := range colW {
		colW[j] = width * want[j] / sum
	}
	var ps, grid []prim
	y := y0
	for ri, r := range t.Rows {
		base := textBase{f: font{size: s}, col: rFg}
		if r.Header {
			base.f.ts.Bold = true
		}
		var rowH float32
		var cells []prim
		x := x0
		for j := 0; j < cols; j++ {
			var in []sectiontext.Inline
			if j < len(r.Cells) {
				in = r.Cells[j].Inlines
			}
			cp, ch := e.inlinePrims(in, x+pad, y+pad, colW[j]-2*pad, base)
			cells, rowH = append(cells, cp...), max(rowH, ch)
			x += colW[j]
		}
		rowH += 2 * pad
		if r.Header {
			ps = append(ps, prim{k: pRect, x: x0, y: y, w: width, h: rowH, col: rHeader})
		}
		ps = append(ps, cells...)
		if ri == 0 {
			grid = append(grid, prim{k: pLine, x: x0, y: y, w: width, col: rBorder, width: 1})
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
	return append(ps, grid...), y - y0
}
