package layout

import (
	"strings"
	"unicode"
)

// Typographic sets plain text — a title, a name — with the typographic
// quotes and dashes Markdown text gets from goldmark's typographer, so a
// section title "Where Earth's Water Is Found" has the same apostrophe as
// the text under it. Only what the typographer would change is changed:
// straight quotes by what is on either side, "--" and "---" to dashes,
// "..." to an ellipsis.
func Typographic(s string) string {
	if !strings.ContainsAny(s, `'"-.`) {
		return s
	}
	s = strings.NewReplacer("---", "—", "--", "–", "...", "…").Replace(s)
	r := []rune(s)
	for i, c := range r {
		if c != '\'' && c != '"' {
			continue
		}
		before := i > 0 && !unicode.IsSpace(r[i-1]) && !strings.ContainsRune("([{“‘—–", r[i-1])
		switch {
		case c == '\'' && before:
			r[i] = '’' // an apostrophe or a closing quote
		case c == '\'':
			r[i] = '‘'
		case before:
			r[i] = '”'
		default:
			r[i] = '“'
		}
	}
	return string(r)
}
