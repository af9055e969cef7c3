package layout

import "math"

// tableCell is one cell's content and the lines it breaks into.
type tableCell struct {
	spans []span
	lines []textLine
}

// table draws a table: columns sized to their content within the text
// width, cells wrapped, and the header rows repeated on every page the
// table reaches.
func (r *layout) table(b Table, c blockCtx) {
	const pad = 4.0
	// Tables are set smaller and tighter than the text, as reference
	// matter is: a cell's lines are short, so they need less leading.
	size := r.base - 1.5
	lh := size * 1.25
	cols := len(b.Align)
	if cols == 0 || len(b.Rows) == 0 {
		return
	}
	var rows [][]tableCell
	headerRows := 0
	for _, row := range b.Rows {
		st := r.text(serif, false, size, black)
		if row.Header {
			st = r.text(sans, true, size, black)
			headerRows++
		}
		cells := make([]tableCell, cols)
		for j, cell := range row.Cells {
			cells[j] = tableCell{spans: r.spans(cell.Text, st)}
		}
		rows = append(rows, cells)
	}
	widths := r.columnWidths(rows, r.right-r.left-c.indent-c.inset, pad, size)
	for _, row := range rows {
		for j := range row {
			row[j].lines = r.breakLines(row[j].spans, widths[j]-2*pad)
		}
	}
	t := tableLayout{rows: rows, widths: widths, headerRows: headerRows, pad: pad, lh: lh,
		x0: r.left + c.indent, align: make([]string, cols)}
	for j, a := range b.Align {
		t.align[j] = [...]string{AlignLeft: "L", AlignCenter: "C", AlignRight: "R"}[a]
	}
	r.out.BeginElement(ElemTable, Attrs{})
	r.drawTable(&t)
	r.out.EndElement()
	r.y += r.lh * 0.6
}

// columnWidths shares avail among columns as browsers' automatic table
// layout does: each column's minimum is its longest word, its preferred
// width its longest unbroken line; when all preferred widths fit they
// are stretched to the text width, when all minimums fit the spare width
// goes where text would otherwise wrap most. A word wider than a fair
// share (a long address) does not get to squeeze its neighbours: every
// column keeps at least minColumnChars characters before such a word is
// given more, and the word is cut between characters instead.
func (r *layout) columnWidths(rows [][]tableCell, avail, pad, size float64) []float64 {
	cols := len(rows[0])
	natural := make([]float64, cols)
	minimum := make([]float64, cols)
	for j := range minimum {
		// An empty column still gets room to write in, and takes it
		// from the others rather than pushing the table off the page.
		minimum[j] = 3 * pad
	}
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
	// A column of prose is not left at its longest word while another
	// takes the width: when there is room, every column's minimum is at
	// least the floor (or its whole text, when shorter).
	floor := min(minColumnChars*avgCharWidth*size+2*pad, avail/float64(cols))
	raised := make([]float64, cols)
	for j := range raised {
		raised[j] = max(minimum[j], min(natural[j], floor))
	}
	if sum(raised) <= avail {
		minimum = raised
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
		// The longest words do not fit side by side. Every column first
		// gets a floor (its whole minimum when that is less), then what
		// is left goes to the columns whose words are longer, in
		// proportion to how much longer.
		base := make([]float64, cols)
		extra := make([]float64, cols)
		for j := range out {
			base[j] = min(minimum[j], floor)
			extra[j] = minimum[j] - base[j]
		}
		rest, totalExtra := avail-sum(base), sum(extra)
		for j := range out {
			out[j] = base[j]
			if totalExtra > 0 {
				out[j] += rest * extra[j] / totalExtra
			}
		}
	}
	for j := range out {
		if math.IsNaN(out[j]) {
			out[j] = avail / float64(cols)
		}
	}
	return out
}

// minColumnChars is the fewest average characters a table column keeps
// on a line when long words compete for the width: fewer, and prose in
// it breaks after every word or inside them.
const minColumnChars = 12

// tableLayout is a table measured and broken into lines, ready to draw.
type tableLayout struct {
	rows       [][]tableCell
	widths     []float64
	align      []string // "L", "C" or "R" per column
	headerRows int
	pad, lh    float64
	x0         float64
}

// lineCount is how many lines row i takes: its tallest cell, and room to
// write in when a body cell is empty (a worksheet's compare-and-contrast
// table).
func (t *tableLayout) lineCount(i int) int {
	most := 1
	blank := false
	for _, cell := range t.rows[i] {
		most = max(most, len(cell.lines))
		blank = blank || len(cell.lines) == 0
	}
	if blank && i >= t.headerRows {
		most = max(most, 3)
	}
	return most
}

// height is the height of lines lines of a row, with its padding.
func (t *tableLayout) height(lines int) float64 { return float64(lines)*t.lh + 2*t.pad }

