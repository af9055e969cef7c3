package wordimport

import (
	"encoding/xml"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// block is a paragraph or a table of the body, in order.
type block struct {
	para  *para
	table []tableRow
	left  []leftOut // what was left out in it
}

// tableRow is a table row as read: each cell's paragraphs.
type tableRow struct {
	header bool
	cells  [][]*para
}

// readBody reads the blocks of a document-like part (document.xml's body,
// a footnote): paragraphs and tables, content controls read through.
func (r *reader) readBody(end string) ([]block, error) {
	var out []block
	for {
		tok, err := r.t.next()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case nil:
			return out, nil
		case xml.EndElement:
			if e.Name.Local == end {
				return out, nil
			}
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				before := len(r.left)
				p, err := r.readPara()
				if err != nil {
					return nil, err
				}
				out = append(out, block{para: p, left: r.take(before)})
			case "tbl":
				before := len(r.left)
				t, err := r.readTable()
				if err != nil {
					return nil, err
				}
				out = append(out, block{table: t, left: r.take(before)})
			case "sectPr", "tblPr":
				if err := r.t.skip(); err != nil {
					return nil, err
				}
			}
			// Everything else (body, sdt, sdtContent, customXml, ins)
			// is read through: its paragraphs are the document's.
		}
	}
}

// take removes and returns what was left out since index before.
func (r *reader) take(before int) []leftOut {
	if len(r.left) == before {
		return nil
	}
	out := append([]leftOut(nil), r.left[before:]...)
	r.left = r.left[:before]
	return out
}

// readTable reads a <w:tbl>: its rows, each cell's paragraphs; a table
// in a cell is read as more paragraphs of that cell.
func (r *reader) readTable() ([]tableRow, error) {
	var rows []tableRow
	var row *tableRow
	var cell []*para
	depth := 0 // nested tables
	for {
		tok, err := r.t.next()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case nil:
			return rows, nil
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				depth++
			case "tr":
				if depth == 0 {
					row = &tableRow{}
				}
			case "tblHeader":
				if row != nil && depth == 0 {
					row.header = on(e)
				}
			case "tc":
				if depth == 0 {
					cell = nil
				}
			case "p":
				p, err := r.readPara()
				if err != nil {
					return nil, err
				}
				cell = append(cell, p)
			case "tblPr", "tblGrid":
				if err := r.t.skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				if depth == 0 {
					return rows, nil
				}
				depth--
			case "tc":
				if depth == 0 && row != nil {
					row.cells = append(row.cells, cell)
				}
			case "tr":
				if depth == 0 && row != nil {
					rows = append(rows, *row)
					row = nil
				}
			}
		}
	}
}

// tableBlock is a table as section text. A table of one cell is a box: a
// call-out when its first line is a call-out's label (as Briefsmith
// exports one), else a quote. Otherwise each cell's paragraphs join with
// line breaks, every row is as wide as the widest, and the first row is
// the heading row (Markdown tables have exactly one).
func tableBlock(rows []tableRow) sectiontext.Block {
	if len(rows) == 1 && len(rows[0].cells) == 1 {
		return boxBlock(rows[0].cells[0])
	}
	t := sectiontext.Table{}
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	for i, r := range rows {
		row := sectiontext.Row{Header: i == 0}
		for _, c := range r.cells {
			var in []sectiontext.Inline
			for _, p := range c {
				pi := inlinesOf(trimSegs(p.segs))
				if len(in) > 0 && len(pi) > 0 {
					in = append(in, sectiontext.HardBreak{})
				}
				in = append(in, pi...)
			}
			row.Cells = append(row.Cells, sectiontext.Cell{Inlines: in})
		}
		for len(row.Cells) < max(width, 1) {
			row.Cells = append(row.Cells, sectiontext.Cell{})
		}
		t.Rows = append(t.Rows, row)
	}
	if len(t.Rows) == 0 {
		t.Rows = []sectiontext.Row{{Header: true, Cells: []sectiontext.Cell{{}}}}
	}
	t.Align = make([]sectiontext.Align, len(t.Rows[0].Cells))
	return t
}

// boxBlock is the paragraphs of a one-cell table as a call-out or quote.
func boxBlock(ps []*para) sectiontext.Block {
	var blocks []sectiontext.Block
	for _, p := range ps {
		if in := inlinesOf(trimSegs(p.segs)); len(in) > 0 {
			blocks = append(blocks, sectiontext.Paragraph{Inlines: in})
		}
	}
	if len(ps) > 0 && ps[0].style.calloutLabel {
		label := strings.ToLower(plainText(ps[0].segs))
		for _, k := range sectiontext.CalloutKinds {
			if strings.ToLower(k.Label()) == label {
				c := sectiontext.Callout{Kind: k}
				rest := blocks[1:]
				if len(rest) > 0 {
					if lead, ok := rest[0].(sectiontext.Paragraph); ok {
						c.Lead, rest = lead.Inlines, rest[1:]
					}
				}
				c.Blocks = rest
				return c
			}
		}
	}
	return sectiontext.Quote{Blocks: blocks}
}

// inlinesOf nests a paragraph's pieces into inline runs: links outermost,
// then bold, italic and struck text, code innermost.
func inlinesOf(segs []seg) []sectiontext.Inline {
	return nestSegs(segs, 0)
}

func nestSegs(segs []seg, layer int) []sectiontext.Inline {
	var out []sectiontext.Inline
	for i := 0; i < len(segs); {
		if segs[i].obj != nil {
			out = append(out, segs[i].obj)
			i++
			continue
		}
		if layer > 4 {
			out = append(out, textOrCode(segs[i]))
			i++
			continue
		}
		j := i + 1
		for j < len(segs) && segs[j].obj == nil && sameLayer(segs[i].st, segs[j].st, layer) {
			j++
		}
		run := segs[i:j]
		inner := nestSegs(run, layer+1)
		switch st := segs[i].st; {
		case layer == 0 && st.link != "" && isAddress(run, st.link):
			// A link that reads as its own address is one written as
			// itself, as Word makes of a typed address.
			out = append(out, sectiontext.Autolink{Address: st.link})
		case layer == 0 && st.link != "":
			out = append(out, sectiontext.Link{Destination: st.link, Inlines: inner})
		case layer == 1 && st.bold:
			out = append(out, sectiontext.Bold{Inlines: inner})
		case layer == 2 && st.italic:
			out = append(out, sectiontext.Italic{Inlines: inner})
		case layer == 3 && st.strike:
			out = append(out, sectiontext.Strike{Inlines: inner})
		default:
			out = append(out, inner...)
		}
		i = j
	}
	return out
}

// isAddress reports whether a link's text is its address.
func isAddress(run []seg, dest string) bool {
	var b strings.Builder
	for _, s := range run {
		if s.obj != nil {
			return false
		}
		b.WriteString(s.text)
	}
	t := strings.TrimSpace(b.String())
	return t == dest || "mailto:"+t == dest
}

func sameLayer(a, b runStyle, layer int) bool {
	switch layer {
	case 0:
		return a.link == b.link
	case 1:
		return a.bold == b.bold
	case 2:
		return a.italic == b.italic
	case 3:
		return a.strike == b.strike
	}
	return a.code == b.code
}

func textOrCode(s seg) sectiontext.Inline {
	if s.st.code {
		return sectiontext.Code{Text: s.text}
	}
	return sectiontext.Text{Text: s.text}
}

// plainText is inlines' text, for a section's title.
func plainText(segs []seg) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
