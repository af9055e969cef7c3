package briefing

import (
	"strings"

	"github.com/briefsmith/briefsmith/render/layout"
)

// Audience is who a packet is written for. It is stored as its name
// ("staff"), so packets and templates on disk read the same as before it
// was a type.
type Audience string

// The audiences a packet can be written for.
const (
	Staff     Audience = "staff"
	Classroom Audience = "classroom"
	Client    Audience = "client"
)

// audienceInfo is everything that depends on the audience, in one row,
// so adding an audience means adding a row rather than finding every
// string comparison.
type audienceInfo struct {
	audience Audience
	// label names the document the audience gets, for menus and messages.
	label   string
	profile layout.Profile
	// start is the style a new packet for the audience begins with.
	start startStyle
}

// startStyle is what a new packet's style takes from its audience.
type startStyle struct {
	fontSize   float64
	cover, toc bool
}

var audienceTable = []audienceInfo{
	// Staffers read fast and print little: compact lines.
	// A memo is short: a cover and contents would only add pages.
	{Staff, "staff memo", layout.Profile{Kicker: "Briefing memo", LineSpacing: 1.28}, startStyle{fontSize: 11}},
	// Students need readable type and room to write; a handout starts
	// with the name line, not a cover.
	{Classroom, "classroom handout", layout.Profile{Kicker: "Classroom handout", LineSpacing: 1.6, NameLine: true, MinFontSize: 12,
		FromLabel: "Teacher", OrgLabel: "School", HeaderTextOnce: true},
		startStyle{fontSize: 12}},
	// Clients see the consultant's brand on every page.
	{Client, "client brief", layout.Profile{Kicker: "Client brief", LineSpacing: 1.42, HeaderLogo: true, PreparedForFooter: true},
		startStyle{fontSize: 11, cover: true, toc: true}},
}

// Audiences returns every audience in the order menus list them; the
// slice is the caller's own.
func Audiences() []Audience {
	out := make([]Audience, len(audienceTable))
	for i, a := range audienceTable {
		out[i] = a.audience
	}
	return out
}

// AudienceNames returns the audiences' names joined with sep, for usage
// text and messages.
func AudienceNames(sep string) string {
	names := make([]string, len(audienceTable))
	for i, a := range audienceTable {
		names[i] = string(a.audience)
	}
	return strings.Join(names, sep)
}

// ParseAudience returns the audience named s, if there is one.
func ParseAudience(s string) (Audience, bool) {
	a := Audience(s)
	return a, a.Valid()
}

func (a Audience) info() (audienceInfo, bool) {
	for _, row := range audienceTable {
		if row.audience == a {
			return row, true
		}
	}
	return audienceTable[0], false
}

// Valid reports whether a is one of the audiences.
func (a Audience) Valid() bool {
	_, ok := a.info()
	return ok
}

// Label names the document a gets ("classroom handout"); an unknown
// audience is labelled by its name.
func (a Audience) Label() string {
	if row, ok := a.info(); ok {
		return row.label
	}
	return string(a)
}

// FieldLabel is what a's documents call the setting behind a built-in
// field — a handout's author is its Teacher, its marking its header
// text, as Settings names them — or "" where they use the common word.
func (a Audience) FieldLabel(name string) string {
	row, _ := a.info()
	switch name {
	case "author":
		return row.profile.FromLabel
	case "organization":
		return row.profile.OrgLabel
	case "marking":
		if row.profile.HeaderTextOnce {
			return "Header text"
		}
	}
	return ""
}

// String is the audience's name as stored in files.
func (a Audience) String() string { return string(a) }

// audienceList names the documents of audiences for a sentence: "staff
// memos and client briefs".
func audienceList(as []Audience) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Label() + "s"
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
