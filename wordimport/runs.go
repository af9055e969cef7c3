package wordimport

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// runStyle is how a run of text is set, as far as section text keeps it.
type runStyle struct {
	bold, italic, strike, code bool
	link                       string
}

// seg is a piece of a paragraph: text in one style, or an object (a
// footnote's number, a line break).
type seg struct {
	text string
	st   runStyle
	obj  sectiontext.Inline
}

// para is one paragraph as read: its style, its list membership and its
// text.
type para struct {
	style      styleInfo
	numID      string
	ilvl       int
	pageBefore bool
	segs       []seg
	// marks are the bookmarks started in it: a section Briefsmith
	// exported carries its own on its title.
	marks []string
	// pageAfter is a page break at its end (<w:br w:type="page"/>).
	pageAfter bool
}

// text is the paragraph's plain text.
func (p *para) text() string {
	var b strings.Builder
	for _, s := range p.segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// leftOut is something in the document with no place in section text.
type leftOut struct {
	kind   string
	detail string
}

// reader reads document-like parts (the body, footnotes) into paragraphs
// and tables, noting what it leaves out.
type reader struct {
	t     *tokens
	p     *parts
	left  []leftOut
	notes map[string]string // footnote id in the document → label
	// tracked counts tracked insertions and deletions: the text is read
	// as if they were accepted, and the user is told so.
	tracked int
}

// readPara reads a <w:p> whose start has been read.
func (r *reader) readPara() (*para, error) {
	p := &para{}
	st := runStyle{}
	var link []string // hyperlink targets, innermost last
	inRun, inRPr, inPPr, deleted, inFieldCode := false, false, false, 0, 0
	fieldResult := true
	for {
		tok, err := r.t.next()
		if err != nil {
			return nil, err
		}
		if tok == nil {
			return p, nil
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "pPr":
				inPPr = true
			case "pStyle":
				if inPPr {
					p.style = r.p.styleOf(attr(e, "val"))
				}
			case "numId":
				if inPPr {
					p.numID = attr(e, "val")
				}
			case "ilvl":
				if inPPr {
					p.ilvl, _ = strconv.Atoi(attr(e, "val"))
				}
			case "pageBreakBefore":
				if inPPr {
					p.pageBefore = on(e)
				}
			case "rPr":
				if inPPr && !inRun {
					// The paragraph mark's formatting: nothing of the text.
					if err := r.t.skip(); err != nil {
						return nil, err
					}
					continue
				}
				inRPr = true
			case "r":
				inRun, st = true, runStyle{}
			case "b":
				if inRPr {
					st.bold = on(e)
				}
			case "i":
				if inRPr {
					st.italic = on(e)
				}
			case "strike", "dstrike":
				if inRPr {
					st.strike = on(e)
				}
			case "rStyle":
				if inRPr {
					switch s := strings.ToLower(attr(e, "val")); {
					case s == "strong" || strings.Contains(s, "bold"):
						st.bold = true
					case s == "emphasis" || strings.Contains(s, "italic"):
						st.italic = true
					case strings.Contains(s, "code") || strings.Contains(s, "verbatim") || s == "sourcetext":
						st.code = true
					}
				}
			case "rFonts":
				if inRPr {
					f := strings.ToLower(attr(e, "ascii") + attr(e, "hAnsi"))
					st.code = st.code || strings.Contains(f, "courier") || strings.Contains(f, "mono") || strings.Contains(f, "consolas")
				}
			case "hyperlink":
				target := r.p.rels[attr(e, "id")]
				link = append(link, target)
			case "del", "moveFrom":
				deleted++
				r.tracked++
			case "ins", "moveTo":
				r.tracked++
			case "t":
				if inRun && deleted == 0 && (inFieldCode == 0 || fieldResult) {
					s, err := r.chars()
					if err != nil {
						return nil, err
					}
					p.add(seg{text: s, st: withLink(st, link)})
				}
			case "tab", "ptab":
				if inRun && deleted == 0 && !inPPr {
					p.add(seg{text: " ", st: withLink(st, link)})
				}
			case "noBreakHyphen":
				p.add(seg{text: "-", st: withLink(st, link)})
			case "br", "cr":
				if deleted > 0 {
					continue
				}
				if attr(e, "type") == "page" {
					p.pageAfter = true
				} else {
					p.add(seg{obj: sectiontext.HardBreak{}})
				}
			case "footnoteReference", "endnoteReference":
				if deleted == 0 {
					p.add(seg{obj: sectiontext.FootnoteRef{Label: r.noteLabel(e.Name.Local, attr(e, "id"))}})
				}
			case "fldChar":
				switch attr(e, "fldCharType") {
				case "begin":
					inFieldCode++
					fieldResult = false
				case "separate":
					fieldResult = true
				case "end":
					inFieldCode = max(inFieldCode-1, 0)
					fieldResult = true
				}
			case "instrText", "delText", "delInstrText":
				if err := r.t.skip(); err != nil {
					return nil, err
				}
				continue
			case "bookmarkStart":
				p.marks = append(p.marks, attr(e, "name"))
			case "drawing", "pict", "object":
				if err := r.object(e.Name.Local); err != nil {
					return nil, err
				}
				continue
			case "oMath", "oMathPara":
				r.left = append(r.left, leftOut{kind: "an equation"})
				if err := r.t.skip(); err != nil {
					return nil, err
				}
				continue
			case "commentReference":
				r.left = append(r.left, leftOut{kind: "a comment", detail: r.p.comments[attr(e, "id")]})
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				return p, nil
			case "pPr":
				inPPr = false
			case "rPr":
				inRPr = false
			case "r":
				inRun = false
			case "hyperlink":
				if len(link) > 0 {
					link = link[:len(link)-1]
				}
			case "del", "moveFrom":
				deleted--
			}
		}
	}
}

