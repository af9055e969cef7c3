package briefing

import "fmt"

// Synthetic returns a copy of base with n sections cycling through the
// built-in templates that suit its audience, cover and contents on, and no
// page limit: the large packet that benchmarks and peer comparisons use
// to show how cost grows with size.
func Synthetic(lib *Library, base *Packet, n int) *Packet {
	p := base.Clone()
	var ids []string
	for _, t := range lib.Templates() {
		if t.Origin == OriginBuiltIn && t.Suits(p.Audience) {
			ids = append(ids, t.ID)
		}
	}
	p.Sections = nil
	for i := 0; i < n && len(ids) > 0; i++ {
		p.Sections = append(p.Sections, SectionRef{Template: ids[i%len(ids)], Title: fmt.Sprintf("Section %d", i+1), Included: true})
	}
	p.Style.Cover, p.Style.TOC = true, true
	p.PageLimit = 0
	return p
}
