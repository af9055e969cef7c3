package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/briefing"
)

// Replace puts the replacement where the match was, as typing it would
// not: a line under a list item that is all match stays under the item
// (a paste there would start a paragraph of its own), and an empty
// replacement deletes the match, one undo step each.
func TestReplaceInTheSourceReplacesInPlace(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "x")
	setSource(s, "- item\nword")
	f := s.find
	f.open()
	f.what.SetText("word")
	f.with.SetText("text")
	s.src.SetCursorOffset(0)
	f.next()
	f.replace()
	if got := s.src.Text(); got != "- item\ntext" {
		t.Fatalf("after replace: %q", got)
	}
	f.what.SetText("text")
	f.with.SetText("")
	s.src.SetCursorOffset(0)
	f.next()
	f.replace()
	if got := s.src.Text(); got != "- item\n" {
		t.Fatalf("an empty replacement: %q", got)
	}
	h.w.win.Canvas().Focus(s.src)
	h.w.onUndo()
	if got := s.src.Text(); got != "- item\ntext" {
		t.Errorf("one undo: %q", got)
	}
}

func TestFindAndReplaceInTheSection(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "Alpha beta alpha gamma alpha.")
	f := s.find
	f.open()
	f.what.SetText("alpha")
	f.with.SetText("delta")
	s.src.SetCursorOffset(0)
	f.next()
	if got := s.src.SelectedText(); got != "Alpha" || f.status.Text != "Match 1 of 3 in this section" {
		t.Fatalf("first match selected: %q, %q", got, f.status.Text)
	}
	f.what.SetText("alph")
	if f.status.Text != "" {
		t.Fatalf("the status still says %q for another search", f.status.Text)
	}
	f.what.SetText("alpha")
	s.src.SetCursorOffset(0)
	f.next()
	f.replace()
	// The match's initial capital stays, as in a word processor.
	if got := s.src.Text(); got != "Delta beta alpha gamma alpha." {
		t.Fatalf("after replace: %q", got)
	}
	if got := s.src.SelectedText(); got != "alpha" || s.src.CursorOffset() != len("Delta beta alpha") {
		t.Fatalf("next match: %q at %d", got, s.src.CursorOffset())
	}
	f.wholeCase.SetChecked(true)
	f.replaceAll()
	if got := s.src.Text(); got != "Delta beta delta gamma delta." || f.status.Text != "2 replacements" {
		t.Fatalf("replace all: %q, %q", got, f.status.Text)
	}
	if b := *h.doc().Sections[2].Body; b != "Delta beta delta gamma delta." {
		t.Errorf("the packet holds %q", b)
	}
}

// With Match case off, a replacement takes the capitals of what it
// replaces, as in a word processor: "Carbon dioxide" at the start of a
// bullet stays capitalised (it became lower case), capitals stay
// capitals, and text in lower case gets the replacement as typed.
func TestReplaceAllKeepsTheMatchsCapitals(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "")
	setSource(s, "- Carbon dioxide rises.\n- Less carbon dioxide.\n\nCARBON DIOXIDE LEVELS")
	f := s.find
	f.open()
	f.what.SetText("carbon dioxide")
	f.with.SetText("carbon dioxide (CO2)")
	f.replaceAll()
	want := "- Carbon dioxide (CO2) rises.\n- Less carbon dioxide (CO2).\n\nCARBON DIOXIDE (CO2) LEVELS"
	if got := s.src.Text(); got != want {
		t.Errorf("replace all:\n got %q\nwant %q", got, want)
	}
	// Across the packet too.
	setSource(s, "Carbon dioxide.")
	f.what.SetText("carbon dioxide (CO2)")
	f.scope.SetSelected(scopePacket)
	f.what.SetText("carbon dioxide")
	f.with.SetText("CO2")
	f.replaceAll()
	if got := *h.doc().Sections[2].Body; got != "CO2." {
		t.Errorf("across the packet: %q", got)
	}
	// Match case on: the replacement exactly as typed.
	setSource(s, "Carbon dioxide.")
	f.wholeCase.SetChecked(true)
	f.what.SetText("Carbon dioxide")
	f.with.SetText("carbon dioxide")
	f.replaceAll()
	if got := *h.doc().Sections[2].Body; got != "carbon dioxide." {
		t.Errorf("with Match case: %q", got)
	}
}

