package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strings"
	"unicode/utf8"
)

// textWidth is the width of the text column in twips.
func (d *docxWriter) textWidth() int {
	s := &d.doc.Settings
	w := twips(s.PageWidth - s.Margins.Left - s.Margins.Right)
	if w <= 0 {
		w = twips(468)
	}
	return w
}

// table writes a table in the Briefing Table style: header rows marked
// w:tblHeader, so Word and LibreOffice repeat them on each page, and
// shaded through the style's first-row formatting; its text in the
// Table Text and Table Heading styles, smaller than the body as in the
// PDF, in columns as wide as their longest text asks (see columnTwips).
// The PDF's space below it is added above what follows.
func (d *docxWriter) table(b *strings.Builder, t layout.Table, c docxCtx) {
	cols := len(t.Align)
	if cols == 0 || len(t.Rows) == 0 {
		return
	}
	d.beginTable(b)
	defer d.endTable(d.m.afterTable())
	width := d.textWidth() - 360*c.level
	colW := columnTwips(t, width)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="BriefTable"/>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/>`, width)
	if c.level > 0 {
		fmt.Fprintf(b, `<w:tblInd w:w="%d" w:type="dxa"/>`, 360*c.level)
	}
	b.WriteString(`<w:tblLayout w:type="autofit"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range colW {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	shade := hexColor(d.doc.Settings.Accent.Mix(0.85))
	for _, row := range t.Rows {
		b.WriteString(`<w:tr>`)
		switch {
		case row.Header:
			b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		case rowLines(row, colW) <= 3:
			// A short row moves whole, as the PDF's does; a long one
			// breaks across pages.
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for i := range cols {
			var cell layout.TableCell
			if i < len(row.Cells) {
				cell = row.Cells[i]
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, colW[i])
			if row.Header {
				// Explicit as well as through the style: LibreOffice
				// applies only part of a table style's conditional
				// formatting.
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + shade + `"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			pPr := ""
			switch t.Align[i] {
			case layout.AlignCenter:
				pPr = `<w:jc w:val="center"/>`
			case layout.AlignRight:
				pPr = `<w:jc w:val="right"/>`
			}
			style := "TableText"
			if row.Header {
				style = "TableHeading"
			}
			d.para(b, style, pPr, cell.Text, runStyle{})
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// beginTable starts a table in the flow: what is pending above it goes
// into a paragraph of its own, which also keeps it apart from a table
// just before (two tables in a row would join into one).
func (d *docxWriter) beginTable(b *strings.Builder) {
	d.flushPending(b, d.lastTable)
}

// endTable ends a table in the flow, leaving after points of space
// above the next paragraph.
func (d *docxWriter) endTable(after float64) {
	d.pend = pending{before: after}
	d.lastTable = true
}

// rowLines is about how many lines row's tallest cell wraps to in
// columns colW twips wide.
func rowLines(row layout.TableRow, colW []int) int {
	most := 1
	for j, c := range row.Cells {
		if j >= len(colW) {
			break
		}
		per := max(colW[j]/20*2/9, 1) // characters per line at about 9 pt
		most = max(most, (runeCount(c.Text)+per-1)/per)
	}
	return most
}

// columnTwips shares width among the columns by the length of their
// longest cell text, as a word processor's autofit would, so a column of
// short labels does not take as much room as one of sentences, while
// its longest word still fits; every column keeps at least a sixth of
// its equal share.
func columnTwips(t layout.Table, width int) []int {
	cols := len(t.Align)
	want := make([]float64, cols)
	for _, row := range t.Rows {
		for j := 0; j < cols && j < len(row.Cells); j++ {
			n, word := 0, 0
			for _, r := range row.Cells[j].Text {
				n += utf8.RuneCountInString(r.Text)
				for _, w := range strings.Fields(r.Text) {
					word = max(word, utf8.RuneCountInString(w))
				}
			}
			// A column is at least as wide as its longest word, so
			// no word is cut; beyond that, as its text asks.
			want[j] = max(want[j], float64(min(n, 60)), float64(min(word, 30))*2.6)
		}
	}
	total := 0.0
	for j := range want {
		want[j] = max(want[j], 6) + 4 // the cell's padding, in characters
		total += want[j]
	}
	out := make([]int, cols)
	floor := width / cols / 6
	sum := 0
	for j := range want {
		out[j] = max(int(float64(width)*want[j]/total), floor)
		sum += out[j]
	}
	out[cols-1] += width - sum // what rounding left over
	if out[cols-1] < floor {
		for j := range out {
			out[j] = width / cols
		}
	}
	return out
}

// callout writes a call-out as a shaded one-cell table with a bar in the
// accent colour at its left, as the PDF draws it: the label, then the
// lead text and the blocks inside, padded as the PDF pads them.
func (d *docxWriter) callout(b *strings.Builder, co layout.Callout, c docxCtx) {
	s := &d.doc.Settings
	d.beginTable(b)
	width := d.textWidth() - 360*c.level
	accent := hexColor(s.Accent)
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/>`, width)
	if c.level > 0 {
		fmt.Fprintf(b, `<w:tblInd w:w="%d" w:type="dxa"/>`, 360*c.level)
	}
	b.WriteString(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="single" w:sz="24" w:space="0" w:color="` + accent + `"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	fmt.Fprintf(b, `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="200" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tblCellMar>`, twips(d.m.lh*0.3))
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	fmt.Fprintf(b, `<w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width, width)
	b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + hexColor(layout.CalloutShade(s.Accent)) + `"/></w:tcPr>`)
	label := strings.TrimSpace(co.Label)
	if label == "" {
		label = "Note"
	}
	d.para(b, "CalloutLabel", "", []layout.Run{{Text: label}}, runStyle{})
	if len(co.Lead) > 0 {
		d.para(b, "CalloutLead", "", co.Lead, runStyle{})
	}
	d.blocks(b, co.Blocks, docxCtx{inCell: true})
	// A cell ends in a paragraph: after a nested table, one as tall as
	// the space the table leaves.
	d.flushPending(b, d.lastTable)
	d.pend = pending{}
	b.WriteString(`</w:tc></w:tr></w:tbl>`)
	d.endTable(d.m.afterCallout())
}
