package briefing

import (
	"strings"
	"time"

	"github.com/briefsmith/briefsmith/briefing/render"
)

// Version is the program version, written into each PDF's producer field.
const Version = "0.1.0"

// newDocument starts the document for p: metadata and settings resolved
// from the packet, and what opens the first page. Sections are added by
// Resolve. Settings validation reports are Resolve's; here an invalid
// value falls back to the default, so a document always exists.
func newDocument(p *Packet, logo *render.Logo) *render.Document {
	accent, err := render.ParseColor(p.Style.Accent)
	if err != nil {
		accent, _ = render.ParseColor("")
	}
	lang, err := ParseLanguage(p.Language)
	if err != nil {
		lang = DefaultLanguage // and Resolve warns
	}
	row, _ := p.Audience.info()
	w, h := p.Style.PageSize.Points()
	doc := &render.Document{
		Meta: render.Metadata{
			Title: render.Typographic(p.Title), Subtitle: render.Typographic(p.Subtitle),
			Author: p.Author, Organization: p.Organization, PreparedFor: p.PreparedFor,
			Marking: p.Marking, Watermark: p.Watermark,
			Language: lang,
			Subject:  firstNonEmpty(p.Subtitle, "Briefing packet"),
			Keywords: nonEmpty("briefing", string(p.Audience), p.Marking),
			Date:     PrintedDate(p.Date),
			Created:  packetDate(p),
			Producer: "Briefsmith " + Version,
		},
		Settings: render.NewSettings(w, h, p.Style.FontSize, accent, logo, row.profile),
	}
	if p.Style.Cover {
		doc.Front = []render.Block{render.Cover{}}
	} else {
		doc.Front = []render.Block{render.MemoHeading{}}
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
