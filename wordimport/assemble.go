package wordimport

import (
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// assemble groups the body's blocks into sections at each Heading 1.
func assemble(blocks []block, p *parts) *Document {
	doc := &Document{}
	cur := &Section{}
	flush := func() {
		if cur.Title != "" || len(cur.Body.Blocks) > 0 {
			doc.Sections = append(doc.Sections, *cur)
		}
	}
	tocNoted := false
	var run []block // the section's blocks so far
	para := 0
	finish := func() {
		cur.Body.Blocks = blocksOf(run, p, func(l leftOut, n int) {
			doc.LeftOut = append(doc.LeftOut, LeftOut{Kind: l.kind, Section: cur.Title, Para: n, Detail: l.detail})
		})
		run = nil
		para = 0
	}
	for _, b := range blocks {
		if b.para != nil {
			s := b.para.style
			switch {
			case s.level == 1:
				finish()
				flush()
				cur = &Section{Title: plainText(b.para.segs), Marks: b.para.marks}
				for _, l := range b.left {
					doc.LeftOut = append(doc.LeftOut, LeftOut{Kind: l.kind, Section: cur.Title, Detail: l.detail})
				}
				continue
			case s.title && doc.Title == "" && len(doc.Sections) == 0 && cur.Title == "":
				doc.Title = plainText(b.para.segs)
				continue
			case s.subtitle && doc.Subtitle == "" && len(doc.Sections) == 0 && cur.Title == "":
				doc.Subtitle = plainText(b.para.segs)
				continue
			case s.toc:
				// A table of contents is made again from the sections;
				// its entries are not the author's text.
				if !tocNoted {
					doc.LeftOut = append(doc.LeftOut, LeftOut{Kind: "a table of contents (Briefsmith makes its own)", Section: cur.Title})
					tocNoted = true
				}
				continue
			}
		}
		para++
		run = append(run, b)
	}
	finish()
	flush()
	return doc
}

// blocksOf turns the blocks of a section (or a note) into section text:
// consecutive list paragraphs into lists, nested by level; paragraphs in a
// code style into one code block; headings a level below the section's.
// leftOut is told of what each paragraph left out, and its number.
func blocksOf(bs []block, p *parts, leftOut func(leftOut, int)) []sectiontext.Block {
	var out []sectiontext.Block
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if leftOut != nil {
			for _, l := range b.left {
				leftOut(l, i+1)
			}
		}
		if b.para == nil {
			out = append(out, tableBlock(b.table))
			continue
		}
		pa := b.para
		if pa.pageBefore && len(out) > 0 {
			out = append(out, sectiontext.PageBreak{})
		}
		switch {
		case pa.numID != "" && pa.numID != "0":
			j := i + 1
			for j < len(bs) && bs[j].para != nil && bs[j].para.numID != "" && bs[j].para.numID != "0" {
				if leftOut != nil {
					for _, l := range bs[j].left {
						leftOut(l, j+1)
					}
				}
				j++
			}
			out = append(out, buildList(bs[i:j], p, 0)...)
			i = j - 1
		case pa.style.code:
			var lines []string
			j := i
			for j < len(bs) && bs[j].para != nil && bs[j].para.style.code {
				lines = append(lines, bs[j].para.text())
				j++
			}
			out = append(out, sectiontext.CodeBlock{Text: strings.Join(lines, "\n") + "\n"})
			i = j - 1
		case pa.style.furniture:
			// The cover's lines and the marking: the packet's settings.
		case pa.style.answerLine:
			j := i
			for j < len(bs) && bs[j].para != nil && bs[j].para.style.answerLine {
				j++
			}
			out = append(out, sectiontext.AnswerLines{Count: min(j-i, sectiontext.MaxAnswerLines)})
			i = j - 1
		case pa.style.glossTerm || pa.style.glossDef:
			g := sectiontext.Glossary{}
			j := i
			for ; j < len(bs) && bs[j].para != nil && (bs[j].para.style.glossTerm || bs[j].para.style.glossDef); j++ {
				q := bs[j].para
				in := inlinesOf(trimSegs(q.segs))
				if q.style.glossTerm || len(g.Entries) == 0 {
					g.Entries = append(g.Entries, sectiontext.GlossaryEntry{Term: in})
					if q.style.glossTerm {
						continue
					}
				}
				e := &g.Entries[len(g.Entries)-1]
				e.Definitions = append(e.Definitions, []sectiontext.Block{sectiontext.Paragraph{Inlines: in}})
			}
			out = append(out, g)
			i = j - 1
		case pa.style.quote:
			var q sectiontext.Quote
			j := i
			for ; j < len(bs) && bs[j].para != nil && bs[j].para.style.quote; j++ {
				if in := inlinesOf(trimSegs(bs[j].para.segs)); len(in) > 0 {
					q.Blocks = append(q.Blocks, sectiontext.Paragraph{Inlines: in})
				}
			}
			out = append(out, q)
			i = j - 1
		case pa.style.rule:
			out = append(out, sectiontext.Rule{})
		case pa.style.level > 1:
			out = append(out, sectiontext.Heading{Level: min(pa.style.level-1, 6), Inlines: inlinesOf(pa.segs)})
		default:
			in := inlinesOf(trimSegs(pa.segs))
			if len(in) > 0 {
				out = append(out, sectiontext.Paragraph{Inlines: in})
			}
		}
		if pa.pageAfter {
			out = append(out, sectiontext.PageBreak{})
		}
	}
	return out
}