func TestReplaceAllAcrossThePacketIsOneUndo(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(0)
	shown := func(i int) string {
		text, _ := h.w.section.shownAt(i, briefing.FieldsOf(h.w.lib, h.doc()))
		return text
	}
	before := make([]string, len(h.doc().Sections))
	for i := range before {
		before[i] = shown(i)
	}
	f := h.w.section.find
	f.open()
	f.scope.SetSelected(scopePacket)
	f.what.SetText("agencies")
	f.with.SetText("departments")
	f.replaceAll()
	n := 0
	for i, b := range before {
		n += strings.Count(strings.ToLower(b), "agencies")
		if got := shown(i); strings.Contains(strings.ToLower(got), "agencies") {
			t.Errorf("section %d still says agencies", i+1)
		}
	}
	if n < 3 || !strings.HasPrefix(f.status.Text, plural(n, "replacement")) {
		t.Fatalf("%d in the text, status %q", n, f.status.Text)
	}
	// Fields survive: the summary still fills its order number.
	if b := h.doc().Sections[0].Body; b == nil || !strings.Contains(*b, "{{.order_number}}") {
		t.Errorf("the summary lost its field: %v", b)
	}
	h.w.onUndo()
	for i, b := range before {
		if got := shown(i); got != b {
			t.Errorf("section %d after undo differs", i+1)
		}
	}
	// Next goes on into the following sections.
	f.what.SetText("developers")
	h.w.selectSection(0)
	h.w.section.src.SetCursorOffset(len([]rune(h.w.section.src.Text())))
	f.next()
	if h.w.doc.selectedIndex() == 0 || !strings.EqualFold(h.w.section.src.SelectedText(), "developers") {
		t.Errorf("next from the end of section 1: section %d, selection %q", h.w.doc.selectedIndex()+1, h.w.section.src.SelectedText())
	}
}

func TestWholeWordsLeavesPartsOfWordsAlone(t *testing.T) {
	h := newHarness(t, nil)
	s := setPlainBody(h, 2, "Water vapor rises; evaporation makes vapor. Évapor stays, vapors too.")
	f := s.find
	f.open()
	f.what.SetText("vapor")
	f.with.SetText("vapour")
	f.replaceAll()
	if got := s.src.Text(); got != "Water vapour rises; evaporation makes vapour. Évapor stays, vapors too." || f.status.Text != "2 replacements" {
		t.Fatalf("whole words: %q, %q", got, f.status.Text)
	}
	f.wholeWords.SetChecked(false)
	f.what.SetText("apor")
	f.with.SetText("APOR")
	f.replaceAll()
	if got := s.src.Text(); got != "Water vapour rises; evAPORation makes vapour. ÉvAPOR stays, vAPORs too." {
		t.Fatalf("parts of words: %q", got)
	}
}

// Replace All never rewrites a field's name: replacing "order" with
// "directive" across the staff memo turned "[Executive order number]"
// into "[Executive directive number]", which names no field and was
// printed as it stood (a fresh-eyes trial found it in the PDF). Sections
// this document leaves out keep their text (they became the packet's own
// copies and raised warnings).
func TestReplaceAllLeavesFieldNamesAlone(t *testing.T) {
	h := newHarness(t, nil)
	p := h.doc()
	p.Sections = append(p.Sections, briefing.SectionRef{Template: "glossary", Included: true}) // a classroom section
	h.w.setDocument(h.w.newDocument(p, ""))
	h.w.selectSection(0)
	before := briefing.Validate(h.w.lib, h.doc(), "x")
	f := h.w.section.find
	f.open()
	f.scope.SetSelected(scopePacket)
	f.what.SetText("order")
	f.with.SetText("directive")
	f.replaceAll()
	fields := briefing.FieldsOf(h.w.lib, h.doc())
	shown, _ := h.w.section.shownAt(0, fields)
	if !strings.Contains(shown, "[Executive order number]") || strings.Contains(shown, "[Executive directive number]") {
		t.Errorf("the field's name was replaced: %q", shown)
	}
	if !strings.Contains(shown, "executive directive on AI security") {
		t.Errorf("the text around the field was not replaced: %q", shown)
	}
	body := *h.doc().Sections[0].Body
	if !strings.Contains(body, "{{.order_number}}") {
		t.Errorf("the stored text lost its field: %q", body)
	}
	after := briefing.Validate(h.w.lib, h.doc(), "x")
	if len(after.Errors()) > len(before.Errors()) || len(after) > len(before) {
		t.Errorf("Replace All added problems:\nbefore %v\nafter %v", before, after)
	}
	last := len(h.doc().Sections) - 1
	if h.doc().Sections[last].Body != nil {
		t.Error("a section the memo leaves out was given its own copy")
	}
	if !strings.Contains(f.status.Text, "not printed in this staff memo left as they were") {
		t.Errorf("the status %q does not say what was left", f.status.Text)
	}
}

// Esc in the Find bar closes it and gives the keyboard back to the text,
// as Word's and a browser's find bar do.
func TestEscClosesTheFindBar(t *testing.T) {
	h := newRichHarness(t)
	h.w.selectSection(0)
	f := h.w.section.find
	f.open()
	if h.w.win.Canvas().Focused() != f.what {
		t.Fatal("Find has not the keyboard")
	}
	f.what.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.content.Visible() || h.w.win.Canvas().Focused() != h.w.section.rich {
		t.Errorf("after Esc: bar shown %v, keyboard in %T", f.content.Visible(), h.w.win.Canvas().Focused())
	}
}

// A long status wraps rather than widening the Find bar, and with it
// the window (it grew by the width of "… double-click its number to
// edit").
func TestALongFindStatusWraps(t *testing.T) {
	h := newRichHarness(t)
	f := h.w.section.find
	f.open()
	f.status.SetText("")
	width := f.content.MinSize().Width
	f.status.SetText("Match 12 of 34 in this section, in footnote 12: double-click its number to edit")
	if got := f.content.MinSize().Width; got > width {
		t.Errorf("the Find bar grew from %v to %v wide", width, got)
	}
}
