package app

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// The formatting toolbar writes Markdown so nobody has to: each action
// turns the selected text (or, with nothing selected, the cursor's line
// or a short placeholder) into the Markdown for it. These functions are
// the text side of that, kept apart from the widgets so they can be
// tested line by line.

// wrapInline puts sel between mark on both sides, or a placeholder
// between them when nothing is selected. Spaces at the selection's ends
// stay outside the marks, or Markdown would not read them as emphasis.
func wrapInline(sel, mark, placeholder string) string {
	if strings.TrimSpace(sel) == "" {
		return sel + mark + placeholder + mark
	}
	core := strings.TrimSpace(sel)
	lead := sel[:strings.Index(sel, core)]
	trail := sel[len(lead)+len(core):]
	// A selection over several paragraphs is emphasised paragraph by
	// paragraph: Markdown emphasis cannot cross a blank line.
	parts := strings.Split(core, "\n\n")
	for i, p := range parts {
		if t := strings.TrimSpace(p); t != "" {
			parts[i] = mark + t + mark
		}
	}
	return lead + strings.Join(parts, "\n\n") + trail
}

// headingMarks matches a line's heading marks, list markers and call-out
// or quote prefix: what a line format replaces.
var (
	headingMarks = regexp.MustCompile(`^#{1,6}\s+`)
	listMarker   = regexp.MustCompile(`^(\s*)([-*+]|\d+[.)])\s+`)
)

// lineFormat is what a line action does to each line it is given.
type lineFormat func(i int, line string) string

// headingLine makes a line a heading of level (1–3), or plain text at 0.
func headingLine(level int) lineFormat {
	return func(_ int, line string) string {
		text := headingMarks.ReplaceAllString(line, "")
		if level == 0 || strings.TrimSpace(text) == "" {
			return text
		}
		return strings.Repeat("#", level) + " " + text
	}
}

// bulletLine and numberLine make lines list items, replacing any list
// marker they have; blank lines stay blank (the toolbar puts a marker on
// an empty line itself, see startItem).
func bulletLine(_ int, line string) string {
	if strings.TrimSpace(line) == "" {
		return line
	}
	return "- " + listMarker.ReplaceAllString(line, "$1")
}

func numberLine(i int, line string) string {
	if strings.TrimSpace(line) == "" {
		return line
	}
	return strconv.Itoa(i+1) + ". " + listMarker.ReplaceAllString(line, "$1")
}

// formatLines applies f to each line of text, counting only the lines
// with text (so a numbered list numbers its items, not the blank lines)
// and leaving fenced blocks (answer lines, code) as they are.
func formatLines(text string, f lineFormat) string {
	lines := strings.Split(text, "\n")
	n := 0
	fenced := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		lines[i] = f(n, l)
		if t != "" {
			n++
		}
	}
	return strings.Join(lines, "\n")
}

// replaceLine applies f to line row of text (from 0), as item n (from 0)
// of a list.
func replaceLine(text string, row, n int, f lineFormat) string {
	lines := strings.Split(text, "\n")
	if row < 0 || row >= len(lines) {
		return text
	}
	lines[row] = f(n, lines[row])
	return strings.Join(lines, "\n")
}

// calloutKinds are the call-outs the toolbar offers, as people name
// them (the labels they print with), with the Markdown marker each is
// written with: sectiontext's one table of kinds, so a kind added there
// is offered here.
var calloutKinds = func() []struct{ name, marker string } {
	out := make([]struct{ name, marker string }, len(sectiontext.CalloutKinds))
	for i, k := range sectiontext.CalloutKinds {
		out[i].name, out[i].marker = k.Label(), string(k)
	}
	return out
}()

