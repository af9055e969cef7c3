package editor

import (
	"github.com/briefsmith/briefsmith/sectiontext"
)

// build turns editor blocks back into the model. Unchanged blocks (and
// lists none of whose items changed) are the very blocks SetBody received;
// others are rebuilt from their atoms. Adjacent items of one kind make one
// list, as Markdown would read them.
func build(bs []*block) []sectiontext.Block {
	var out []sectiontext.Block
	// A numbered list the user goes on with after a box — a question, its
	// answer lines, the next question — counts on: its items share the
	// list's properties, and the list after the box starts where the one
	// before it stopped ("1. Q1, lines, 1. Q2" printed 1, 1).
	var last *listProps
	counted, boxed := 0, false
	for i := 0; i < len(bs); {
		b := bs[i]
		if b.kind != kItem && !b.boxLike() {
			last, boxed = nil, false
		}
		switch b.kind {
		case kPara:
			if b.orig != nil {
				out = append(out, b.orig)
			} else {
				out = append(out, sectiontext.Paragraph{Inlines: inlinesOf(b.atoms)})
			}
			i++
		case kHeading:
			if b.orig != nil {
				out = append(out, b.orig)
			} else {
				out = append(out, sectiontext.Heading{Level: b.level, Inlines: inlinesOf(b.atoms)})
			}
			i++
		case kBox:
			out = append(out, b.box)
			boxed = true
			i++
		case kTable:
			out = append(out, b.table())
			boxed = true
			i++
		case kItem:
			l, next := buildList(bs, i, 0)
			goesOn := boxed && last != nil && bs[i].list == last
			switch {
			case goesOn && l.Ordered:
				l.Start = last.start + counted
				out = append(out, l)
			case unchangedList(bs, i, next):
				out = append(out, bs[i].from.list)
			default:
				out = append(out, l)
			}
			if !goesOn {
				counted = 0
			}
			last, counted, boxed = bs[i].list, counted+len(l.Items), false
			i = next
		}
	}
	return out
}

// unchangedList reports whether items bs[i:next] are exactly the items
// of one list SetBody gave, none changed.
func unchangedList(bs []*block, i, next int) bool {
	from := bs[i].from
	if from == nil || from.n != next-i {
		return false
	}
	for _, b := range bs[i+1 : next] {
		if b.from != from {
			return false
		}
	}
	return true
}

// buildList makes the list starting at bs[i] at the given depth; next is
// the first block after it. The first item's list properties are the
// list's; an item of the other kind (bullets against numbers) ends it.
func buildList(bs []*block, i, depth int) (sectiontext.List, int) {
	p := bs[i].list
	if p == nil {
		p = &listProps{tight: true}
	}
	l := sectiontext.List{Ordered: p.ordered, Start: p.start, Delimiter: p.delim, Tight: p.tight}
	if l.Ordered && l.Delimiter == sectiontext.NoDelimiter {
		l.Delimiter = sectiontext.Period
	}
	for i < len(bs) && bs[i].kind == kItem && bs[i].depth >= depth {
		b := bs[i]
		if b.depth == depth && len(l.Items) > 0 && !sameKind(b.list, p) {
			break
		}
		if b.depth > depth && len(l.Items) > 0 {
			// Deeper items belong to the item above.
			sub, next := buildList(bs, i, depth+1)
			last := &l.Items[len(l.Items)-1]
			last.Blocks = append(last.Blocks, sub)
			i = next
			continue
		}
		l.Items = append(l.Items, sectiontext.Item{Blocks: []sectiontext.Block{sectiontext.Paragraph{Inlines: inlinesOf(b.atoms)}}})
		i++
	}
	return l, i
}

func sameKind(a, b *listProps) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.ordered == b.ordered && (!a.ordered || a.delim == b.delim)
}

// inlinesOf nests atoms into inline runs: conditional text outermost,
// then links, passages in another language, bold, italic and struck
// text, code innermost.
func inlinesOf(as []atom) []sectiontext.Inline {
	return nest(as, 0)
}

// The style layers, outermost first.
const (
	layerCond = iota
	layerLink
	layerLang
	layerBold
	layerItalic
	layerStrike
	layerCode
)

func has(st style, layer int) bool {
	switch layer {
	case layerBold:
		return st.bold
	case layerItalic:
		return st.italic
	case layerStrike:
		return st.strike
	case layerCode:
		return st.code
	case layerLang:
		return st.lang != nil
	case layerCond:
		return st.cond != nil
	}
	return st.link != nil
}

func nest(as []atom, layer int) []sectiontext.Inline {
	var out []sectiontext.Inline
	if layer > layerCode {
		var text []rune
		flush := func() {
			if len(text) > 0 {
				out = append(out, sectiontext.Text{Text: string(text)})
				text = nil
			}
		}
		for _, a := range as {
			if a.obj != nil {
				flush()
				out = append(out, a.obj)
			} else {
				text = append(text, a.r)
			}
		}
		flush()
		return out
	}
	for i := 0; i < len(as); {
		j := i + 1
		for j < len(as) && has(as[j].st, layer) == has(as[i].st, layer) &&
			(layer != layerLink || as[j].st.link == as[i].st.link) && (layer != layerLang || as[j].st.lang == as[i].st.lang) &&
			(layer != layerCond || as[j].st.cond == as[j-1].st.cond || as[j].st.cond.follows(as[j-1].st.cond)) &&
			(layer != layerCode || as[j].obj == nil && as[i].obj == nil) {
			j++
		}
		run := as[i:j]
		if !has(as[i].st, layer) {
			out = append(out, nest(run, layer+1)...)
		} else {
			switch layer {
			case layerCond:
				out = append(out, conditional(run))
			case layerLink:
				out = append(out, sectiontext.Link{Destination: as[i].st.link.dest, Inlines: nest(run, layer+1)})
			case layerLang:
				out = append(out, sectiontext.Lang{Tag: as[i].st.lang.tag, Inlines: nest(run, layer+1)})
			case layerBold:
				out = append(out, sectiontext.Bold{Inlines: nest(run, layer+1)})
			case layerItalic:
				out = append(out, sectiontext.Italic{Inlines: nest(run, layer+1)})
			case layerStrike:
				out = append(out, sectiontext.Strike{Inlines: nest(run, layer+1)})
			case layerCode:
				if run[0].obj != nil {
					out = append(out, nest(run, layer+1)...)
				} else {
					rs := make([]rune, len(run))
					for k, a := range run {
						rs[k] = a.r
					}
					out = append(out, sectiontext.Code{Text: string(rs)})
				}
			}
		}
		i = j
	}
	return out
}

// conditional is the one conditional whose runs as holds, each run's
// condition following the one before (see condRef): its text, then its
// otherwise's, an else-if's. A condition none of as carries (its words
// all deleted) is kept with no words, so the runs after it still print
// only when it fails: an otherwise whose text before it was deleted
// still prints only when the field is empty.
func conditional(as []atom) sectiontext.Inline {
	words := map[*condRef][]sectiontext.Inline{}
	for i := 0; i < len(as); {
		j := i + 1
		for j < len(as) && as[j].st.cond == as[i].st.cond {
			j++
		}
		words[as[i].st.cond] = nest(as[i:j], layerCond+1)
		i = j
	}
	var tail []sectiontext.Inline
	for c := as[len(as)-1].st.cond; c != nil; c = c.elseOf {
		if c.field == "" {
			tail = words[c]
			continue
		}
		tail = []sectiontext.Inline{sectiontext.Conditional{Field: c.field, Then: words[c], Else: tail}}
	}
	return tail[0]
}
