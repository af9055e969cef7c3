package briefing

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/text"
)

// Version is the program version, written into each PDF's producer field.
const Version = "0.1.0"

// RenderInfo describes a rendered PDF.
type RenderInfo struct {
	Pages int
	// Outline lists the bookmarks in order, each "level:title"-free: the
	// section titles then "Sources", as a reader's sidebar shows them.
	Outline []string
}

// tocEntry is a section title (or "Sources") as the table of contents and
// the outline list it.
type tocEntry struct {
	title string
	link  int
	page  int
}

// layoutResult is what one layout pass learns for the next: how many pages
// there are and where each entry landed.
type layoutResult struct {
	pages int
	entry []int
}

// renderer lays a Document out on an fpdf document.
type renderer struct {
	measurer
	doc    *Document
	p      *Packet
	prev   *layoutResult
	accent rgb
	base   float64 // body type size
	lh     float64 // body line height

	pageW, pageH             float64
	left, right, top, bottom float64
	y                        float64

	entries []tocEntry
	outline []string
	page    int

	// logoW and logoH are the logo's pixel size, 0 without a logo.
	logoW, logoH float64
}

// Render lays doc out and writes the PDF to w. doc comes from Resolve,
// which has already vetted the packet's settings and logo. Nothing is written unless
// the whole document rendered, so w never receives half a file.
func Render(doc *Document, w io.Writer) (RenderInfo, error) {
	var buf bytes.Buffer
	info, err := render(doc, &buf, true)
	if err != nil {
		return info, err
	}
	_, err = w.Write(buf.Bytes())
	return info, err
}

// MaxPages caps a document: a packet of a few kilobytes (every section
// under its own limit) could otherwise ask for ten thousand pages and
// minutes of work. A brief is a few pages; a thick handbook a few hundred.
const MaxPages = 2000

// errTooManyPages stops a layout that passes MaxPages.
var errTooManyPages = Problems{{Severity: Error, Section: -1,
	Message: fmt.Sprintf("the document would be longer than %d pages, the limit for one export; split the packet or leave sections out", MaxPages)}}

// recovered turns a panic during layout into an error: the page limit as
// its problem, anything else (fpdf panics on a few inputs validation is
// meant to catch first) as a failure of what.
func recovered(v any, what string) error {
	if probs, ok := v.(Problems); ok && len(probs) == 1 && probs[0].Message == errTooManyPages[0].Message {
		return errTooManyPages
	}
	return fmt.Errorf("%s: %v", what, v)
}

// render lays out and writes the PDF. compress is false only in the fuzz
// target, where instrumented zlib would cost seconds per input.
func render(doc *Document, out io.Writer, compress bool) (info RenderInfo, err error) {
	defer func() {
		// fpdf panics on a few inputs validation is meant to catch first;
		// a panic here must still reach the user as an error.
		if v := recover(); v != nil {
			err = recovered(v, "rendering failed")
		}
	}()
	if probs := checkPacketFields(doc.Packet, "", false); probs.HasErrors() {
		return info, probs
	}
	pdf := newPDF(doc.Packet)
	pdf.SetCompression(compress)
	s := newPDFSurface(pdf)
	if len(doc.Packet.Style.Logo) > 0 {
		logo, tp, err := normalizedLogo(doc.Packet.Style.Logo)
		if err != nil {
			return info, Problems{{Severity: Error, Section: -1, Message: "logo: " + err.Error()}}
		}
		s.registerLogo(logo, tp)
	}
	// The first pass draws nothing and learns where every section lands;
	// the second prints, with those page numbers in the contents and
	// footers. Page numbers never change the layout (the contents has one
	// line per entry whatever the numbers), so the second pass is the
	// last; the check only guards that promise.
	r := newRenderer(doc, nil, nullSurface{}, s)
	if err := r.layout(); err != nil {
		return info, err
	}
	prev := r.result()
	r = newRenderer(doc, &prev, s, s)
	if err := r.layout(); err != nil {
		return info, err
	}
	if res := r.result(); !res.equal(&prev) {
		return info, fmt.Errorf("page layout did not settle: %d pages, then %d", prev.pages, res.pages)
	}
	if err := pdf.Error(); err != nil {
		return info, fmt.Errorf("rendering failed: %w", err)
	}
	if err := pdf.Output(out); err != nil {
		return info, fmt.Errorf("writing PDF: %w", err)
	}
	return RenderInfo{Pages: prev.pages, Outline: r.outline}, nil
}

