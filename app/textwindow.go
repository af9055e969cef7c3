package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A long section is edited a part at a time. Fyne 2.7's word-wrapped
// entry redraws every wrapped row on every keystroke and, for each row,
// copies the whole text (fyne-io/fyne#5297): a keystroke in a
// 20,000-word text took most of a second and filling the field with it
// several seconds. So the field holds only the paragraphs around the
// cursor (the window); the text before and after it is kept beside the
// field and joined back whole whenever the section is stored. The
// window follows the cursor: the arrow and page keys move it on at its
// ends, Go to Start and Go to End, Find and the buttons above and below
// the field move it anywhere.
const (
	// windowFrom is the length (in bytes, at least as many as runes)
	// from which a text is edited a part at a time: about 2,000 words.
	windowFrom = 12000
	// windowSpan is about how much of the text the field holds.
	windowSpan = 8000
)

// textWindow is what of a long text the body field shows: above and
// below are the text before and after the field's.
type textWindow struct {
	above, below string
	// aboveRunes is above's length in runes, the offset of the field's
	// first rune in the whole text.
	aboveRunes int
	earlier    *widget.Button
	later      *widget.Button
}

func newTextWindow(s *sectionPanel) *textWindow {
	t := &textWindow{}
	t.earlier = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.moveWindow(t.aboveRunes, windowSpan-windowSpan/8, true) })
	t.later = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
		s.moveWindow(t.aboveRunes+utf8.RuneCountInString(s.body.Text), windowSpan/8, true)
	})
	t.earlier.Alignment, t.later.Alignment = widget.ButtonAlignLeading, widget.ButtonAlignLeading
	t.earlier.Hide()
	t.later.Hide()
	return t
}

// windowBounds is the byte range [a, b) of text the field shows to put
// rune offset pos in view with about lead bytes of text before it: cut
// where a paragraph ends if one is near, else where a line ends, else
// between words, else between letters. A text shorter than windowFrom
// is shown whole.
func windowBounds(text string, pos, lead int) (a, b int) {
	if len(text) < windowFrom {
		return 0, len(text)
	}
	p := byteOffset(text, pos)
	a = breakBefore(text, max(p-lead, 0))
	if a < windowSpan/4 {
		a = 0
	}
	b = len(text)
	if end := max(a+windowSpan, p); end < len(text)-windowSpan/4 {
		b = breakAfter(text, end)
	}
	return a, b
}

// breakBefore is where, at or before at, a window may start: just after
// a blank line, a line end or a space within windowSpan/2 bytes.
func breakBefore(text string, at int) int {
	lo := max(at-windowSpan/2, 0)
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(text[lo:at], sep); i >= 0 {
			return lo + i + len(sep)
		}
	}
	for at > 0 && !utf8.RuneStart(text[at]) {
		at--
	}
	return at
}

// breakAfter is where, at or after at, a window may end: just after a
// blank line, a line end or a space within windowSpan/2 bytes. The field
// keeps the break, so its last paragraph is not at the end of its text,
// where Fyne's entry misplaces a space typed at a wrap (see bodyEntry).
func breakAfter(text string, at int) int {
	hi := min(at+windowSpan/2, len(text))
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.Index(text[at:hi], sep); i >= 0 {
			return at + i + len(sep)
		}
	}
	for at < len(text) && !utf8.RuneStart(text[at]) {
		at++
	}
	return at
}

// byteOffset is the byte offset of rune offset pos in text (its end if
// pos is past it).
func byteOffset(text string, pos int) int {
	for i := range text {
		if pos <= 0 {
			return i
		}
		pos--
	}
	return len(text)
}

// firstDifference is the rune offset where a and b first differ.
func firstDifference(a, b string) int {
	n := 0
	for i, r := range a {
		if i >= len(b) || !strings.HasPrefix(b[i:], string(r)) {
			return n
		}
		n++
	}
	return n
}

// shownText is the whole section text as the editor shows it: the field's
// text with what lies above and below its window.
func (s *sectionPanel) shownText() string {
	if s.win.above == "" && s.win.below == "" {
		return s.body.Text
	}
	return s.win.above + s.body.Text + s.win.below
}

// cursor is the cursor's rune offset in the whole section text.
func (s *sectionPanel) cursor() int {
	return s.win.aboveRunes + min(max(s.body.CursorTextOffset(), 0), utf8.RuneCountInString(s.body.Text))
}

