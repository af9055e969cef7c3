package briefing

import (
	"strings"
	"time"

	"github.com/briefsmith/briefsmith/render/layout"
)

// Version is the program version, written into each PDF's producer field.
const Version = "0.1.0"

// newDocument starts the document for p: metadata and settings resolved
// from the packet, and what opens the first page. Sections are added by
// Resolve. Settings validation reports are Resolve's; set holds the read
// settings, with defaults where a value is invalid, so a document always
// exists.
func newDocument(p *Packet, set readSettings) *layout.Document {
	row, _ := p.Audience.info()
	w, h := p.Style.PageSize.Points()
	doc := &layout.Document{
		Meta: layout.Metadata{
			Title: layout.Typographic(p.Title), Subtitle: layout.Typographic(p.Subtitle),
			Author: p.Author, Organization: p.Organization, PreparedFor: p.PreparedFor,
			Marking: p.Marking, Watermark: p.Watermark,
			Language: set.language,
			Subject:  firstNonEmpty(p.Subtitle, "Briefing packet"),
			Keywords: nonEmpty("briefing", string(p.Audience), p.Marking),
			Date:     DateOrderFor(set.language).Printed(p.Date),
			Created:  packetDate(p),
			Producer: "Briefsmith " + Version,
		},
		Settings: layout.NewSettings(w, h, p.Style.FontSize, set.accent, set.logo, row.profile),
	}
	if p.Style.Cover {
		doc.Front = []layout.Block{layout.Cover{}}
	} else {
		doc.Front = []layout.Block{layout.MemoHeading{}}
	}
	return doc
}

// packetDate is the packet's date at noon UTC, or a fixed date when it has
// none, so output never depends on the clock.
func packetDate(p *Packet) time.Time {
	if t, err := time.Parse(time.DateOnly, p.Date); err == nil {
		return t.Add(12 * time.Hour).UTC()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
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
