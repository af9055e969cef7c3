package layout

import (
	"strings"
	"time"
)

// Document is everything layout needs, resolved: nothing in it is parsed
// again while pages are laid out.
type Document struct {
	Meta     Metadata
	Settings Settings
	// Front is what opens the first page: a Cover or a MemoHeading, then
	// Contents when the packet asks for it, then a PageBreak after a cover.
	Front []Block
	// Sections are the packet's sections in order, then the sources.
	Sections []Section
}

// Metadata describes the document: printed on the cover and in the page
// furniture, and written into the PDF's information dictionary.
type Metadata struct {
	Title, Subtitle string
	Author          string
	Organization    string
	PreparedFor     string
	// Marking is the handling marking printed at the top and bottom of
	// every page; Watermark is printed across each page.
	Marking, Watermark string
	// Language is a BCP 47 tag ("en-US").
	Language string
	Subject  string
	Keywords []string
	// Date is the date as printed ("25 November 2026"); Created is the
	// moment written into the file, fixed by the packet so the same
	// packet always gives the same bytes.
	Date    string
	Created time.Time
	// Producer names the program and its version.
	Producer string
}

// Settings are the packet's style choices, resolved to the numbers and
// values layout draws with.
type Settings struct {
	// PageWidth and PageHeight are in points.
	PageWidth, PageHeight float64
	Margins               Margins
	// BodySize is the body type size in points, LineHeight the body
	// line's height (the audience's spacing applied).
	BodySize, LineHeight float64
	// Spacing scales the space around paragraphs and headings; 0 means
	// 1 (as set), so documents made before fitting existed lay out as
	// they did. Only Tighten sets it.
	Spacing float64
	Accent  RGB
	// Logo is nil without one.
	Logo    *Logo
	Profile Profile
}

// Margins are the distances from the page edges to the text area, in
// points.
type Margins struct{ Left, Right, Top, Bottom float64 }

// Profile is how an audience's document is set: the same facts, laid out
// for the way each reader uses the page.
type Profile struct {
	// Kicker is the small line above the title saying what kind of
	// document this is ("Classroom handout").
	Kicker string
	// LineSpacing multiplies the type size to give the line height.
	LineSpacing float64
	// NameLine prints "Name / Class / Date" blanks for students.
	NameLine bool
	// HeaderLogo puts the logo in every page header.
	HeaderLogo bool
	// MinFontSize is the smallest body type the audience gets, whatever
	// the packet says.
	MinFontSize float64
	// PreparedForFooter prints "Prepared for …" in the footer instead of
	// the organization, "Confidential — prepared for …" when the marking
	// says the document is confidential.
	PreparedForFooter bool
	// Measure is the longest body line the audience reads comfortably,
	// in average characters; 0 leaves it to NewSettings (see measureFor).
	Measure int
	// FromLabel names the memo heading's author line ("Teacher" on a
	// handout); "" is "From".
	FromLabel string
	// OrgLabel gives the organization a line of its own in the memo
	// heading ("School" on a handout), so it is not printed as the
	// author; "" joins it to the From line.
	OrgLabel string
	// HeaderTextOnce prints the marking at the top of each page only: on
	// a handout it is header text (a school's name), not a handling
	// marking that rules want at the top and the bottom.
	HeaderTextOnce bool
}

// from is the memo heading's label for who the document is from.
func (p Profile) from() string {
	if p.FromLabel == "" {
		return "From"
	}
	return p.FromLabel
}

// HeadingRows are the memo heading's label and value lines after "For":
// who the document is from and, where the audience names it apart (a
// handout's School), the organization — a school is no teacher.
func (p Profile) HeadingRows(author, organization string) [][2]string {
	if p.OrgLabel != "" {
		return [][2]string{{p.from(), strings.TrimSpace(author)}, {p.OrgLabel, strings.TrimSpace(organization)}}
	}
	return [][2]string{{p.from(), strings.Join(NonEmpty(author, organization), ", ")}}
}

// Section is one titled part of the document.
type Section struct {
	// Index is the section's position in the packet, -1 for sections
	// the document adds (Sources), so front ends can point at it.
	Index int
	ID    string
	Kind  string
	Title string
	// Markdown is the text the blocks were built from, placeholders
	// filled: the app's preview uses it (the Markdown export writes the
	// blocks, so what it holds is what the PDF prints).
	Markdown string
	Blocks   []Block
	// Lang is the section's language when it is not the document's (a
	// BCP 47 tag), "" otherwise.
	Lang string
}

