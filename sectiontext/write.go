package sectiontext

import (
	"strconv"
	"strings"
)

// Write returns the canonical Markdown of b: one spelling per construct,
// so a file written from the model changes only where the model did. A
// body of template code comes back as it was written.
//
// The spellings are those of the built-in templates: ATX headings ("## "),
// "**bold**", "*italic*", "~~struck~~", "- " bullets and "1. " numbers
// counting up from the list's start, call-outs as "> [!KIND]" on a line
// of their own, fenced code with backticks, "```lines N" with its count,
// tables with a "|---|" delimiter row, a blank line between blocks and
// footnote definitions last. Write normalizes b first (see Normalize).
func Write(b Body) string {
	if b.TemplateCode {
		return b.Source
	}
	b = Normalize(b)
	var parts []string
	for _, x := range b.Blocks {
		parts = append(parts, writeBlock(x))
	}
	for _, n := range b.Notes {
		parts = append(parts, indentAfterFirst("[^"+tmplSafe(n.Label)+"]: "+joinBlocks(n.Blocks, "\n\n"), "    "))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// writeBlock returns the Markdown of one block, without a final newline.
func writeBlock(x Block) string {
	switch x := x.(type) {
	case Paragraph:
		return writeInlines(x.Inlines, true)
	case Heading:
		h := strings.Repeat("#", x.Level)
		if len(x.Inlines) == 0 {
			return h
		}
		return h + " " + writeInlines(x.Inlines, false)
	case List:
		return writeList(x)
	case Table:
		return writeTable(x)
	case Callout:
		s := "[!" + string(x.Kind) + "]"
		if len(x.Lead) > 0 {
			s += "\n" + writeInlines(x.Lead, true)
		}
		for _, c := range x.Blocks {
			s += "\n\n" + writeBlock(c)
		}
		return quoteLines(s)
	case Quote:
		return quoteLines(joinBlocks(x.Blocks, "\n\n"))
	case AnswerLines:
		return "```lines " + strconv.Itoa(x.Count) + "\n```"
	case Glossary:
		var entries []string
		for _, e := range x.Entries {
			s := writeInlines(e.Term, true)
			for _, d := range e.Definitions {
				s += "\n" + indentAfterFirst(": "+joinBlocks(d, "\n\n"), "  ")
			}
			entries = append(entries, s)
		}
		return strings.Join(entries, "\n\n")
	case CodeBlock:
		fence := strings.Repeat("`", max(3, longestRun(x.Text, '`')+1))
		s := fence + tmplSafe(x.Language) + "\n"
		if x.Text != "" {
			s += tmplSafe(x.Text) + "\n"
		}
		return s + fence
	case HTMLBlock:
		return tmplSafe(x.Text)
	case PageBreak:
		return "<!-- pagebreak -->"
	case Rule:
		return "---"
	}
	return ""
}

// joinBlocks writes blocks with sep between them.
func joinBlocks(bs []Block, sep string) string {
	parts := make([]string, len(bs))
	for i, x := range bs {
		parts[i] = writeBlock(x)
	}
	return strings.Join(parts, sep)
}

func writeList(l List) string {
	sep, itemSep := "\n\n", "\n\n"
	if l.Tight {
		sep, itemSep = "\n", "\n"
	}
	items := make([]string, len(l.Items))
	for i, it := range l.Items {
		marker := "-"
		if l.Ordered {
			marker = strconv.Itoa(l.Start+i) + string(rune(l.Delimiter))
		}
		items[i] = indentAfterFirst(marker+" "+joinBlocks(it.Blocks, sep), strings.Repeat(" ", len(marker)+1))
	}
	return strings.Join(items, itemSep)
}

func writeTable(t Table) string {
	var lines []string
	row := func(r Row) string {
		var b strings.Builder
		b.WriteString("|")
		for _, c := range r.Cells {
			if s := writeInlines(c.Inlines, false); s != "" {
				b.WriteString(" " + s)
			}
			b.WriteString(" |")
		}
		return b.String()
	}
	for i, r := range t.Rows {
		lines = append(lines, row(r))
		if i == 0 {
			var d strings.Builder
			d.WriteString("|")
			for _, a := range t.Align {
				d.WriteString([]string{"---", ":---", ":---:", "---:"}[a] + "|")
			}
			lines = append(lines, d.String())
		}
	}
	return strings.Join(lines, "\n")
}

// quoteLines puts s in a block quote.
func quoteLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// indentAfterFirst indents every line of s but the first by ind, leaving
// blank lines blank.
func indentAfterFirst(s, ind string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = ind + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// tmplSafe spells "{{" in text Markdown keeps as written (code, raw HTML,
// addresses) as template code that prints it, the only spelling that
// survives filling there.
func tmplSafe(s string) string {
	return strings.ReplaceAll(s, "{{", `{{"{{"}}`)
}
