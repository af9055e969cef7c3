package pdf

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The tagged file is written in one pass, as fpdf hands its file over:
// plan does everything that can fail — reading fpdf's page, catalog and
// font dictionaries and matching its annotations to the links layout
// recorded — keeping only the few objects it rewrites; then fpdf's file
// is streamed out, its page contents compressed one at a time
// (compress.go), and the structure behind it, element by element. At
// 5,000 sections the update is 15 MB and the compressed file 8 MB: built
// whole in memory, with a copy of the file in front of the update and a
// copy of all that in the caller's buffer, they were the largest things
// alive at the end of an export, and a caller writing to a file needs
// none of them.

// write writes the tagged file to w: pdf, the file fpdf wrote (with its
// page contents compressed when compress is set), then the update that
// tags it (see fpdfoutput.go). Nothing is written unless every check
// passed.
func (t *tagger) write(w *countingWriter, pdf []byte, pages int, compress bool) error {
	f, err := parsePDF(pdf)
	if err != nil {
		return err
	}
	tp, err := t.plan(f, pages, pageObject)
	if err != nil {
		return err
	}
	if compress {
		isContent := func(n int) bool { return isContentObject(n, pages) }
		if tp.prev, err = writeCompressed(w, pdf, f, isContent); err != nil {
			return err
		}
	} else {
		w.Write(pdf)
		if !bytes.HasSuffix(pdf, []byte("\n")) {
			w.WriteString("\n")
		}
	}
	tp.writeUpdate(w, compress)
	return nil
}

// taggedPDF is the incremental update that tags a document fpdf wrote,
// planned.
type taggedPDF struct {
	f       *pdfFile
	tags    *tagger
	pages   int
	pageObj func(n int) int
	// treeRoot and parentTree are the structure tree root's and parent
	// tree's object numbers; next is the update's /Size; prev is where
	// the file's own cross-reference table starts.
	treeRoot, parentTree, next, prev int
	all                              []*structElem // every element, in document order
	// rewritten are the objects written after the structure, in order:
	// each page's annotations and the page, the catalog, the fonts.
	rewritten []rewrittenObj
}

// rewrittenObj is an object of the update whose body is built in advance.
type rewrittenObj struct {
	n    int
	body string
}

