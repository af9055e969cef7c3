package docx

import (
	"fmt"
	"strings"

	"github.com/briefsmith/briefsmith/render/layout"
)

// The Word document takes its vertical measures from the same Settings
// the PDF's layout uses — the body line's height, the share of spacing
// kept, the type size — so that a fitted packet stays fitted and a word
// processor breaks pages where the PDF does: each style's line height
// and spacing below are the layout's (render/layout walk.go, table.go,
// extensions.go, cover.go), in points.

// measures are the layout's numbers for one Document.
type measures struct {
	base float64 // body type size
	lh   float64 // body line height
	sp   float64 // share of paragraph and heading spacing kept
}

// measuresOf reads the Settings, with the defaults layout assumes for a
// Document that leaves them unset.
func measuresOf(s *layout.Settings) measures {
	m := measures{base: s.BodySize, lh: s.LineHeight, sp: s.Spacing}
	if m.base <= 0 {
		m.base = 10.5
	}
	if m.lh <= 0 {
		ls := s.Profile.LineSpacing
		if ls <= 0 {
			ls = 1.3
		}
		m.lh = m.base * ls
	}
	if m.sp <= 0 {
		m.sp = 1
	}
	return m
}

// paraAfter is the space below a paragraph of body text.
func (m measures) paraAfter() float64 { return m.lh * 0.45 * m.sp }

// answerGap is the height of one answer line.
func (m measures) answerGap() float64 { return max(m.lh*1.45, 20) }

// tableSize is the type size of table cells, smaller than the body as
// reference matter is.
func (m measures) tableSize() float64 { return max(m.base-1.5, 6) }

// Space after a block that Word cannot carry in a style of its own (a
// table has no space after): it is added above the next paragraph.
func (m measures) afterTable() float64   { return m.lh * 0.6 }
func (m measures) afterCallout() float64 { return m.lh * 0.6 }
func (m measures) afterAnswers() float64 { return m.lh * 0.6 }
func (m measures) afterGlossary() float64 {
	return m.lh * 0.3
}
func (m measures) afterList() float64 { return m.lh * 0.2 }

// spacingXML is a w:spacing element: before and after in points (<0
// leaves them to the style), line in points with rule "exact" or
// "atLeast" ("" leaves it).
func spacingXML(before, after, line float64, rule string) string {
	var b strings.Builder
	b.WriteString(`<w:spacing`)
	if before >= 0 {
		fmt.Fprintf(&b, ` w:before="%d"`, twips(before))
	}
	if after >= 0 {
		fmt.Fprintf(&b, ` w:after="%d"`, twips(after))
	}
	if rule != "" {
		fmt.Fprintf(&b, ` w:line="%d" w:lineRule="%s"`, twips(line), rule)
	}
	b.WriteString(`/>`)
	return b.String()
}

// pending is what the next paragraph of the flow must add above itself:
// the space after a table, call-out, answer lines or list (which Word
// has no place for), or a page break.
type pending struct {
	before    float64
	pageBreak bool
}

// withPending adds the pending space and page break to a paragraph's
// properties pPr (written after its style, in schema order) for a
// paragraph in style, and clears them. The space is added to the
// style's own space above, which direct formatting replaces.
func (d *docxWriter) withPending(style, pPr string) string {
	p := d.pend
	d.pend = pending{}
	if p.pageBreak {
		// After w:keepNext and w:keepLines, before everything else.
		at := 0
		for _, k := range []string{`<w:keepNext`, `<w:keepLines`} {
			if strings.HasPrefix(pPr[at:], k) {
				at += strings.Index(pPr[at:], "/>") + 2
			}
		}
		pPr = pPr[:at] + `<w:pageBreakBefore/>` + pPr[at:]
	}
	if p.before <= 0 {
		return pPr
	}
	if i := strings.Index(pPr, `<w:spacing`); i >= 0 {
		// The paragraph sets its own space above: add to that.
		end := i + strings.Index(pPr[i:], "/>")
		el := pPr[i:end]
		own := 0
		if j := strings.Index(el, ` w:before="`); j >= 0 {
			k := j + len(` w:before="`)
			q := k + strings.IndexByte(el[k:], '"')
			fmt.Sscanf(el[k:q], "%d", &own)
			el = el[:j] + el[q+1:]
		} else {
			own = d.styleBefore[style]
		}
		el = `<w:spacing` + fmt.Sprintf(` w:before="%d"`, own+twips(p.before)) + el[len(`<w:spacing`):]
		return pPr[:i] + el + pPr[end:]
	}
	el := fmt.Sprintf(`<w:spacing w:before="%d"/>`, twips(p.before)+d.styleBefore[style])
	for _, next := range []string{`<w:ind `, `<w:jc `} {
		if i := strings.Index(pPr, next); i >= 0 {
			return pPr[:i] + el + pPr[i:]
		}
	}
	return pPr + el
}

// flushPending writes what is still pending where no paragraph follows
// (the end of a call-out's cell, the end of the body, or between two
// tables, which would otherwise join): an empty paragraph as tall as
// the space, so the space stays and tables stay apart.
func (d *docxWriter) flushPending(b *strings.Builder, force bool) {
	p := d.pend
	if !force && p.before <= 0 && !p.pageBreak {
		return
	}
	d.pend = pending{}
	b.WriteString(`<w:p><w:pPr>`)
	if p.pageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	b.WriteString(spacingXML(0, 0, max(p.before, 1), "exact"))
	b.WriteString(`<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`)
}
