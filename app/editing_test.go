package app

import (
	"fmt"
	"fyne.io/fyne/v2"
	"math/rand"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// modelSection is what a test expects one section to hold.
type modelSection struct {
	template, title string
	body            *string
	included        bool
}

// model is what the packet should be: its sections in order and which one
// is highlighted.
type model struct {
	secs     []modelSection
	selected int
}

func (m model) clone() model {
	c := model{secs: append([]modelSection(nil), m.secs...), selected: m.selected}
	return c
}

func modelOf(h *harness) model {
	var m model
	for _, s := range h.doc().Sections {
		m.secs = append(m.secs, modelSection{template: s.Template, title: s.Title, body: s.Body, included: s.Included})
	}
	m.selected = h.w.doc.selectedIndex()
	return m
}

// checkModel fails unless the packet holds exactly m, the highlighted
// section is m.selected, and the editor shows that section.
func checkModel(t *testing.T, h *harness, m model, step string) {
	t.Helper()
	secs := h.doc().Sections
	if len(secs) != len(m.secs) {
		t.Fatalf("%s: %d sections, want %d", step, len(secs), len(m.secs))
	}
	for i, want := range m.secs {
		got := secs[i]
		if got.Template != want.template || got.Title != want.title || got.Included != want.included ||
			(got.Body == nil) != (want.body == nil) || (got.Body != nil && *got.Body != *want.body) {
			t.Fatalf("%s: section %d is %s %q included=%v body=%s, want %s %q included=%v body=%s",
				step, i, got.Template, got.Title, got.Included, show(got.Body), want.template, want.title, want.included, show(want.body))
		}
	}
	if got := h.w.doc.selectedIndex(); got != m.selected {
		t.Fatalf("%s: section %d highlighted, want %d", step, got, m.selected)
	}
	if got := h.w.packet.highlighted; got != m.selected {
		t.Fatalf("%s: the list highlights row %d, want %d", step, got, m.selected)
	}
	if m.selected >= 0 {
		want := m.secs[m.selected].title
		if want == "" {
			tm, _ := h.w.lib.Get(m.secs[m.selected].template)
			want = tm.TitleFor(h.doc().Audience)
		}
		if h.w.section.key != h.w.doc.keyAt(m.selected) || h.w.section.title.Text != want {
			t.Fatalf("%s: editor shows title %q, the highlighted section's is %q", step, h.w.section.title.Text, want)
		}
	}
}

func show(b *string) string {
	if b == nil {
		return "(template)"
	}
	return fmt.Sprintf("%q", *b)
}

// typeInto types text into the highlighted section's title and body, as a
// new burst, and records in m what that section should now hold.
func typeInto(h *harness, m *model, text string) {
	h.clock.advance(2 * burstPause)
	s := h.w.section
	test.Type(s.title, text)
	test.Type(s.src, text)
	sec := &m.secs[m.selected]
	sec.title = s.title.Text
	// The field shows plain form; the packet keeps template source.
	b := s.source()
	sec.body = &b
}

// For each structural change: select a section, change the structure,
// type; every section must hold what it held, except the highlighted one,
// which holds exactly what was typed into it.
func TestEditsLandInTheHighlightedSection(t *testing.T) {
	type op struct {
		name string
		do   func(h *harness)
		// expect changes the model as the operation should.
		expect func(m *model)
	}
	ops := []op{
		{"move up", func(h *harness) { test.Tap(h.w.packet.up) }, func(m *model) {
			i := m.selected
			m.secs[i-1], m.secs[i] = m.secs[i], m.secs[i-1]
			m.selected = i - 1
		}},
		{"move down", func(h *harness) { h.w.menuItem("Section", "Move Down").Action() }, func(m *model) {
			i := m.selected
			m.secs[i+1], m.secs[i] = m.secs[i], m.secs[i+1]
			m.selected = i + 1
		}},
		{"duplicate", func(h *harness) { test.Tap(h.w.packet.dup) }, func(m *model) {
			i := m.selected
			m.secs = append(m.secs[:i+1], append([]modelSection{m.secs[i]}, m.secs[i+1:]...)...)
			m.selected = i + 1
		}},
		{"remove", func(h *harness) { test.Tap(h.w.packet.del) }, func(m *model) {
			i := m.selected
			m.secs = append(m.secs[:i], m.secs[i+1:]...)
			m.selected = min(i, len(m.secs)-1)
		}},
		// Added sections go in after the highlighted one and take the
		// highlight.
		{"add from library", func(h *harness) { h.w.library.addTemplate("glossary") }, func(m *model) {
			i := m.selected + 1
			m.secs = append(m.secs[:i], append([]modelSection{{template: "glossary", included: true}}, m.secs[i:]...)...)
			m.selected = i
		}},
		{"add blank section", func(h *harness) { test.Tap(h.w.library.blank) }, func(m *model) {
			i := m.selected + 1
			m.secs = append(m.secs[:i], append([]modelSection{{template: "blank", included: true}}, m.secs[i:]...)...)
			m.selected = i
		}},
	}
	for _, o := range ops {
		t.Run(o.name, func(t *testing.T) {
			h := newHarness(t, nil)
			h.w.packet.list.Select(3)
			// Exclude a neighbour, as in the report: nothing may reach it.
			h.w.doc.setIncluded(h.w.doc.keyAt(4), false)
			m := modelOf(h)
			typeInto(h, &m, "A")
			checkModel(t, h, m, "before")
			o.do(h)
			o.expect(&m)
			checkModel(t, h, m, o.name)
			typeInto(h, &m, "ZZZ")
			checkModel(t, h, m, "typing after "+o.name)

			// Undo takes back the typing, then the change, each time
			// showing the section it concerns; redo puts both back.
			typed := m.clone()
			h.w.undoItem.Action()
			h.w.undoItem.Action()
			before := modelOf(h)
			h.w.redoItem.Action()
			h.w.redoItem.Action()
			checkModel(t, h, typed, "undo twice, redo twice")
			h.w.undoItem.Action()
			h.w.undoItem.Action()
			checkModel(t, h, before, "undo twice again")
			typeInto(h, &before, "Q")
			checkModel(t, h, before, "typing after undo")
		})
	}
}

// Select-all and typing after Duplicate replaces the copy's text only.
func TestSelectAllAfterDuplicateReplacesTheCopy(t *testing.T) {
	h := newHarness(t, nil)
	h.w.packet.list.Select(2)
	m := modelOf(h)
	h.w.menuItem("Section", "Duplicate").Action()
	s := h.w.section
	s.title.SetText("About") // what select-all + typing gives
	setSource(s, "New text")
	m.secs = append(m.secs[:3], append([]modelSection{m.secs[2]}, m.secs[3:]...)...)
	m.selected = 3
	m.secs[3].title = "About"
	b := "New text"
	m.secs[3].body = &b
	checkModel(t, h, m, "after duplicate and replace")
}

// A randomized run of structural changes, selections, undo, redo and
// typing, checked against a simple model after every step.
func TestRandomEditingMatchesTheModel(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newHarness(t, nil)
			m := modelOf(h)
			var undo, redo []model
			record := func() { undo = append(undo, m.clone()); redo = nil }
			for step := 0; step < 60; step++ {
				n := len(m.secs)
				var name string
				switch k := rng.Intn(9); {
				case k == 0 && n > 0:
					i := rng.Intn(n)
					name = fmt.Sprintf("select %d", i)
					h.w.packet.list.Select(i)
					m.selected = i
				case k == 1 && m.selected > 0:
					name = "move up"
					record()
					h.w.menuItem("Section", "Move Up").Action()
					i := m.selected
					m.secs[i-1], m.secs[i] = m.secs[i], m.secs[i-1]
					m.selected--
				case k == 2 && m.selected >= 0 && m.selected < n-1:
					name = "move down"
					record()
					test.Tap(h.w.packet.down)
					i := m.selected
					m.secs[i+1], m.secs[i] = m.secs[i], m.secs[i+1]
					m.selected++
				case k == 3 && m.selected >= 0:
					name = "duplicate"
					record()
					test.Tap(h.w.packet.dup)
					i := m.selected
					m.secs = append(m.secs[:i+1], append([]modelSection{m.secs[i]}, m.secs[i+1:]...)...)
					m.selected++
				case k == 4 && m.selected >= 0 && n > 1:
					name = "remove"
					record()
					test.Tap(h.w.packet.del)
					i := m.selected
					m.secs = append(m.secs[:i], m.secs[i+1:]...)
					m.selected = min(i, len(m.secs)-1)
				case k == 5 && len(undo) > 0:
					name = "undo"
					h.w.undoItem.Action()
					redo = append(redo, m.clone())
					m, undo = undo[len(undo)-1], undo[:len(undo)-1]
				case k == 6 && len(redo) > 0:
					name = "redo"
					h.w.redoItem.Action()
					undo = append(undo, m.clone())
					m, redo = redo[len(redo)-1], redo[:len(redo)-1]
				case k == 7 && m.selected >= 0:
					name = "toggle include"
					record()
					h.w.doc.setIncluded(h.w.doc.keyAt(m.selected), !m.secs[m.selected].included)
					m.secs[m.selected].included = !m.secs[m.selected].included
				case m.selected >= 0:
					word := strings.Repeat(string(rune('a'+rng.Intn(26))), 1+rng.Intn(3))
					name = "type " + word
					// A title and a body burst: two undo steps.
					record()
					h.clock.advance(2 * burstPause)
					test.Type(h.w.section.title, word)
					m.secs[m.selected].title = h.w.section.title.Text
					record()
					test.Type(h.w.section.src, word)
					b := h.w.section.source()
					m.secs[m.selected].body = &b
				default:
					continue
				}
				checkModel(t, h, m, fmt.Sprintf("step %d (%s)", step, name))
			}
		})
	}
}

