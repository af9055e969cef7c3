package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Find and Replace in the formatted view work on the text as the user
// sees it (editor.ShownText): a match is selected in the formatted text
// while the keyboard stays in the Find box, and a replacement goes into
// the model as literal text, stored as canonical Markdown like any edit.
// Fields and other chips, and boxes, are one step no query matches, so a
// search never changes part of a field's label (as in the source, where
// a field's name is left alone) nor finds text inside a table.

// searched is the section's text as the view showing it searches it,
// the cursor as a rune offset into it, and the fields whose labels are
// left alone in it: the source's plain form, or the formatted text,
// where fields are chips and need no such care.
func (f *findBar) searched(fields briefing.Fields) (text string, cursor int, fs briefing.Fields) {
	s := f.s
	if s.richOn() {
		return s.rich.ShownText(), s.rich.CursorOffset(), briefing.Fields{}
	}
	return s.shownText(), s.cursor(), fields
}

// runeRange is the byte range m of text as rune offsets.
func runeRange(text string, m []int) [2]int {
	a := utf8.RuneCountInString(text[:m[0]])
	return [2]int{a, a + utf8.RuneCountInString(text[m[0]:m[1]])}
}

// selectIn selects the match m (a byte range of text, as searched
// returned it) in the view that shows the section.
func (f *findBar) selectIn(text string, m []int) {
	r := runeRange(text, m)
	if f.s.richOn() {
		f.s.rich.SelectRange(r[0], r[1])
		f.status.SetText("")
		return
	}
	f.selectMatch(r[0], r[1]-r[0])
}

// replaceRich replaces the selection in the formatted text when it is a
// match: text only, never a chip whose label reads like one.
func (f *findBar) replaceRich(re *regexp.Regexp) {
	from, to := f.s.rich.SelectionRange()
	shown := []rune(f.s.rich.ShownText())
	if from == to || to > len(shown) {
		return
	}
	sel := string(shown[from:to])
	if re.FindString(sel) != sel || len(f.matches(re, sel, briefing.Fields{})) != 1 {
		return
	}
	with := replaceMatches(sel, [][]int{{0, len(sel)}}, f.with.Text, !f.wholeCase.Checked)
	f.ownStep(func() { f.s.rich.ReplaceRanges([][2]int{{from, to}}, []string{with}) })
}

// ownStep makes an edit from the bar an undo step of the packet's own:
// the editor stores each change as typing, which would join the typing
// before it and after it into one step.
func (f *findBar) ownStep(edit func()) {
	d := f.s.w.doc
	d.burst = ""
	edit()
	d.burst = ""
}

// replaceAllRich replaces every match in the formatted text as one undo
// step and returns how many it replaced.
func (f *findBar) replaceAllRich(re *regexp.Regexp) int {
	text := f.s.rich.ShownText()
	ms := f.matches(re, text, briefing.Fields{})
	if len(ms) == 0 {
		return 0
	}
	ranges := make([][2]int, len(ms))
	with := make([]string, len(ms))
	for i, m := range ms {
		ranges[i] = runeRange(text, m)
		with[i] = replaceMatches(text[m[0]:m[1]], [][]int{{0, m[1] - m[0]}}, f.with.Text, !f.wholeCase.Checked)
	}
	f.ownStep(func() { f.s.rich.ReplaceRanges(ranges, with) })
	return len(ms)
}

// hit is where Find found a match in the formatted text: a run of its
// steps, or a box whose words hold one (selected whole).
type hit struct {
	from, to int
	box      string // the box's kind, "" for a match in the text
}

// nextRich selects the next match at or after the cursor (step cur) in
// the formatted text — in its words or inside a box — and reports
// whether there was one. Inside a call-out, a glossary or a note the
// words are not shown a step at a time, so the box is selected and the
// status says where the match is and how to edit it.
func (f *findBar) nextRich(re *regexp.Regexp, text string, cur int) bool {
	var hits []hit
	for _, m := range f.matches(re, text, briefing.Fields{}) {
		r := runeRange(text, m)
		hits = append(hits, hit{r[0], r[1], ""})
	}
	for _, b := range f.s.rich.Boxes() {
		if len(f.matches(re, boxWords(b.Block), briefing.Fields{})) > 0 {
			hits = append(hits, hit{b.Offset, b.Offset + 1, boxKind(b.Block)})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.from - b.from })
	for i, h := range hits {
		if h.from < cur {
			continue
		}
		f.s.rich.SelectRange(h.from, h.to)
		where := "in this section"
		if h.box != "" {
			where = "in this section, inside " + h.box + ": double-click it to edit"
		}
		f.status.SetText(fmt.Sprintf("Match %s of %s %s", groupDigits(i+1), groupDigits(len(hits)), where))
		return true
	}
	return false
}

// anyInBoxes reports whether a box of the formatted text holds a match.
func (f *findBar) anyInBoxes(re *regexp.Regexp) bool {
	for _, b := range f.s.rich.Boxes() {
		if len(f.matches(re, boxWords(b.Block), briefing.Fields{})) > 0 {
			return true
		}
	}
	return false
}

// boxWords are a box's words as a reader sees them, a line each.
func boxWords(b sectiontext.Block) string {
	return strings.Join(plainLines(sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{b}})), "\n")
}

// boxKind is how a box is named in Find's status.
func boxKind(b sectiontext.Block) string {
	switch b.(type) {
	case sectiontext.Callout:
		return "a call-out"
	case sectiontext.Glossary:
		return "the glossary"
	case sectiontext.Quote:
		return "a quote"
	case sectiontext.CodeBlock:
		return "code"
	case sectiontext.Table:
		return "a table"
	}
	return "a box"
}
