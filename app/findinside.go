package app

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Find searches the words inside boxes and footnotes as it searches the
// section's text — as a formatted editor shows them, a field one step no
// query matches — and Replace changes them there: each box's or note's
// blocks are loaded into an editor of their own and replaced with
// ReplaceRanges, so a call-out stays a call-out of its kind, bold around
// the words stays bold, and no Markdown is searched or rewritten. (The
// whole packet's Replace All works on each section's stored text, where
// every box and note is already text.)

// words are the words inside a box or a note as Find searches them, and
// put makes the box or note again with the matches ms (byte ranges of
// text, in order) replaced by with: the value it came from, untouched,
// for no matches. put may be called once.
type words[T any] struct {
	text string
	put  func(ms [][]int, with []string) T
}

// found is what Find searches in a formatted editor: its text, then the
// words in each box, then (for the section's editor) in each note shown
// under the text, joined by line breaks, which no query holds.
type found struct {
	text  string
	parts []part
}

// part is one stretch [from, to) of found.text: the editor's own text
// (box and note nil), a box's words or a note's.
type part struct {
	from, to int
	box      *editor.Box
	boxW     words[sectiontext.Block]
	note     *editor.NoteRef
	noteW    words[[]sectiontext.Block]
}

// findIn is what Find searches in ed; notes adds the notes under the
// text (a nested editor's text has none of its own).
func findIn(ed *editor.Editor, notes bool) found {
	shown := ed.ShownText()
	var fd found
	var b strings.Builder
	add := func(p part, text string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		p.from = b.Len()
		b.WriteString(text)
		p.to = b.Len()
		fd.parts = append(fd.parts, p)
	}
	add(part{}, shown)
	for _, x := range ed.Boxes() {
		w := boxWords(x.Block)
		add(part{box: &x, boxW: w}, w.text)
	}
	if notes {
		for _, n := range ed.ShownNotes() {
			w := blockWords(n.Blocks)
			add(part{note: &n, noteW: w}, w.text)
		}
	}
	fd.text = b.String()
	return fd
}

// changes are the edits that replace the matches ms of fd.text by with:
// in the text, in the boxes and in the notes. n counts the matches
// replaced (none crosses from one part to the next).
func (fd found) changes(ms [][]int, with []string) (c editor.Changes, n int) {
	bounds := make([][2]int, len(fd.parts))
	for i, p := range fd.parts {
		bounds[i] = [2]int{p.from, p.to}
	}
	lms, lwith := perPart(ms, with, bounds)
	for i, p := range fd.parts {
		if len(lms[i]) == 0 {
			continue
		}
		n += len(lms[i])
		switch {
		case p.box != nil:
			if c.Boxes == nil {
				c.Boxes = map[int]sectiontext.Block{}
			}
			c.Boxes[p.box.Offset] = p.boxW.put(lms[i], lwith[i])
		case p.note != nil:
			if c.Notes == nil {
				c.Notes = map[string][]sectiontext.Block{}
			}
			c.Notes[p.note.Label] = p.noteW.put(lms[i], lwith[i])
		default:
			text := fd.text[p.from:p.to]
			for _, m := range lms[i] {
				c.Ranges = append(c.Ranges, runeRange(text, m))
			}
			c.With = append(c.With, lwith[i]...)
		}
	}
	return c, n
}

// perPart shares the matches ms out among parts (byte ranges, in order),
// each made relative to its part; a match across parts goes to none.
func perPart(ms [][]int, with []string, parts [][2]int) ([][][]int, [][]string) {
	lms, lwith := make([][][]int, len(parts)), make([][]string, len(parts))
	k := 0
	for i, m := range ms {
		for k < len(parts) && parts[k][1] < m[1] {
			k++
		}
		if k == len(parts) {
			break
		}
		if m[0] >= parts[k][0] {
			lms[k] = append(lms[k], []int{m[0] - parts[k][0], m[1] - parts[k][0]})
			lwith[k] = append(lwith[k], with[i])
		}
	}
	return lms, lwith
}

// blockWords are the words of blocks as a formatted editor shows them,
// and of the boxes among them.
func blockWords(bs []sectiontext.Block) words[[]sectiontext.Block] {
	ed := editor.NewWithOptions(editor.Options{})
	if ed.SetBody(sectiontext.Body{Blocks: bs}) != nil {
		return words[[]sectiontext.Block]{put: func([][]int, []string) []sectiontext.Block { return bs }}
	}
	fd := findIn(ed, false)
	return words[[]sectiontext.Block]{text: fd.text, put: func(ms [][]int, with []string) []sectiontext.Block {
		if c, n := fd.changes(ms, with); n == 0 || !ed.Apply(c) {
			return bs
		}
		return ed.Body().Blocks
	}}
}

