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
// against: paragraphs of plain characters, a cursor and an anchor.
type refModel struct {
	paras          [][]rune
	anchor, cursor pos
}

func (m *refModel) sel() (pos, pos) { return order(m.anchor, m.cursor) }

func (m *refModel) deleteSel() {
	s, t := m.sel()
	if s == t {
		return
	}
	head := slices.Clone(m.paras[s.b][:s.o])
	head = append(head, m.paras[t.b][t.o:]...)
	m.paras = slices.Replace(m.paras, s.b, t.b+1, head)
	m.anchor, m.cursor = s, s
}

func (m *refModel) insert(text string) {
	m.deleteSel()
	for i, ln := range strings.Split(text, "\n") {
		if i > 0 {
			q := m.cursor
			rest := slices.Clone(m.paras[q.b][q.o:])
			m.paras[q.b] = slices.Clone(m.paras[q.b][:q.o])
			m.paras = slices.Insert(m.paras, q.b+1, rest)
			m.cursor = pos{q.b + 1, 0}
		}
		q := m.cursor
		m.paras[q.b] = slices.Insert(slices.Clone(m.paras[q.b]), q.o, []rune(ln)...)
		m.cursor = pos{q.b, q.o + len([]rune(ln))}
	}
	m.anchor = m.cursor
}

func (m *refModel) step(q pos, forward bool) pos {
	if forward {
		if q.o < len(m.paras[q.b]) {
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
		return pos{q.b - 1, len(m.paras[q.b-1])}
	}
	return q
}

func (m *refModel) erase(forward bool) {
	if m.anchor == m.cursor {
		m.anchor = m.step(m.cursor, forward)
	}
	m.deleteSel()
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

// The characters typed: letters, spaces and every character Markdown or
// template code gives a meaning.
const typed = "ab  c#*_|[]{}\\`\"'-.<>!&~@:/w1)+=^$%"

func randomText(r *rand.Rand) string {
	n := r.Intn(12)
	var sb strings.Builder
	for range n {
		if r.Intn(6) == 0 {
			sb.WriteByte('\n')
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
	e, w := open(t, "Hello world\n\nSecond paragraph\n")
	m := &refModel{paras: [][]rune{[]rune("Hello world"), []rune("Second paragraph")}}
	var log []string
	for i := range steps {
		var what string
		switch n := r.Intn(20); {
		case n < 8:
			c := rune(typed[r.Intn(len(typed))])
			what = fmt.Sprintf("type %q", c)
			e.TypedRune(c)
			m.insert(string(c))
		case n < 9:
			what = "Enter"
			key(e, fyne.KeyReturn)
			m.insert("\n")
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
		case n < 18:
			// A click somewhere on the text: where it lands depends on
			// the layout, so the model takes the editor's word for it,
			// then checks it is a place in the text.
			b := r.Intn(len(e.blocks))
			x, y, h := e.view.caret(pos{b, 0})
			p := fyne.NewPos(x+float32(r.Intn(400)), y+float32(r.Intn(int(h)+1)))
			what = fmt.Sprintf("click %v", p)
			test.TapCanvas(w.Canvas(), onCanvas(e, p.Subtract(fyne.NewPos(0, e.scrl.Offset.Y)).Add(fyne.NewPos(0, e.scrl.Offset.Y))))
			if e.cursor.b >= len(m.paras) || e.cursor.o > len(m.paras[e.cursor.b]) {
				t.Fatalf("step %d (%s): click put the cursor at %v outside the text", i, what, e.cursor)
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
		want = append(want, string(p))
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
	// spaces at their ends and those left empty.
	var printed, typedText []string
	for _, b := range back.Blocks {
		p, ok := b.(sectiontext.Paragraph)
		if !ok {
			fail("stored %q reads back as a %T", stored, b)
		}
		printed = append(printed, e.plain(atomsOf(p.Inlines, style{}, nil)))
	}
	for _, p := range want {
		if p = strings.Trim(p, " "); p != "" {
			typedText = append(typedText, p)
		}
	}
	if !reflect.DeepEqual(printed, typedText) {
		fail("stored %q reads back as %q, typed %q", stored, printed, typedText)
	}
}

// TestRandomEditsUndoAll: after random edits, each Undo gives a text the
// editor held before (in order, going back), undoing every step gives the
// text as opened, and redoing every step the text as edited.
func TestRandomEditsUndoAll(t *testing.T) {
	for seed := range int64(6) {
		r := rand.New(rand.NewSource(seed))
		e, _ := open(t, "Start\n\n- item\n")
		seen := []string{md(e)}
		for range 120 {
			switch r.Intn(6) {
			case 0:
				key(e, fyne.KeyReturn)
			case 1:
				key(e, fyne.KeyBackspace)
			case 2:
				key(e, fyne.KeyLeft)
			case 3:
				key(e, fyne.KeyTab)
			default:
				e.TypedRune(rune(typed[r.Intn(len(typed))]))
			}
			seen = append(seen, md(e))
		}
		j := len(seen) - 1
		for e.CanUndo() {
			e.Undo()
			got := md(e)
			for j >= 0 && seen[j] != got {
				j--
			}
			if j < 0 {
				t.Fatalf("seed %d: Undo gave %q, never held (or not in this order)", seed, got)
			}
		}
		if got := md(e); got != seen[0] {
			t.Errorf("seed %d: undoing everything gives %q, want %q", seed, got, seen[0])
		}
		for e.CanRedo() {
			e.Redo()
			got := md(e)
			for j < len(seen) && seen[j] != got {
				j++
			}
			if j == len(seen) {
				t.Fatalf("seed %d: Redo gave %q, never held (or not in this order)", seed, got)
			}
		}
		if got := md(e); got != seen[len(seen)-1] {
			t.Errorf("seed %d: redoing everything gives %q, want %q", seed, got, seen[len(seen)-1])
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
