package pdf

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strconv"
	"strings"
)

// Every PDF Briefsmith writes is tagged (PDF/UA-1, ISO 14289-1): a
// structure tree says what each mark on a page is — heading, paragraph,
// list item, table cell, figure — in reading order, and page furniture
// (running header, footer, marking, page numbers, watermark, rules) is
// marked as artifact so a screen reader and copy/paste skip it. Layout
// tells the surface which element or artifact each drawing belongs to;
// the tagger turns that into marked-content operators in the page content
// as the page is drawn, and into the structure objects afterwards.

// role is a standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4).
type role string

// roleOf maps layout's elements to structure types.
func roleOf(e layout.Element, a layout.Attrs) role {
	switch e {
	case layout.ElemSection:
		return "Sect"
	case layout.ElemTitle:
		return "Div"
	case layout.ElemHeading:
		return role("H" + strconv.Itoa(min(max(a.Level, 1), 6)))
	case layout.ElemParagraph:
		return "P"
	case layout.ElemList, layout.ElemSources:
		return "L"
	case layout.ElemListItem:
		return "LI"
	case layout.ElemListLabel:
		return "Lbl"
	case layout.ElemListBody:
		return "LBody"
	case layout.ElemTable:
		return "Table"
	case layout.ElemTableHead:
		return "THead"
	case layout.ElemTableBody:
		return "TBody"
	case layout.ElemTableRow:
		return "TR"
	case layout.ElemHeaderCell:
		return "TH"
	case layout.ElemCell:
		return "TD"
	case layout.ElemBlockQuote:
		return "BlockQuote"
	case layout.ElemCallout:
		// PDF 1.7 has no Aside (PDF 2.0 does): a division with the
		// call-out's label as its title.
		return "Div"
	case layout.ElemCode:
		return "Code"
	case layout.ElemFigure:
		return "Figure"
	case layout.ElemContents:
		return "TOC"
	case layout.ElemContentsItem:
		return "TOCI"
	case layout.ElemReference:
		return "Reference"
	case layout.ElemContentsPage:
		return "NonStruct"
	case layout.ElemLink:
		return "Link"
	case layout.ElemGlossary:
		// A definition list has no structure type of its own; Word and
		// LibreOffice write it as paragraphs in a division, as here.
		return "Div"
	case layout.ElemTerm, layout.ElemDefinition:
		return "P"
	case layout.ElemNote:
		return "Note"
	case layout.ElemHandling:
		return "P"
	case layout.ElemSpan:
		return "Span"
	}
	return "Span"
}

// artifactProps are the marked-content properties of each artifact kind:
// pagination (header, footer, page number) or layout (rules, shading).
func artifactProps(a layout.Artifact) string {
	switch a {
	case layout.ArtifactHeader:
		return "<</Type /Pagination /Subtype /Header>>"
	case layout.ArtifactFooter:
		return "<</Type /Pagination /Subtype /Footer>>"
	case layout.ArtifactPageNumber, layout.ArtifactRepeatedHeader:
		return "<</Type /Pagination>>"
	case layout.ArtifactWatermark:
		return "<</Type /Pagination /Subtype /Watermark>>"
	}
	return "<</Type /Layout>>"
}

// structElem is one node of the structure tree. A long packet has a
// hundred thousand of them alive until the file is written, so they are
// kept small: attributes and link text only where there are some.
type structElem struct {
	role   role
	attrs  *layout.Attrs // what the structure object writes; nil for none
	parent *structElem
	kids   []structKid
	// resume is where the current element returns to when this one ends,
	// when that is not its parent (a list label hoisted out of the body
	// paragraph it was drawn in).
	resume   *structElem
	text     *strings.Builder // a Link's text, for its description
	obj      int32            // object number, once written
	implicit bool             // an LBody the tagger opened itself
}

// newElem makes an element of role r under parent, keeping of a only what
// the structure object writes: the alternative text, the title, a header
// cell's scope and a list's numbering.
func newElem(r role, a layout.Attrs, parent *structElem) *structElem {
	e := &structElem{role: r, parent: parent}
	if a.Alt != "" || a.Label != "" || a.Scope != "" || a.Numbering != "" || a.Lang != "" {
		e.attrs = &layout.Attrs{Alt: a.Alt, Label: a.Label, Scope: a.Scope, Numbering: a.Numbering, Lang: a.Lang}
	}
	return e
}

