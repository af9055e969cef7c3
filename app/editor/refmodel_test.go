package editor

import (
	"slices"
	"strings"
)

// refModel is the simple model the random test checks the editor
// against: paragraphs of plain characters and tables, a cursor and an
// anchor. A table is its cells' characters one after another, cellSep
// between two cells, as the editor holds it, so positions are the
// editor's; what keys do to it is written out here rule by rule.
type refModel struct {
	paras          []refBlock
	anchor, cursor pos
}

// refBlock is a paragraph, or a table of cols columns.
type refBlock struct {
	text []rune
	cols int
}

func (m *refModel) table(i int) bool { return m.paras[i].cols > 0 }

func (m *refModel) sel() (pos, pos) { return order(m.anchor, m.cursor) }

// cells are the cells of table i, each [a, z).
func (m *refModel) cells(i int) [][2]int {
	var out [][2]int
	a := 0
	for k, r := range m.paras[i].text {
		if r == cellSep {
			out = append(out, [2]int{a, k})
			a = k + 1
		}
	}
	return append(out, [2]int{a, len(m.paras[i].text)})
}

// cellOf is the cell of table i that offset o is in.
func (m *refModel) cellOf(i, o int) int {
	return strings.Count(string(m.paras[i].text[:o]), string(cellSep))
}

// deleteSel deletes the selection as typing over it does (key: as
// Delete, Backspace and Cut do, which remove a table selected whole).
func (m *refModel) deleteSel(key bool) {
	s, t := m.sel()
	if s == t {
		return
	}
	first, last := m.paras[s.b], m.paras[t.b]
	if s.b == t.b && m.table(s.b) {
		if key && s.o == 0 && t.o == len(first.text) {
			m.paras[s.b] = refBlock{}
		} else {
			// The cells' text goes, the cells stay.
			kept := slices.Clone(first.text[:s.o])
			for _, r := range first.text[s.o:t.o] {
				if r == cellSep {
					kept = append(kept, r)
				}
			}
			m.paras[s.b].text = append(kept, first.text[t.o:]...)
		}
		m.anchor, m.cursor = s, s
		return
	}
	// Across blocks a table at either end goes whole.
	var out []refBlock
	at := pos{s.b, 0}
	switch {
	case first.cols == 0 && last.cols == 0:
		head := slices.Clone(first.text[:s.o])
		out, at = []refBlock{{text: append(head, last.text[t.o:]...)}}, s
	case first.cols == 0:
		out, at = []refBlock{{text: slices.Clone(first.text[:s.o])}}, s
	case last.cols == 0:
		out = []refBlock{{text: slices.Clone(last.text[t.o:])}}
	default:
		out = []refBlock{{}}
	}
	m.paras = slices.Replace(m.paras, s.b, t.b+1, out...)
	m.anchor, m.cursor = at, at
}

// insert is typing or pasting text: in a table, tabs and lines fill
// cells; elsewhere tabs are spaces and lines paragraphs.
func (m *refModel) insert(text string) {
	m.deleteSel(false)
	if m.table(m.cursor.b) {
		m.pasteCells(text)
		return
	}
	text = strings.ReplaceAll(text, "\t", " ")
	for i, ln := range strings.Split(text, "\n") {
		if i > 0 {
			m.split()
		}
		q := m.cursor
		m.paras[q.b].text = slices.Insert(slices.Clone(m.paras[q.b].text), q.o, []rune(ln)...)
		m.cursor = pos{q.b, q.o + len([]rune(ln))}
	}
	m.anchor = m.cursor
}

func (m *refModel) split() {
	q := m.cursor
	rest := slices.Clone(m.paras[q.b].text[q.o:])
	m.paras[q.b].text = slices.Clone(m.paras[q.b].text[:q.o])
	m.paras = slices.Insert(m.paras, q.b+1, refBlock{text: rest})
	m.cursor = pos{q.b + 1, 0}
}

// pasteCells: the first piece goes in at the cursor, each piece after a
// tab replaces the next cell's text (the last cell takes what is past
// the last column), each line goes on in the row below, rows added.
func (m *refModel) pasteCells(text string) {
	i := m.cursor.b
	cols := m.paras[i].cols
	var grid [][]string
	for k, rg := range m.cells(i) {
		if k%cols == 0 {
			grid = append(grid, nil)
		}
		grid[len(grid)-1] = append(grid[len(grid)-1], string(m.paras[i].text[rg[0]:rg[1]]))
	}
	c0 := m.cellOf(i, m.cursor.o)
	in := m.cursor.o - m.cells(i)[c0][0]
	r0, k0 := c0/cols, c0%cols
	endR, endC, endO := 0, 0, 0
	for li, ln := range strings.Split(text, "\n") {
		pieces := strings.Split(ln, "\t")
		for len(pieces) > cols-k0 {
			n := len(pieces)
			pieces = append(pieces[:n-2], pieces[n-2]+" "+pieces[n-1])
		}
		for r0+li >= len(grid) {
			grid = append(grid, make([]string, cols))
		}
		for j, p := range pieces {
			r, c := r0+li, k0+j
			if li == 0 && j == 0 {
				old := []rune(grid[r][c])
				grid[r][c] = string(old[:in]) + p + string(old[in:])
				endR, endC, endO = r, c, in+len([]rune(p))
				continue
			}
			grid[r][c] = p
			endR, endC, endO = r, c, len([]rune(p))
		}
	}
	var flat []string
	for _, row := range grid {
		flat = append(flat, row...)
	}
	m.paras[i].text = []rune(strings.Join(flat, string(cellSep)))
	m.cursor = pos{i, m.cells(i)[endR*cols+endC][0] + endO}
	m.anchor = m.cursor
}