// callout writes text as a call-out box of the kind with marker.
func callout(marker, text string) string {
	if strings.TrimSpace(text) == "" {
		text = "Text of the box."
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return "\n> [!" + marker + "]\n" + strings.Join(lines, "\n") + "\n\n"
}

// tableGrid writes an empty table of rows rows (its heading row among
// them) and cols columns, to fill in.
func tableGrid(rows, cols int) string {
	var b strings.Builder
	b.WriteString("\n|")
	for c := range cols {
		fmt.Fprintf(&b, " Heading %d |", c+1)
	}
	b.WriteString("\n|" + strings.Repeat("---|", cols) + "\n")
	// Each cell holds a word to double-click and type over: an empty
	// cell is a gap of a character or two between bars, hard to click.
	// rows counts the heading row, as Word's Insert Table does: 3×3 is
	// three rows in all.
	for range max(rows-1, 1) {
		b.WriteString("|" + strings.Repeat(" Text |", cols) + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// answerLines writes n ruled lines to write on.
func answerLines(n int) string { return fmt.Sprintf("\n```lines %d\n```\n\n", n) }

// glossaryTerm writes a glossary entry; term is the selection, if any.
func glossaryTerm(term string) string {
	term = strings.TrimSpace(term)
	if term == "" {
		term = "Term"
	}
	return "\n" + term + "\n: What the term means.\n\n"
}

// pageBreak starts a new page in the PDF.
const pageBreak = "\n<!-- pagebreak -->\n\n"

// markdownLink writes a link to address showing text.
func markdownLink(text, address string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		text = address
	}
	text = strings.NewReplacer("[", `\[`, "]", `\]`).Replace(text)
	return "[" + text + "](" + strings.ReplaceAll(strings.TrimSpace(address), " ", "%20") + ")"
}

// footnoteRef matches a footnote label in the text.
var footnoteRef = regexp.MustCompile(`\[\^(\d+)\]`)

// nextFootnote is the label of a new footnote: numbered after the
// notes text has.
func nextFootnote(text string) string {
	n := 0
	for _, m := range footnoteRef.FindAllStringSubmatch(text, -1) {
		if v, err := strconv.Atoi(m[1]); err == nil && v > n {
			n = v
		}
	}
	return fmt.Sprintf("[^%d]", n+1)
}

// appendNote adds the note labelled ref at the end of text, after the
// notes already there.
func appendNote(text, ref, note string) string {
	note = strings.Join(strings.Fields(note), " ")
	if note == "" {
		note = "The note's text."
	}
	end := strings.TrimRight(text, "\n")
	sep := "\n\n"
	if strings.HasPrefix(lastLine(end), "[^") {
		sep = "\n" // notes together at the end
	}
	return end + sep + ref + ": " + note + "\n"
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// Lines a press of Enter treats specially: a list item (indent, marker,
// its text) and a quote or call-out line.
var (
	itemLine  = regexp.MustCompile(`^(\s*)(?:([-*+])|(\d+)([.)]))\s+(.*)$`)
	quoteLine = regexp.MustCompile(`^(\s*>\s?)(.*)$`)
)

// pressEnter is what Enter does at rune offset off of text, as a word
// processor would, since in Markdown a single line end joins the next
// line to the paragraph, list item or box above it: after text, a new
// paragraph (an empty line between); in a list, the next item with its
// marker (the next number); in a call-out, the box goes on; on an empty
// item or box line, the list or box ends. It returns the new text and
// where the cursor goes. In code and tables, a plain line end.
func pressEnter(text string, off int) (string, int) {
	r := []rune(text)
	off = min(max(off, 0), len(r))
	start := off
	for start > 0 && r[start-1] != '\n' {
		start--
	}
	end := off
	for end < len(r) && r[end] != '\n' {
		end++
	}
	line := string(r[start:end])
	insert := func(s string) (string, int) {
		return string(r[:off]) + s + string(r[off:]), off + len([]rune(s))
	}
	if inFence(string(r[:start])) || strings.HasPrefix(strings.TrimSpace(line), "|") || strings.HasPrefix(strings.TrimSpace(line), "```") {
		return insert("\n")
	}
	// An empty item or box line ends the list or box: its marker goes,
	// and an empty line keeps what follows out of it.
	endBlock := func() (string, int) {
		out := string(r[:start]) + "\n" + string(r[end:])
		return out, start + 1
	}
	if m := itemLine.FindStringSubmatch(line); m != nil {
		if strings.TrimSpace(m[5]) == "" && off == end {
			return endBlock()
		}
		marker := m[2] + " "
		if m[3] != "" {
			n, _ := strconv.Atoi(m[3])
			marker = strconv.Itoa(n+1) + m[4] + " "
		}
		return insert("\n" + m[1] + marker)
	}
	if m := quoteLine.FindStringSubmatch(line); m != nil {
		if strings.TrimSpace(m[2]) == "" && off == end {
			return endBlock()
		}
		return insert("\n" + strings.TrimRight(m[1], " ") + " ")
	}
	if strings.TrimSpace(line) == "" {
		return insert("\n")
	}
	// Headings, footnotes and definitions end like any paragraph.
	return insert("\n\n")
}

// inFence reports whether text before ends inside a fenced block (code,
// answer lines).
func inFence(before string) bool {
	open := false
	for _, l := range strings.Split(before, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") || strings.HasPrefix(strings.TrimSpace(l), "~~~") {
			open = !open
		}
	}
	return open
}

// numberAfter is the number a numbered item on line row of text takes:
// one more than the numbered item above it, looking past empty lines and
// answer lines (so questions with lines between them count on), 1 when
// anything else comes first.
func numberAfter(lines []string, row int) int {
	fenced := false
	for i := row - 1; i >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fenced = !fenced
		case fenced || t == "":
		default:
			if m := itemLine.FindStringSubmatch(lines[i]); m != nil && m[3] != "" && m[1] == "" {
				n, _ := strconv.Atoi(m[3])
				return n + 1
			}
			if strings.HasPrefix(lines[i], "   ") {
				continue // the item's own further lines
			}
			return 1
		}
	}
	return 1
}

// numbered reports whether f numbers lines.
func numbered(f lineFormat) bool { return strings.HasPrefix(f(0, "x"), "1. ") }

// startItem is f for an empty line: the marker f would put on text, with
// nothing after it yet.
func startItem(f lineFormat, lines []string, row int) lineFormat {
	return func(i int, _ string) string {
		out := f(i, "x")
		if !strings.HasSuffix(out, "x") {
			return lines[row] // not a list format: an empty line stays empty
		}
		return strings.TrimSuffix(out, "x")
	}
}

// blockAbove matches a line a line of text right under it would join in
// Markdown (lazy continuation): a box or quote, a list item, a footnote,
// a glossary definition.
var blockAbove = regexp.MustCompile(`^\s*(>|[-*+]\s|\d+[.)]\s|\[\^[^\]]+\]:|:\s)`)

// joinsAbove reports whether a letter typed at rune offset off of text
// starts an empty line right under a box, list item, footnote or
// definition: on the page it would join that block, though the editor
// shows it as a line of its own.
func joinsAbove(text []rune, off int) bool {
	if off <= 0 || off > len(text) || text[off-1] != '\n' || (off < len(text) && text[off] != '\n') {
		return false
	}
	start := off - 1
	for start > 0 && text[start-1] != '\n' {
		start--
	}
	above := string(text[start : off-1])
	return blockAbove.MatchString(above) && !inFence(string(text[:start]))
}
