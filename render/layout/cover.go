package layout

import (
	"image"
	"math"
	"strings"

	xdraw "golang.org/x/image/draw"
)

// cover draws the title block on the first page: logo, kind of document,
// title, subtitle and who it is from and for.
func (r *layout) cover() {
	m := &r.doc.Meta
	width := r.right - r.left
	r.out.BeginElement(ElemTitle, Attrs{})
	defer r.out.EndElement()
	r.y = r.top + 24
	if _, h := r.drawLogo(r.left, r.y, coverLogoBox.w, coverLogoBox.h); h > 0 {
		r.y += h + 28
	}
	kicker := r.doc.Settings.Profile.Kicker
	r.paragraphLines([]span{{strings.ToUpper(kicker), r.text(sans, true, 10, r.accent)}}, r.left, width, 14, "L")
	r.y += 6
	r.out.BeginElement(ElemHeading, Attrs{Level: 1})
	r.paragraphLines([]span{{m.Title, r.text(sans, true, 28, black)}}, r.left, width, 33, "L")
	r.out.EndElement()
	if m.Subtitle != "" {
		r.y += 6
		r.paragraphLines([]span{{m.Subtitle, r.text(sans, false, 15, Grey)}}, r.left, width, 19, "L")
	}
	r.y += 14
	r.decorate(func() { r.out.Fill(r.left, r.y, 72, 4, r.accent) })
	r.y += 22

	rows := [][2]string{
		{"Prepared for", m.PreparedFor},
		{"Prepared by", m.Author},
		{"Organization", m.Organization},
		{"Date", m.Date},
		{"Handling", m.Marking},
	}
	labelW := 100.0
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		r.need(r.lh + 2) // the label and the first line of its value share a page
		top := r.y
		r.out.BeginElement(ElemParagraph, Attrs{})
		r.paragraphLines([]span{{strings.ToUpper(row[0]), r.text(sans, true, 8.5, Grey)}}, r.left, labelW, r.lh, "L")
		r.y = top
		r.paragraphLines([]span{{row[1], r.text(serif, false, r.base+1, black)}}, r.left+labelW, width-labelW, r.lh+1, "L")
		r.out.EndElement()
		r.y += 4
	}
	if r.doc.Settings.Profile.NameLine {
		r.nameLine()
	}
	r.y += 24
}

// titleBlock opens the first page when there is no cover: a memo heading
// with title, subtitle, who it is for and from, and the date; for students,
// blanks for their name.
func (r *layout) titleBlock() {
	m := &r.doc.Meta
	width := r.right - r.left
	r.out.BeginElement(ElemTitle, Attrs{})
	defer r.out.EndElement()
	if w, _ := r.drawLogo(r.right-memoLogoBox.w, r.y, memoLogoBox.w, memoLogoBox.h); w > 0 {
		// The logo sits at the top right; the title wraps short of it.
		width -= min(w, memoLogoBox.w) + 16
	}
	kicker := r.doc.Settings.Profile.Kicker
	r.paragraphLines([]span{{strings.ToUpper(kicker), r.text(sans, true, 9, r.accent)}}, r.left, width, 13, "L")
	r.y += 2
	r.out.BeginElement(ElemHeading, Attrs{Level: 1})
	r.paragraphLines([]span{{m.Title, r.text(sans, true, r.base+9, black)}}, r.left, width, (r.base+9)*1.2, "L")
	r.out.EndElement()
	if m.Subtitle != "" {
		r.paragraphLines([]span{{m.Subtitle, r.text(sans, false, r.base+2, Grey)}}, r.left, width, (r.base+2)*1.35, "L")
	}
	r.y += 6
	var rows [][2]string
	heading := append([][2]string{{"For", m.PreparedFor}}, r.doc.Settings.Profile.HeadingRows(m.Author, m.Organization)...)
	for _, row := range append(heading, [2]string{"Date", m.Date}) {
		if strings.TrimSpace(row[1]) != "" {
			rows = append(rows, row)
		}
	}
	labelW := 48.0
	for _, row := range rows {
		r.need(r.lh + 2) // the label and the first line of its value share a page
		top := r.y
		r.out.BeginElement(ElemParagraph, Attrs{})
		r.paragraphLines([]span{{strings.ToUpper(row[0]), r.text(sans, true, 8, Grey)}}, r.left, labelW, r.base*1.4, "L")
		r.y = top
		r.paragraphLines([]span{{row[1], r.text(serif, false, r.base, black)}}, r.left+labelW, width-labelW, r.base*1.4, "L")
		r.out.EndElement()
	}
	if r.doc.Settings.Profile.NameLine {
		r.nameLine()
	}
	r.y += 6
	r.decorate(func() { r.out.Line(r.left, r.y, r.right, r.y, 1.2, r.accent, false) })
	r.y += r.lh * 0.4
}