func withLink(st runStyle, link []string) runStyle {
	if len(link) > 0 {
		st.link = link[len(link)-1]
	}
	return st
}

// add appends s, joining text of the same style.
func (p *para) add(s seg) {
	if n := len(p.segs); n > 0 && s.obj == nil && p.segs[n-1].obj == nil && p.segs[n-1].st == s.st {
		p.segs[n-1].text += s.text
		return
	}
	p.segs = append(p.segs, s)
}

// chars reads the character data of a <w:t> to its end.
func (r *reader) chars() (string, error) {
	var b strings.Builder
	for {
		tok, err := r.t.next()
		if err != nil {
			return "", err
		}
		switch e := tok.(type) {
		case nil:
			return b.String(), nil
		case xml.CharData:
			b.Write(e)
		case xml.EndElement:
			return b.String(), nil
		case xml.StartElement:
			if err := r.t.skip(); err != nil {
				return "", err
			}
		}
	}
}

// object reads an image, text box, chart, SmartArt or embedded object to
// its end and notes it as left out, with a text box's words.
func (r *reader) object(local string) error {
	kind := "an image"
	if local == "object" {
		kind = "an embedded object"
	}
	var words strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := r.t.next()
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case nil:
			return nil
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "txbxContent", "txbx":
				kind = "a text box"
			case "chart":
				kind = "a chart"
			case "relIds":
				kind = "a SmartArt graphic"
			case "t":
				if words.Len() < 200 {
					s, err := r.chars()
					if err != nil {
						return err
					}
					depth--
					words.WriteString(s + " ")
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	detail := strings.TrimSpace(words.String())
	if len([]rune(detail)) > 80 {
		detail = string([]rune(detail)[:80]) + "…"
	}
	r.left = append(r.left, leftOut{kind: kind, detail: detail})
	return nil
}

// noteLabel is the label a footnote (or endnote) with a document id gets:
// numbered in the order they are first referred to, endnotes after.
func (r *reader) noteLabel(kind, id string) string {
	key := kind + ":" + id
	if l, ok := r.notes[key]; ok {
		return l
	}
	l := strconv.Itoa(len(r.notes) + 1)
	r.notes[key] = l
	return l
}
