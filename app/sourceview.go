package app

import (
	"strings"

	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/briefing"
)

// The Markdown source view (View › Markdown Source, and a section whose
// template code the formatted view cannot show) is the section editor in
// its plain mode (editor.NewPlain): one scrollable text laid out only
// where it is on screen, however long the section. The text is shown in
// plain form (see briefing.Fields): fields read "[Order number]" and
// braces are just text; it is stored as template source after every
// change. Enter continues a Markdown list as a word processor's does
// (pressEnter), and text typed or pasted on the empty line under a list,
// quote, footnote or definition starts a paragraph of its own instead of
// joining that block on the page (joinsAbove).

// newSource makes the source editor.
func (s *sectionPanel) newSource() *editor.Editor {
	e := editor.NewPlain()
	e.OnChanged = s.storeSource
	e.OnEnter = s.sourceEnter
	e.PlainInsert = s.sourceInsert
	e.OnRedoKey = s.redoKey
	e.SetReadOnly(true)
	return e
}

// storeSource stores the source editor's text as the section's.
func (s *sectionPanel) storeSource() {
	if s.showing {
		return
	}
	before := s.srcWritten
	text := s.source()
	s.srcWritten = text
	s.typing = true
	s.w.doc.setBody(s.key, before, text)
	s.typing = false
	s.srcVersion = s.w.doc.version
}

// source is the template source of the source editor's text.
func (s *sectionPanel) source() string {
	if s.plain {
		return s.fields.FromPlain(s.src.Text())
	}
	return s.src.Text()
}

// shownText is the section text as the source editor shows it.
func (s *sectionPanel) shownText() string { return s.src.Text() }

// cursor is the source editor's cursor as a rune offset in its text.
func (s *sectionPanel) cursor() int { return s.src.CursorOffset() }

// sourceEnter is Enter in the source: a list goes on with its next
// marker, an empty item ends it.
func (s *sectionPanel) sourceEnter() bool {
	text, pos := pressEnter(s.src.Text(), s.src.CursorOffset())
	s.src.ReplaceText(text, pos)
	return true
}

// sourceInsert is what goes in when text is typed or pasted in the
// source: on the empty line right under a list item, quote, footnote or
// definition, an empty line first, unless the text begins such a line
// itself.
func (s *sectionPanel) sourceInsert(text string) string {
	i := s.src.CursorLine()
	if i == 0 || s.src.Line(i) != "" || !blockAbove.MatchString(s.src.Line(i-1)) || !startsParagraph(text) {
		return text
	}
	if joinsAbove([]rune(s.src.Text()), s.src.CursorOffset()) {
		return "\n" + text
	}
	return text
}

// startsParagraph reports whether text, put on an empty line, begins
// plain text (a paragraph) rather than a block's own next line: a list
// item, a quote, a footnote, a definition, a heading or code fence, or
// an empty line. A single letter typed is judged alone: a digit or "-"
// may begin a list item the user is still typing.
func startsParagraph(text string) bool {
	if r := []rune(text); len(r) == 1 {
		return !strings.ContainsRune(">-*+[:0123456789 \t\n", r[0])
	}
	first, _, _ := strings.Cut(text, "\n")
	t := strings.TrimLeft(first, " \t")
	return t != "" && !blockAbove.MatchString(first) && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~")
}

// showSource shows body, the selected section's text as stored, in the
// source editor. The editor keeps its cursor and history while it holds
// the text stored (after its own edits); text changed from outside (an
// Undo, Replace All) is shown again with the cursor where it first
// differs.
func (s *sectionPanel) showSource(body string, prevKey sectionKey) {
	same := prevKey == s.key
	s.src.SetReadOnly(false)
	if s.typing && same && body == s.srcWritten {
		if !s.plain {
			s.info.SetText(s.info.Text + codeNote)
		}
		return
	}
	s.fields = briefing.FieldsOf(s.w.lib, s.w.doc.packet)
	shown, plain := s.fields.ToPlain(body)
	if !plain {
		shown = body
		s.info.SetText(s.info.Text + codeNote)
	}
	// Text the user typed stays as typed (cursor and all) while it still
	// means what the packet holds: plain form has one spelling for each
	// source, but a user may type another ("\x" inside a condition).
	cur := s.src.Text()
	keep := same && plain && s.plain && s.fields.FromPlain(cur) == body
	if cur != shown && !keep {
		off := 0
		if same {
			// The cursor stays where it was, unless the text changed
			// before it: then it goes where the change begins.
			off = min(s.src.CursorOffset(), firstDifference(cur, shown))
		}
		s.src.SetText(shown)
		s.src.SetCursorOffset(off)
		traceEvent("show", len(shown))
	}
	s.srcWritten = body
	s.plain = plain
	// Plain form is read as text; template code lines up in a
	// fixed-width face.
	s.src.SetMonospace(!plain)
}

// codeNote ends the note under a text shown as written.
const codeNote = " This text uses template code beyond fields, so it is shown as written."

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