// attr is e's attributes, the zero value when it has none.
func (e *structElem) attr() layout.Attrs {
	if e.attrs == nil {
		return layout.Attrs{}
	}
	return *e.attrs
}

// structKid is an element's child: another element, a marked-content
// sequence on a page, or an annotation.
type structKid struct {
	elem       *structElem
	annot      *annotation
	page, mcid int32
}

// annotation is a link annotation fpdf writes inline in a page: which
// one (its place in the page's /Annots), and the Link it belongs to.
type annotation struct {
	page, index int // index counts from 1 within the page
	link        *structElem
	url         string
	obj, key    int
}

// tagger records the structure while the PDF surface draws and writes it
// into the file afterwards.
type tagger struct {
	raw  func(string)
	root *structElem
	cur  *structElem
	// ignored counts elements opened inside an artifact: furniture has no
	// structure, so they are dropped with it.
	ignored []bool

	page       int
	pageMCIDs  [][]*structElem   // per page (from 1): the element of each MCID
	open       *structElem       // element whose marked content is open
	artifacts  []layout.Artifact // open artifacts, innermost last
	artifactOn bool
	annots     []*annotation
	pageAnnots map[int]int
	// refAt is the element holding the first link to each target: where
	// a footnote's Note goes.
	refAt map[int]*structElem
	// handling counts the handling elements put at the document's start.
	handling int
}

func newTagger(raw func(string)) *tagger {
	root := &structElem{role: "Document"}
	return &tagger{raw: raw, root: root, cur: root, pageMCIDs: [][]*structElem{nil}, pageAnnots: map[int]int{}}
}

func (t *tagger) begin(e layout.Element, a layout.Attrs) {
	if len(t.artifacts) > 0 {
		t.ignored = append(t.ignored, true)
		return
	}
	t.ignored = append(t.ignored, false)
	r := roleOf(e, a)
	// Layout draws a list marker with the item's first line, inside its
	// paragraph; the label belongs beside the body, directly in the item.
	if r == "Lbl" && t.cur.role != "LI" {
		if li := t.ancestor("LI"); li != nil {
			t.closeContent()
			lbl := newElem(r, a, li)
			lbl.resume = t.cur
			li.kids = insertBeforeBody(li.kids, structKid{elem: lbl})
			t.cur = lbl
			return
		}
	}
	// A footnote is drawn at the foot of the page, whatever element the
	// page broke in (a table row, say, which may hold only cells); it
	// belongs beside its reference, in the element that holds it, as
	// PDF/UA asks, so a screen reader reaches it where the number is.
	if r == "Note" {
		t.closeContent()
		parent := t.refAt[a.Target]
		if parent == nil {
			if parent = t.ancestor("Sect"); parent == nil {
				parent = t.root
			}
		}
		note := newElem(r, a, parent)
		note.resume = t.cur
		parent.kids = append(parent.kids, structKid{elem: note})
		t.cur = note
		return
	}
	// The handling marking and the watermark's word are said on the
	// first page's header; a listener must hear them before anything
	// else, so they go first in the document (before a cover's or memo
	// heading's elements opened earlier), in the order met.
	if e == layout.ElemHandling {
		t.closeContent()
		h := newElem(r, a, t.root)
		h.resume = t.cur
		at := t.handling
		t.root.kids = append(t.root.kids[:at], append([]structKid{{elem: h}}, t.root.kids[at:]...)...)
		t.handling++
		t.cur = h
		return
	}
	if r == "Link" && a.Target > 0 {
		if t.refAt == nil {
			t.refAt = map[int]*structElem{}
		}
		if _, seen := t.refAt[a.Target]; !seen {
			t.refAt[a.Target] = t.cur
		}
	}
	// A list item's content goes in its LBody, beside the label.
	if t.cur.role == "LI" && r != "Lbl" && r != "LBody" {
		t.push("LBody", layout.Attrs{}, true)
	}
	t.push(r, a, false)
}

func (t *tagger) push(r role, a layout.Attrs, implicit bool) {
	t.closeContent()
	e := newElem(r, a, t.cur)
	e.implicit = implicit
	t.cur.kids = append(t.cur.kids, structKid{elem: e})
	t.cur = e
}

