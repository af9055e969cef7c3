package sectiontext

import "strings"

// CitationIDs finds every citation in a line of Markdown, for checks that
// report an unknown id with its line. It matches what Parse reads, except
// inside code, which Parse leaves as written.
func CitationIDs(line string) []string {
	var ids []string
	for i := 0; i < len(line); i++ {
		if line[i] != '[' || (i > 0 && line[i-1] == '\\') {
			continue
		}
		if m := citationPattern.FindString(line[i:]); m != "" {
			ids = append(ids, splitCitation(m)...)
			i += len(m) - 1
		}
	}
	return ids
}

// splitCitation is the ids of a whole citation, "[@a; @b]".
func splitCitation(m string) []string {
	var ids []string
	for _, part := range strings.Split(m[1:len(m)-1], ";") {
		ids = append(ids, strings.TrimPrefix(strings.TrimSpace(part), "@"))
	}
	return ids
}

// CalloutKindOf is the kind whose label is label ("Key takeaway" is
// Takeaway), for an output that writes Markdown again from printed
// blocks.
func CalloutKindOf(label string) (CalloutKind, bool) {
	for k, l := range calloutLabels {
		if l == label {
			return k, true
		}
	}
	return "", false
}
