package docx

import (
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"strings"
	"unicode/utf8"
)

// docxWriter holds what the parts share while they are written: the
// hyperlink relationships, the list numbering instances and the drawing
// ids, all handed out in document order so the output is stable.
type docxWriter struct {
	doc *layout.Document
	b   strings.Builder
	// sectionLang is the language of the section being written when it
	// is not the document's.
	sectionLang string
	// bodyLinks and noteLinks are the hyperlink relationships of
	// document.xml and of footnotes.xml: each part has its own
	// relationships, and a footnote's link must be in the footnotes'
	// (a footnote naming a relationship of the body breaks the package).
	bodyLinks, noteLinks linkSet
	// links is the set of the part being written.
	links    *linkSet
	nums     []docxNum
	drawings int
	// logoUsed is set when a part shows the logo, so the image goes
	// into the package once.
	logoUsed bool
	notes    docxNotes
	// headingLevel is the level of the last heading written (1 for a
	// section title), so a body heading never skips a level.
	headingLevel int
	// m are the layout's measures the styles and spacing follow.
	m measures
	// styleBefore is each paragraph style's space above, in twips, which
	// pending space adds to.
	styleBefore map[string]int
	// pend is what the next paragraph adds above itself; lastTable says
	// the last block written was a table, which a paragraph must follow
	// at the end of a cell or the body.
	pend      pending
	lastTable bool
}

func newDocxWriter(doc *layout.Document) *docxWriter {
	d := &docxWriter{doc: doc, m: measuresOf(&doc.Settings), styleBefore: map[string]int{}}
	d.links = &d.bodyLinks
	d.styleBefore = styleBefores(d.styleList())
	return d
}

// linkSet is one part's hyperlink relationships, one per address, with
// ids handed out in document order.
type linkSet struct {
	rels []docxRel
	ids  map[string]string
}

// xmlAllowed reports whether XML 1.0 lets r appear in a document:
// control characters other than tab and line ends, and U+FFFE/U+FFFF,
// make the whole part unreadable, so they are dropped rather than
// escaped (a character reference to them is just as invalid).
func xmlAllowed(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// escapeXML writes s as character data or an attribute value: the five
// markup characters as entities, forbidden characters dropped, invalid
// UTF-8 as U+FFFD. Nothing is ever written as CDATA, so "]]>" is
// harmless text.
func escapeXML(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\r', '\n', '\t':
			// In an attribute a raw line end would be normalised to
			// a space by the reader anyway; say so explicitly.
			b.WriteByte(' ')
		default:
			if xmlAllowed(r) {
				b.WriteRune(r)
			}
		}
	}
}

// runStyle is the character formatting of one run.
type runStyle struct {
	bold, italic, code, caps bool
	// charStyle is a character style id ("Hyperlink"), "" for none.
	charStyle string
	// color is "" for the paragraph's colour, or RRGGBB.
	color string
	// size is in points, 0 for the paragraph's size.
	size float64
	// sans sets the run in the sans family.
	sans      bool
	superText bool
	// lang is the language of a passage or section not in the
	// document's (w:lang), "" for the document's.
	lang string
}

// rPr writes the run properties in the order the schema gives them.
func (s runStyle) rPr(b *strings.Builder) {
	var p strings.Builder
	if s.charStyle != "" {
		p.WriteString(`<w:rStyle w:val="` + s.charStyle + `"/>`)
	}
	switch {
	case s.code:
		p.WriteString(fontsXML(fontMono))
	case s.sans:
		p.WriteString(fontsXML(fontSans))
	}
	if s.bold {
		p.WriteString(`<w:b/><w:bCs/>`)
	}
	if s.italic {
		p.WriteString(`<w:i/><w:iCs/>`)
	}
	if s.caps {
		p.WriteString(`<w:caps/>`)
	}
	if s.color != "" {
		p.WriteString(`<w:color w:val="` + s.color + `"/>`)
	}
	if s.size > 0 {
		fmt.Fprintf(&p, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(s.size), halfPoints(s.size))
	}
	if s.superText {
		p.WriteString(`<w:vertAlign w:val="superscript"/>`)
	}
	if s.lang != "" {
		p.WriteString(`<w:lang w:val="` + s.lang + `"/>`)
	}
	if p.Len() > 0 {
		b.WriteString("<w:rPr>" + p.String() + "</w:rPr>")
	}
}

