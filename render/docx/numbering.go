package docx

import (
	"fmt"
	"strings"
)

// Lists are real Word numbering: an abstract definition per kind of
// list (bullets; numbers followed by "." or ")"), nine levels each, and
// one numbering instance per numbered list so that each list starts
// from its own first number, as Markdown and the PDF have it, while a
// list item nested in it continues at the next level.
const (
	absBullet = 0
	absDot    = 1
	absParen  = 2
	// absCheck is the first of the check-box lists' definitions, one
	// per box (☐, ☑, ☒), whose bullet is the box.
	absCheck = 3
)

// checkBoxes are the boxes a line to tick off starts with, in the order
// of their definitions.
var checkBoxes = []string{"☐", "☑", "☒"}

// numCheck is the numbering instance of the empty box (☐), the List
// Check Box style's; the others follow it.
const numCheck = 3

// baseNumCount is how many instances the styles and check boxes own;
// lists' own instances follow them.
const baseNumCount = 5

// docxNum is one numbering instance: numId is its index + 1.
type docxNum struct {
	abstract int
	start    int
	// level is the nesting level (w:ilvl) the list's items use: the
	// restart must be on that level, since Word carries a level's count
	// on through every instance of one abstract definition.
	level int
}

// The first instances are the List Bullet, List Number and List Check
// Box styles' own; lists ask for their own instance with newNum.
func (d *docxWriter) baseNums() {
	if len(d.nums) == 0 {
		d.nums = []docxNum{{absBullet, 1, 0}, {absDot, 1, 0}, {absCheck, 1, 0}, {absCheck + 1, 1, 0}, {absCheck + 2, 1, 0}}
	}
}

// newNum starts a numbered list at start on nesting level lvl,
// returning its numId.
func (d *docxWriter) newNum(delim byte, start, lvl int) int {
	d.baseNums()
	abs := absDot
	if delim == ')' {
		abs = absParen
	}
	d.nums = append(d.nums, docxNum{abs, max(start, 0), lvl})
	return len(d.nums)
}

// bulletGlyphs alternate by level, as the PDF's do.
var bulletGlyphs = []string{"•", "–", "◦"}

// numbering writes numbering.xml.
func (d *docxWriter) numbering() []byte {
	d.baseNums()
	var b strings.Builder
	b.WriteString(xmlPI + `<w:numbering ` + wordNS + `>`)
	for abs := absBullet; abs <= absParen; abs++ {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, abs)
		for lvl := 0; lvl < 9; lvl++ {
			indent := 360 * (lvl + 1)
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/>`, lvl)
			switch abs {
			case absBullet:
				b.WriteString(`<w:numFmt w:val="bullet"/><w:lvlText w:val="` + bulletGlyphs[lvl%len(bulletGlyphs)] + `"/>`)
			default:
				delim := "."
				if abs == absParen {
					delim = ")"
				}
				fmt.Fprintf(&b, `<w:numFmt w:val="decimal"/><w:lvlText w:val="%%%d%s"/>`, lvl+1, delim)
			}
			fmt.Fprintf(&b, `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr>`, indent)
			if abs == absBullet {
				b.WriteString(`<w:rPr>` + fontsXML(fontSans) + `</w:rPr>`)
			}
			b.WriteString(`</w:lvl>`)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	for i, box := range checkBoxes {
		// The PDF hangs a check-box line's text a marker's width in.
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:cs="Segoe UI Symbol" w:eastAsia="Segoe UI Symbol"/></w:rPr></w:lvl></w:abstractNum>`, absCheck+i, box)
	}
	for i, n := range d.nums {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, i+1, n.abstract)
		if i >= baseNumCount {
			// Each list restarts at its own first number.
			fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, n.level, n.start)
		}
		b.WriteString(`</w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return []byte(b.String())
}

// settings writes settings.xml: the language Word proofs in, and
// "different odd and even headers" off so one header serves every page.
func (d *docxWriter) settings() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:settings ` + wordNS + `>`)
	b.WriteString(`<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>`)
	if d.notes.xml.Len() > 0 {
		b.WriteString(`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`)
	}
	b.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	if lang := strings.TrimSpace(d.doc.Meta.Language); lang != "" {
		b.WriteString(`<w:themeFontLang w:val="`)
		escapeXML(&b, lang)
		b.WriteString(`"/>`)
	}
	b.WriteString(`</w:settings>`)
	return []byte(b.String())
}

// checkNumPr numbers a check-box line with the list whose bullet is box.
func checkNumPr(box string) string {
	for i, c := range checkBoxes {
		if c == box {
			return fmt.Sprintf(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, numCheck+i)
		}
	}
	return ""
}
