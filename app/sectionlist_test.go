package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
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

// The packet list marks a section whose text is no longer its
// template's "(edited)"; a blank section holds only the user's own text.
func TestOnlyTemplateTextIsMarkedEdited(t *testing.T) {
	h := newHarness(t, nil)
	h.w.doc.addSection(briefing.BlankTemplateID)
	blank := slices.IndexFunc(h.doc().Sections, func(s briefing.SectionRef) bool { return s.Template == briefing.BlankTemplateID })
	h.setBody(blank, "My own words.")
	h.setBody(0, "Changed.")
	row := h.w.packet.createRow()
	label := func(i int) string {
		h.w.packet.updateRow(i, row)
		return row.(*fyne.Container).Objects[0].(*widget.Label).Text
	}
	if got := label(blank); strings.Contains(got, "edited") {
		t.Errorf("the blank section reads %q", got)
	}
	if got := label(0); !strings.HasSuffix(got, "(edited)") {
		t.Errorf("the changed summary reads %q", got)
	}
}

// A blank section's note says it is the user's own, not "text edited"
// from a template that held none.
func TestABlankSectionIsTheUsersOwn(t *testing.T) {
	h := newHarness(t, nil)
	h.w.doc.addSection(briefing.BlankTemplateID)
	i := slices.IndexFunc(h.doc().Sections, func(s briefing.SectionRef) bool { return s.Template == briefing.BlankTemplateID })
	h.setBody(i, "My own words.")
	h.w.selectSection(i)
	if got := h.w.section.info.Text; !strings.HasPrefix(got, "Your own section.") {
		t.Errorf("the note reads %q", got)
	}
}
