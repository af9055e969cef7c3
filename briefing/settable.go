package briefing

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/briefsmith/briefsmith/render/layout"
	"golang.org/x/text/unicode/bidi"
)

// The renderer sets text one character after another, left to right, in
// the embedded fonts, with no shaping: no right-to-left ordering, no
// joining, no mark positioning. Text that needs more is reported before
// export, with where it is, rather than printed as garbage.

// faultKind is why a character cannot be printed as written.
type faultKind int

const (
	// noGlyph: no embedded font has the character (emoji, CJK).
	noGlyph faultKind = iota
	// rightToLeft: a script written right to left (Hebrew, Arabic, N'Ko…)
	// would be drawn in typing order, reading backwards, letters unjoined.
	rightToLeft
	// bidiControl: an invisible mark that asks for a direction change the
	// renderer cannot make.
	bidiControl
	// combiningMark: a mark left over after composition (NFC), which the
	// renderer cannot place over or under its letter.
	combiningMark
	// badReference: a character reference naming no character (&#0;,
	// &#xD800;), which would print as a replacement mark.
	badReference
)

// textFault is one reason a text cannot be printed: the first offending
// character, the line (from 1) it is on, and, for a script, the word it
// starts.
type textFault struct {
	kind faultKind
	r    rune
	line int
	word string
}

// String says what is wrong in the words the user reads.
func (f textFault) String() string {
	if f.kind == badReference {
		return fmt.Sprintf("%s names no character; remove it or write the character itself", referenceText(f))
	}
	if strings.HasPrefix(f.word, "&") && f.kind != combiningMark {
		// Found through a character reference: name the reference the
		// user wrote, since the character itself is nowhere in the text.
		what := textFault{kind: f.kind, r: f.r, line: f.line, word: string(f.r)}
		return referenceText(f) + ": " + what.String()
	}
	switch f.kind {
	case rightToLeft:
		return fmt.Sprintf("%s text %q (%s) is written right to left, which Briefsmith cannot print yet", scriptOf(f.r), f.word, describeRune(f.r))
	case bidiControl:
		return fmt.Sprintf("the invisible direction mark %s cannot be printed; remove it", describeRune(f.r))
	case combiningMark:
		return fmt.Sprintf("combining mark %s on %q cannot be placed on its letter; use the precomposed letter if there is one", describeRune(f.r), f.word)
	}
	return fmt.Sprintf("no embedded font can print %s", describeRune(f.r))
}

// textFaults lists what in s (normalised first, as it will be printed)
// cannot be printed correctly: each character once, and each right-to-left
// script once, at its first line.
func textFaults(s string) []textFault {
	if isPlainASCII(s) {
		return nil
	}
	s = layout.Normalize(s)
	var out []textFault
	seen := map[rune]bool{}
	seenScript := map[string]bool{}
	line := 1
	var prev rune
	for i, r := range s {
		if r == '\n' {
			line++
		}
		// ASCII letters print; its control characters (other than line
		// ends and tabs) do not, and are reported like any other.
		if r < 0x80 && (r >= 0x20 && r != 0x7f || r == '\n' || r == '\t' || r == '\r') {
			prev = r
			continue
		}
		kind, bad := faultOf(r)
		switch {
		case !bad:
		case kind == rightToLeft:
			if sc := scriptOf(r); !seenScript[sc] {
				seenScript[sc] = true
				out = append(out, textFault{kind: kind, r: r, line: line, word: wordAt(s, i)})
			}
		case !seen[r]:
			seen[r] = true
			f := textFault{kind: kind, r: r, line: line}
			if kind == combiningMark {
				f.word = string(prev) + string(r)
			}
			out = append(out, f)
		}
		prev = r
	}
	return out
}

// faultOf says whether r can be printed, and if not why.
func faultOf(r rune) (faultKind, bool) {
	if unicode.In(r, unicode.Mn, unicode.Me) {
		return combiningMark, true
	}
	if isBidiControl(r) {
		return bidiControl, true
	}
	if p, _ := bidi.LookupRune(r); p.Class() == bidi.R || p.Class() == bidi.AL {
		return rightToLeft, true
	}
	if !layout.CanPrint(r) {
		return noGlyph, true
	}
	return 0, false
}

// isBidiControl reports the explicit direction marks, embeddings,
// overrides and isolates.
func isBidiControl(r rune) bool {
	switch r {
	case '\u061C', '\u200E', '\u200F':
		return true
	}
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// scriptNames are the Unicode script names, sorted so that scriptOf is
// deterministic should a character ever be in two.
var scriptNames = sync.OnceValue(func() []string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
})

// scriptOf names r's Unicode script ("Hebrew").
func scriptOf(r rune) string {
	for _, name := range scriptNames() {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return "Right-to-left"
}

// wordAt is the word of s that byte i falls in, for a message.
func wordAt(s string, i int) string {
	start := strings.LastIndexFunc(s[:i], unicode.IsSpace) + 1
	end := strings.IndexFunc(s[i:], unicode.IsSpace)
	if end < 0 {
		end = len(s) - i
	}
	w := []rune(s[start : i+end])
	if len(w) > 20 {
		w = w[:20]
	}
	return string(w)
}

func describeRune(r rune) string {
	if unicode.IsPrint(r) && !unicode.In(r, unicode.Mn, unicode.Me) {
		return fmt.Sprintf("%q U+%04X", string(r), r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// isPlainASCII is true of text with nothing to normalise or check:
// printable ASCII, newlines and tabs.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x7f || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') {
			return false
		}
	}
	return true
}
