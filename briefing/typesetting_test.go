package briefing

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// Typesetting checks: what a careful typographer would look at, measured
// with the tools a reader's software resembles.

// tableGap is the run of spaces pdftotext -layout leaves between table
// columns (and between a page number and its leader): a line holding one
// is not running prose.
var tableGap = regexp.MustCompile(`\S {3,}\S`)

// bodyLineLengths returns, for the body pages of a PDF, the length in
// characters of every prose line that is followed by another line of the
// same paragraph — full lines, not the short last line of a paragraph or
// a heading, whose length says nothing about the measure.
func bodyLineLengths(t *testing.T, path string, skipFirst bool) []int {
	t.Helper()
	var lengths []int
	for i, page := range pdfPages(t, path, "-layout", "-nodiag") {
		if i == 0 && skipFirst {
			continue
		}
		lines := strings.Split(page, "\n")
		// The first three and last four lines are the header and footer.
		if len(lines) < 8 {
			continue
		}
		lines = lines[3 : len(lines)-4]
		for j := 0; j+1 < len(lines); j++ {
			cur, next := lines[j], lines[j+1]
			text, nextText := strings.TrimSpace(cur), strings.TrimSpace(next)
			if text == "" || nextText == "" || tableGap.MatchString(text) || tableGap.MatchString(nextText) {
				continue
			}
			// A continuation line starts where this line's text starts
			// (after a list marker, where the text after it starts).
			indent := len(cur) - len(strings.TrimLeft(cur, " "))
			if m := regexp.MustCompile(`^(\s*)(\S{1,3}\s+)`).FindStringSubmatch(cur); m != nil && strings.ContainsAny(m[2], "•–◦.)☐") {
				indent = len(m[1]) + utf8.RuneCountInString(m[2])
			}
			nextIndent := len(next) - len(strings.TrimLeft(next, " "))
			if nextIndent != indent {
				continue
			}
			lengths = append(lengths, utf8.RuneCountInString(text))
		}
	}
	// Headings followed by their first line pass the test above: a full
	// line is at least 60% of the longest one.
	longest := 0
	for _, n := range lengths {
		longest = max(longest, n)
	}
	full := lengths[:0]
	for _, n := range lengths {
		if n*10 >= longest*6 {
			full = append(full, n)
		}
	}
	return full
}

func TestBodyLinesHaveAReadableMeasure(t *testing.T) {
	for _, tc := range []struct {
		sample string
		max    float64
		cover  bool
	}{
		{"staff.briefing", 90, false},
		{"client.briefing", 90, true},
		{"classroom.briefing", 75, true},
	} {
		for _, size := range []string{"letter", "a4"} {
			p := loadSampleNamed(t, tc.sample)
			p.Style.PageSize = PageSize(size)
			data, _ := renderPacket(t, p)
			lengths := bodyLineLengths(t, writePDF(t, data), tc.cover)
			if len(lengths) < 20 {
				t.Fatalf("%s %s: only %d full body lines found", tc.sample, size, len(lengths))
			}
			sum := 0
			for _, n := range lengths {
				sum += n
			}
			avg := float64(sum) / float64(len(lengths))
			t.Logf("%s %s: %.1f characters per line over %d lines", tc.sample, size, avg, len(lengths))
			if avg > tc.max {
				t.Errorf("%s %s: body lines average %.1f characters, want at most %.0f", tc.sample, size, avg, tc.max)
			}
		}
	}
}