// Paginate lays doc out without producing a PDF, with fonts parsed once
// per process: the page count the app shows live, at a fraction of an
// export's cost. It gives the same count as Render.
func Paginate(doc *Document) (info RenderInfo, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = recovered(v, "layout failed")
		}
	}()
	if probs := checkPacketFields(doc.Packet, "", false); probs.HasErrors() {
		return info, probs
	}
	r := newRenderer(doc, nil, nullSurface{}, &metrics)
	if err := r.layout(); err != nil {
		return info, err
	}
	return RenderInfo{Pages: r.page, Outline: r.outline}, nil
}

func (a layoutResult) equal(b *layoutResult) bool {
	if a.pages != b.pages || len(a.entry) != len(b.entry) {
		return false
	}
	for i := range a.entry {
		if a.entry[i] != b.entry[i] {
			return false
		}
	}
	return true
}

// newPDF makes an empty document with the packet's metadata, composed
// (NFC) like the text on the pages, dated from the packet so the bytes
// never depend on the clock.
func newPDF(p *Packet) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdfSize(p.Style.PageSize), OrientationStr: "P"})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	date := packetDate(p)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(normalize(p.Title), true)
	pdf.SetAuthor(normalize(firstNonEmpty(p.Author, p.Organization)), true)
	pdf.SetSubject(normalize(firstNonEmpty(p.Subtitle, "Briefing packet")), true)
	pdf.SetKeywords(normalize(strings.Join(nonEmpty("briefing", string(p.Audience), p.Marking), ", ")), true)
	pdf.SetCreator("Briefsmith", true)
	pdf.SetProducer("Briefsmith "+Version, true)
	return pdf
}

func newRenderer(doc *Document, prev *layoutResult, out surface, m widther) *renderer {
	p := doc.Packet
	size := fpdfSize(p.Style.PageSize)
	accent, _ := parseColor(p.Style.Accent)
	r := &renderer{
		measurer: measurer{out: out, metrics: m},
		doc:      doc, p: p, prev: prev, accent: accent,
		base:  max(p.Style.FontSize, profileFor(p.Audience).minFontSize),
		pageW: size.Wd, pageH: size.Ht,
		left: 64, right: size.Wd - 64, top: 76, bottom: size.Ht - 64,
	}
	r.lh = r.base * profileFor(p.Audience).lineSpacing
	_, r.logoW, r.logoH = logoInfo(p)
	return r
}

