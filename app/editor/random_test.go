package editor

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
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

// The characters typed: letters, spaces and every character Markdown or
// template code gives a meaning.
const typed = "ab  c#*_|[]{}\\`\"'-.<>!&~@:/w1)+=^$%"

func randomText(r *rand.Rand) string {
	n := r.Intn(12)
	var sb strings.Builder
	for range n {
		if k := r.Intn(12); k < 2 {
			sb.WriteByte('\n')
		} else if k < 3 {
			sb.WriteByte('\t')
		} else {
			sb.WriteByte(typed[r.Intn(len(typed))])
		}
	}
	return sb.String()
}

// TestRandomEditsMatchReference drives the editor with random keys,
// clicks and pastes, and after every step checks its text and cursor
// against the reference model, the stored Markdown against the model's
// text, and that the stored Markdown reads back as the body it came from.
func TestRandomEditsMatchReference(t *testing.T) {
	for seed := range int64(randomSeeds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomRun(t, seed, 250) })
	}
}

func randomRun(t *testing.T, seed int64, steps int) {
	r := rand.New(rand.NewSource(seed))
	e, w := open(t, "Hello world\n\n| A | B |\n|---|---|\n| x | y |\n\nSecond paragraph\n")
	sep := string(cellSep)
	m := &refModel{paras: []refBlock{{text: []rune("Hello world")}, {text: []rune("A" + sep + "B" + sep + "x" + sep + "y"), cols: 2}, {text: []rune("Second paragraph")}}}
	var log []string
	for i := range steps {
		var what string
		switch n := r.Intn(24); {
		case n < 8:
			c := rune(typed[r.Intn(len(typed))])
			what = fmt.Sprintf("type %q", c)
			e.TypedRune(c)
			m.insert(string(c))
		case n < 9:
			what = "Enter"
			key(e, fyne.KeyReturn)
			m.enter()
		case n < 11:
			what = "Backspace"
			key(e, fyne.KeyBackspace)
			m.erase(false)
		case n < 12:
			what = "Delete"
			key(e, fyne.KeyDelete)
			m.erase(true)
		case n < 16:
			fwd, shift := r.Intn(2) == 0, r.Intn(2) == 0
			what = fmt.Sprintf("arrow forward=%v shift=%v", fwd, shift)
			k := fyne.KeyLeft
			if fwd {
				k = fyne.KeyRight
			}
			if shift {
				shiftKey(e, k)
			} else {
				key(e, k)
			}
			m.arrow(fwd, shift)
		case n < 17:
			back := r.Intn(2) == 0
			what = fmt.Sprintf("Tab back=%v", back)
			if back {
				shiftKey(e, fyne.KeyTab)
			} else {
				key(e, fyne.KeyTab)
			}
			m.tab(back)
		case n < 18:
			// Up or Down: where it lands depends on the layout, so the
			// model takes the editor's word for it, then checks it is a
			// place in the text with nothing selected.
			k := fyne.KeyUp
			if r.Intn(2) == 0 {
				k = fyne.KeyDown
			}
			what = string(k)
			key(e, k)
			if !m.valid(e.cursor) || e.anchor != e.cursor {
				t.Fatalf("step %d (%s): the cursor went to %v–%v", i, what, e.anchor, e.cursor)
			}
			m.anchor, m.cursor = e.anchor, e.cursor
		case n < 21:
			// A click somewhere on the text (a table's cells too, or its
			// left edge, which selects it whole): the model takes the
			// editor's word for where it lands, then checks it.
			b := r.Intn(len(e.blocks))
			x, y, h := e.view.caret(pos{b, r.Intn(e.blocks[b].length() + 1)})
			p := fyne.NewPos(x+float32(r.Intn(60)-30), y+float32(r.Intn(int(h)+1)))
			if r.Intn(4) == 0 {
				p.X = margin - 4
			}
			what = fmt.Sprintf("click %v", p)
			test.TapCanvas(w.Canvas(), onCanvas(e, p))
			if !m.valid(e.cursor) || !m.valid(e.anchor) {
				t.Fatalf("step %d (%s): click put the selection at %v–%v outside the text", i, what, e.anchor, e.cursor)
			}
			m.anchor, m.cursor = e.anchor, e.cursor
		default:
			text := randomText(r)
			what = fmt.Sprintf("paste %q", text)
			c := test.NewClipboard()
			c.SetContent(text)
			e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
			if text != "" {
				m.insert(text)
			}
		}
		log = append(log, what)
		check(t, e, m, i, log)
		if t.Failed() {
			return
		}
	}
}

func check(t *testing.T, e *Editor, m *refModel, i int, log []string) {
	t.Helper()
	fail := func(f string, a ...any) {
		t.Helper()
		t.Fatalf("after step %d, %s: %s\nsteps: %q", i, log[len(log)-1], fmt.Sprintf(f, a...), log[max(0, len(log)-8):])
	}
	var want []string
	for _, p := range m.paras {
		want = append(want, string(p.text))
	}
	if got := plainBlocks(e); !reflect.DeepEqual(got, want) {
		fail("editor holds %q, model %q", got, want)
	}
	if e.cursor != m.cursor || e.anchor != m.anchor {
		fail("selection %v–%v, model %v–%v", e.anchor, e.cursor, m.anchor, m.cursor)
	}
	body := e.Body()
	stored := sectiontext.Write(body)
	back := sectiontext.Parse(stored)
	if !reflect.DeepEqual(back, sectiontext.Normalize(body)) {
		fail("stored %q reads back as %#v, not %#v", stored, back, sectiontext.Normalize(body))
	}
	// What prints is what was typed: the model's paragraphs, less the
	// spaces at their ends and those left empty, and its tables cell by
	// cell, less the spaces at a cell's ends.
	var printed, typedText []string
	for _, b := range back.Blocks {
		switch x := b.(type) {
		case sectiontext.Paragraph:
			printed = append(printed, e.plain(atomsOf(x.Inlines, style{}, nil)))
		case sectiontext.Table:
			var cells []string
			for _, row := range x.Rows {
				for _, c := range row.Cells {
					cells = append(cells, e.plain(atomsOf(c.Inlines, style{}, nil)))
				}
			}
			printed = append(printed, fmt.Sprint(len(x.Align), cells))
		default:
			fail("stored %q reads back as a %T", stored, b)
		}
	}
	for _, p := range m.paras {
		if p.cols > 0 {
			cells := strings.Split(string(p.text), string(cellSep))
			for k := range cells {
				cells[k] = strings.Trim(cells[k], " ")
			}
			typedText = append(typedText, fmt.Sprint(p.cols, cells))
			continue
		}
		if t := strings.Trim(string(p.text), " "); t != "" {
			typedText = append(typedText, t)
		}
	}
	if !reflect.DeepEqual(printed, typedText) {
		fail("stored %q reads back as %q, typed %q", stored, printed, typedText)
	}
}

// TestRandomEditsUndoAll: after random edits, each Undo gives a text the
// editor held before (in order, going back) with a selection it had
// then, undoing every step gives the text as opened, and redoing every
// step the text as edited. Edits land in a table too.
func TestRandomEditsUndoAll(t *testing.T) {
	type held struct {
		md, blocks     string
		anchor, cursor pos
	}
	hold := func(e *Editor) held {
		return held{md(e), strings.Join(plainBlocks(e), "\n"), e.anchor, e.cursor}
	}
	for seed := range int64(6) {
		r := rand.New(rand.NewSource(seed))
		e, _ := open(t, "Start\n\n| a | b |\n|---|---|\n| c | d |\n\n- item\n")
		seen := []held{hold(e)}
		for range 160 {
			switch r.Intn(9) {
			case 0:
				key(e, fyne.KeyReturn)
			case 1:
				key(e, fyne.KeyBackspace)
			case 2:
				key(e, fyne.KeyLeft)
			case 3:
				key(e, fyne.KeyTab)
			case 4:
				shiftKey(e, fyne.KeyRight)
			case 5:
				e.SetCursorOffset(r.Intn(len([]rune(e.ShownText())) + 1))
			default:
				e.TypedRune(rune(typed[r.Intn(len(typed))]))
			}
			seen = append(seen, hold(e))
		}
		j := len(seen) - 1
		for e.CanUndo() {
			e.Undo()
			got := md(e)
			for j >= 0 && seen[j].md != got {
				j--
			}
			if j < 0 {
				t.Fatalf("seed %d: Undo gave %q, never held (or not in this order)", seed, got)
			}
			// The selection is one the text had while it read so (empty
			// paragraphs and all).
			now := hold(e)
			ok := false
			for k := j; k >= 0 && !ok; k-- {
				ok = seen[k] == now
			}
			if !ok {
				t.Fatalf("seed %d: Undo gave %q with the selection %v–%v, never held with it", seed, got, e.anchor, e.cursor)
			}
		}
		if got := md(e); got != seen[0].md {
			t.Errorf("seed %d: undoing everything gives %q, want %q", seed, got, seen[0].md)
		}
		for e.CanRedo() {
			e.Redo()
			got := md(e)
			for j < len(seen) && seen[j].md != got {
				j++
			}
			if j == len(seen) {
				t.Fatalf("seed %d: Redo gave %q, never held (or not in this order)", seed, got)
			}
		}
		if got := md(e); got != seen[len(seen)-1].md {
			t.Errorf("seed %d: redoing everything gives %q, want %q", seed, got, seen[len(seen)-1].md)
		}
	}
}

// randomSeeds is how many random runs the test makes; raise it to search
// harder.
var randomSeeds = 12

func init() {
	if n, err := strconv.Atoi(os.Getenv("EDITOR_SEEDS")); err == nil {
		randomSeeds = n
	}
}
