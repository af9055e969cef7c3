package sectiontext

import (
	"strings"
)

// writeInlines returns the Markdown of a sequence of inlines. lineStart
// says the first character begins a line, where more characters are
// syntax (a "-" there starts a list).
func writeInlines(in []Inline, lineStart bool) string {
	w := inlineWriter{lineStart: lineStart}
	w.seq(in)
	return w.b.String()
}

// inlineWriter writes inlines, knowing whether it is at a line's start.
type inlineWriter struct {
	b         strings.Builder
	lineStart bool
	// afterRef is set right after a citation or footnote reference that
	// began a line, where a ":" would make it a definition.
	afterRef bool
}

func (w *inlineWriter) raw(s string) {
	if s != "" {
		w.b.WriteString(s)
		w.lineStart = false
	}
}

func (w *inlineWriter) seq(in []Inline) {
	for _, x := range in {
		w.inline(x)
	}
}

func (w *inlineWriter) inline(x Inline) {
	startsLine := w.lineStart
	switch x := x.(type) {
	case Text:
		w.text(x.Text)
	case Bold:
		w.raw("**")
		w.seq(x.Inlines)
		w.raw("**")
	case Italic:
		w.raw("*")
		w.seq(x.Inlines)
		w.raw("*")
	case Strike:
		w.raw("~~")
		w.seq(x.Inlines)
		w.raw("~~")
	case Lang:
		w.raw("[")
		w.seq(x.Inlines)
		w.raw("]{lang=" + x.Tag + "}")
	case Code:
		fence := strings.Repeat("`", shortestAbsentRun(x.Text))
		t := x.Text
		if strings.HasPrefix(t, "`") || strings.HasSuffix(t, "`") ||
			(strings.HasPrefix(t, " ") && strings.HasSuffix(t, " ") && strings.Trim(t, " ") != "") {
			t = " " + t + " "
		}
		w.raw(fence + tmplSafe(t) + fence)
	case Link:
		w.raw("[")
		w.seq(x.Inlines)
		w.raw("](" + destination(x.Destination) + ")")
	case Autolink:
		if strings.HasPrefix(strings.ToLower(x.Address), "www.") {
			w.raw(tmplSafe(x.Address))
		} else {
			w.raw("<" + tmplSafe(x.Address) + ">")
		}
	case Image:
		w.raw("![")
		w.text(x.Alt)
		w.raw("](" + destination(x.Destination) + ")")
	case SoftBreak:
		w.b.WriteString("\n")
		w.lineStart = true
	case HardBreak:
		if strings.HasSuffix(w.b.String(), "\\") {
			// The text ends in an escaped backslash, which would hide this one.
			w.b.WriteString("  \n")
		} else {
			w.b.WriteString("\\\n")
		}
		w.lineStart = true
	case FootnoteRef:
		w.raw("[^" + tmplSafe(x.Label) + "]")
	case Citation:
		w.raw("[@" + strings.Join(x.IDs, "; @") + "]")
	case Field:
		w.raw("{{." + x.Name + "}}")
	case Conditional:
		w.raw("{{if ." + x.Field + "}}")
		w.seq(x.Then)
		w.elseEnd(x.Else)
	}
	w.afterRef = false
	switch x.(type) {
	case Citation, FootnoteRef:
		w.afterRef = startsLine
	}
}

// elseEnd writes a conditional's else branch, if any, and its end.
func (w *inlineWriter) elseEnd(els []Inline) {
	if len(els) == 1 {
		if c, ok := els[0].(Conditional); ok {
			w.raw("{{else if ." + c.Field + "}}")
			w.seq(c.Then)
			w.elseEnd(c.Else)
			return
		}
	}
	if els != nil {
		w.raw("{{else}}")
		w.seq(els)
	}
	w.raw("{{end}}")
}

// destination spells a link's address: bare when Markdown reads it back
// bare, else in angle brackets.
func destination(d string) string {
	d = tmplSafe(d)
	bare := d != "" && !strings.HasPrefix(d, "<")
	depth := 0
	for i := 0; i < len(d) && bare; i++ {
		switch c := d[i]; {
		case c == '\\' && i+1 < len(d):
			i++
		case c == '(':
			depth++
		case c == ')':
			depth--
			bare = depth >= 0
		case c <= ' ':
			bare = false
		}
	}
	if bare && depth == 0 {
		return d
	}
	return "<" + d + ">"
}

// shortestAbsentRun is the fewest backticks that do not occur as a run
// in s, so they can fence it as code.
func shortestAbsentRun(s string) int {
	runs := map[int]bool{}
	n := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == '`' {
			n++
			continue
		}
		if n > 0 {
			runs[n] = true
		}
		n = 0
	}
	k := 1
	for runs[k] {
		k++
	}
	return k
}