// enter: in a table the cell below's end, or from the last row a new
// paragraph after the table; elsewhere a split.
func (m *refModel) enter() {
	m.deleteSel(false)
	q := m.cursor
	if !m.table(q.b) {
		m.split()
		m.anchor = m.cursor
		return
	}
	cells, cols := m.cells(q.b), m.paras[q.b].cols
	if c := m.cellOf(q.b, q.o); c+cols < len(cells) {
		m.cursor = pos{q.b, cells[c+cols][1]}
	} else {
		m.paras = slices.Insert(m.paras, q.b+1, refBlock{})
		m.cursor = pos{q.b + 1, 0}
	}
	m.anchor = m.cursor
}

// tab: the next cell's text selected (a row added after the last), or
// the one before's; nothing outside tables.
func (m *refModel) tab(back bool) {
	q := m.cursor
	if !m.table(q.b) {
		return
	}
	c := m.cellOf(q.b, q.o)
	switch {
	case back && c == 0:
		return
	case back:
		c--
	default:
		if c == len(m.cells(q.b))-1 {
			m.paras[q.b].text = append(m.paras[q.b].text, []rune(strings.Repeat(string(cellSep), m.paras[q.b].cols))...)
		}
		c++
	}
	rg := m.cells(q.b)[c]
	m.anchor, m.cursor = pos{q.b, rg[0]}, pos{q.b, rg[1]}
}

func (m *refModel) length(i int) int { return len(m.paras[i].text) }

func (m *refModel) step(q pos, forward bool) pos {
	if forward {
		if q.o < m.length(q.b) {
			return pos{q.b, q.o + 1}
		}
		if q.b < len(m.paras)-1 {
			return pos{q.b + 1, 0}
		}
		return q
	}
	if q.o > 0 {
		return pos{q.b, q.o - 1}
	}
	if q.b > 0 {
		return pos{q.b - 1, m.length(q.b - 1)}
	}
	return q
}

// erase is Backspace (Delete when forward).
func (m *refModel) erase(forward bool) {
	if m.anchor != m.cursor {
		m.deleteSel(true)
		return
	}
	q := m.cursor
	b := m.paras[q.b]
	empty := func(i int) bool { return !m.table(i) && len(m.paras[i].text) == 0 }
	if m.table(q.b) {
		// No key merges two cells.
		if forward && q.o < len(b.text) && b.text[q.o] == cellSep || !forward && (q.o == 0 || b.text[q.o-1] == cellSep) {
			return
		}
		if forward && q.o == len(b.text) {
			// At the table's end: an empty paragraph after it goes.
			if q.b < len(m.paras)-1 && empty(q.b+1) {
				m.paras = slices.Delete(m.paras, q.b+1, q.b+2)
			}
			return
		}
	}
	switch {
	case !forward && q.o == 0 && q.b > 0 && m.table(q.b-1):
		end := pos{q.b - 1, m.length(q.b - 1)}
		if empty(q.b) {
			m.paras = slices.Delete(m.paras, q.b, q.b+1)
		}
		m.anchor, m.cursor = end, end
		return
	case forward && q.o == len(b.text) && q.b < len(m.paras)-1 && m.table(q.b+1):
		if empty(q.b) {
			m.paras = slices.Delete(m.paras, q.b, q.b+1)
		}
		return
	}
	m.anchor = m.step(m.cursor, forward)
	m.deleteSel(true)
}

func (m *refModel) arrow(forward, shift bool) {
	s, t := m.sel()
	switch {
	case shift:
		m.cursor = m.step(m.cursor, forward)
		return
	case s != t && forward:
		m.cursor = t
	case s != t:
		m.cursor = s
	default:
		m.cursor = m.step(m.cursor, forward)
	}
	m.anchor = m.cursor
}

// valid reports whether q is a place in the model's text.
func (m *refModel) valid(q pos) bool {
	return q.b >= 0 && q.b < len(m.paras) && q.o >= 0 && q.o <= m.length(q.b)
}