// minRowPiece is the fewest lines a row is split into at the foot of a
// page: fewer would leave a sliver of a row alone there.
const minRowPiece = 2

// drawTable draws the rows, each whole when it fits on a page and else
// continued across pages, so a cell longer than a page loses nothing. The
// header rows are repeated on each new page unless they would take more
// than a third of it (a header that long is printed once).
func (r *layout) drawTable(t *tableLayout) {
	head := r.accent.Mix(0.85)
	zebra := RGB{0xf6, 0xf7, 0xf8}
	headerH := 0.0
	for h := 0; h < t.headerRows; h++ {
		headerH += t.height(t.lineCount(h))
	}
	repeat := headerH <= (r.bottom-r.top)/3
	fresh := r.bottom - r.top // room on a new page for body rows
	if repeat {
		fresh -= headerH
	}
	// Keep the header (or the start of a huge one) with the start of the
	// first body row.
	keep := min(headerH, t.height(3))
	if len(t.rows) > t.headerRows && headerH <= t.height(3) {
		keep += t.height(min(t.lineCount(t.headerRows), 3))
	}
	r.need(min(keep, fresh))
	onPage := 0 // body rows begun on this page
	for i := range t.rows {
		switch i {
		case 0:
			if t.headerRows > 0 {
				r.out.BeginElement(ElemTableHead, Attrs{})
			} else {
				r.out.BeginElement(ElemTableBody, Attrs{})
			}
		case t.headerRows:
			r.out.EndElement()
			r.out.BeginElement(ElemTableBody, Attrs{})
		}
		r.out.BeginElement(ElemTableRow, Attrs{})
		shade := (*RGB)(nil)
		switch {
		case i < t.headerRows:
			shade = &head
		case (i-t.headerRows)%2 == 1:
			shade = &zebra
		}
		breakPage := func() {
			onPage = 0
			r.newPage()
			if i >= t.headerRows && repeat {
				r.out.BeginArtifact(ArtifactRepeatedHeader)
				r.inArtifact = true
				for h := 0; h < t.headerRows; h++ {
					r.drawRowPart(t, h, 0, t.lineCount(h), &head, false)
				}
				r.inArtifact = false
				r.out.EndArtifact()
			}
		}
		n := t.lineCount(i)
		// The last row never goes alone under a repeated header: when
		// the last two rows do not both fit, the second to last goes
		// over with it, as long as two rows stay behind.
		if last := len(t.rows) - 1; i == last-1 && i >= t.headerRows && onPage >= 2 {
			h, hLast := t.height(n), t.height(t.lineCount(last))
			if r.y+h <= r.bottom && r.y+h+hLast > r.bottom && h+hLast <= fresh {
				breakPage()
			}
		}
		if i >= t.headerRows {
			onPage++
		}
		moved := false // a row moves to a new page at most once
		for from := 0; from < n; {
			room := int((r.bottom - r.y - 2*t.pad) / t.lh)
			switch {
			case n-from <= room:
				r.drawRowPart(t, i, from, n, shade, true)
				from = n
			case !moved && r.y > r.top && (from == 0 && t.height(n) <= fresh || room < minRowPiece):
				// The whole row fits on the next page, or too little of
				// it fits on this one: move it on.
				moved = true
				breakPage()
			default:
				to := from + max(room, 1)
				r.drawRowPart(t, i, from, to, shade, true)
				from = to
				breakPage()
			}
		}
		r.out.EndElement()
	}
	r.out.EndElement()
}

// drawRowPart draws lines from to to of row i's cells, boxed, at r.y.
// A header row repeated on a later page is drawn inside an artifact, so
// its cells are not elements (tagged is false).
func (r *layout) drawRowPart(t *tableLayout, i, from, to int, shade *RGB, tagged bool) {
	h := t.height(to - from)
	x := t.x0
	cell := ElemCell
	attrs := Attrs{}
	if i < t.headerRows {
		cell, attrs = ElemHeaderCell, Attrs{Scope: "Column"}
	}
	for j, c := range t.rows[i] {
		r.decorate(func() {
			if shade != nil {
				r.out.Fill(x, r.y, t.widths[j], h, *shade)
			}
			r.out.Stroke(x, r.y, t.widths[j], h, 0.5, RuleGrey)
		})
		if tagged {
			r.out.BeginElement(cell, attrs)
		}
		for k := from; k < min(to, len(c.lines)); k++ {
			r.drawLine(c.lines[k], x+t.pad, r.y+t.pad+float64(k-from)*t.lh, t.lh, t.widths[j]-2*t.pad, t.align[j])
		}
		if tagged {
			r.out.EndElement()
		}
		x += t.widths[j]
	}
	r.y += h
}
