package layout

import (
	"net/url"
	"strings"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// ParseMarkdown builds the blocks of filled Markdown — text whose fields
// are already filled, such as a test's or a tool's — through the section
// text model, the one parser every section goes through (FromText).
func ParseMarkdown(md string) []Block { return FromText(sectiontext.ParseFilled(md)) }

// SafeLink reports whether u may be a clickable link in a PDF we send:
// web and mail addresses only, never files or scripts.
func SafeLink(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

// CalloutMarker is the marker word of a call-out's label ("Key takeaway"
// is TAKEAWAY), for an output that writes Markdown again; ok is false for
// a label no marker prints.
func CalloutMarker(label string) (marker string, ok bool) {
	k, ok := sectiontext.CalloutKindOf(label)
	return string(k), ok
}
