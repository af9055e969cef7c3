// Package corpus is test equipment: the section bodies Briefsmith ships —
// each built-in template as each audience it suits reads it, and every
// section of the sample packets — for the tests that read, write and
// edit them all (sectiontext's round trip, the editor's).
package corpus

import (
	"fmt"
	"io/fs"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
)

// Bodies is every shipped body by name ("summary for staff",
// "staff.briefing section 3"): a sample section's own body where it has
// one, else its template's for the packet's audience.
func Bodies() (map[string]string, error) {
	lib, err := briefing.LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, tm := range lib.Templates() {
		for _, a := range briefing.Audiences() {
			if tm.Suits(a) {
				out[tm.ID+" for "+string(a)] = tm.BodyFor(a)
			}
		}
	}
	names, err := fs.Glob(assets.Samples, "*.briefing")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("no sample packets: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(assets.Samples, name)
		if err != nil {
			return nil, err
		}
		p, err := briefing.DecodePacket(name, data)
		if err != nil {
			return nil, err
		}
		for i, ref := range p.Sections {
			key := fmt.Sprintf("%s section %d", name, i+1)
			switch tm, ok := lib.Get(ref.Template); {
			case ref.Body != nil:
				out[key] = *ref.Body
			case ok:
				out[key] = tm.BodyFor(p.Audience)
			default:
				return nil, fmt.Errorf("%s: section %d: unknown template %q", name, i+1, ref.Template)
			}
		}
	}
	return out, nil
}
