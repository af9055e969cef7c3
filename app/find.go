package app

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// findBar finds and replaces text in the section being edited or in the
// whole packet: section titles and text as the editor shows them (plain
// form), so a search for "[Prepared for]" finds the field. It is a bar
// over the editor rather than a dialog, so the text stays visible and
// editable while searching.
type findBar struct {
	s         *sectionPanel
	what      *findEntry
	with      *findEntry
	wholeCase *widget.Check
	// wholeWords finds "vapor" but not the "vapor" in "evaporation": on
	// by default, since Replace All across a packet would otherwise
	// change parts of words nobody looked at.
	wholeWords *widget.Check
	scope      *widget.RadioGroup
	status     *widget.Label
	content    *fyne.Container
	// wrapping is set while Find Next goes round to the section's start.
	wrapping bool
	// shown is the match Find selected last in the formatted text, in
	// the section and version of it shownKey and shownVersion say:
	// while it stays selected, Next goes on from resume (a box or a
	// note holds all its matches at one step) and Replace replaces it.
	shown        *hit
	shownKey     sectionKey
	shownVersion int64
	resume       [2]int
}

// Scopes of a search, as the bar names them.
const (
	scopeSection = "This section"
	scopePacket  = "Whole packet"
)

func newFindBar(s *sectionPanel) *findBar {
	f := &findBar{s: s}
	f.what = newFindEntry(f)
	f.what.SetPlaceHolder("Find")
	f.what.OnSubmitted = func(string) { f.next() }
	// A count or "Not found." is about the text searched for before.
	f.what.OnChanged = func(string) { f.status.SetText("") }
	f.with = newFindEntry(f)
	f.with.SetPlaceHolder("Replace with")
	f.wholeCase = widget.NewCheck("Match case", nil)
	f.wholeWords = widget.NewCheck("Whole words", nil)
	f.wholeWords.SetChecked(true)
	f.scope = widget.NewRadioGroup([]string{scopeSection, scopePacket}, nil)
	f.scope.Horizontal = true
	f.scope.SetSelected(scopeSection)
	f.status = widget.NewLabel("")
	// A long status ("… in footnote 2: double-click its number to
	// edit") wraps beside the scope: in a row of its own width it
	// widened the window.
	f.status.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	closeBtn.Importance = widget.LowImportance
	buttons := container.NewHBox(widget.NewButton("Next", f.next), widget.NewButton("Replace", f.replace),
		widget.NewButton("Replace All", f.replaceAll), closeBtn)
	f.content = container.NewVBox(container.NewGridWithColumns(2, f.what, f.with), buttons,
		container.NewHBox(f.wholeWords, f.wholeCase), container.NewBorder(nil, nil, f.scope, nil, f.status))
	f.content.Hide()
	return f
}

// open shows the bar with the selection, if any, as what to find.
func (f *findBar) open() {
	if sel := f.s.selectedText(); sel != "" && !strings.Contains(sel, "\n") {
		f.what.SetText(sel)
	}
	f.content.Show()
	// The section stays as it is shown — formatted text, or the source
	// with View › Markdown Source — and matches are selected there.
	f.status.SetText("")
	if c := f.s.w.win.Canvas(); c != nil {
		c.Focus(f.what)
	}
}

// findEntry is a field of the Find bar: Esc closes the bar and gives the
// keyboard back to the text, as Word's and every browser's find bar do
// (it stayed open, the field keeping Esc to itself).
type findEntry struct {
	widget.Entry
	bar *findBar
}

func newFindEntry(f *findBar) *findEntry {
	e := &findEntry{bar: f}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the bar on Esc.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.bar.close()
		return
	}
	e.Entry.TypedKey(k)
}

func (f *findBar) close() {
	f.content.Hide()
	f.s.show()
	f.s.focusBody()
}

// pattern is what to find as a regular expression, nil when empty.
func (f *findBar) pattern() *regexp.Regexp {
	if f.what.Text == "" {
		return nil
	}
	p := regexp.QuoteMeta(f.what.Text)
	if !f.wholeCase.Checked {
		p = "(?i)" + p
	}
	return regexp.MustCompile(p)
}

