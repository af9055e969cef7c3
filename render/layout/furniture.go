package layout

import (
	"fmt"
	"strings"
)

// header prints the marking and the document title at the top of the
// page: handling rules want the marking at the top of every page. It is
// furniture but on the first page, where a listener hears the marking
// (unless the cover states it, as a labelled field) and the watermark's
// word first.
func (r *layout) header() {
	m := &r.doc.Meta
	mk, wm := strings.TrimSpace(m.Marking), strings.TrimSpace(m.Watermark)
	first := r.page == 1
	if mk != "" {
		if first && !r.onCover() {
			r.out.BeginElement(ElemHandling, Attrs{})
			r.centred(mk, r.text(sans, true, 9, black), 15)
			r.out.EndElement()
		} else {
			r.out.BeginArtifact(ArtifactHeader)
			r.centred(mk, r.text(sans, true, 9, black), 15)
			r.out.EndArtifact()
		}
	}
	if first && wm != "" {
		// On the marking's baseline, just after it, so text extraction
		// reads "UNCLASSIFIED DRAFT" too.
		st := r.text(sans, true, 9, black)
		x := r.left
		if mk != "" {
			line := r.fit(mk, st, r.right-r.left)
			x = r.left + (r.right-r.left+line.w)/2 + r.width(st, " ")
		}
		base := 15 + (st.size*1.2-st.size)/2 + st.size*0.8
		r.out.BeginElement(ElemHandling, Attrs{})
		r.out.HiddenText(st, x, base, printable(wm))
		r.out.EndElement()
	}
	r.out.BeginArtifact(ArtifactHeader)
	defer r.out.EndArtifact()
	if r.onCover() {
		return // the cover shows the title itself; only the marking repeats
	}
	st := r.text(sans, false, 8, Grey)
	titleW := r.right - r.left
	if r.doc.Settings.Profile.HeaderLogo && r.logoW > 0 {
		w, h := r.logoSize(headerLogoBox.w, headerLogoBox.h)
		r.out.Logo(r.right-w, 24, w, h) // furniture: the cover shows it as a figure
		titleW -= w + 12
	}
	r.drawLine(r.fit(m.Title, st, titleW), r.left, 30, 10, titleW, "L")
	r.out.Line(r.left, 44, r.right, 44, 0.75, r.accent, false)
}

// watermark prints the watermark diagonally across the page. It is drawn
// last, multiplied onto the page so the text beneath stays black: drawn
// first, text extraction (copy and paste, pdftotext) runs the first words
// after it into the rotated text.
func (r *layout) watermark() {
	if wm := strings.TrimSpace(r.doc.Meta.Watermark); wm != "" {
		r.out.BeginArtifact(ArtifactWatermark)
		st := r.text(sans, true, 96, RGB{0xe4, 0xe4, 0xe4})
		if w := r.width(st, wm); w > r.pageH*0.9 {
			st.size *= r.pageH * 0.9 / w
		}
		w := r.width(st, wm)
		cx, cy := r.pageW/2, r.pageH/2
		r.out.Watermark(st, 45, cx, cy, cx-w/2, cy+st.size*0.3, printable(wm))
		r.out.EndArtifact()
	}
}

// footer prints the marking again and "Page N of M"; M comes from the
// previous layout pass.
func (r *layout) footer() {
	r.out.BeginArtifact(ArtifactFooter)
	y := r.pageH - 40
	total := r.page
	if r.prev != nil {
		total = r.prev.pages
	}
	st := r.text(sans, false, 8, Grey)
	if r.onCover() {
		// The cover says nothing but the marking: no RuleGrey, no note, no
		// page number (a reader counts it as the title page, not page 1
		// of the text).
		if m := r.footerMarking(); m != "" {
			r.centred(m, r.text(sans, true, 9, black), r.pageH-23)
		}
		r.out.EndArtifact()
		r.watermark()
		return
	}
	r.out.Line(r.left, y, r.right, y, 0.5, RuleGrey, false)
	if left := FooterNote(r.doc); left != "" {
		r.drawLine(r.fit(left, st, (r.right-r.left)*0.4), r.left, y+5, 10, r.right-r.left, "L")
	}
	r.out.BeginArtifact(ArtifactPageNumber)
	r.drawLine(r.breakLines([]span{{fmt.Sprintf("Page %d of %d", r.page, total), st}}, 1e6)[0], r.left, y+5, 10, r.right-r.left, "R")
	r.out.EndArtifact()
	if m := r.footerMarking(); m != "" {
		r.centred(m, r.text(sans, true, 9, black), r.pageH-23)
	}
	r.out.EndArtifact()
	r.watermark()
}

// footerMarking is the marking the foot of each page repeats: none when
// the audience prints it once, as header text.
func (r *layout) footerMarking() string {
	if r.doc.Settings.Profile.HeaderTextOnce {
		return ""
	}
	return strings.TrimSpace(r.doc.Meta.Marking)
}

// onCover reports whether the page being drawn is the cover: the first
// page of a document whose front matter opens with one.
func (r *layout) onCover() bool {
	if r.page != 1 || len(r.doc.Front) == 0 {
		return false
	}
	_, ok := r.doc.Front[0].(Cover)
	return ok
}

// FooterNote is the small print at the bottom left of every page, in
// every output: the client line for client briefs, otherwise the
// organization — unless the marking already says it (a school's name as
// a handout's header text is printed once per page, not twice). The
// client line calls the document confidential only when its marking
// does, so a page never says "Confidential" under an UNCLASSIFIED banner.
// (The marking is where the user says how a document is handled.)
func FooterNote(doc *Document) string {
	m := &doc.Meta
	if doc.Settings.Profile.PreparedForFooter && strings.TrimSpace(m.PreparedFor) != "" {
		if strings.Contains(strings.ToLower(m.Marking), "confidential") {
			return "Confidential — prepared for " + m.PreparedFor
		}
		return "Prepared for " + m.PreparedFor
	}
	if strings.EqualFold(strings.TrimSpace(m.Organization), strings.TrimSpace(m.Marking)) {
		return ""
	}
	return m.Organization
}

func (r *layout) centred(s string, st Style, y float64) {
	r.drawLine(r.fit(s, st, r.right-r.left), r.left, y, st.size*1.2, r.right-r.left, "C")
}