// placeText shows text in the field, or the part of it around rune
// offset pos with lead bytes before it, and puts the cursor at pos. It
// records no edit (the caller does, or is showing what is stored).
func (s *sectionPanel) placeText(text string, pos, lead int) {
	a, b := windowBounds(text, pos, lead)
	s.fill(text, a, b, pos)
}

// fill puts text[a:b] in the field, keeps the rest beside it, and puts
// the cursor at rune offset pos of text.
func (s *sectionPanel) fill(text string, a, b, pos int) {
	t := s.win
	t.above, t.below = text[:a], text[b:]
	t.aboveRunes = utf8.RuneCountInString(t.above)
	was := s.showing
	s.showing = true
	if s.body.Text != text[a:b] {
		s.body.SetText(text[a:b])
	}
	s.bodyText = s.body.Text
	s.showing = was
	setCursorOffset(&s.body.Entry, pos-t.aboveRunes)
	whole := t.above == "" && t.below == ""
	t.label(t.earlier, "Earlier text", "Start of the section", t.above, whole)
	t.label(t.later, "Later text", "End of the section", t.below, whole)
}

// label names on b how much text it brings into the field, or says
// there is none that way (b then does nothing). A text shown whole has
// neither button; a long one keeps both, so the field does not move as
// the window does.
func (t *textWindow) label(b *widget.Button, what, none, text string, whole bool) {
	switch {
	case whole:
		b.Hide()
		return
	case text == "":
		b.SetText(none)
		b.Disable()
	default:
		b.SetText(fmt.Sprintf("%s: %s words", what, groupDigits(len(strings.Fields(text)))))
		b.Enable()
	}
	b.Show()
}

// groupDigits writes n with a comma between each three digits, as a
// word count reads: 19,380.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// moveWindow puts the cursor at rune offset pos of the section text,
// showing the part around it with lead bytes before it, and gives the
// field the keyboard when focus is set (Find keeps it in its own box).
func (s *sectionPanel) moveWindow(pos, lead int, focus bool) {
	if s.body.Disabled() {
		return
	}
	s.placeText(s.shownText(), pos, lead)
	if focus {
		s.focusBody()
	}
}

// atEdge moves the window on before key k would take the cursor past
// the field's first or last row (or letter) while there is more text
// that way, so the arrow, page and delete keys go on through the whole
// section: the key then does what it does in one long text.
func (s *sectionPanel) atEdge(k fyne.KeyName) {
	e := &s.body.Entry
	t := s.win
	if e.SelectedText() != "" || (t.above == "" && t.below == "") {
		// Moving the window ends a selection; Shift and the arrows select
		// within the part shown.
		return
	}
	var edge bool
	switch k {
	case fyne.KeyUp:
		edge = t.above != "" && e.CursorRow == 0
	case fyne.KeyPageUp:
		edge = t.above != "" && e.CursorRow < pageRows(e)
	case fyne.KeyLeft, fyne.KeyBackspace:
		edge = t.above != "" && e.CursorTextOffset() <= 0
	case fyne.KeyDown:
		edge = t.below != "" && !rowExists(e, e.CursorRow+1)
	case fyne.KeyPageDown:
		edge = t.below != "" && !rowExists(e, e.CursorRow+pageRows(e))
	case fyne.KeyRight, fyne.KeyDelete:
		edge = t.below != "" && e.CursorTextOffset() >= utf8.RuneCountInString(e.Text)
	}
	if edge {
		s.moveWindow(s.cursor(), windowSpan/2, true)
	}
}

// rewindow shows the part around the cursor again when the field has
// come to hold a long text whole (pasted, or after Select All), before
// the next letter is typed into it.
func (s *sectionPanel) rewindow() {
	if len(s.body.Text) >= windowFrom+windowSpan && s.body.SelectedText() == "" {
		s.placeText(s.shownText(), s.cursor(), windowSpan/2)
	}
}

// showWhole puts the whole section text in the field (slow for a long
// one, but Select All then selects all of it).
func (s *sectionPanel) showWhole() {
	if s.win.above != "" || s.win.below != "" {
		text := s.shownText()
		s.fill(text, 0, len(text), s.cursor())
	}
}
