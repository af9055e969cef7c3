package editor

import (
	"slices"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// kind is what an editor block is.
type kind int

const (
	kPara    kind = iota // a paragraph
	kHeading             // a heading, level in block.level
	kItem                // a list item, its list in block.list
	kBox                 // a block shown read-only (call-out, answer lines, …)
	// kTable is a table edited in place: its cells' atoms one after
	// another, row by row, apart by cellSep (see tablecell.go).
	kTable
)

// style is how a character is set. Links are compared by pointer, so two
// adjacent links to one address stay two links.
type style struct {
	bold, italic, strike, code bool
	link                       *linkRef
	// lang marks a passage in another language ([bonjour]{lang=fr}): its
	// words are the user's text, written on like any other; compared by
	// pointer, as links are.
	lang *langRef
	// cond marks text shown only when a field is filled: its words are
	// the user's text too, compared by pointer so that two conditionals
	// side by side stay two.
	cond *condRef
}

type linkRef struct{ dest string }

type langRef struct{ tag string }

// condRef is when a run of text prints. A run shown when field is filled
// has field set; one in an otherwise has elseOf, the condition that
// failed first, and field too when it is itself an else-if. The
// otherwise proper (field empty) prints when every condition up its
// elseOf chain failed. A run's atoms share one condRef, and the runs of
// one conditional point up to its first, so build knows them as one.
type condRef struct {
	field  string
	elseOf *condRef
}

// follows reports whether p is up c's elseOf chain: text of c may come
// right after p's and be the same conditional's.
func (c *condRef) follows(p *condRef) bool {
	if c == nil {
		return false
	}
	for n := c.elseOf; n != nil; n = n.elseOf {
		if n == p {
			return true
		}
	}
	return false
}

// atom is one unit of text: a character, or an inline object the user
// sees as one token (a field, a citation, a footnote number, conditional
// text inside a link or other conditional text, an image, an address, a
// line break).
type atom struct {
	r   rune
	obj sectiontext.Inline
	st  style
}

// listProps are a list's own properties, shared by its items; those of a
// list the user makes are a bullet list's, or numbers from 1.
type listProps struct {
	ordered bool
	start   int
	delim   sectiontext.Delimiter
	tight   bool
}

// block is a paragraph, heading, list item or box. Blocks are shared with
// the undo history and copied before a change (Editor.mut).
type block struct {
	kind  kind
	level int        // a heading's level
	depth int        // a list item's nesting, 0 at the top
	list  *listProps // the list an item is directly in
	atoms []atom
	box   sectiontext.Block // a box's block
	// cols and align are a table's columns and their alignments; align
	// is shared with the undo history and replaced, never changed.
	cols  int
	align []sectiontext.Align
	// orig is the block as SetBody gave it while the user has not
	// changed it, from the top-level list an unchanged item came from:
	// Body hands them back unchanged.
	orig sectiontext.Block
	from *origList
	gen  int
	lay  *blockLayout
}

// length is the number of cursor steps in b: a box is one.
func (b *block) length() int {
	if b.kind == kBox {
		return 1
	}
	return len(b.atoms)
}

// origList is a list as SetBody gave it and how many items it made.
type origList struct {
	list sectiontext.List
	n    int
}

// pos is a cursor position: block index and offset in its atoms (0 or 1
// in a box: before or after it).
type pos struct{ b, o int }

func (p pos) less(q pos) bool { return p.b < q.b || p.b == q.b && p.o < q.o }

// within is the part of block i, of n steps, that lies between s and t
// (s before t): all of it but in the first and last block.
func within(i, n int, s, t pos) (a, z int) {
	a, z = 0, n
	if i == s.b {
		a = s.o
	}
	if i == t.b {
		z = t.o
	}
	return a, z
}

func order(a, b pos) (pos, pos) {
	if b.less(a) {
		return b, a
	}
	return a, b
}

// mut returns block i ready to change: copied first if the undo history
// holds it, and no longer the block SetBody gave.
func (e *Editor) mut(i int) *block {
	b := e.blocks[i]
	if b.gen != e.gen {
		c := *b
		c.atoms = slices.Clone(b.atoms)
		c.gen = e.gen
		b = &c
		e.blocks[i] = b
	}
	b.orig, b.from, b.lay = nil, nil, nil
	return b
}

// fresh makes a new block owned by the current generation.
func (e *Editor) fresh(k kind) *block { return &block{kind: k, gen: e.gen} }

// load turns a body into editor blocks.
func load(b sectiontext.Body) []*block {
	var out []*block
	for _, x := range b.Blocks {
		switch x := x.(type) {
		case sectiontext.Paragraph:
			out = append(out, &block{kind: kPara, atoms: exact(atomsOf(x.Inlines, style{}, nil)), orig: x})
		case sectiontext.Heading:
			out = append(out, &block{kind: kHeading, level: x.Level, atoms: exact(atomsOf(x.Inlines, style{}, nil)), orig: x})
		case sectiontext.List:
			if !flat(x) {
				out = append(out, &block{kind: kBox, box: x, orig: x})
				continue
			}
			items := loadList(x, 0, nil)
			from := &origList{x, len(items)}
			for _, it := range items {
				it.from = from
			}
			out = append(out, items...)
		case sectiontext.Table:
			out = append(out, loadTable(x))
		default:
			out = append(out, &block{kind: kBox, box: x, orig: x})
		}
	}
	return out
}

// flat reports whether every item of l is a paragraph, maybe followed by
// a sub-list of the same shape: the lists the editor edits item by item.
func flat(l sectiontext.List) bool {
	for _, it := range l.Items {
		if len(it.Blocks) == 0 || len(it.Blocks) > 2 {
			return false
		}
		if _, ok := it.Blocks[0].(sectiontext.Paragraph); !ok {
			return false
		}
		if len(it.Blocks) == 2 {
			sub, ok := it.Blocks[1].(sectiontext.List)
			if !ok || !flat(sub) {
				return false
			}
		}
	}
	return len(l.Items) > 0
}

func loadList(l sectiontext.List, depth int, out []*block) []*block {
	p := &listProps{ordered: l.Ordered, start: l.Start, delim: l.Delimiter, tight: l.Tight}
	for _, it := range l.Items {
		para := it.Blocks[0].(sectiontext.Paragraph)
		out = append(out, &block{kind: kItem, depth: depth, list: p, atoms: exact(atomsOf(para.Inlines, style{}, nil))})
		if len(it.Blocks) == 2 {
			out = loadList(it.Blocks[1].(sectiontext.List), depth+1, out)
		}
	}
	return out
}

// atomsOf flattens inline runs into atoms, styles carried on each.
func atomsOf(in []sectiontext.Inline, st style, out []atom) []atom {
	for _, x := range in {
		switch x := x.(type) {
		case sectiontext.Text:
			for _, r := range x.Text {
				out = append(out, atom{r: r, st: st})
			}
		case sectiontext.Bold:
			s := st
			s.bold = true
			out = atomsOf(x.Inlines, s, out)
		case sectiontext.Italic:
			s := st
			s.italic = true
			out = atomsOf(x.Inlines, s, out)
		case sectiontext.Strike:
			s := st
			s.strike = true
			out = atomsOf(x.Inlines, s, out)
		case sectiontext.Code:
			s := st
			s.code = true
			for _, r := range x.Text {
				out = append(out, atom{r: r, st: s})
			}
		case sectiontext.Link:
			s := st
			s.link = &linkRef{x.Destination}
			if len(x.Inlines) == 0 {
				// A link without text keeps its address as an object.
				out = append(out, atom{obj: x, st: st})
				continue
			}
			out = atomsOf(x.Inlines, s, out)
		case sectiontext.Lang:
			if len(x.Inlines) == 0 {
				out = append(out, atom{obj: x, st: st})
				continue
			}
			// The passage's words are shown and edited as text: held as
			// one object they printed but the editor showed nothing.
			s := st
			s.lang = &langRef{x.Tag}
			out = atomsOf(x.Inlines, s, out)
		case sectiontext.Conditional:
			if !expands(x, st) {
				out = append(out, atom{obj: x, st: st})
				continue
			}
			// Its words are shown and edited as text, marked: as one
			// chip it never wrapped, and its words needed a dialog.
			out = condAtoms(x, st, nil, out)
		default:
			out = append(out, atom{obj: x, st: st})
		}
	}
	return out
}

// condAtoms is conditional x as marked text: its words, then its
// otherwise's (an else-if's words, then its own otherwise's), each run
// with its condRef; parent is the condition that failed before x's, nil
// for the first.
func condAtoms(x sectiontext.Conditional, st style, parent *condRef, out []atom) []atom {
	then := &condRef{field: x.Field, elseOf: parent}
	s := st
	s.cond = then
	out = atomsOf(x.Then, s, out)
	if len(x.Else) == 1 {
		if c, ok := x.Else[0].(sectiontext.Conditional); ok && len(c.Then)+len(c.Else) > 0 {
			return condAtoms(c, st, then, out)
		}
	}
	s.cond = &condRef{elseOf: then}
	return atomsOf(x.Else, s, out)
}

// expands reports whether conditional text set in st is shown as marked
// text. One with no words at all stays a chip, so it is not lost. So
// does one inside a link or a passage in another language (written back
// outermost, the conditional would cut it in two) or inside another
// conditional's text, which has one condition per character.
func expands(x sectiontext.Conditional, st style) bool {
	return len(x.Else)+len(x.Then) > 0 && st.link == nil && st.lang == nil && st.cond == nil
}

// exact copies atoms into a slice of their length: a long section holds
// its text as atoms, and append's spare room would be a third of it.
func exact(as []atom) []atom { return append(make([]atom, 0, len(as)), as...) }

// plain is the text of atoms as a person would read it aloud: objects as
// their shown text.
func (e *Editor) plain(as []atom) string {
	var rs []rune
	for _, a := range as {
		if a.obj == nil {
			rs = append(rs, a.r)
		} else if _, br := a.obj.(sectiontext.HardBreak); br {
			rs = append(rs, '\n')
		} else {
			rs = append(rs, []rune(e.objText(a.obj))...)
		}
	}
	return string(rs)
}
