package app

import "strconv"

// byteOffset is the byte offset of rune offset pos in text (its end if
// pos is past it): a cursor is counted in runes, a match in bytes.
func byteOffset(text string, pos int) int {
	for i := range text {
		if pos <= 0 {
			return i
		}
		pos--
	}
	return len(text)
}

// groupDigits writes n with a comma between each three digits, as a
// count reads: 19,380.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
