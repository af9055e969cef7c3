package briefing

import (
	"fmt"
	"strings"
	"time"
)

// cover draws the title block on the first page: logo, kind of document,
// title, subtitle and who it is from and for.
func (r *renderer) cover() {
	width := r.right - r.left
	r.y = r.top + 24
	if _, h := r.drawLogo(r.left, r.y, 160, 64); h > 0 {
		r.y += h + 28
	}
	kicker := audienceKicker(r.p.Audience)
	r.paragraphLines([]span{{strings.ToUpper(kicker), r.text(sans, true, 10, r.accent)}}, r.left, width, 14, "L")
	r.y += 6
	r.paragraphLines([]span{{r.p.Title, r.text(sans, true, 28, black)}}, r.left, width, 33, "L")
	if r.p.Subtitle != "" {
		r.y += 6
		r.paragraphLines([]span{{r.p.Subtitle, r.text(sans, false, 15, grey)}}, r.left, width, 19, "L")
	}
	r.y += 14
	r.out.Fill(r.left, r.y, 72, 4, r.accent)
	r.y += 22

	rows := [][2]string{
		{"Prepared for", r.p.PreparedFor},
		{"Prepared by", r.p.Author},
		{"Organization", r.p.Organization},
		{"Date", formatDate(r.p.Date)},
		{"Handling", r.p.Marking},
	}
	labelW := 100.0
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		r.need(r.lh + 2) // the label and the first line of its value share a page
		top := r.y
		r.paragraphLines([]span{{strings.ToUpper(row[0]), r.text(sans, true, 8.5, grey)}}, r.left, labelW, r.lh, "L")
		r.y = top
		r.paragraphLines([]span{{row[1], r.text(serif, false, r.base+1, black)}}, r.left+labelW, width-labelW, r.lh+1, "L")
		r.y += 4
	}
	if profileFor(r.p.Audience).nameLine {
		r.nameLine()
	}
	r.y += 24
}

// formatDate prints 2026-11-25 as "25 November 2026"; anything else as is.
func formatDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}

// contents draws the table of contents: clickable titles, dotted leaders
// and the page numbers the previous pass found.
func (r *renderer) contents() {
	r.need(60)
	r.paragraphLines([]span{{"Contents", r.text(sans, true, 13, r.accent)}}, r.left, r.right-r.left, 20, "L")
	r.y += 4
	numW := 28.0
	for i, e := range r.entries {
		page := "–"
		if r.prev != nil && i < len(r.prev.entry) {
			page = fmt.Sprint(r.prev.entry[i])
		}
		st := r.text(serif, false, r.base, black)
		st.internal = e.link
		r.need(r.lh + 2)
		ln := r.fit(fmt.Sprintf("%d. %s", i+1, e.title), st, r.right-r.left-numW-12)
		r.drawLine(ln, r.left, r.y, r.lh+2, 0, "L")
		num := r.breakLines([]span{{page, st}}, 1e6)[0]
		r.drawLine(num, r.left, r.y, r.lh+2, r.right-r.left, "R")
		base := r.y + (r.lh+2)/2 + r.base*0.3
		r.out.Line(r.left+ln.w+6, base, r.right-num.w-6, base, 0.8, rule, true)
		r.y += r.lh + 2
	}
}

// sectionTitle starts section i: kept with keep points of what follows
// (see keepHeight), bookmarked, and made the target of its contents entry.
func (r *renderer) sectionTitle(i int, title string, keep float64) {
	st := r.text(sans, true, r.base+5, r.accent)
	lines := r.breakLines([]span{{title, st}}, r.right-r.left)
	lh := st.size * 1.25
	if r.y > r.top {
		r.y += r.lh * 1.2
	}
	r.need(float64(len(lines))*lh + 12 + keep)
	r.out.Bookmark(title, 0, r.y)
	r.outline = append(r.outline, title)
	if i < len(r.entries) {
		r.entries[i].page = r.page
		r.out.Target(r.entries[i].link, r.y)
	}
	for _, ln := range lines {
		r.need(lh) // a title longer than a page continues on the next
		r.drawLine(ln, r.left, r.y, lh, r.right-r.left, "L")
		r.y += lh
	}
	r.y += 3
	r.out.Line(r.left, r.y, r.right, r.y, 0.75, r.accent.mix(0.6), false)
	r.y += 9
}

// sources lists every cited document, numbered, with clickable addresses.
func (r *renderer) sources(entry int) {
	r.sectionTitle(entry, "Sources", 3*r.lh)
	for i, s := range r.doc.Sources {
		st := r.text(serif, false, r.base-0.5, black)
		spans := []span{{s.Title + ".", style{fam: serif, italic: true, size: st.size, color: black}}}
		if meta := strings.Join(nonEmpty(s.Publisher, s.Date), ", "); meta != "" {
			spans = append(spans, span{" " + meta + ".", st})
		}
		if s.URL != "" {
			spans = append(spans, span{" ", st})
			ls := st
			if safeLink(s.URL) {
				ls.link, ls.color = s.URL, linkBlue
			}
			spans = append(spans, span{s.URL, ls})
		}
		r.block(spans, blockCtx{marker: fmt.Sprintf("%d.", i+1)}, r.lh*0.95, 3)
	}
}
