package sectiontext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Literal text stays literal: every character that Markdown, the
// extensions or template code could read as syntax is escaped. The
// escapes are fixed per character, not chosen by looking ahead at what
// Markdown would make of them, so one text has one spelling:
//
//   - always: \ ` * _ [ ] < | ~ # (emphasis, code, links, HTML, tables,
//     strikethrough, headings);
//   - at a line's start: - + > = : and the "." or ")" after leading
//     digits (lists, quotes, setext headings, definitions);
//   - "&" before what reads as a character reference, as "&amp;";
//   - what Linkify would turn into a link: "@" not after a space, ":"
//     before "//", "." after "www";
//   - "~" at the end of a text, as "&#126;": strikethrough does not
//     open after an escaped one;
//   - "!" at the end of a text, which a following link would make an
//     image;
//   - "{" where it would meet another "{" (template code): written as
//     template code that prints it, {{"{"}};
//   - what the typographer would set: every straight quote (' and "),
//     a "-" or "." before another, a ">" before another. Model text holds
//     the characters that print — Parse sets quotes and dashes as it
//     reads — so a straight quote in it is one the author kept straight.

// entity matches a character reference at the start of a string.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

// text writes s, escaped.
func (w *inlineWriter) text(s string) {
	if s == "" {
		return
	}
	b := &w.b
	lineStart := w.lineStart
	// Digits then "." or ")" at a line's start would number a list.
	digitsEnd := -1
	if lineStart {
		k := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k > 0 && k < len(s) && (s[k] == '.' || s[k] == ')') {
			digitsEnd = k
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
			i++
			continue
		}
		last := i+size == len(s)
		esc := false
		switch r {
		case '~':
			if last {
				// Strikethrough will not open after an escaped "~".
				b.WriteString("&#126;")
				i += size
				continue
			}
			esc = true
		case '\\', '`', '*', '_', '[', ']', '<', '|', '#':
			esc = true
		case '\'', '"':
			esc = true
		case '-', '>':
			esc = (i == 0 && lineStart) || (!last && s[i+1] == byte(r))
		case '+', '=':
			esc = i == 0 && lineStart
		case ':':
			esc = (i == 0 && (lineStart || w.afterRef)) || strings.HasPrefix(s[i+1:], "//")
		case '.', ')':
			esc = i == digitsEnd || (r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www")) || (r == '.' && !last && s[i+1] == '.')
		case '&':
			// Markdown resolves references after escapes, so "\&" would
			// not keep one literal.
			if entity.MatchString(s[i:]) {
				b.WriteString("&amp;")
				i += size
				continue
			}
		case '@':
			esc = i == 0 || s[i-1] != ' '
		case '!':
			esc = last
		case '{':
			if last || s[i+1] == '{' {
				b.WriteString(`{{"{"}}`)
				i += size
				continue
			}
		}
		if esc {
			b.WriteByte('\\')
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	w.lineStart = false
	w.afterRef = false
}
