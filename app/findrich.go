package app

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Find and Replace in the formatted view work on the text as the user
// sees it (editor.ShownText): a match is selected in the formatted text
// while the keyboard stays in the Find box, and a replacement goes into
// the model as literal text, stored as canonical Markdown like any edit.
// Fields and other chips are one step no query matches, so a search
// never changes part of a field's label (as in the source, where a
// field's name is left alone). The words inside boxes and in the notes
// under the text are searched after them (findinside.go).

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
	with := f.replacement(sel)
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

// replaceAllRich replaces every match in the formatted text — in its
// words, inside its boxes and in its notes — as one undo step and
// returns how many it replaced.
func (f *findBar) replaceAllRich(re *regexp.Regexp) int {
	fd := findIn(f.s.rich, true)
	ms := f.matches(re, fd.text, briefing.Fields{})
	with := make([]string, len(ms))
	for i, m := range ms {
		with[i] = f.replacement(fd.text[m[0]:m[1]])
	}
	c, n := fd.changes(ms, with)
	if n > 0 {
		f.ownStep(func() { f.s.rich.Apply(c) })
	}
	return n
}

// replacement is what replaces the match found: the Replace box's text,
// in its capitals unless case is matched (see caseLike).
func (f *findBar) replacement(found string) string {
	return replaceMatches(found, [][]int{{0, len(found)}}, f.with.Text, !f.wholeCase.Checked)
}

// hit is a match Find found in the formatted text: the steps it selects
// (the match, or the box or the note's number that holds it), where it
// comes in reading order (ord, then at, its byte offset in found.text:
// a box's matches one after another at the box, the notes' after the
// text), and where says where it is when not in the text itself.
type hit struct {
	from, to int
	ord, at  int
	where    string
}

// richHits are the matches of re in the formatted text, in reading
// order: a match inside a box or a note selects the box or the note's
// number, since its words are not shown a step at a time.
func (f *findBar) richHits(re *regexp.Regexp, fd found) []hit {
	shown := fd.parts[0]
	steps := runeLen(fd.text[shown.from:shown.to])
	boxAt := map[int]bool{}
	for _, p := range fd.parts {
		if p.box != nil {
			boxAt[p.box.Offset] = true
		}
	}
	var hits []hit
	k := 0
	for _, m := range f.matches(re, fd.text, briefing.Fields{}) {
		for k < len(fd.parts) && fd.parts[k].to < m[1] {
			k++
		}
		if k == len(fd.parts) || m[0] < fd.parts[k].from {
			continue
		}
		switch p := fd.parts[k]; {
		case p.box != nil:
			hits = append(hits, hit{p.box.Offset, p.box.Offset + 1, p.box.Offset, m[0], boxWhere(p.box.Block)})
		case p.note != nil:
			how := "double-click its number to edit"
			if boxAt[p.note.Offset] {
				how = "double-click it under the text to edit"
			}
			hits = append(hits, hit{p.note.Offset, p.note.Offset + 1, steps + k, m[0], "in footnote " + p.note.Label + ": " + how})
		default:
			r := runeRange(fd.text, m)
			hits = append(hits, hit{r[0], r[1], r[0], m[0], ""})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(a.ord-b.ord, a.at-b.at) })
	return hits
}

// nextRich selects the next match in the formatted text and reports
// whether there was one: after the match Find selected last while it is
// still selected (and resume is set), else at or after step cur. The
// status says which match it is, and for one inside a box or a note,
// where it is and how to edit it.
func (f *findBar) nextRich(re *regexp.Regexp, cur int, resume bool) bool {
	hits := f.richHits(re, findIn(f.s.rich, true))
	from := [2]int{cur, -1}
	if resume && f.stillShown() {
		from = f.resume
	}
	for i, h := range hits {
		if h.ord < from[0] || h.ord == from[0] && h.at < from[1] {
			continue
		}
		f.s.rich.SelectRange(h.from, h.to)
		where := "in this section"
		if h.where != "" {
			where += ", " + h.where
		}
		f.status.SetText(fmt.Sprintf("Match %s of %s %s", groupDigits(i+1), groupDigits(len(hits)), where))
		f.shown, f.shownKey, f.shownVersion = &h, f.s.key, f.s.w.doc.version
		f.resume = [2]int{h.ord, h.at + 1}
		return true
	}
	return false
}

// stillShown reports whether the match Find selected last is selected
// still, in the text it was found in.
func (f *findBar) stillShown() bool {
	if f.shown == nil || f.shownKey != f.s.key || f.shownVersion != f.s.w.doc.version {
		return false
	}
	from, to := f.s.rich.SelectionRange()
	return from == f.shown.from && to == f.shown.to
}

// replaceInside replaces the match Find selected last when it lies
// inside a box or a note, as one undo step, the box or note kept what
// it is, and reports whether it was one: Next then goes on after the
// replacement, in the same box or note when it holds more.
func (f *findBar) replaceInside(re *regexp.Regexp) bool {
	if !f.stillShown() || f.shown.where == "" {
		return false
	}
	fd := findIn(f.s.rich, true)
	for _, m := range f.matches(re, fd.text, briefing.Fields{}) {
		if m[0] != f.shown.at {
			continue
		}
		with := f.replacement(fd.text[m[0]:m[1]])
		if c, n := fd.changes([][]int{m}, []string{with}); n > 0 {
			f.ownStep(func() { f.s.rich.Apply(c) })
			f.shownVersion = f.s.w.doc.version
			f.resume = [2]int{f.shown.ord, m[0] + len(with)}
		}
		break
	}
	return true
}

// anyRich reports whether the formatted text holds a match anywhere.
func (f *findBar) anyRich(re *regexp.Regexp) bool {
	return len(f.richHits(re, findIn(f.s.rich, true))) > 0
}

// boxWhere says which box a match is inside and how to edit it.
func boxWhere(b sectiontext.Block) string {
	switch b.(type) {
	case sectiontext.Callout:
		return "inside a call-out: double-click it to edit"
	case sectiontext.Glossary:
		return "inside the glossary: double-click it to edit"
	case sectiontext.Quote:
		return "inside a quote: double-click it to edit"
	case sectiontext.CodeBlock:
		return "inside code: double-click it to edit"
	case sectiontext.List:
		// Its items hold boxes, so it is one box with no editor.
		return "inside a list of boxes"
	}
	return "inside a box: double-click it to edit"
}
