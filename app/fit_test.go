package app

import (
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
)

// The "Fit to page limit" switch sets the packet's fit_to_limit, undoably,
// and the form follows undo.
func TestFitToPageLimitSwitchIsUndoable(t *testing.T) {
	h := newHarness(t, nil)
	s := h.w.settings
	if s.fit.Checked || h.doc().Style.FitToLimit {
		t.Fatal("fit on in a packet that does not ask for it")
	}
	s.fit.SetChecked(true)
	if !h.doc().Style.FitToLimit {
		t.Fatal("switch not applied")
	}
	h.w.undoItem.Action()
	if h.doc().Style.FitToLimit || s.fit.Checked {
		t.Errorf("undo: packet %v, switch %v", h.doc().Style.FitToLimit, s.fit.Checked)
	}
}

// The page count says what fitting did: the tightening when it fitted,
// the longest sections when even the tightest runs over.
func TestPagesTextShowsTheFit(t *testing.T) {
	p := briefing.NewPacket(briefing.Staff)
	p.PageLimit, p.Style.FitToLimit = 4, true
	fitted := briefing.Analysis{Pages: 4, Fit: &briefing.FitResult{Fits: true, Tightness: 0.4, Changes: "type 10.5 → 10.3 pt, spacing −8%"}}
	if got, want := pagesText(p, fitted), "4 pages (limit 4, fitted: type 10.5 → 10.3 pt, spacing −8%)"; got != want {
		t.Errorf("fitted: %q, want %q", got, want)
	}
	over := briefing.Analysis{Pages: 5, Fit: &briefing.FitResult{Longest: []briefing.SectionShare{{Title: "Background", Pages: 1.34}, {Title: "Options", Pages: 0.9}}}}
	if got, want := pagesText(p, over), "5 pages — 1 over the limit of 4 even fitted; longest: Background (1.3 pages), Options (0.9 pages)"; got != want {
		t.Errorf("over: %q, want %q", got, want)
	}
	asSet := briefing.Analysis{Pages: 3, Fit: &briefing.FitResult{Fits: true}}
	if got := pagesText(p, asSet); got != "3 pages (limit 4)" {
		t.Errorf("fits as set: %q", got)
	}
}
