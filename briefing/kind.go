package briefing

import "strings"

// Kind is what a section template is about; the library groups templates
// by kind. It is stored as its name ("outlook").
type Kind string

// General is the kind of the topic-neutral templates: guidance to fill in
// for any subject, with no facts of their own and so no sources. New
// packets made from the sample's sections leave them out.
const General Kind = "general"

// kindInfo is one kind's row: its name and the library's heading for it.
type kindInfo struct {
	kind    Kind
	heading string
}

// kindTable lists the kinds in the order the library groups them. The
// topic-neutral templates come first: someone starting a blank packet on
// a subject of their own looks for them before the sample's sections.
var kindTable = []kindInfo{
	{General, "Any topic"},
	{"summary", "Summary"}, {"provisions", "Provisions"}, {"background", "Background"}, {"scope", "Scope"},
	{"international", "International"}, {"context", "Context"}, {"implications", "Implications"},
	{"outlook", "Outlook"}, {"questions", "Questions"}, {"activity", "Activities"}, {"glossary", "Glossary"},
	{"appendix", "Appendices"}, {"custom", "Custom"},
}

// Kinds returns every kind in the library's order; the slice is the
// caller's own.
func Kinds() []Kind {
	out := make([]Kind, len(kindTable))
	for i, k := range kindTable {
		out[i] = k.kind
	}
	return out
}

func (k Kind) rank() int {
	for i, row := range kindTable {
		if row.kind == k {
			return i
		}
	}
	return len(kindTable)
}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return k.rank() < len(kindTable) }

// Heading is the library's group heading for k ("Appendices").
func (k Kind) Heading() string {
	if r := k.rank(); r < len(kindTable) {
		return kindTable[r].heading
	}
	return string(k)
}

// String is the kind's name as stored in files.
func (k Kind) String() string { return string(k) }

func kindNames() string {
	names := make([]string, len(kindTable))
	for i, k := range kindTable {
		names[i] = string(k.kind)
	}
	return strings.Join(names, ", ")
}