// packetDate is the packet's date at noon UTC, or a fixed date when it has
// none, so output never depends on the clock.
func packetDate(p *Packet) time.Time {
	if t, err := time.Parse(time.DateOnly, p.Date); err == nil {
		return t.Add(12 * time.Hour).UTC()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func (r *renderer) result() layoutResult {
	res := layoutResult{pages: r.page}
	for _, e := range r.entries {
		res.entry = append(res.entry, e.page)
	}
	return res
}

// layout draws the whole document: cover, contents, sections, sources.
func (r *renderer) layout() error {
	d := r.doc
	for _, s := range d.Sections {
		r.entries = append(r.entries, tocEntry{title: s.Title, link: len(r.entries) + 1})
	}
	if len(d.Sources) > 0 {
		r.entries = append(r.entries, tocEntry{title: "Sources", link: len(r.entries) + 1})
	}
	r.newPage()
	if r.p.Style.Cover {
		r.cover()
	} else {
		r.titleBlock()
	}
	if r.p.Style.TOC && len(r.entries) > 0 {
		r.contents()
	}
	if r.p.Style.Cover {
		r.newPage()
	}
	for i, s := range d.Sections {
		src := []byte(s.Markdown)
		root := md.Parser().Parse(text.NewReader(src))
		r.sectionTitle(i, s.Title, r.keepHeight(root.FirstChild(), src, blockCtx{}))
		for n := root.FirstChild(); n != nil; n = n.NextSibling() {
			r.walk(n, src, blockCtx{})
		}
	}
	if len(d.Sources) > 0 {
		r.sources(len(d.Sections))
	}
	r.footer()
	return nil
}

// newPage finishes the current page with its footer and starts the next
// with its header.
func (r *renderer) newPage() {
	if r.page >= MaxPages {
		// Layout is deep in a block; stopping it is a panic that render
		// and Paginate turn back into this problem.
		panic(errTooManyPages)
	}
	if r.page > 0 {
		r.footer()
	}
	r.out.AddPage()
	r.page++
	r.header()
	r.y = r.top
}

// need starts a new page unless h more points fit on this one.
func (r *renderer) need(h float64) {
	if r.y+h > r.bottom {
		r.newPage()
	}
}

func (r *renderer) text(fam family, bold bool, size float64, c rgb) style {
	return style{fam: fam, bold: bold, size: size, color: c}
}

// header prints the watermark behind the page, then the marking and the
// packet title: handling rules want the marking at the top of every page.
func (r *renderer) header() {
	if m := strings.TrimSpace(r.p.Marking); m != "" {
		r.centred(m, r.text(sans, true, 9, black), 22)
	}
	st := r.text(sans, false, 8, grey)
	titleW := r.right - r.left
	if profileFor(r.p.Audience).headerLogo && r.logoW > 0 {
		w, _ := r.logoSize(90, 16)
		r.drawLogo(r.right-w, 31, 90, 16)
		titleW -= w + 12
	}
	r.drawLine(r.fit(r.p.Title, st, titleW), r.left, 38, 10, titleW, "L")
	r.out.Line(r.left, 52, r.right, 52, 0.75, r.accent, false)
}

// watermark prints the packet's watermark diagonally across the page. It
// is drawn last, multiplied onto the page so the text beneath stays
// black: drawn first, text extraction (copy and paste, pdftotext) runs
// the first words after it into the rotated text.
func (r *renderer) watermark() {
	if wm := strings.TrimSpace(r.p.Watermark); wm != "" {
		st := r.text(sans, true, 96, rgb{0xe4, 0xe4, 0xe4})
		if w := r.width(st, wm); w > r.pageH*0.9 {
			st.size *= r.pageH * 0.9 / w
		}
		w := r.width(st, wm)
		cx, cy := r.pageW/2, r.pageH/2
		r.out.Watermark(st, 45, cx, cy, cx-w/2, cy+st.size*0.3, printable(wm))
	}
}

// footer prints the marking again and "Page N of M"; M comes from the
// previous layout pass.
func (r *renderer) footer() {
	y := r.pageH - 48
	r.out.Line(r.left, y, r.right, y, 0.5, rule, false)
	total := r.page
	if r.prev != nil {
		total = r.prev.pages
	}
	st := r.text(sans, false, 8, grey)
	left := r.footerNote()
	if left != "" {
		r.drawLine(r.fit(left, st, (r.right-r.left)*0.4), r.left, y+6, 10, r.right-r.left, "L")
	}
	r.drawLine(r.breakLines([]span{{fmt.Sprintf("Page %d of %d", r.page, total), st}}, 1e6)[0], r.left, y+6, 10, r.right-r.left, "R")
	if m := strings.TrimSpace(r.p.Marking); m != "" {
		r.centred(m, r.text(sans, true, 9, black), r.pageH-30)
	}
	r.watermark()
}

// footerNote is the small print at the bottom left: the client line for
// client briefs, otherwise the organization.
func (r *renderer) footerNote() string {
	if profileFor(r.p.Audience).preparedForFooter && r.p.PreparedFor != "" {
		return "Confidential — prepared for " + r.p.PreparedFor
	}
	return r.p.Organization
}

func (r *renderer) centred(s string, st style, y float64) {
	r.drawLine(r.fit(s, st, r.right-r.left), r.left, y, st.size*1.2, r.right-r.left, "C")
}

// fit returns s on one line, shortened with an ellipsis to width.
func (r *renderer) fit(s string, st style, width float64) textLine {
	s = strings.Join(strings.Fields(s), " ")
	lines := r.breakLines([]span{{s, st}}, width)
	if len(lines) <= 1 {
		if len(lines) == 0 {
			return textLine{}
		}
		return lines[0]
	}
	// Shorten from what fits on the first line, not from the whole text:
	// a title of thousands of words would otherwise cost a quadratic
	// search on every page header.
	var first strings.Builder
	end := 0.0
	for _, rn := range lines[0].runs {
		if rn.x > end+0.01 {
			first.WriteByte(' ') // runs in different faces meet at a space
		}
		first.WriteString(rn.text)
		end = rn.x + rn.w
	}
	runes := []rune(first.String())
	for n := len(runes); n > 0; n-- {
		ls := r.breakLines([]span{{strings.TrimSpace(string(runes[:n])) + "…", st}}, width)
		if len(ls) == 1 {
			return ls[0]
		}
	}
	return lines[0]
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