// joined are several texts' words one after another, a line break
// between: put gives each its own matches and returns what each made.
func joined[T any](ws []words[T]) words[[]T] {
	texts := make([]string, len(ws))
	bounds := make([][2]int, len(ws))
	at := 0
	for i, w := range ws {
		texts[i], bounds[i] = w.text, [2]int{at, at + len(w.text)}
		at += len(w.text) + 1
	}
	return words[[]T]{text: strings.Join(texts, "\n"), put: func(ms [][]int, with []string) []T {
		lms, lwith := perPart(ms, with, bounds)
		out := make([]T, len(ws))
		for i, w := range ws {
			out[i] = w.put(lms[i], lwith[i])
		}
		return out
	}}
}

// boxWords are the words inside box b: a call-out's, a quote's, the
// glossary's terms and definitions, code's lines, a list's items. A box
// without words (answer lines, a page break) has none; nor has raw
// HTML, whose tags are not words.
func boxWords(b sectiontext.Block) words[sectiontext.Block] {
	switch x := b.(type) {
	case sectiontext.Callout:
		w := blockWords(calloutBlocks(x))
		return words[sectiontext.Block]{w.text, func(ms [][]int, with []string) sectiontext.Block {
			if len(ms) == 0 {
				return b
			}
			return withCalloutBlocks(x.Kind, w.put(ms, with))
		}}
	case sectiontext.Quote:
		w := blockWords(x.Blocks)
		return words[sectiontext.Block]{w.text, func(ms [][]int, with []string) sectiontext.Block {
			return sectiontext.Quote{Blocks: w.put(ms, with)}
		}}
	case sectiontext.CodeBlock:
		return words[sectiontext.Block]{x.Text, func(ms [][]int, with []string) sectiontext.Block {
			return sectiontext.CodeBlock{Language: x.Language, Text: replaceEach(x.Text, ms, with)}
		}}
	case sectiontext.List:
		ws := make([]words[[]sectiontext.Block], len(x.Items))
		for i, it := range x.Items {
			ws[i] = blockWords(it.Blocks)
		}
		w := joined(ws)
		return words[sectiontext.Block]{w.text, func(ms [][]int, with []string) sectiontext.Block {
			l := x
			l.Items = slices.Clone(x.Items)
			for i, bs := range w.put(ms, with) {
				l.Items[i].Blocks = bs
			}
			return l
		}}
	case sectiontext.Glossary:
		return glossaryWords(x)
	}
	return words[sectiontext.Block]{put: func([][]int, []string) sectiontext.Block { return b }}
}

// glossaryWords are a glossary's words: each term, then what it means.
func glossaryWords(g sectiontext.Glossary) words[sectiontext.Block] {
	var ws []words[[]sectiontext.Block]
	for _, en := range g.Entries {
		ws = append(ws, blockWords([]sectiontext.Block{sectiontext.Paragraph{Inlines: en.Term}}))
		for _, d := range en.Definitions {
			ws = append(ws, blockWords(d))
		}
	}
	w := joined(ws)
	return words[sectiontext.Block]{w.text, func(ms [][]int, with []string) sectiontext.Block {
		made := w.put(ms, with)
		out := sectiontext.Glossary{Entries: slices.Clone(g.Entries)}
		k := 0
		for i, en := range g.Entries {
			// A term replaced by nothing keeps its words: a glossary
			// entry without a term would no longer be one.
			if p, ok := onlyParagraph(made[k]); ok && len(p.Inlines) > 0 {
				out.Entries[i].Term = p.Inlines
			}
			k++
			if len(en.Definitions) > 0 {
				out.Entries[i].Definitions = made[k : k+len(en.Definitions)]
				k += len(en.Definitions)
			}
		}
		return out
	}}
}

// onlyParagraph is blocks' one paragraph, if that is all they are.
func onlyParagraph(bs []sectiontext.Block) (sectiontext.Paragraph, bool) {
	if len(bs) != 1 {
		return sectiontext.Paragraph{}, false
	}
	p, ok := bs[0].(sectiontext.Paragraph)
	return p, ok
}

// replaceEach puts with[k] in place of the byte range ms[k] of text.
func replaceEach(text string, ms [][]int, with []string) string {
	var b strings.Builder
	at := 0
	for k, m := range ms {
		b.WriteString(text[at:m[0]])
		b.WriteString(with[k])
		at = m[1]
	}
	b.WriteString(text[at:])
	return b.String()
}

// runeLen is how many runes, so cursor steps, text has.
func runeLen(text string) int { return utf8.RuneCountInString(text) }
