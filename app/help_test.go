package app

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
)

// Formatting Help serves any packet and any user: its examples name no
// subject of the built-in sample, it tells how to make each thing in the
// formatted text (the toolbar, the keys) without showing syntax, and the
// page it prints from its examples lays out without a problem.
func TestFormattingHelpIsTopicNeutralAndShowsNoSyntax(t *testing.T) {
	h := newHarness(t, nil)
	for _, ex := range helpExamples {
		for _, word := range []string{"order", "agenc", "Red team", "AI ", "federal", "eo14110"} {
			if strings.Contains(ex.how+ex.source, word) {
				t.Errorf("%s: the example mentions %q", ex.what, word)
			}
		}
		for _, syntax := range []string{"**", "](", "```", "[^", "{{", "|---"} {
			if strings.Contains(ex.how, syntax) {
				t.Errorf("%s: the help shows the syntax %q", ex.what, syntax)
			}
		}
	}
	var body strings.Builder
	for _, ex := range helpExamples {
		if !ex.noPage {
			body.WriteString(ex.source + "\n\n")
		}
	}
	if _, err := helpPage(h.w.lib, body.String()); err != nil {
		t.Fatal(err)
	}
	p := briefing.NewBlankPacketFor(briefing.Staff, "2026-01-01", briefing.Defaults{})
	src := body.String()
	p.Sections = []briefing.SectionRef{{Template: "blank", Title: "Examples", Body: &src, Included: true}}
	if _, probs := briefing.Resolve(h.w.lib, p, "help"); probs.HasErrors() {
		t.Errorf("the examples do not print: %v", probs.Errors())
	}
}
