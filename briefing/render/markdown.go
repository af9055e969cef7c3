package render

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes doc as one Markdown file: title block, every
// section with placeholders filled, and the numbered sources. It pastes
// into email as it is, and it is the common input when Briefsmith is
// compared with other tools.
func WriteMarkdown(w io.Writer, doc *Document) error {
	m := &doc.Meta
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", m.Title)
	if m.Subtitle != "" {
		fmt.Fprintf(&b, "*%s*\n\n", m.Subtitle)
	}
	var meta []string
	for _, kv := range [][2]string{
		{"Prepared for", m.PreparedFor}, {"Prepared by", strings.Join(nonEmpty(m.Author, m.Organization), ", ")},
		{"Date", m.Date}, {"Handling", m.Marking},
	} {
		if strings.TrimSpace(kv[1]) != "" {
			meta = append(meta, fmt.Sprintf("**%s:** %s", kv[0], kv[1]))
		}
	}
	if len(meta) > 0 {
		b.WriteString(strings.Join(meta, "  \n") + "\n\n")
	}
	for _, s := range doc.Sections {
		fmt.Fprintf(&b, "## %s\n\n", s.Title)
		if s.Markdown != "" {
			fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(demoteHeadings(s.Markdown)))
		}
		for _, blk := range s.Blocks {
			if l, ok := blk.(SourceList); ok {
				writeSources(&b, l)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSources(b *strings.Builder, l SourceList) {
	for i, s := range l.Items {
		line := fmt.Sprintf("%d. *%s.*", i+1, s.Title)
		if meta := strings.Join(nonEmpty(s.Publisher, s.Date), ", "); meta != "" {
			line += " " + meta + "."
		}
		if s.URL != "" {
			line += " <" + s.URL + ">"
		}
		b.WriteString(line + "\n")
	}
}

// demoteHeadings moves a section body's headings two levels down, below
// the section's own "##" title, as the PDF's structure tree has them (a
// body "#" is one level under its section's H1), stopping at six and
// leaving code blocks alone.
func demoteHeadings(md string) string {
	lines := strings.Split(md, "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		case strings.HasPrefix(l, "#") && strings.HasPrefix(strings.TrimLeft(l, "#"), " "):
			level := strings.Index(l, " ")
			lines[i] = strings.Repeat("#", min(level+2, 6)) + l[level:]
		}
	}
	return strings.Join(lines, "\n")
}
