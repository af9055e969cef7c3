package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Delete (or Backspace) in the packet list removes the selected section,
// as in a file manager or a slide sorter; one Undo brings it back.
func TestDeleteInThePacketListRemovesTheSection(t *testing.T) {
	h := newHarness(t, nil)
	n := len(h.doc().Sections)
	h.w.packet.list.Select(2)
	removed := h.doc().Sections[2].Template
	h.w.win.Canvas().Focus(h.w.packet.list)
	h.w.packet.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(h.doc().Sections) != n-1 || h.doc().Sections[2].Template == removed {
		t.Fatalf("Delete: %d sections, section 3 is %s", len(h.doc().Sections), h.doc().Sections[2].Template)
	}
	h.w.onUndo()
	if len(h.doc().Sections) != n || h.doc().Sections[2].Template != removed {
		t.Fatalf("Undo did not bring %s back", removed)
	}
	// Other keys still move through the list.
	h.w.packet.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if len(h.doc().Sections) != n {
		t.Error("an arrow key removed a section")
	}
}
