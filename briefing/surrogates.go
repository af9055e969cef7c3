package briefing

// JSON may write a character outside the Basic Multilingual Plane as two
// escapes, a UTF-16 surrogate pair ("\ud83d\ude00"). Half of a pair alone
// ("\ud800") stands for no character at all: Go's decoder quietly turns
// it into U+FFFD, so a packet whose raw bytes would be refused as invalid
// UTF-8 loaded when the same damage was written as an escape, and printed
// a replacement box. loneSurrogate finds such an escape so it is refused
// as the raw bytes are.

// loneSurrogate returns the offset and text of the first \uXXXX escape in
// a JSON string of data that is half of a surrogate pair without its
// other half, or -1. It reads each byte once, knowing only whether it is
// inside a string; escapes it cannot read are left to the decoder.
func loneSurrogate(data []byte) (int, string) {
	inString := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
		case c == '\\':
			r, ok := unicodeEscape(data, i)
			if !ok {
				i++ // another escape ("\n", "\\"): skip what it escapes
				continue
			}
			switch {
			case r >= 0xD800 && r <= 0xDBFF:
				if low, ok := unicodeEscape(data, i+6); ok && low >= 0xDC00 && low <= 0xDFFF {
					i += 11
					continue
				}
				return i, string(data[i : i+6])
			case r >= 0xDC00 && r <= 0xDFFF:
				return i, string(data[i : i+6])
			}
			i += 5
		}
	}
	return -1, ""
}

// unicodeEscape reads the escape "\uXXXX" at data[i:], if there is one.
func unicodeEscape(data []byte, i int) (rune, bool) {
	if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range data[i+2 : i+6] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