// buildList makes the lists of consecutive list paragraphs at level and
// deeper: a paragraph deeper than level goes into the item above it; a
// change of list or of kind starts a new list.
func buildList(bs []block, p *parts, level int) []sectiontext.Block {
	var out []sectiontext.Block
	var cur *sectiontext.List
	curID := ""
	for i := 0; i < len(bs); i++ {
		pa := bs[i].para
		if pa.ilvl > level && cur != nil && len(cur.Items) > 0 {
			j := i
			for j < len(bs) && bs[j].para.ilvl > level {
				j++
			}
			last := &cur.Items[len(cur.Items)-1]
			last.Blocks = append(last.Blocks, buildList(bs[i:j], p, level+1)...)
			i = j - 1
			continue
		}
		def := p.numbering[pa.numID][pa.ilvl]
		if def.box != "" && !def.ordered {
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			out = append(out, sectiontext.Paragraph{Inlines: append([]sectiontext.Inline{sectiontext.Text{Text: def.box + " "}}, inlinesOf(trimSegs(pa.segs))...)})
			continue
		}
		if cur == nil || pa.numID != curID || cur.Ordered != def.ordered {
			if cur != nil {
				out = append(out, *cur)
			}
			cur = &sectiontext.List{Ordered: def.ordered, Tight: true}
			if def.ordered {
				cur.Delimiter = sectiontext.Period
				cur.Start = max(def.start, 1)
			}
			curID = pa.numID
		}
		cur.Items = append(cur.Items, sectiontext.Item{Blocks: []sectiontext.Block{sectiontext.Paragraph{Inlines: inlinesOf(trimSegs(pa.segs))}}})
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// trimSegs drops the spaces at a paragraph's ends, which Markdown could
// not keep anyway.
func trimSegs(segs []seg) []seg {
	segs = append([]seg(nil), segs...)
	for len(segs) > 0 && segs[0].obj == nil && strings.TrimLeft(segs[0].text, " \t") == "" {
		segs = segs[1:]
	}
	if len(segs) > 0 && segs[0].obj == nil {
		segs[0].text = strings.TrimLeft(segs[0].text, " \t")
	}
	for n := len(segs); n > 0 && segs[n-1].obj == nil && strings.TrimRight(segs[n-1].text, " \t") == ""; n = len(segs) {
		segs = segs[:n-1]
	}
	if n := len(segs); n > 0 && segs[n-1].obj == nil {
		segs[n-1].text = strings.TrimRight(segs[n-1].text, " \t")
	}
	return segs
}