// isWordRune is a letter or digit: a whole word starts and ends there.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// matches are the byte ranges of the matches of re in text, only whole
// words when the bar asks: no letter or digit just before or after.
// (Go's \b knows only ASCII letters, so "évaporer" would match "vapor".)
//
// A match inside a field's name ("order" in "[Executive order number]")
// is no match: replaced, the label would name no field and be printed as
// it stands. fields names the packet's fields.
func (f *findBar) matches(re *regexp.Regexp, text string, fields briefing.Fields) [][]int {
	all := re.FindAllStringIndex(text, -1)
	if spans := fields.LabelSpans(text); len(spans) > 0 {
		kept := all[:0]
		k := 0
		for _, m := range all {
			for k < len(spans) && spans[k][1] <= m[0] {
				k++
			}
			if k < len(spans) && spans[k][0] < m[1] {
				continue // overlaps a field's name
			}
			kept = append(kept, m)
		}
		all = kept
	}
	if !f.wholeWords.Checked {
		return all
	}
	var out [][]int
	for _, m := range all {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		after, _ := utf8.DecodeRuneInString(text[m[1]:])
		first, _ := utf8.DecodeRuneInString(text[m[0]:m[1]])
		last, _ := utf8.DecodeLastRuneInString(text[m[0]:m[1]])
		if (isWordRune(first) && m[0] > 0 && isWordRune(before)) || (isWordRune(last) && m[1] < len(text) && isWordRune(after)) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// replaceMatches replaces ms in text with with; keepCase gives each
// replacement the capitals of the text it replaces (see caseLike).
func replaceMatches(text string, ms [][]int, with string, keepCase bool) string {
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(text[at:m[0]])
		if keepCase {
			b.WriteString(caseLike(text[m[0]:m[1]], with))
		} else {
			b.WriteString(with)
		}
		at = m[1]
	}
	b.WriteString(text[at:])
	return b.String()
}

// caseLike is with in the capitals of found, as word processors replace
// when case is not matched: a match in capitals throughout gets the
// replacement in capitals, a match with an initial capital (the start of
// a sentence or a bullet) gets the replacement with one; otherwise the
// replacement stays as typed. Replacing "carbon dioxide" by "carbon
// dioxide (CO2)" turned "Carbon dioxide" at the start of a bullet into
// lower case.
func caseLike(found, with string) string {
	upper, lower := 0, 0
	for _, r := range found {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	first, _ := utf8.DecodeRuneInString(found)
	switch {
	case upper >= 2 && lower == 0:
		return strings.ToUpper(with)
	case unicode.IsUpper(first):
		w, n := utf8.DecodeRuneInString(with)
		return string(unicode.ToUpper(w)) + with[n:]
	}
	return with
}

// next selects the next match after the cursor: in this section, then,
// for the whole packet, in the sections after it (going round to the
// first).
func (f *findBar) next() {
	re := f.pattern()
	if re == nil {
		f.open()
		return
	}
	s := f.s
	fields := briefing.FieldsOf(s.w.lib, s.w.doc.packet)
	if s.editable() && s.richOn() {
		// The notes come after the text: past the last match, Next goes
		// on into the next section or round, not back into the text.
		if f.nextRich(re, s.rich.CursorOffset(), true) {
			return
		}
	} else if s.editable() {
		text, cur, fs := f.searched(fields)
		from := byteOffset(text, cur)
		ms := f.matches(re, text, fs)
		for i, m := range ms {
			if m[0] >= from {
				f.selectIn(text, m)
				// The field shows its selection only while it has the
				// keyboard, which stays in the Find box for the next
				// Enter: the count says which match is selected.
				f.status.SetText(fmt.Sprintf("Match %s of %s in this section", groupDigits(i+1), groupDigits(len(ms))))
				return
			}
		}
	}
	if f.scope.Selected == scopePacket {
		n := len(s.w.doc.packet.Sections)
		cur := s.w.doc.selectedIndex()
		for k := 1; k <= n; k++ {
			i := (cur + k + n) % n
			plain, _ := f.s.shownAt(i, fields)
			if ms := f.matches(re, plain, fields); len(ms) > 0 {
				s.w.selectSection(i)
				// Found again in the text as the section now shows it.
				text, _, fs := f.searched(fields)
				if s.richOn() && f.nextRich(re, 0, false) {
					return
				}
				if ms := f.matches(re, text, fs); len(ms) > 0 {
					f.selectIn(text, ms[0])
					return
				}
			}
		}
	} else if text, _, fs := f.searched(fields); s.editable() && (len(f.matches(re, text, fs)) > 0 || s.richOn() && f.anyRich(re)) {
		// Go round to the start of the section, once: a match the
		// search sees but cannot select must not send it round forever.
		if !f.wrapping {
			if s.richOn() {
				s.rich.SetCursorOffset(0)
			} else {
				s.src.SetCursorOffset(0)
			}
			f.wrapping = true
			f.next()
			f.wrapping = false
			return
		}
	}
	f.status.SetText("Not found.")
}

// selectMatch selects n runes of the source from rune offset start;
// the selection shows while the keyboard stays in the Find box.
func (f *findBar) selectMatch(start, n int) {
	f.s.src.SelectRange(start, start+n)
	f.status.SetText("")
}

// replace replaces the selected match and finds the next.
func (f *findBar) replace() {
	re := f.pattern()
	if re == nil {
		return
	}
	fields := briefing.FieldsOf(f.s.w.lib, f.s.w.doc.packet)
	if f.s.richOn() {
		if !f.replaceInside(re) {
			f.replaceRich(re)
		}
	} else if sel := f.s.src.SelectedText(); sel != "" && re.FindString(sel) == sel && len(f.matches(re, sel, fields)) == 1 {
		// As in the formatted view: the match replaced in place, not
		// pasted (a paste on the line under a list would be moved off
		// it), an empty replacement deleting it.
		from, to := f.s.src.SelectionRange()
		f.s.src.ReplaceRanges([][2]int{{from, to}}, []string{replaceMatches(sel, [][]int{{0, len(sel)}}, f.with.Text, !f.wholeCase.Checked)})
	}
	f.next()
}

// replaceAll replaces every match in scope as one undoable edit, and
// says how many it replaced where.
func (f *findBar) replaceAll() {
	re := f.pattern()
	if re == nil {
		return
	}
	with := f.with.Text
	w := f.s.w
	fields := briefing.FieldsOf(w.lib, w.doc.packet)
	if f.scope.Selected != scopePacket {
		if !f.s.editable() {
			return
		}
		if f.s.richOn() {
			f.status.SetText(plural(f.replaceAllRich(re), "replacement"))
			return
		}
		text := f.s.shownText()
		ms := f.matches(re, text, fields)
		n := len(ms)
		if n > 0 {
			// The cursor stays where it was (as near as the new text
			// allows), not at the top of a long section.
			replaced := replaceMatches(text, ms, with, !f.wholeCase.Checked)
			f.s.setBodyText(replaced, min(f.s.cursor(), utf8.RuneCountInString(replaced)))
		}
		f.status.SetText(plural(n, "replacement"))
		return
	}
	bodies, titles := map[int]string{}, map[int]string{}
	count, sections, skipped := 0, 0, 0
	for i := range w.doc.packet.Sections {
		if !briefing.Printed(w.lib, w.doc.packet, i) {
			// A section this document leaves out keeps its text: made
			// the packet's own copy, it would only raise warnings.
			skipped++
			continue
		}
		hits := 0
		shown, plain := f.s.shownAt(i, fields)
		if ms := f.matches(re, shown, fields); len(ms) > 0 {
			hits += len(ms)
			replaced := replaceMatches(shown, ms, with, !f.wholeCase.Checked)
			if plain {
				replaced = fields.FromPlain(replaced)
			}
			bodies[i] = replaced
		}
		title := f.s.titleAt(i)
		if ms := f.matches(re, title, fields); len(ms) > 0 {
			hits += len(ms)
			titles[i] = replaceMatches(title, ms, with, !f.wholeCase.Checked)
		}
		if hits > 0 {
			count, sections = count+hits, sections+1
		}
	}
	if count > 0 {
		w.doc.replaceTexts(bodies, titles)
	}
	msg := fmt.Sprintf("%s in %s", plural(count, "replacement"), plural(sections, "section"))
	if skipped > 0 {
		msg += fmt.Sprintf("; %s not printed in this %s left as they were", plural(skipped, "section"), w.doc.packet.Audience.Label())
	}
	f.status.SetText(msg)
}
