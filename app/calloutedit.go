package app

import (
	"github.com/briefsmith/briefsmith/sectiontext"
)

// A call-out is edited as what it prints: its label chosen from a list
// (Key point, Note, …, the labels sectiontext gives the kinds) and its
// text in a nested formatted editor — never as "> [!NOTE]" lines. A quote
// is its text the same way.

// editCallout opens call-out c, the box selected, to edit.
func (s *sectionPanel) editCallout(c sectiontext.Callout) {
	labels := make([]string, 0, len(sectiontext.CalloutKinds))
	for _, k := range sectiontext.CalloutKinds {
		labels = append(labels, k.Label())
	}
	req := bodyEdit{title: "Edit call-out box", kinds: labels, kind: c.Kind.Label(), blocks: calloutBlocks(c), opts: s.richOptions()}
	s.w.ui.editBody(req, func(r *bodyEdit) {
		if r == nil {
			return
		}
		kind := c.Kind
		for _, k := range sectiontext.CalloutKinds {
			if k.Label() == r.kind {
				kind = k
			}
		}
		s.replaceBox(c, withCalloutBlocks(kind, r.blocks))
	})
}

// editQuote opens quote q, the box selected, to edit.
func (s *sectionPanel) editQuote(q sectiontext.Quote) {
	s.w.ui.editBody(bodyEdit{title: "Edit quotation", blocks: q.Blocks, opts: s.richOptions()}, func(r *bodyEdit) {
		if r != nil {
			s.replaceBox(q, sectiontext.Quote{Blocks: r.blocks})
		}
	})
}

// replaceBox puts b in place of the selected box old, one undo step, when
// it would be stored differently: OK on a box left alone stores nothing
// and adds no step.
func (s *sectionPanel) replaceBox(old, b sectiontext.Block) {
	if sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{old}}) != sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{b}}) {
		s.rich.ReplaceSelectedBox(b)
	}
	s.focusBody()
}

// calloutBlocks is a call-out's text as blocks: its lead paragraph first.
func calloutBlocks(c sectiontext.Callout) []sectiontext.Block {
	if len(c.Lead) == 0 {
		return c.Blocks
	}
	return append([]sectiontext.Block{sectiontext.Paragraph{Inlines: c.Lead}}, c.Blocks...)
}

// withCalloutBlocks is the call-out of kind holding blocks: a first
// paragraph is its lead, as the templates write it.
func withCalloutBlocks(kind sectiontext.CalloutKind, blocks []sectiontext.Block) sectiontext.Callout {
	c := sectiontext.Callout{Kind: kind, Blocks: blocks}
	if len(blocks) > 0 {
		if p, ok := blocks[0].(sectiontext.Paragraph); ok {
			c.Lead, c.Blocks = p.Inlines, blocks[1:]
		}
	}
	if len(c.Blocks) == 0 {
		c.Blocks = nil
	}
	return c
}