// textRun writes text as one or more runs in style s: a line end
// becomes a break and a tab a tab, since w:t keeps neither.
func textRun(b *strings.Builder, text string, s runStyle) {
	if text == "" {
		return
	}
	b.WriteString("<w:r>")
	s.rPr(b)
	start := 0
	flush := func(end int) {
		if end > start {
			b.WriteString(`<w:t xml:space="preserve">`)
			escapeXML(b, text[start:end])
			b.WriteString(`</w:t>`)
		}
	}
	for i, r := range text {
		switch r {
		case '\n':
			flush(i)
			b.WriteString("<w:br/>")
			start = i + 1
		case '\t':
			flush(i)
			b.WriteString("<w:tab/>")
			start = i + 1
		case '\r':
			flush(i)
			start = i + 1
		}
	}
	flush(len(text))
	b.WriteString("</w:r>")
}

// runs writes inline runs in base style: links become hyperlinks
// (http, https and mailto only, as the parser let through), images
// their description, footnote references a superscript label.
func (d *docxWriter) runs(b *strings.Builder, runs []layout.Run, base runStyle) {
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if r.Link != "" && layout.SafeLink(r.Link) {
			// The runs of one link share its address: one hyperlink.
			j := i
			for j+1 < len(runs) && runs[j+1].Link == r.Link {
				j++
			}
			b.WriteString(`<w:hyperlink r:id="` + d.linkID(r.Link) + `" w:history="1">`)
			for _, lr := range runs[i : j+1] {
				st := base
				st.charStyle = "Hyperlink"
				d.run(b, lr, st)
			}
			b.WriteString(`</w:hyperlink>`)
			i = j
			continue
		}
		d.run(b, r, base)
	}
}

// run writes one run in base style with the run's own emphasis.
func (d *docxWriter) run(b *strings.Builder, r layout.Run, base runStyle) {
	st := base
	st.bold = st.bold || r.Strong
	st.italic = st.italic || r.Emphasis
	st.code = st.code || r.Code
	switch {
	case r.Lang != "":
		st.lang = r.Lang
	case st.lang == "":
		st.lang = d.sectionLang
	}
	switch r.Kind {
	case layout.RunSoftBreak:
		textRun(b, " ", st)
	case layout.RunHardBreak:
		b.WriteString("<w:r><w:br/></w:r>")
	case layout.RunImage:
		textRun(b, "["+r.Text+"]", st)
	case layout.RunFootnoteRef:
		d.noteRef(b, r, st)
	case layout.RunCitation:
		d.citation(b, r, st)
	default:
		textRun(b, r.Text, st)
	}
}

// linkID is the relationship id for an address in the part being
// written, one per address.
func (d *docxWriter) linkID(target string) string {
	l := d.links
	if id, ok := l.ids[target]; ok {
		return id
	}
	if l.ids == nil {
		l.ids = map[string]string{}
	}
	id := fmt.Sprintf("rIdLink%d", len(l.rels)+1)
	l.ids[target] = id
	l.rels = append(l.rels, docxRel{id, relT + "hyperlink", target, true})
	return id
}

// halfPoints is a size in points as Word's half-points.
func halfPoints(pt float64) int { return int(pt*2 + 0.5) }

// twips is a length in points as twentieths of a point.
func twips(pt float64) int { return int(pt*20 + 0.5) }

// emu is a length in points as English Metric Units.
func emu(pt float64) int { return int(pt*12700 + 0.5) }

// hexColor is c as Word writes colours.
func hexColor(c layout.RGB) string {
	return fmt.Sprintf("%02X%02X%02X", clampByte(c.R), clampByte(c.G), clampByte(c.B))
}

func clampByte(v int) int { return max(0, min(255, v)) }
