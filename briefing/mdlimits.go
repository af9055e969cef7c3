package briefing

import (
	"fmt"
	"strings"
)

// goldmark, like most CommonMark parsers, takes time that grows with the
// square of some shapes: many emphasis or bracket delimiters in one
// paragraph (each opener is matched against the ones before it), and
// containers nested deep (each line re-walks every open container). A
// 512 KB body of such shapes took from 9 seconds to forever. Real writing
// never comes near these bounds, so a body past them is refused before it
// is parsed, with the line where it happens.

// maxNesting bounds block quotes and lists inside each other.
const maxNesting = 64

// maxDelimiters bounds the inline delimiters (emphasis, brackets, code
// marks, angle brackets) in one paragraph, list item, heading or table
// cell, and maxBodyDelimiters those in a whole body. Parsing costs about
// the product of the two at worst: a few hundred milliseconds for a body
// made of nothing else, and nothing for real writing (a long brief has a
// few thousand).
const (
	maxDelimiters     = 2000
	maxBodyDelimiters = 100_000
)

// shapeFault is a place where a body's shape passes a bound.
type shapeFault struct {
	line int // 1-based, in the filled body
	msg  string
}

// markdownShapeFaults lists the places where md's shape passes the bounds
// above.
func markdownShapeFaults(md string) []shapeFault {
	var faults []shapeFault
	delims, total, start, prevDepth := 0, 0, 1, 0
	fence := ""
	flush := func() { delims = 0 }
	for i, line := range strings.Split(md, "\n") {
		n := i + 1
		trimmed := strings.TrimLeft(line, " \t")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOf(trimmed); f != "" {
			fence = f
			flush()
			continue
		}
		depth, item, rest := containerDepth(line)
		if depth > maxNesting {
			faults = append(faults, shapeFault{line: n, msg: fmt.Sprintf("block quotes and lists are nested %d deep here; the limit is %d", depth, maxNesting)})
			return faults
		}
		// A blank line, or a line that starts a block of its own, ends
		// the paragraph whose delimiters are parsed together.
		switch {
		case strings.TrimSpace(rest) == "":
			flush()
			start = n + 1
		case depth != prevDepth || item || startsBlock(rest):
			flush()
			start = n
		}
		prevDepth = depth
		if isTableRow(rest) {
			// Each cell's text is parsed on its own.
			delims = 0
			for _, cell := range strings.Split(rest, "|") {
				k := delimiterRuns(cell)
				delims, total = max(delims, k), total+k
			}
		} else {
			k := delimiterRuns(rest)
			delims, total = delims+k, total+k
		}
		if delims > maxDelimiters {
			faults = append(faults, shapeFault{line: start, msg: fmt.Sprintf("this paragraph has more than %d emphasis marks, brackets and code marks; split it into shorter paragraphs", maxDelimiters)})
			return faults
		}
		if total > maxBodyDelimiters {
			faults = append(faults, shapeFault{line: n, msg: fmt.Sprintf("the text has more than %d emphasis marks, brackets and code marks in all; split it into several sections", maxBodyDelimiters)})
			return faults
		}
	}
	return faults
}

// fenceOf returns the fence a line opens (``` or ~~~, at its full
// length), or "".
func fenceOf(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		n := len(trimmed) - len(strings.TrimLeft(trimmed, c))
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// containerDepth counts the block quote and list markers a line opens
// with, says whether the last one starts a list item, and returns the
// text after them.
func containerDepth(line string) (depth int, item bool, rest string) {
	for {
		t := strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(t, ">"):
			line, item = t[1:], false
		case len(t) >= 2 && strings.ContainsRune("-*+", rune(t[0])) && (t[1] == ' ' || t[1] == '\t'):
			line, item = t[2:], true
		default:
			k := orderedMarker(t)
			if k == 0 {
				return depth, item, line
			}
			line, item = t[k:], true
		}
		depth++
	}
}

// orderedMarker returns the length of a "12. " or "3) " list marker at the
// start of t, or 0.
func orderedMarker(t string) int {
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(t) || (t[i] != '.' && t[i] != ')') || (t[i+1] != ' ' && t[i+1] != '\t') {
		return 0
	}
	return i + 2
}

// startsBlock reports whether a line begins a heading or table row, which
// goldmark parses apart from the lines around it.
func startsBlock(rest string) bool {
	return strings.HasPrefix(strings.TrimLeft(rest, " \t"), "#") || isTableRow(rest)
}

func isTableRow(rest string) bool { return strings.HasPrefix(strings.TrimLeft(rest, " \t"), "|") }

// delimiterRuns counts the runs of inline delimiter characters in s: the
// characters whose openers goldmark matches against each other.
func delimiterRuns(s string) int {
	n := 0
	var prev byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '*', '_', '~', '`':
			if c != prev {
				n++
			}
		case '[', ']', '(', ')', '<', '>', '!', '"', '\'':
			n++
		}
		prev = c
	}
	return n
}
