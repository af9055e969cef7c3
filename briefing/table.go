package briefing

import (
	"math"

	east "github.com/yuin/goldmark/extension/ast"
)

// tableCell is one cell's content and the lines it breaks into.
type tableCell struct {
	spans []span
	lines []textLine
}

// table draws a Markdown table: columns sized to their content within the
// text width, cells wrapped, rows never split, and the header row repeated
// on every page the table reaches.
func (r *renderer) table(n *east.Table, src []byte, c blockCtx) {
	const pad = 4.0
	size := r.base - 1
	lh := size * 1.3
	var rows [][]tableCell
	headerRows := 0
	cols := len(n.Alignments)
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		_, isHeader := row.(*east.TableHeader)
		st := r.text(serif, false, size, black)
		if isHeader {
			st = r.text(sans, true, size, black)
			headerRows++
		}
		var cells []tableCell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, tableCell{spans: r.inlines(cell, src, st)})
		}
		for len(cells) < cols {
			cells = append(cells, tableCell{})
		}
		rows = append(rows, cells[:cols])
	}
	if cols == 0 || len(rows) == 0 {
		return
	}
	widths := r.columnWidths(rows, r.right-r.left-c.indent, pad)
	for _, row := range rows {
		for j := range row {
			row[j].lines = r.breakLines(row[j].spans, widths[j]-2*pad)
		}
	}
	height := func(i int) float64 {
		most := 1
		blank := false
		for _, cell := range rows[i] {
			most = max(most, len(cell.lines))
			blank = blank || len(cell.lines) == 0
		}
		if blank && i >= headerRows {
			// An empty body cell is a space to write in (a worksheet's
			// compare-and-contrast table): give it room.
			most = max(most, 3)
		}
		return float64(most)*lh + 2*pad
	}
	x0 := r.left + c.indent
	drawRow := func(i int, shade *rgb) {
		row := rows[i]
		h := height(i)
		x := x0
		for j, cell := range row {
			if shade != nil {
				r.out.Fill(x, r.y, widths[j], h, *shade)
			}
			r.out.Stroke(x, r.y, widths[j], h, 0.5, rule)
			align := "L"
			switch n.Alignments[j] {
			case east.AlignCenter:
				align = "C"
			case east.AlignRight:
				align = "R"
			}
			for k, ln := range cell.lines {
				r.drawLine(ln, x+pad, r.y+pad+float64(k)*lh, lh, widths[j]-2*pad, align)
			}
			x += widths[j]
		}
		r.y += h
	}
	head := r.accent.mix(0.85)
	zebra := rgb{0xf6, 0xf7, 0xf8}
	// Keep the header with at least the first body row.
	first := height(0)
	if len(rows) > headerRows {
		first += height(headerRows)
	}
	r.need(first)
	for i := range rows {
		if i >= headerRows && r.y+height(i) > r.bottom {
			r.newPage()
			for h := 0; h < headerRows; h++ {
				drawRow(h, &head)
			}
		}
		switch {
		case i < headerRows:
			drawRow(i, &head)
		case (i-headerRows)%2 == 1:
			drawRow(i, &zebra)
		default:
			drawRow(i, nil)
		}
	}
	r.y += r.lh * 0.6
}

// columnWidths shares avail among columns: each gets at least its longest
// word, and the rest goes where text would otherwise wrap most.
func (r *renderer) columnWidths(rows [][]tableCell, avail, pad float64) []float64 {
	cols := len(rows[0])
	natural := make([]float64, cols)
	minimum := make([]float64, cols)
	for _, row := range rows {
		for j, cell := range row {
			ws := r.words(cell.spans)
			line := 0.0
			for k, w := range ws {
				minimum[j] = max(minimum[j], w.w+2*pad)
				line += w.w
				if k < len(ws)-1 {
					line += w.space
				}
			}
			natural[j] = max(natural[j], line+2*pad, 3*pad)
		}
	}
	sum := func(xs []float64) float64 {
		t := 0.0
		for _, x := range xs {
			t += x
		}
		return t
	}
	out := make([]float64, cols)
	totalNat, totalMin := sum(natural), sum(minimum)
	switch {
	case totalNat <= avail:
		// Everything fits on one line: spread the spare width evenly in
		// proportion, so the table spans the text column.
		for j := range out {
			out[j] = natural[j] * avail / totalNat
		}
	case totalMin <= avail:
		spare := avail - totalMin
		for j := range out {
			out[j] = minimum[j] + spare*(natural[j]-minimum[j])/(totalNat-totalMin)
		}
	default:
		for j := range out {
			out[j] = minimum[j] * avail / totalMin
		}
	}
	for j := range out {
		if math.IsNaN(out[j]) || out[j] <= 2*pad {
			out[j] = avail / float64(cols)
		}
	}
	return out
}
