package briefing

import (
	"bytes"
	"image"
	"strings"
)

// profile is how an audience's document is set: the same facts, laid out
// for the way each reader uses the page.
type profile struct {
	// lineSpacing multiplies the type size to give the line height.
	lineSpacing float64
	// nameLine prints "Name / Class / Date" blanks for students.
	nameLine bool
	// headerLogo puts the packet's logo in every page header.
	headerLogo bool
	// minFontSize is the smallest body type the audience gets, whatever
	// the packet says: a staff packet exported as a handout grows.
	minFontSize float64
	// preparedForFooter prints "Confidential — prepared for …" in the
	// footer instead of the organization.
	preparedForFooter bool
}

// profileFor is audience's profile; an unknown audience (reported by
// validation) gets the first one's.
func profileFor(audience Audience) profile {
	row, _ := audience.info()
	return row.profile
}

// logoInfo reads the logo's type and pixel size from its header. It runs
// after checkPacketFields has vetted (and fully decoded) the logo, so it
// decodes nothing itself; tp is "" without a logo.
func logoInfo(p *Packet) (tp string, w, h float64) {
	if len(p.Style.Logo) == 0 {
		return "", 0, 0
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(p.Style.Logo))
	if err != nil {
		return "", 0, 0
	}
	tp = map[string]string{"png": "PNG", "jpeg": "JPG"}[format]
	if tp == "" {
		return "", 0, 0
	}
	return tp, float64(cfg.Width), float64(cfg.Height)
}

// drawLogo places the logo at x, y within a w×h box, keeping its shape,
// and returns the size drawn.
func (r *renderer) drawLogo(x, y, w, h float64) (float64, float64) {
	dw, dh := r.logoSize(w, h)
	if dw > 0 {
		r.out.Logo(x, y, dw, dh)
	}
	return dw, dh
}

// logoSize is the logo's size scaled to fit a w×h box.
func (r *renderer) logoSize(w, h float64) (float64, float64) {
	if r.logoW == 0 || r.logoH == 0 {
		return 0, 0
	}
	scale := min(w/r.logoW, h/r.logoH)
	return r.logoW * scale, r.logoH * scale
}

// titleBlock opens the first page when there is no cover: a memo heading
// with title, subtitle, who it is for and from, and the date; for students,
// blanks for their name.
func (r *renderer) titleBlock() {
	width := r.right - r.left
	if w, _ := r.drawLogo(r.right-120, r.y, 120, 40); w > 0 {
		// The logo sits at the top right; the title wraps short of it.
		width -= min(w, 120) + 16
	}
	kicker := audienceKicker(r.p.Audience)
	r.paragraphLines([]span{{strings.ToUpper(kicker), r.text(sans, true, 9, r.accent)}}, r.left, width, 13, "L")
	r.y += 2
	r.paragraphLines([]span{{r.p.Title, r.text(sans, true, r.base+9, black)}}, r.left, width, (r.base+9)*1.2, "L")
	if r.p.Subtitle != "" {
		r.paragraphLines([]span{{r.p.Subtitle, r.text(sans, false, r.base+2, grey)}}, r.left, width, (r.base+2)*1.35, "L")
	}
	r.y += 6
	var rows [][2]string
	for _, row := range [][2]string{
		{"For", r.p.PreparedFor},
		{"From", strings.Join(nonEmpty(r.p.Author, r.p.Organization), ", ")},
		{"Date", formatDate(r.p.Date)},
	} {
		if strings.TrimSpace(row[1]) != "" {
			rows = append(rows, row)
		}
	}
	labelW := 48.0
	for _, row := range rows {
		r.need(r.lh + 2) // the label and the first line of its value share a page
		top := r.y
		r.paragraphLines([]span{{strings.ToUpper(row[0]), r.text(sans, true, 8, grey)}}, r.left, labelW, r.base*1.4, "L")
		r.y = top
		r.paragraphLines([]span{{row[1], r.text(serif, false, r.base, black)}}, r.left+labelW, width-labelW, r.base*1.4, "L")
	}
	if profileFor(r.p.Audience).nameLine {
		r.nameLine()
	}
	r.y += 6
	r.out.Line(r.left, r.y, r.right, r.y, 1.2, r.accent, false)
	r.y += r.lh
}

// nameLine prints "Name ____ Class ____ Date ____" for a student to fill.
func (r *renderer) nameLine() {
	r.y += 10
	st := r.text(sans, true, 9, grey)
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
		r.drawLine(label, x, base-12, 14, w, "L")
		r.out.Line(x+label.w+6, base, x+w-14, base, 0.6, rgb{0x80, 0x84, 0x88}, false)
		x += w
	}
	r.y = base + 8
}

// audienceKicker is the small line above the title saying what kind of
// document this is.
func audienceKicker(a Audience) string {
	row, _ := a.info()
	return row.kicker
}