func (t *tagger) end() {
	if n := len(t.ignored); n > 0 {
		skip := t.ignored[n-1]
		t.ignored = t.ignored[:n-1]
		if skip {
			return
		}
	}
	t.closeContent()
	if t.cur.resume != nil {
		t.cur = t.cur.resume
		return
	}
	if t.cur.implicit {
		t.cur = t.cur.parent
	}
	if t.cur.parent != nil {
		t.cur = t.cur.parent
	}
}

// ancestor is the nearest open element with role r, or nil.
func (t *tagger) ancestor(r role) *structElem {
	for e := t.cur; e != nil; e = e.parent {
		if e.role == r {
			return e
		}
	}
	return nil
}

// insertBeforeBody puts k before the item's LBody, so the label comes
// first in reading order.
func insertBeforeBody(kids []structKid, k structKid) []structKid {
	for i, c := range kids {
		if c.elem != nil && c.elem.role == "LBody" {
			return append(kids[:i], append([]structKid{k}, kids[i:]...)...)
		}
	}
	return append(kids, k)
}

func (t *tagger) beginArtifact(a layout.Artifact) {
	t.closeContent()
	t.artifacts = append(t.artifacts, a)
}

func (t *tagger) endArtifact() {
	if n := len(t.artifacts); n > 0 {
		t.artifacts = t.artifacts[:n-1]
	}
	t.closeContent()
}

// newPage is called once the PDF writer has started page n; marked
// content never spans pages.
func (t *tagger) newPage(n int) {
	t.page = n
	for len(t.pageMCIDs) <= n {
		t.pageMCIDs = append(t.pageMCIDs, nil)
	}
}

// endPage closes the marked content open on the page about to end.
func (t *tagger) endPage() { t.closeContent() }

// mark opens the marked-content sequence the next painting belongs to.
func (t *tagger) mark() {
	if n := len(t.artifacts); n > 0 {
		if !t.artifactOn {
			t.closeContent()
			t.raw("/Artifact " + artifactProps(t.artifacts[n-1]) + " BDC")
			t.artifactOn = true
		}
		return
	}
	if t.open == t.cur {
		return
	}
	t.closeContent()
	cur := t.cur
	if cur.role == "LI" {
		t.push("LBody", layout.Attrs{}, true)
		cur = t.cur
	}
	mcid := len(t.pageMCIDs[t.page])
	t.pageMCIDs[t.page] = append(t.pageMCIDs[t.page], cur)
	cur.kids = append(cur.kids, structKid{page: int32(t.page), mcid: int32(mcid)})
	t.raw(fmt.Sprintf("/%s <</MCID %d>> BDC", cur.role, mcid))
	t.open = cur
}

func (t *tagger) closeContent() {
	if t.open != nil || t.artifactOn {
		t.raw("EMC")
	}
	t.open, t.artifactOn = nil, false
}

// text records text drawn in the current element, for link descriptions.
func (t *tagger) text(s string) {
	if len(t.artifacts) == 0 {
		for e := t.cur; e != nil; e = e.parent {
			if e.role == "Link" {
				if e.text == nil {
					e.text = &strings.Builder{}
				}
				e.text.WriteString(s)
				return
			}
		}
	}
}

// annotation records that the PDF writer has just added a link annotation
// on this page: it belongs to the Link being drawn, or to a Link made for
// it when layout drew none (every annotation must be in the structure).
func (t *tagger) annotation(url string) {
	t.pageAnnots[t.page]++
	a := &annotation{page: t.page, index: t.pageAnnots[t.page], url: url}
	link := t.cur
	for link != nil && link.role != "Link" {
		link = link.parent
	}
	if link == nil || len(t.artifacts) > 0 {
		host := t.cur
		t.closeContent()
		link = &structElem{role: "Link", parent: host}
		host.kids = append(host.kids, structKid{elem: link})
	}
	a.link = link
	link.kids = append(link.kids, structKid{page: int32(t.page), annot: a})
	t.annots = append(t.annots, a)
}

// description is the annotation's /Contents: what the link says and where
// it goes, for people who cannot see it.
func (a *annotation) description() string {
	var text string
	if a.link.text != nil {
		text = strings.Join(strings.Fields(a.link.text.String()), " ")
	}
	switch {
	case a.url != "" && text != "" && text != a.url:
		return text + " (" + a.url + ")"
	case a.url != "":
		return "Link to " + a.url
	case text != "":
		return text + " (in this document)"
	}
	return "Link within this document"
}
