package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/briefsmith/briefsmith/briefing"
)

// At 1024×700 the Settings and Variables forms fit their pane: nothing is
// cut off at the right (dropdown arrows, hints), for every audience's words.
func TestSettingsAndVariablesFitA1024PixelWindow(t *testing.T) {
	h := newHarness(t, nil)
	h.w.win.Resize(fyne.NewSize(1024, 700))
	h.w.tabs.SelectIndex(1)
	// The tabs' share of the window as buildUI divides it (0.3 to the
	// lists, 0.6 of the rest): a form wider than that pushes the divider
	// into the pages, or is cut off.
	pane := float32(1024) * 0.7 * 0.6
	for _, a := range briefing.Audiences() {
		h.w.doc.setChoice(func(p *briefing.Packet) { p.Audience = a })
		for _, c := range []struct {
			name string
			min  fyne.Size
		}{
			{"Settings", h.w.settings.form.MinSize()},
			{"Variables", h.w.variables.content.MinSize()},
		} {
			if c.min.Width > pane {
				t.Errorf("%s (%s) needs %v pixels; the pane is %v", c.name, a, c.min.Width, pane)
			}
		}
	}
}

// The mouse wheel scrolls Settings wherever the pointer is, over a text
// field too (Fyne gives the wheel to the field, which cannot use it).
func TestTheWheelScrollsSettingsOverAField(t *testing.T) {
	h := newHarness(t, nil)
	h.w.win.Resize(fyne.NewSize(1024, 700))
	h.w.tabs.SelectIndex(1)
	scroll := h.w.settings.content.(*fyne.Container).Objects[0].(*container.Scroll)
	title := h.w.settings.title
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(title).Add(fyne.NewPos(20, 10))
	test.Scroll(h.w.win.Canvas(), at, 0, -120)
	if scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over the title field left Settings at %v", scroll.Offset.Y)
	}
}

// Dragging the divider beside the pages narrows the editor: the toolbar
// wraps onto more rows and the text moves down to make room (its second
// row was drawn over the text); widened again, the text moves back up
// (an empty band was left above it).
func TestTheToolbarMakesRoomAsTheDividerMoves(t *testing.T) {
	h := newHarness(t, nil)
	h.w.win.Resize(fyne.NewSize(1440, 900))
	right := h.w.main.(*container.Split).Trailing.(*container.Split)
	bar, text := h.w.section.toolbar, h.w.section.src
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	for _, offset := range []float64{0.95, 0.3, 0.95} {
		right.SetOffset(offset)
		barBottom := abs(bar).Y + bar.Size().Height
		used := float32(0)
		for _, o := range bar.(*fyne.Container).Objects {
			used = max(used, o.Position().Y+o.Size().Height)
			if o.Position().X+o.Size().Width > bar.Size().Width+0.5 {
				t.Errorf("divider at %v: a button ends at %v, past the bar's %v", offset, o.Position().X+o.Size().Width, bar.Size().Width)
			}
		}
		if used > bar.Size().Height+0.5 || used < bar.Size().Height-0.5 {
			t.Errorf("divider at %v: the buttons take %v, the bar is given %v", offset, used, bar.Size().Height)
		}
		if gap := abs(text).Y - barBottom; gap < 0 || gap > 3*theme.Padding() {
			t.Errorf("divider at %v: the toolbar ends at %v, the text starts at %v", offset, barBottom, abs(text).Y)
		}
	}
}
