package cli

import (
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
)

// The collector is tuned by the packet's size: a memo gets fewer
// collections, a long packet a memory limit, up to the cap.
func TestGCSettingsFollowThePacketsSize(t *testing.T) {
	withSections := func(n int, body string) *briefing.Packet {
		p := &briefing.Packet{}
		for range n {
			b := body
			p.Sections = append(p.Sections, briefing.SectionRef{Template: "summary", Body: &b})
		}
		return p
	}
	for _, c := range []struct {
		name    string
		p       *briefing.Packet
		percent int
		limit   int64
	}{
		{"memo", withSections(8, "short"), 400, 0},
		{"memo with a long text", withSections(1, string(make([]byte, 100<<10))), 0, 32<<20 + 24<<10 + 100<<10*8},
		{"1,000 sections", withSections(1000, ""), 0, 32<<20 + 1000*24<<10},
		{"5,000 sections, the cap", withSections(5000, ""), 0, 32<<20 + 5000*24<<10},
	} {
		if percent, limit := gcSettings(c.p); percent != c.percent || limit != c.limit {
			t.Errorf("%s: GOGC %d, limit %d; want %d, %d", c.name, percent, limit, c.percent, c.limit)
		}
	}
}
