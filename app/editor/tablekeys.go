package editor

import (
	"slices"
	"strings"
)

// Keys in a table, as in a word processor:
//
//   - Tab goes to the next cell and selects its text (Shift+Tab to the
//     cell before); Tab in the last cell adds a row. The keyboard stays
//     in the text: Ctrl+Tab leaves it.
//   - Enter goes to the cell below, as in a spreadsheet — a cell is one
//     line, so Enter cannot split it; in the last row it ends the table:
//     a new paragraph after it takes the cursor. Shift+Enter does
//     nothing in a cell.
//   - Backspace at a cell's start and Delete at its end do nothing, so
//     no key merges two cells. Backspace at the start of the paragraph
//     after a table goes into its last cell (removing the paragraph if
//     it is empty); Delete just before or after a table removes an empty
//     paragraph there.
//   - Delete, Backspace and Cut with the whole table selected remove it;
//     with some of its cells selected they empty them.

// tableTab is Tab (back: Shift+Tab) in a table.
func (e *Editor) tableTab(back bool) {
	i := e.cursor.b
	b := e.blocks[i]
	c, _, _ := b.cellAt(e.cursor.o)
	added := false
	switch {
	case back && c == 0:
		return
	case back:
		c--
	case c == len(b.cellRanges())-1:
		e.begin(false)
		m := e.mut(i)
		for range m.cols {
			m.atoms = append(m.atoms, atom{r: cellSep})
		}
		c++
		added = true
	default:
		c++
	}
	rg := e.blocks[i].cellRanges()[c]
	e.anchor = pos{i, rg[0]}
	e.moveTo(pos{i, rg[1]}, true)
	e.goalX = -1
	if added {
		e.changed()
	}
}

// tableEnter is Enter in a table, the selection already deleted (begun:
// as an undo step already begun): to the end of the cell below, or from
// the last row to a new paragraph after the table.
func (e *Editor) tableEnter(begun bool) {
	q := e.cursor
	b := e.blocks[q.b]
	c, _, _ := b.cellAt(q.o)
	e.goalX = -1
	if rgs := b.cellRanges(); c+b.cols < len(rgs) {
		e.collapse(pos{q.b, rgs[c+b.cols][1]})
		e.endBurst()
		e.typing = nil
		if begun {
			e.changed()
		} else {
			e.changedLayout()
		}
		return
	}
	if !begun {
		e.begin(false)
	}
	e.split()
	e.changed()
}

// backIntoTable is Backspace at the start of the block after a table.
func (e *Editor) backIntoTable() {
	q := e.cursor
	end := pos{q.b - 1, len(e.blocks[q.b-1].atoms)}
	if b := e.blocks[q.b]; b.kind != kPara || len(b.atoms) > 0 {
		e.moveTo(end, false)
		e.goalX = -1
		return
	}
	e.begin(false)
	e.replace(q.b, q.b)
	e.collapse(end)
	e.goalX = -1
	e.changed()
}

// deleteBesideTable is Delete at a table's end (the block after it is
// next) or at the end of the block before one: an empty paragraph
// there goes.
func (e *Editor) deleteBesideTable() {
	q := e.cursor
	i := q.b + 1
	if e.blocks[q.b].kind != kTable {
		i = q.b
	}
	if b := e.blocks[i]; b.kind != kPara || len(b.atoms) > 0 {
		return
	}
	e.begin(false)
	e.replace(i, i)
	if i == q.b {
		e.collapse(pos{q.b, 0})
	}
	e.goalX = -1
	e.changed()
}

// pasteCells puts plain text at the cursor in a table, as a spreadsheet
// pastes: a tab goes on in the next cell, a new line in the row below
// under the first; each cell after the first gets its piece in place of
// its text. What a line holds past the last column joins the last cell
// with spaces; lines past the last row add rows.
func (e *Editor) pasteCells(text string) {
	i := e.cursor.b
	m := e.mut(i)
	c0, a0, _ := m.cellAt(e.cursor.o)
	cols := m.cols
	r0, k0 := c0/cols, c0%cols
	st := e.typedStyle()
	st.link, st.lang = nil, nil
	atoms := func(s string) []atom {
		as := make([]atom, 0, len(s))
		for _, r := range s {
			if r >= ' ' {
				as = append(as, atom{r: r, st: st})
			}
		}
		return as
	}
	g := m.grid()
	var endR, endC, endO int
	for li, ln := range strings.Split(text, "\n") {
		pieces := strings.Split(ln, "\t")
		if n := cols - k0; len(pieces) > n {
			pieces = append(pieces[:n-1], strings.Join(pieces[n-1:], " "))
		}
		r := r0 + li
		for r >= len(g) {
			g = append(g, make([][]atom, cols))
		}
		for j, p := range pieces {
			as := atoms(p)
			endR, endC, endO = r, k0+j, len(as)
			if li == 0 && j == 0 {
				at := e.cursor.o - a0
				g[r][k0] = slices.Insert(slices.Clone(g[r][k0]), at, as...)
				endO = at + len(as)
				continue
			}
			g[r][k0+j] = as
		}
	}
	m.atoms = flatten(g)
	e.collapse(pos{i, m.cellStart(endR*cols+endC) + endO})
}