// A typing burst ends after a pause or at a new line, so one undo takes
// back one burst, not everything typed since the field was focused.
func TestUndoTakesBackOneBurst(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(5)
	s := h.w.section
	setSource(s, "")
	h.clock.advance(2 * burstPause)
	test.Type(s.src, "What did the order ask agencies to do?")
	h.clock.advance(burstPause / 2)
	test.Type(s.src, " Why?") // within the pause: same burst
	test.Type(s.src, "\n")
	test.Type(s.src, "Bonus:")
	h.clock.advance(burstPause + time.Millisecond)
	test.Type(s.src, " name one agency.")
	body := func() string { return *h.doc().Sections[5].Body }
	for _, want := range []string{
		"What did the order ask agencies to do? Why?\nBonus:",
		"What did the order ask agencies to do? Why?\n",
		"",
	} {
		h.w.undoItem.Action()
		if got := body(); got != want {
			t.Fatalf("after undo: %q, want %q", got, want)
		}
	}
}

// While a dialog is open, the window's shortcuts do nothing.
func TestShortcutsDoNothingBehindADialog(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(1)
	test.Type(h.w.section.title, "Edited")
	d := newInfoDialog(h)
	d.Show()
	for _, item := range []string{"Undo", "Redo"} {
		h.w.menuItem("Edit", item).Action()
	}
	h.w.menuItem("Section", "Remove").Action()
	h.w.menuItem("Section", "Duplicate").Action()
	if got := h.doc().Sections[1].Title; got != "EditedKey Provisions" || len(h.doc().Sections) != 7 {
		t.Fatalf("shortcuts acted behind the dialog: title %q, %d sections", got, len(h.doc().Sections))
	}
	d.Hide()
	h.w.menuItem("Edit", "Undo").Action()
	if got := h.doc().Sections[1].Title; got != "" {
		t.Fatalf("undo after the dialog closed: title %q", got)
	}
}

