package wordimport

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// styleInfo is what the document's styles say of a paragraph style: the
// heading level it is (0 for none) and whether it is the title, a
// subtitle, a contents entry or a list of its own.
type styleInfo struct {
	level              int
	title, subtitle    bool
	toc, code, caption bool
	// What Briefsmith's own exports mark by style, read back as the
	// blocks they print: answer lines, a glossary, a call-out's label,
	// a quote, a rule; furniture is the cover's lines and the marking,
	// which a packet's settings print, not its sections.
	answerLine, glossTerm, glossDef bool
	calloutLabel, quote, rule       bool
	furniture                       bool
}

// numLevel is one level of a list definition: numbered or bulleted, and
// the first number.
type numLevel struct {
	ordered bool
	start   int
	// box is a check-box list's box (☐, ☑, ☒), the bullet Briefsmith's
	// export and Word give such a list: its lines come back as lines
	// starting with the box, as section text writes them.
	box string
}

// parts are the document's side parts, read before its text.
type parts struct {
	rels      map[string]string // relationship id → target (hyperlinks)
	styles    map[string]styleInfo
	numbering map[string]map[int]numLevel // numId → level → definition
	props     map[string]string           // custom document properties
	comments  map[string]string           // comment id → "author: text"
}

// readRels reads a relationships part: hyperlink targets by id.
func readRels(t *tokens) (map[string]string, error) {
	out := map[string]string{}
	for {
		tok, err := t.next()
		if err != nil || tok == nil {
			return out, err
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			out[attr(e, "Id")] = attr(e, "Target")
		}
	}
}

// readStyles reads styles.xml: each paragraph style's heading level, by
// its name ("heading 2", as Word, LibreOffice and Google Docs name them)
// or its outline level, and the styles a document's own text is not
// (title, contents entries).
func readStyles(t *tokens) (map[string]styleInfo, error) {
	out := map[string]styleInfo{}
	var id string
	var cur styleInfo
	for {
		tok, err := t.next()
		if err != nil || tok == nil {
			return out, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "style":
				id, cur = attr(e, "styleId"), styleInfo{}
			case "name":
				cur = styleFromName(attr(e, "val"), cur)
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(e, "val")); err == nil && n < 9 && cur.level == 0 && !cur.toc {
					cur.level = n + 1
				}
			}
		case xml.EndElement:
			if e.Name.Local == "style" && id != "" {
				out[id] = cur
			}
		}
	}
}

// styleFromName reads what a style's name says it is.
func styleFromName(name string, s styleInfo) styleInfo {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case strings.HasPrefix(n, "heading ") && len(n) == len("heading 1"):
		if d := n[len(n)-1]; d >= '1' && d <= '9' {
			s.level = int(d - '0')
		}
	case n == "title":
		s.title = true
	case n == "subtitle":
		s.subtitle = true
	case strings.HasPrefix(n, "toc") || strings.HasPrefix(n, "contents"):
		s.toc, s.level = true, 0
	case strings.Contains(n, "code") || n == "source text" || n == "preformatted text" || n == "html preformatted":
		s.code = true
	case n == "caption":
		s.caption = true
	case n == "answer line":
		s.answerLine = true
	case n == "glossary term":
		s.glossTerm = true
	case n == "glossary definition":
		s.glossDef = true
	case n == "call-out label":
		s.calloutLabel = true
	case n == "quote" || n == "intense quote" || n == "block text":
		s.quote = true
	case n == "horizontal rule":
		s.rule = true
	case n == "kicker" || n == "cover detail" || n == "cover label" || n == "handling marking":
		s.furniture = true
	}
	return s
}

// styleOf is the paragraph style id's information; a document without
// styles.xml (or a style it does not define) still names headings by the
// ids Word gives them ("Heading2").
func (p *parts) styleOf(id string) styleInfo {
	if s, ok := p.styles[id]; ok {
		return s
	}
	l := strings.ToLower(id)
	if strings.HasPrefix(l, "heading") && len(l) == len("heading1") && l[7] >= '1' && l[7] <= '9' {
		return styleInfo{level: int(l[7] - '0')}
	}
	return styleFromName(id, styleInfo{})
}