// plan numbers the structure and prepares the update that adds it to f,
// the file fpdf wrote; pageObj gives the object number fpdf gave page n.
func (t *tagger) plan(f *pdfFile, pages int, pageObj func(n int) int) (*taggedPDF, error) {
	tp := &taggedPDF{f: f, tags: t, pages: pages, pageObj: pageObj, next: f.size, prev: f.xref}
	alloc := func() int { tp.next++; return tp.next - 1 }
	// Numbers first: the tree root, the parent tree, every element in
	// document order, the annotations.
	tp.treeRoot, tp.parentTree = alloc(), alloc()
	var number func(e *structElem)
	number = func(e *structElem) {
		e.obj = int32(alloc())
		tp.all = append(tp.all, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	for i, a := range t.annots {
		a.obj, a.key = alloc(), pages+i
	}
	write := func(n int, body string) { tp.rewritten = append(tp.rewritten, rewrittenObj{n, body}) }

	// The pages again: their annotations become objects of their own,
	// with /StructParent and a description; the page gets /StructParents
	// and a tab order that follows the structure.
	byPlace := map[[2]int]*annotation{}
	for _, a := range t.annots {
		byPlace[[2]int{a.page, a.index}] = a
	}
	for p := 1; p <= pages; p++ {
		n := pageObj(p)
		d, err := f.dict(n)
		if err != nil {
			return nil, err
		}
		body := strings.TrimSuffix(d, ">>")
		if i := strings.Index(body, "/Annots ["); i >= 0 {
			j := closingBracket(body[i:])
			if j < 0 {
				return nil, fmt.Errorf("tagging: page %d: unterminated /Annots", p)
			}
			var refs strings.Builder
			refs.WriteString("/Annots [")
			for k, ad := range splitDicts(body[i+len("/Annots [") : i+j]) {
				a := byPlace[[2]int{p, k + 1}]
				if a == nil {
					return nil, fmt.Errorf("tagging: page %d: annotation %d was not recorded", p, k+1)
				}
				write(a.obj, fmt.Sprintf("%s /StructParent %d /Contents %s>>", strings.TrimSuffix(ad, ">>"), a.key, pdfString(a.description())))
				fmt.Fprintf(&refs, "%d 0 R ", a.obj)
			}
			refs.WriteString("]")
			body = body[:i] + refs.String() + body[i+j+1:]
		}
		write(n, fmt.Sprintf("%s /StructParents %d /Tabs /S>>", body, p-1))
	}

	// The catalog again, marked as tagged.
	cat, err := f.dict(f.root)
	if err != nil {
		return nil, err
	}
	write(f.root, fmt.Sprintf("%s /MarkInfo <</Marked true>> /StructTreeRoot %d 0 R /ViewerPreferences <</DisplayDocTitle true>> /Version /1.7>>",
		strings.TrimSuffix(cat, ">>"), tp.treeRoot))
	if err := subsetNames(f, write); err != nil {
		return nil, err
	}
	return tp, nil
}

// countingWriter buffers what is written and counts it, for the offsets
// the cross-reference section lists.
type countingWriter struct {
	w *bufio.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

func (c *countingWriter) WriteString(s string) (int, error) {
	n, err := c.w.WriteString(s)
	c.n += n
	return n, err
}

// writeUpdate writes the update to w, after the file it updates: the
// structure, the parent tree and the rewritten objects packed into
// object streams (objstm.go), the catalog as a plain object, then the
// cross-reference stream; compress says whether streams are compressed.
func (tp *taggedPDF) writeUpdate(w *countingWriter, compress bool) {
	packed := len(tp.all) + 2 + len(tp.rewritten) - 1 // all but the catalog
	streams := (packed + objPerStream - 1) / objPerStream
	xrefNum := tp.next + streams
	p := newObjPacker(w, xrefNum+1, tp.next, compress)
	// buf holds one object's dictionary at a time; appending to it is
	// what fmt did into a new string per element, without the garbage.
	var buf []byte
	cur := 0
	obj := func(n int) { cur, buf = n, buf[:0] }
	ref := func(n int) { buf = append(strconv.AppendInt(buf, int64(n), 10), " 0 R"...) }
	end := func() { p.pack(cur, buf) }

	for _, e := range tp.all {
		parent := tp.treeRoot
		if e.parent != nil {
			parent = int(e.parent.obj)
		}
		obj(int(e.obj))
		a := e.attr()
		buf = append(append(append(buf, "<</Type /StructElem /S /"...), e.role...), " /P "...)
		ref(parent)
		if e.role == "Figure" {
			buf = append(append(buf, " /Alt "...), pdfString(a.Alt)...)
		}
		if a.Label != "" {
			buf = append(append(buf, " /T "...), pdfString(a.Label)...)
		}
		if a.Lang != "" {
			buf = append(append(buf, " /Lang "...), pdfString(a.Lang)...)
		}
		if e.role == "TH" {
			scope := a.Scope
			if scope == "" {
				scope = "Column"
			}
			buf = append(append(append(buf, " /A <</O /Table /Scope /"...), scope...), ">>"...)
		}
		if a.Numbering != "" {
			buf = append(append(append(buf, " /A <</O /List /ListNumbering /"...), a.Numbering...), ">>"...)
		}
		if e.role == "Note" {
			// PDF/UA 7.9: every note has an identifier of its own; a
			// note continued on the next page is a second element, so
			// the object number names it, not the note's number.
			buf = append(strconv.AppendInt(append(buf, " /ID (note-"...), int64(e.obj), 10), ')')
		}
		buf = append(buf, " /K ["...)
		for _, k := range e.kids {
			switch {
			case k.elem != nil:
				ref(int(k.elem.obj))
			case k.annot != nil:
				buf = append(buf, "<</Type /OBJR /Pg "...)
				ref(tp.pageObj(int(k.page)))
				buf = append(buf, " /Obj "...)
				ref(k.annot.obj)
				buf = append(buf, ">>"...)
			default:
				buf = append(buf, "<</Type /MCR /Pg "...)
				ref(tp.pageObj(int(k.page)))
				buf = append(strconv.AppendInt(append(buf, " /MCID "...), int64(k.mcid), 10), ">>"...)
			}
			buf = append(buf, ' ')
		}
		buf = append(buf, "]>>"...)
		end()
	}
	obj(tp.treeRoot)
	buf = fmt.Appendf(buf, "<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		tp.tags.root.obj, tp.parentTree, tp.pages+len(tp.tags.annots))
	end()

	// The parent tree maps page p's content (key p-1) to the element of
	// each MCID, and each annotation (keys after the pages) to its Link.
	obj(tp.parentTree)
	buf = append(buf, "<</Nums ["...)
	for p := 1; p <= tp.pages; p++ {
		buf = append(strconv.AppendInt(buf, int64(p-1), 10), " ["...)
		if p < len(tp.tags.pageMCIDs) {
			for _, e := range tp.tags.pageMCIDs[p] {
				ref(int(e.obj))
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, "] "...)
	}
	for _, a := range tp.tags.annots {
		buf = append(strconv.AppendInt(buf, int64(a.key), 10), ' ')
		ref(int(a.link.obj))
		buf = append(buf, ' ')
	}
	buf = append(buf, "]>>"...)
	end()

	for _, r := range tp.rewritten {
		if r.n == tp.f.root {
			p.plain(r.n, []byte(r.body))
		} else {
			p.pack(r.n, []byte(r.body))
		}
	}
	p.finish(xrefNum, fmt.Sprintf("/Root %d 0 R /Info %d 0 R /Prev %d", tp.f.root, tp.f.info, tp.prev))
}