// The title field holds the title the PDF prints, so typing at its end
// adds to it; emptying it goes back to the template's title.
func TestTitleFieldEditsThePrintedTitle(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(6)
	title := h.w.section.title
	if title.Text != "What Happens Next" {
		t.Fatalf("title field shows %q", title.Text)
	}
	title.CursorColumn = len([]rune(title.Text))
	test.Type(title, " (edited)")
	if got := h.doc().Sections[6].Title; got != "What Happens Next (edited)" {
		t.Fatalf("section title = %q", got)
	}
	title.SetText("")
	if got := h.doc().Sections[6].Title; got != "" || title.Text != "" || title.PlaceHolder != "What Happens Next" {
		t.Fatalf("emptied: section title %q, field %q, placeholder %q", got, title.Text, title.PlaceHolder)
	}
	title.SetText("What Happens Next")
	if got := h.doc().Sections[6].Title; got != "" {
		t.Fatalf("typing the template's title made a copy: %q", got)
	}
}

// Redo is Ctrl+Y, as in Word (the menu item's shortcut, which Fyne runs
// before any field sees the key), and Ctrl+Shift+Z still redoes, in the
// section text and with nothing focused.
func TestCtrlYAndCtrlShiftZRedo(t *testing.T) {
	h := newHarness(t, nil)
	if sc, ok := h.w.menuItem("Edit", "Redo").Shortcut.(*fyne.ShortcutRedo); !ok || sc.ShortcutName() != "Redo" {
		t.Fatalf("Redo's shortcut is %v, want Ctrl+Y (fyne.ShortcutRedo)", h.w.menuItem("Edit", "Redo").Shortcut)
	}
	s := setPlainBody(h, 2, "First.")
	undo := func() { h.w.menuItem("Edit", "Undo").Action() }
	body := func() string {
		if b := h.doc().Sections[2].Body; b != nil {
			return *b
		}
		return "(the template's)"
	}
	undo()
	s.src.TypedShortcut(redoAlso)
	if body() != "First." {
		t.Errorf("Ctrl+Shift+Z in the text did not redo: %q", body())
	}
	undo()
	h.w.win.Canvas().Unfocus()
	sc, ok := h.w.win.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	sc.TypedShortcut(redoAlso)
	if body() != "First." {
		t.Errorf("Ctrl+Shift+Z with nothing focused did not redo: %q", body())
	}
}
