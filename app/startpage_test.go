package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// onPage finds the buttons reading label on the window's own content
// (not its dialogs), in the order they are laid out.
func onPage(t *testing.T, w *mainWindow, label string) []*widget.Button {
	t.Helper()
	var out []*widget.Button
	for _, b := range allOf[*widget.Button](t, w.win.Content()) {
		if b.Text == label || strings.HasPrefix(b.Text, label+"  —  ") {
			out = append(out, b)
		}
	}
	return out
}

// The first start shows the start page — a card for each kind of
// document with a preview of its page, Open… and Recent — not the staff
// sample; the menu's packet commands are greyed out and do nothing there;
// a card's sample button opens that audience's sample.
func TestTheFirstStartIsTheStartPage(t *testing.T) {
	h := openHarness(t, test.NewTempApp(t), afero.NewMemMapFs())
	if !h.w.onStartPage || h.w.win.Content() != h.w.startPg.content || h.w.win.Title() != "Briefsmith" {
		t.Fatalf("started on the start page: %v, title %q", h.w.onStartPage, h.w.win.Title())
	}
	if n := len(onPage(t, h.w, newBlankLabel)); n != len(briefing.Audiences()) {
		t.Fatalf("%d Blank buttons on the start page", n)
	}
	if len(onPage(t, h.w, "Open…")) != 1 {
		t.Error("no Open… on the start page")
	}
	for _, a := range briefing.Audiences() {
		if h.w.previews[a] == nil || h.w.previews[a].Bounds().Dy() < h.w.previews[a].Bounds().Dx() {
			t.Errorf("no page preview for %s", a)
		}
	}
	for _, s := range drawnImages(t, h.w.startPg.content) {
		if s.Image == nil {
			t.Error("a preview on the page was left blank")
		}
	}
	save := h.w.menuItem("File", "Save")
	if !save.Disabled || h.w.menuItem("File", "New…").Disabled || h.w.menuItem("File", "Open…").Disabled {
		t.Errorf("on the start page: Save disabled %v, New %v, Open %v", save.Disabled,
			h.w.menuItem("File", "New…").Disabled, h.w.menuItem("File", "Open…").Disabled)
	}
	h.ui.savePath = "/docs/x.briefing"
	save.Action() // its shortcut still reaches it
	h.w.menuItem("Section", "Add Blank Section").Action()
	if len(h.ui.asked) != 0 || len(h.doc().Sections) != 0 {
		t.Errorf("packet commands ran on the start page: asked %v, %d sections", h.ui.asked, len(h.doc().Sections))
	}

	test.Tap(onPage(t, h.w, newSampleLabel)[1])
	if h.w.onStartPage || h.w.win.Content() != h.w.main || h.doc().Audience != briefing.Classroom || len(h.doc().Sections) == 0 {
		t.Fatalf("after the handout's sample: start page %v, %s with %d sections", h.w.onStartPage, h.doc().Audience, len(h.doc().Sections))
	}
	if save.Disabled || h.w.menuItem("Section", "Add Blank Section").Disabled {
		t.Error("Save and Add Blank Section stay greyed out with a packet open")
	}
}

// File › Close asks about unsaved work, then shows the start page, whose
// Recent list opens a packet saved before.
func TestCloseShowsTheStartPage(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.savePath = "/docs/water.briefing"
	h.w.onSave()
	h.w.doc.setVariable("order_number", "14365")
	h.settle()

	h.ui.unsaved = choiceCancel
	h.w.menuItem("File", "Close").Action()
	if h.w.onStartPage || h.w.doc.path != "/docs/water.briefing" {
		t.Fatal("Close went ahead though the user cancelled")
	}
	h.ui.unsaved = choiceDiscard
	h.w.menuItem("File", "Close").Action()
	if !h.w.onStartPage || h.w.win.Content() != h.w.startPg.content || h.w.doc.dirty {
		t.Fatal("Close did not show the start page")
	}
	if ok, _ := afero.Exists(h.fs, h.w.recoveryFile()); ok {
		t.Error("the discarded work's autosave is still there")
	}
	recent := onPage(t, h.w, "water.briefing")
	if len(recent) != 1 {
		t.Fatalf("Recent lists %d buttons for the saved packet", len(recent))
	}
	test.Tap(recent[0])
	if h.w.onStartPage || h.w.doc.path != "/docs/water.briefing" || h.doc().Variables["order_number"] == "14365" {
		t.Errorf("Recent opened %q (start page %v)", h.w.doc.path, h.w.onStartPage)
	}
}
