package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// What changed in a section is shown as a word processor's tracked
// changes show it: words taken out struck through, words put in
// underlined, each in its colour — read as text, never as Markdown.

// change is how a word differs: kept, taken out or put in.
type change int

const (
	kept change = iota
	deleted
	inserted
)

// marked is a run of text and how it changed.
type marked struct {
	text string
	how  change
}

// diffSection is what changed between a section's text before and after,
// paragraph by paragraph and, in a rewritten paragraph, word by word.
func diffSection(before, after string) [][]marked {
	a, b := plainLines(before), plainLines(after)
	var out [][]marked
	pairs := lcsPairs(a, b)
	i, j := 0, 0
	flush := func(ti, tj int) {
		// The paragraphs between two kept ones: rewritten in pairs while
		// they share words, the rest taken out or put in whole.
		for i < ti && j < tj && alike(a[i], b[j]) {
			out = append(out, diffWords(a[i], b[j]))
			i, j = i+1, j+1
		}
		for ; i < ti; i++ {
			out = append(out, []marked{{a[i], deleted}})
		}
		for ; j < tj; j++ {
			out = append(out, []marked{{b[j], inserted}})
		}
	}
	for _, p := range pairs {
		flush(p[0], p[1])
		out = append(out, []marked{{a[i], kept}})
		i, j = i+1, j+1
	}
	flush(len(a), len(b))
	return out
}

// alike reports whether two paragraphs share a third of their words: one
// rewritten, rather than one removed and another written.
func alike(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa)*len(wb) > 1_000_000 {
		return false
	}
	return 3*len(lcsPairs(wa, wb)) >= max(len(wa), len(wb))
}

// diffWords marks the words of two versions of a paragraph.
func diffWords(a, b string) []marked {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa)*len(wb) > 1_000_000 {
		return []marked{{a, deleted}, {b, inserted}}
	}
	var out []marked
	add := func(w string, how change) {
		if n := len(out); n > 0 && out[n-1].how == how {
			out[n-1].text += " " + w
			return
		}
		out = append(out, marked{w, how})
	}
	i, j := 0, 0
	for _, p := range lcsPairs(wa, wb) {
		for ; i < p[0]; i++ {
			add(wa[i], deleted)
		}
		for ; j < p[1]; j++ {
			add(wb[j], inserted)
		}
		add(wa[i], kept)
		i, j = i+1, j+1
	}
	for ; i < len(wa); i++ {
		add(wa[i], deleted)
	}
	for ; j < len(wb); j++ {
		add(wb[j], inserted)
	}
	return out
}

// lcsPairs are the positions of a longest common subsequence of a and b.
// Past a few million comparisons (a section of thousands of lines) there
// are none: everything shows as taken out and put in, which is true if
// coarse, rather than memory growing with the square of the text.
func lcsPairs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	if n*m > 4_000_000 {
		return nil
	}
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// plainLines is section text as the lines a reader sees: a paragraph,
// heading, list item, table row or glossary entry each.
func plainLines(md string) []string {
	var out []string
	var blocks func(bs []sectiontext.Block, indent string)
	blocks = func(bs []sectiontext.Block, indent string) {
		for _, b := range bs {
			switch x := b.(type) {
			case sectiontext.Paragraph:
				out = append(out, indent+inlineText(x.Inlines))
			case sectiontext.Heading:
				out = append(out, indent+inlineText(x.Inlines))
			case sectiontext.List:
				for _, it := range x.Items {
					if len(it.Blocks) == 0 {
						continue
					}
					if p, ok := it.Blocks[0].(sectiontext.Paragraph); ok {
						out = append(out, indent+"• "+inlineText(p.Inlines))
						blocks(it.Blocks[1:], indent+"    ")
					} else {
						blocks(it.Blocks, indent+"    ")
					}
				}
			case sectiontext.Table:
				for _, r := range x.Rows {
					var cells []string
					for _, c := range r.Cells {
						cells = append(cells, inlineText(c.Inlines))
					}
					out = append(out, indent+strings.Join(cells, "  ·  "))
				}
			case sectiontext.Callout:
				out = append(out, indent+x.Kind.Label()+": "+inlineText(x.Lead))
				blocks(x.Blocks, indent)
			case sectiontext.Quote:
				blocks(x.Blocks, indent)
			case sectiontext.Glossary:
				for _, e := range x.Entries {
					out = append(out, indent+inlineText(e.Term))
					for _, d := range e.Definitions {
						blocks(d, indent+"    ")
					}
				}
			case sectiontext.AnswerLines:
				out = append(out, indent+"(lines to write on)")
			case sectiontext.CodeBlock:
				out = append(out, strings.Split(strings.TrimRight(x.Text, "\n"), "\n")...)
			}
		}
	}
	blocks(sectiontext.Parse(md).Blocks, "")
	return out
}

