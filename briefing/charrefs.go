package briefing

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Markdown decodes character references (&#x1F600;, &#20013;, &eacute;)
// into characters, after the checks of textFaults have read the source:
// an emoji, a character no font has, an escape character or a direction
// override written that way reached the PDF as "?" while the same
// character typed was reported. So references are decoded here as the
// Markdown parser decodes them, and what they name is checked too.

// charRef matches a character reference as CommonMark defines one.
var charRef = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// charRefFaults lists what the character references in the Markdown
// body name that cannot be printed, at their lines, leaving out characters
// textFaults already reported for the body (reported is its list). Code
// blocks and code spans print references as written, so they are skipped.
func charRefFaults(body string, reported []textFault) []textFault {
	if !strings.Contains(body, "&") {
		return nil
	}
	seen := map[rune]bool{}
	for _, f := range reported {
		seen[f.r] = true
	}
	var out []textFault
	fence := ""
	for n, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") || !strings.Contains(line, "&") {
			continue // an indented code block, or nothing to decode
		}
		for _, m := range charRef.FindAllStringIndex(line, -1) {
			if strings.Count(line[:m[0]], "`")%2 == 1 {
				continue // inside a code span
			}
			ref := line[m[0]:m[1]]
			if bad := unnamedReference(ref); bad {
				out = append(out, textFault{kind: badReference, line: n + 1, word: ref})
				continue
			}
			decoded := html.UnescapeString(ref)
			if decoded == ref {
				continue // not an entity HTML knows: printed as written
			}
			for _, f := range textFaults(decoded) {
				if f.kind != rightToLeft && seen[f.r] {
					continue
				}
				seen[f.r] = true
				f.line = n + 1
				f.word = ref
				out = append(out, f)
			}
		}
	}
	return out
}

// unnamedReference reports a numeric reference to no character (zero, a
// surrogate, beyond Unicode), which a Markdown parser turns into U+FFFD.
func unnamedReference(ref string) bool {
	num, ok := strings.CutPrefix(strings.TrimSuffix(ref[1:], ";"), "#")
	if !ok {
		return false
	}
	base := 10
	if num != "" && (num[0] == 'x' || num[0] == 'X') {
		num, base = num[1:], 16
	}
	v, err := strconv.ParseUint(num, base, 32)
	return err != nil || v == 0 || v >= 0xD800 && v <= 0xDFFF || v > 0x10FFFF
}

// referenceText is how a fault found through a reference names it.
func referenceText(f textFault) string {
	return fmt.Sprintf("the character reference %s", f.word)
}
