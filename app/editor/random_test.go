package editor

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
)

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
	// Text shown only when a field is filled, and what shows otherwise,
	// are text like any other, in a paragraph and in a cell; so is an
	// else-if chain.
	e, w := open(t, "Hello{{if .a}} big{{else}} small{{end}} world\n\n| A | B |\n|---|---|\n| x{{if .b}}z{{else}}w{{end}} | y |\n\n"+
		"Second{{if .c}} long{{end}}{{if .d}} paragraph{{else if .e}} page{{else}} line{{end}}\n")
	sep := string(cellSep)
	m := &refModel{paras: []refBlock{{text: []rune("Hello big small world")}, {text: []rune("A" + sep + "B" + sep + "xzw" + sep + "y"), cols: 2}, {text: []rune("Second long paragraph page line")}}}
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
	// Nothing typed is lost: the stored text, each conditional's text
	// and otherwise's shown, is the model's paragraphs, less the spaces
	// at their ends and those left empty, and its tables cell by cell,
	// less the spaces at a cell's ends.
	var typedText []string
	for _, p := range m.paras {
		if p.cols > 0 {
			typedText = append(typedText, cellsText(p.cols, string(p.text)))
		} else if t := strings.Trim(string(p.text), " "); t != "" {
			typedText = append(typedText, t)
		}
	}
	if got := printedText(e, back); !reflect.DeepEqual(got, typedText) {
		fail("stored %q reads back as %q, typed %q", stored, got, typedText)
	}
	// And each prints when it should: with every field filled, the
	// text the editor holds as shown when its field is filled; with
	// none, that shown otherwise.
	fills := []struct {
		value  string
		prints func(*condRef) bool
	}{
		{"filled", func(c *condRef) bool { return c.field != "" && c.elseOf == nil }},
		{"", func(c *condRef) bool { return c.field == "" }},
	}
	for _, f := range fills {
		var held []string
		for _, b := range e.blocks {
			var rs []rune
			for _, a := range b.atoms {
				if a.st.cond == nil || f.prints(a.st.cond) {
					rs = append(rs, []rune(e.plain([]atom{a}))...)
				}
			}
			if b.kind == kTable {
				held = append(held, cellsText(b.cols, string(rs)))
			} else if t := strings.Trim(string(rs), " "); t != "" {
				held = append(held, t)
			}
		}
		filled := sectiontext.Fill(back, func(string) (string, bool) { return f.value, true })
		if got := printedText(e, filled); !reflect.DeepEqual(got, held) {
			fail("stored %q prints %q with fields %q, the editor holds %q", stored, got, f.value, held)
		}
	}
}

// printedText is the text of a body's paragraphs, less the spaces at
// their ends and those left empty, and, cell by cell, its tables, as
// cellsText gives them: conditional text and its otherwise both as text.
func printedText(e *Editor, body sectiontext.Body) []string {
	var out []string
	for _, b := range body.Blocks {
		switch x := b.(type) {
		case sectiontext.Paragraph:
			// Spaces in conditional text at a paragraph's ends are
			// kept, where Markdown drops others.
			if t := strings.Trim(e.plain(atomsOf(x.Inlines, style{}, nil)), " "); t != "" {
				out = append(out, t)
			}
		case sectiontext.Table:
			var cells []string
			for _, row := range x.Rows {
				for _, c := range row.Cells {
					cells = append(cells, e.plain(atomsOf(c.Inlines, style{}, nil)))
				}
			}
			out = append(out, cellsText(len(x.Align), strings.Join(cells, string(cellSep))))
		default:
			out = append(out, fmt.Sprintf("a %T", b))
		}
	}
	return out
}

// cellsText is a table of cols columns whose cells are apart by cellSep
// as its column count and cells, less the spaces at their ends.
func cellsText(cols int, text string) string {
	cells := strings.Split(text, string(cellSep))
	for k := range cells {
		cells[k] = strings.Trim(cells[k], " ")
	}
	return fmt.Sprint(cols, cells)
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