// inlineText is inline runs' text as printed, a footnote's number as
// "[note 1]".
func inlineText(in []sectiontext.Inline) string {
	return plainInlines(in, func(x sectiontext.Inline) string {
		if n, ok := x.(sectiontext.FootnoteRef); ok {
			return "[note " + n.Label + "]"
		}
		return ""
	})
}

// plainInlines is inline runs' text as a person reads it: styles and
// links dropped, an address as itself, a line break a space; obj says
// what any other object (a field, a citation, a note's number) reads as.
func plainInlines(in []sectiontext.Inline, obj func(sectiontext.Inline) string) string {
	var b strings.Builder
	var walk func([]sectiontext.Inline)
	walk = func(in []sectiontext.Inline) {
		for _, x := range in {
			switch x := x.(type) {
			case sectiontext.Text:
				b.WriteString(x.Text)
			case sectiontext.Code:
				b.WriteString(x.Text)
			case sectiontext.Bold:
				walk(x.Inlines)
			case sectiontext.Italic:
				walk(x.Inlines)
			case sectiontext.Strike:
				walk(x.Inlines)
			case sectiontext.Link:
				walk(x.Inlines)
			case sectiontext.Lang:
				walk(x.Inlines)
			case sectiontext.Autolink:
				b.WriteString(x.Address)
			case sectiontext.SoftBreak, sectiontext.HardBreak:
				b.WriteString(" ")
			default:
				b.WriteString(obj(x))
			}
		}
	}
	walk(in)
	return b.String()
}

// diffView shows a section's changes as text, each paragraph's words
// flowing across the width of within (the scroll that shows it).
func diffView(paras [][]marked, within fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox()
	space := fyne.MeasureText(" ", theme.TextSize(), fyne.TextStyle{}).Width
	for _, p := range paras {
		var words []fyne.CanvasObject
		for _, m := range p {
			for _, word := range strings.Fields(m.text) {
				words = append(words, (&markedWord{text: word, how: m.how}).Visual())
			}
		}
		box.Add(container.New(&flowLayout{within: within, gap: space}, words...))
	}
	return box
}

// markedWord is a word of the changes, drawn struck through or underlined
// (Fyne's own rich text can be neither).
type markedWord struct {
	text string
	how  change
}

// Visual is the word and its line.
func (s *markedWord) Visual() fyne.CanvasObject {
	txt := canvas.NewText(s.text, s.colour())
	ln := canvas.NewLine(s.colour())
	ln.StrokeWidth = 1
	return container.New(&wordLayout{how: s.how}, txt, ln)
}

func (s *markedWord) colour() color.Color {
	switch s.how {
	case deleted:
		return theme.Color(theme.ColorNameError)
	case inserted:
		return theme.Color(theme.ColorNameSuccess)
	}
	return theme.Color(theme.ColorNameForeground)
}

// wordLayout sets a word and its line: through the middle for words
// taken out, under them for words put in, none for kept ones.
type wordLayout struct{ how change }

// Layout implements fyne.Layout.
func (l *wordLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	txt, ln := objs[0].(*canvas.Text), objs[1].(*canvas.Line)
	txt.Resize(s)
	w := fyne.MeasureText(strings.TrimRight(txt.Text, " "), txt.TextSize, txt.TextStyle).Width
	y := s.Height - 3
	if l.how == deleted {
		y = s.Height / 2
	}
	ln.Position1, ln.Position2 = fyne.NewPos(0, y), fyne.NewPos(w, y)
	if l.how == kept {
		ln.Hide()
	} else {
		ln.Show()
	}
}

// MinSize implements fyne.Layout: the word's.
func (l *wordLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }
