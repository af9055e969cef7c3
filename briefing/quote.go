package briefing

import (
	"strconv"
	"strings"
	"unicode"
)

// QuoteUntrusted quotes text from a file someone else wrote for a message:
// control characters (terminal escape sequences that clear the screen or
// retitle the window), invisible format characters (bidi overrides that
// reorder what a reader sees) and look-alike letters (a Kelvin sign for a
// K) come out as visible escapes, so the reader sees exactly what is there.
func QuoteUntrusted(s string) string { return strconv.QuoteToASCII(s) }

// PrintableText is printableMessage for the front ends: a file name, a
// title or a message that may hold text from outside, safe to print,
// escaped as problems print the names of packets.
func PrintableText(s string) string { return printableMessage(s) }

// printableMessage makes a message safe to print on a terminal or show in
// a dialog: any control or format character it carries, from whatever
// text a library echoed, is written as an escape instead.
func printableMessage(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r != ' ' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !unicode.IsPrint(r) && !unicode.IsSpace(r))
}
