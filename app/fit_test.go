package app

import "testing"

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