// NewSettings resolves the type sizes and margins for a page of width×height
// points, a body size and an audience profile.
//
// The side margins come from the measure, not the page: a line of more
// than about 90 characters is hard to follow back to the start of the
// next (government memos at 12 pt on 6.5 in run 85–90; a handout for
// students should stay near 65–75), so the text column is as wide as
// the audience's measure at this type size, and never nearer the edge
// than minSideMargin.
func NewSettings(width, height, bodySize float64, accent RGB, logo *Logo, p Profile) Settings {
	base := max(bodySize, p.MinFontSize)
	column := min(width-2*minSideMargin, float64(measureFor(p))*avgCharWidth*base)
	side := (width - column) / 2
	return Settings{
		PageWidth: width, PageHeight: height,
		Margins:  Margins{Left: side, Right: side, Top: 56, Bottom: 46},
		BodySize: base, LineHeight: base * p.LineSpacing,
		Accent: accent, Logo: logo, Profile: p,
	}
}

// minSideMargin keeps text clear of the page edge and of a printer's
// unprintable border however small the type.
const minSideMargin = 54

// avgCharWidth is the width of an average character of running English
// text in Liberation Serif, in ems (measured over the samples: spaces and
// punctuation included).
const avgCharWidth = 0.44

// Measures in average characters per line: a memo or brief read at a
// desk, and a handout for students, who need shorter lines.
const (
	deskMeasure    = 87
	handoutMeasure = 68
)

// measureFor is the profile's measure: its own, or the handout measure
// for a profile that prints a name line for students (the classroom
// handout), the desk measure otherwise.
func measureFor(p Profile) int {
	switch {
	case p.Measure > 0:
		return p.Measure
	case p.NameLine:
		return handoutMeasure
	}
	return deskMeasure
}

// Bounds of Tighten at t = 1: changes a reader will not notice on a page,
// which is the point of fitting to a page limit rather than cutting.
const (
	// TightestLeading is the smallest share of the line height kept.
	TightestLeading = 0.90
	// TightestSpacing is the smallest share of paragraph and heading
	// spacing kept.
	TightestSpacing = 0.80
	// TightestType is the most the body type shrinks, in points.
	TightestType = 0.5
	// TightestMargin is the smallest share of a side or top margin kept.
	TightestMargin = 0.75
	// MarginFloor is the narrowest side or top margin tightening leaves,
	// in points (0.6 in): printers clip nearer the edge.
	MarginFloor = 43.2
	// headerRoom is the lowest top margin that keeps the running header
	// (its rule at 44 pt) clear of the text.
	headerRoom = 50
)

// Tighten returns s set tighter by t in [0, 1]: 0 is s itself, 1 the
// tightest within the bounds above. Everything moves together, linearly
// in t, so one number orders layouts from loosest to tightest and a
// search over t is deterministic. The bottom margin stays: the footer
// is drawn at a fixed distance from the page edge. The type never goes
// under the audience's minimum (a handout keeps its size for students).
func (s Settings) Tighten(t float64) Settings {
	t = min(max(t, 0), 1)
	if t == 0 {
		return s
	}
	out := s
	body := max(s.BodySize-TightestType*t, min(s.BodySize, s.Profile.MinFontSize))
	out.BodySize = body
	out.LineHeight = s.LineHeight * body / s.BodySize * (1 - (1-TightestLeading)*t)
	out.Spacing = s.spacing() * (1 - (1-TightestSpacing)*t)
	shrink := func(m, floor float64) float64 {
		if m <= floor {
			return m
		}
		return max(m*(1-(1-TightestMargin)*t), floor)
	}
	out.Margins.Left = shrink(s.Margins.Left, MarginFloor)
	out.Margins.Right = shrink(s.Margins.Right, MarginFloor)
	out.Margins.Top = shrink(s.Margins.Top, max(MarginFloor, headerRoom))
	return out
}

// spacing is Spacing with 0 read as 1.
func (s Settings) spacing() float64 {
	if s.Spacing == 0 {
		return 1
	}
	return s.Spacing
}
