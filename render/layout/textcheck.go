package layout

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize composes s (NFC), so decomposed accents — typed on some
// keyboards, pasted from some PDFs — become the letters the fonts have.
func Normalize(s string) string {
	if isPlainASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

// CanPrint reports whether the embedded fonts print r in body text and
// in headings, directly or through the fallback face. Validation asks it
// of every character before layout runs.
func CanPrint(r rune) bool {
	if unicode.IsControl(r) && !ignorable(r) {
		return false
	}
	if _, ok := faceFor(serif, r); !ok {
		return false
	}
	_, ok := faceFor(sans, r)
	return ok
}

// printable is text as the renderer sets it: composed (NFC), and with
// characters no font has replaced by "?", so a caller who skipped
// validation still gets a PDF instead of an fpdf panic.
func printable(s string) string {
	if isPlainASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if _, ok := faceFor(serif, r); ok {
			return r
		}
		return '?'
	}, Normalize(s))
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x7f || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') {
			return false
		}
	}
	return true
}