// readNumbering reads numbering.xml: for each list (numId) the kind and
// start of its levels, through the abstract definition it uses and any
// start it overrides.
func readNumbering(t *tokens) (map[string]map[int]numLevel, error) {
	abstract := map[string]map[int]numLevel{}
	nums := map[string]string{}
	overrides := map[string]map[int]int{}
	var absID, numID string
	lvl, overLvl := -1, -1
	for {
		tok, err := t.next()
		if err != nil {
			return nil, err
		}
		if tok == nil {
			break
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "abstractNum":
			absID, numID = attr(e, "abstractNumId"), ""
			abstract[absID] = map[int]numLevel{}
		case "lvl":
			lvl, _ = strconv.Atoi(attr(e, "ilvl"))
			if absID != "" && numID == "" {
				abstract[absID][lvl] = numLevel{start: 1}
			}
		case "start":
			n, _ := strconv.Atoi(attr(e, "val"))
			if absID != "" && numID == "" && lvl >= 0 {
				l := abstract[absID][lvl]
				l.start = n
				abstract[absID][lvl] = l
			}
		case "lvlText":
			if absID != "" && numID == "" && lvl >= 0 {
				if v := attr(e, "val"); v == "☐" || v == "☑" || v == "☒" {
					l := abstract[absID][lvl]
					l.box = v
					abstract[absID][lvl] = l
				}
			}
		case "numFmt":
			if absID != "" && numID == "" && lvl >= 0 {
				l := abstract[absID][lvl]
				f := attr(e, "val")
				l.ordered = f != "bullet" && f != "none" && f != ""
				abstract[absID][lvl] = l
			}
		case "num":
			numID, absID = attr(e, "numId"), ""
		case "abstractNumId":
			if numID != "" {
				nums[numID] = attr(e, "val")
			}
		case "lvlOverride":
			overLvl, _ = strconv.Atoi(attr(e, "ilvl"))
		case "startOverride":
			if numID != "" && overLvl >= 0 {
				if overrides[numID] == nil {
					overrides[numID] = map[int]int{}
				}
				overrides[numID][overLvl], _ = strconv.Atoi(attr(e, "val"))
			}
		}
	}
	out := map[string]map[int]numLevel{}
	for id, abs := range nums {
		levels := map[int]numLevel{}
		for k, v := range abstract[abs] {
			if s, ok := overrides[id][k]; ok {
				v.start = s
			}
			levels[k] = v
		}
		out[id] = levels
	}
	return out, nil
}

// readCustomProps reads docProps/custom.xml: name → text value. A
// document Briefsmith exported names itself there.
func readCustomProps(t *tokens) (map[string]string, error) {
	out := map[string]string{}
	name := ""
	for {
		tok, err := t.next()
		if err != nil || tok == nil {
			return out, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "property" {
				name = attr(e, "name")
			}
		case xml.CharData:
			if name != "" {
				out[name] += string(e)
			}
		case xml.EndElement:
			if e.Name.Local == "property" {
				name = ""
			}
		}
	}
}

// readComments reads word/comments.xml: each comment's author and words,
// by id, so a comment in the text is listed with what it says.
func readComments(t *tokens) (map[string]string, error) {
	out := map[string]string{}
	id, author := "", ""
	var text strings.Builder
	inT := false
	for {
		tok, err := t.next()
		if err != nil || tok == nil {
			return out, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "comment":
				id, author = attr(e, "id"), attr(e, "author")
				text.Reset()
			case "t":
				inT = true
			case "p":
				if text.Len() > 0 {
					text.WriteString(" ")
				}
			}
		case xml.CharData:
			if inT && id != "" && text.Len() < 400 {
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inT = false
			case "comment":
				words := strings.Join(strings.Fields(text.String()), " ")
				if author != "" {
					words = author + ": " + words
				}
				out[id] = words
				id = ""
			}
		}
	}
}
