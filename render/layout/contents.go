package layout

import (
	"fmt"
	"strings"
)

// contents draws the table of contents: clickable titles, dotted leaders
// and the page numbers the previous pass found.
func (r *layout) contents() {
	// Keep the contents on one page when they fit on one: started under
	// the cover with room for a few lines, they would leave the rest of
	// the next page blank.
	rowH := r.lh + 2
	r.need(min(24+float64(len(r.entries))*rowH, r.bottom-r.top))
	// The heading goes before the TOC element, which may hold only its
	// entries (ISO 32000-1, Table 333); a division holds the two, as the
	// cover's and the memo heading's blocks are held.
	r.out.BeginElement(ElemTitle, Attrs{})
	defer r.out.EndElement()
	r.out.BeginElement(ElemHeading, Attrs{Level: 2})
	r.paragraphLines([]span{{"Contents", r.text(sans, true, 13, r.accent)}}, r.left, r.right-r.left, 20, "L")
	r.out.EndElement()
	r.out.BeginElement(ElemContents, Attrs{})
	defer r.out.EndElement()
	r.y += 4
	numW := 28.0
	for i, e := range r.entries {
		page := "–"
		if r.prev != nil && i < len(r.prev.entry) {
			page = fmt.Sprint(r.prev.entry[i])
		}
		st := r.text(serif, false, r.base, black)
		r.need(rowH)
		r.out.BeginElement(ElemContentsItem, Attrs{Target: e.link})
		// Entries are not numbered, as the section titles in the body
		// are not: a number in one place and not the other reads as a
		// mistake.
		ln := r.fit(e.title, st, r.right-r.left-numW-12)
		num := r.breakLines([]span{{page, st}}, 1e6)[0]
		// The whole line — title, leader and page number — is one link
		// area, so a reader can click anywhere along it; in the structure
		// the entry holds its reference (the title, linked) and then its
		// page number, as Table 333 describes a TOCI.
		r.out.BeginElement(ElemReference, Attrs{})
		r.out.BeginElement(ElemLink, Attrs{Target: e.link})
		r.drawLine(ln, r.left, r.y, rowH, 0, "L")
		r.out.LinkTo(r.left, r.y, r.right-r.left, rowH, e.link)
		r.out.EndElement()
		r.out.EndElement()
		base := r.y + rowH/2 + r.base*0.3
		r.decorate(func() { r.out.Line(r.left+ln.w+6, base, r.right-num.w-6, base, 0.8, RuleGrey, true) })
		r.out.BeginElement(ElemContentsPage, Attrs{})
		r.drawLine(num, r.left, r.y, rowH, r.right-r.left, "R")
		r.out.EndElement()
		r.out.EndElement()
		r.y += rowH
	}
}

// sectionTitle starts section i: kept with keep points of what follows
// (see keepHeight), bookmarked, and made the target of its contents entry.
func (r *layout) sectionTitle(i int, title string, keep float64) {
	st := r.text(sans, true, r.base+5, r.accent)
	lines := r.breakLines([]span{{title, st}}, r.right-r.left)
	lh := st.size * 1.25
	if r.y > r.top {
		r.y += r.lh
	}
	r.need(float64(len(lines))*lh + 12 + keep)
	r.out.Bookmark(title, 0, r.y)
	r.bookmarkLevel = 0
	r.outline = append(r.outline, title)
	if i < len(r.entries) {
		r.entries[i].page = r.page
		r.out.Target(r.entries[i].link, r.y)
	}
	r.out.BeginElement(ElemHeading, Attrs{Level: 1})
	for _, ln := range lines {
		r.need(lh) // a title longer than a page continues on the next
		r.drawLine(ln, r.left, r.y, lh, r.right-r.left, "L")
		r.y += lh
	}
	r.out.EndElement()
	r.y += 3
	r.decorate(func() { r.out.Line(r.left, r.y, r.right, r.y, 0.75, r.accent.Mix(0.6), false) })
	r.y += 7
}

// minLastPageLines is the fewest lines the last page of a document
// holds when the sources spill onto it: fewer looks like a page printed
// by mistake.
const minLastPageLines = 4

// sources lists every cited document, numbered, with clickable addresses.
// The list ends the document, so when it would spill only a line or
// three onto a last page, enough entries move there with them.
func (r *layout) sources(b SourceList) {
	r.out.BeginElement(ElemSources, Attrs{Numbering: "Decimal"})
	defer r.out.EndElement()
	st := r.text(serif, false, r.base-1, black)
	lh, after := st.size*1.2, 2.5
	entries := make([][]span, len(b.Items))
	lines := make([]int, len(b.Items))
	for i, s := range b.Items {
		// Sources are reference matter, set a point smaller and tighter
		// than the text, as endnotes are.
		spans := []span{{s.Title + ".", Style{fam: serif, italic: true, size: st.size, color: black}}}
		if meta := strings.Join(NonEmpty(s.Publisher, s.Date), ", "); meta != "" {
			spans = append(spans, span{" " + meta + ".", st})
		}
		if s.URL != "" {
			spans = append(spans, span{" ", st})
			ls := st
			if SafeLink(s.URL) {
				ls.link, ls.color = s.URL, LinkBlue
			}
			spans = append(spans, span{s.URL, ls})
		}
		entries[i] = spans
		lines[i] = max(1, len(r.breakLines(spans, r.right-r.left-markerWidth)))
	}
	breakBefore := -1
	for i, spans := range entries {
		if breakBefore < 0 {
			breakBefore = r.lastPageBreak(lines[i:], lh, after)
			if breakBefore >= 0 {
				breakBefore += i
			} else {
				breakBefore = len(entries) // decided: no break needed
			}
		}
		if i == breakBefore && r.y > r.top {
			r.newPage()
		}
		r.out.BeginElement(ElemListItem, Attrs{})
		// The entry's link target is where placeBlock will put its first
		// line: it keeps two lines together (three of three).
		r.need(lh * float64(keptLines(lines[i])))
		r.out.Target(sourceTargetBase+i+1, r.y)
		r.block(spans, blockCtx{marker: fmt.Sprintf("%d.", i+1)}, lh, after)
		r.out.EndElement()
	}
}

// lastPageBreak looks at entries of lines each about to be set from
// r.y: when they run onto a next page with fewer than minLastPageLines
// there, it returns the index of the entry to start that page with so it
// holds at least that many; -1 when no such break is needed (or none
// helps). Entries are taken as unsplittable, as the short ones are.
func (r *layout) lastPageBreak(lines []int, lh, after float64) int {
	y := r.y
	spillFrom := -1
	for k, n := range lines {
		h := float64(n)*lh + after
		if y+float64(n)*lh > r.bottom {
			spillFrom = k
			break
		}
		y += h
	}
	if spillFrom < 0 {
		return -1
	}
	spill := 0
	for _, n := range lines[spillFrom:] {
		spill += n
	}
	if spill >= minLastPageLines {
		return -1
	}
	// Move entries back from the spill until the last page holds enough.
	for k := spillFrom - 1; k > 0; k-- {
		spill += lines[k]
		if spill >= minLastPageLines {
			return k
		}
	}
	return -1
}
