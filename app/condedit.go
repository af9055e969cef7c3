package app

import (
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Text shown only when a field is filled ("(Executive Order 14365)"),
// and what is shown otherwise, are edited in place in the formatted
// text, after markers naming the field and "otherwise". Inside a link or
// other conditional text it is one chip, and a double click opens its
// words in a formatted editor of their own, as a footnote's are, so it
// is edited without the "[if …]" code of the source. What comes back
// replaces the chip as one undo step, still shown only when the field
// is filled.

// editConditional edits the words of conditional text c, selected in the
// formatted editor.
func (s *sectionPanel) editConditional(c sectiontext.Conditional) {
	if !s.richOn() || !s.editable() {
		return
	}
	before := []sectiontext.Block{sectiontext.Paragraph{Inlines: c.Then}}
	title := "Text shown only when " + s.fieldLabel(c.Field) + " is filled"
	s.w.ui.editBody(bodyEdit{title: title, blocks: before, opts: s.richOptions()}, func(r *bodyEdit) {
		if r == nil {
			return
		}
		if sectiontext.Write(sectiontext.Body{Blocks: r.blocks}) != sectiontext.Write(sectiontext.Body{Blocks: before}) {
			c.Then = oneLine(r.blocks)
			s.rich.ReplaceSelectedConditional(c)
		}
		s.focusBody()
	})
}

// oneLine is blocks' text as one run of inlines, paragraphs joined by a
// space: conditional text sits inside a sentence.
func oneLine(blocks []sectiontext.Block) []sectiontext.Inline {
	var out []sectiontext.Inline
	for _, b := range blocks {
		p, ok := b.(sectiontext.Paragraph)
		if !ok || len(p.Inlines) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, sectiontext.Text{Text: " "})
		}
		out = append(out, p.Inlines...)
	}
	return out
}