// nameLine prints "Name ____ Class ____ Date ____" for a student to fill.
func (r *layout) nameLine() {
	r.y += 10
	st := r.text(sans, true, 9, Grey)
	fields := []struct {
		label string
		share float64
	}{{"NAME", 0.5}, {"CLASS", 0.25}, {"DATE", 0.25}}
	x := r.left
	width := r.right - r.left
	base := r.y + 16
	for _, f := range fields {
		w := width * f.share
		label := r.breakLines([]span{{f.label, st}}, 1e6)[0]
		r.out.BeginElement(ElemParagraph, Attrs{})
		r.drawLine(label, x, base-12, 14, w, "L")
		r.out.EndElement()
		r.out.BeginArtifact(ArtifactAnswerLines)
		r.out.Line(x+label.w+6, base, x+w-14, base, 0.6, RGB{0x80, 0x84, 0x88}, false)
		r.out.EndArtifact()
		x += w
	}
	r.y = base + 8
}

// drawLogo places the logo at x, y within a w×h box, keeping its shape,
// and returns the size drawn. In the running header the logo is furniture
// (the caller has opened an artifact); elsewhere it is a Figure with its
// description. A logo without one is decoration, skipped by a screen
// reader: a Figure with an empty /Alt fails PDF/UA (7.3-1), which the
// file claims, and validate already warns that the description is missing.
func (r *layout) drawLogo(x, y, w, h float64) (float64, float64) {
	dw, dh := r.logoSize(w, h)
	if dw > 0 {
		alt := strings.TrimSpace(r.doc.Settings.Logo.Alt)
		if alt == "" {
			r.decorate(func() { r.out.Logo(x, y, dw, dh) })
			return dw, dh
		}
		r.out.BeginElement(ElemFigure, Attrs{Alt: alt})
		r.out.Logo(x, y, dw, dh)
		r.out.EndElement()
	}
	return dw, dh
}

// logoSize is the logo's size scaled to fit a w×h box.
func (r *layout) logoSize(w, h float64) (float64, float64) {
	if r.logoW == 0 || r.logoH == 0 {
		return 0, 0
	}
	scale := min(w/r.logoW, h/r.logoH)
	return r.logoW * scale, r.logoH * scale
}

// logoBox is the box a logo is fitted into, in points, keeping its shape.
type logoBox struct{ w, h float64 }

// The boxes the logo is placed in: on the cover, beside the memo heading,
// and in the running header.
var (
	coverLogoBox  = logoBox{160, 64}
	memoLogoBox   = logoBox{120, 40}
	headerLogoBox = logoBox{90, 16}
)

// printPPI is the resolution the logo is resampled down to: what a
// printer or a zoomed screen can use, and no more.
const printPPI = 300

// LogoPPI is how many of the logo's pixels fall on an inch where the
// document prints it largest (the cover, the memo heading or the page
// header, whichever this document uses): below about 150 it prints
// blurry. It is 0 without a logo.
func (d *Document) LogoPPI() float64 {
	w := d.logoPrintWidth()
	if w == 0 {
		return 0
	}
	return float64(d.Settings.Logo.Width) / (w / 72)
}

// logoPrintWidth is the widest the logo is printed, in points.
func (d *Document) logoPrintWidth() float64 {
	l := d.Settings.Logo
	if l == nil || l.Width == 0 || l.Height == 0 {
		return 0
	}
	var boxes []logoBox
	for _, b := range d.Front {
		switch b.(type) {
		case Cover:
			boxes = append(boxes, coverLogoBox)
		case MemoHeading:
			boxes = append(boxes, memoLogoBox)
		}
	}
	if d.Settings.Profile.HeaderLogo {
		boxes = append(boxes, headerLogoBox)
	}
	widest := 0.0
	for _, b := range boxes {
		widest = max(widest, float64(l.Width)*min(b.w/float64(l.Width), b.h/float64(l.Height)))
	}
	return widest
}

// LogoForPrint is the logo with no more pixels than printPPI at the
// size it is printed largest: a 6,000-pixel photograph would otherwise
// make a memo of a hundred kilobytes several megabytes. A logo already
// at or below that resolution is returned as it is.
func (d *Document) LogoForPrint() *Logo {
	l := d.Settings.Logo
	w := d.logoPrintWidth()
	if w == 0 {
		return l
	}
	tw := int(math.Ceil(w / 72 * printPPI))
	if tw >= l.Width {
		return l
	}
	th := max(1, int(math.Round(float64(l.Height)*float64(tw)/float64(l.Width))))
	small := image.NewNRGBA(image.Rect(0, 0, tw, th))
	xdraw.CatmullRom.Scale(small, small.Bounds(), l.img, l.img.Bounds(), xdraw.Src, nil)
	out := *l
	out.Width, out.Height, out.img = tw, th, small
	return &out
}

func NonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
