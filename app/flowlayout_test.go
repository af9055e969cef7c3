package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTheToolbarWrapsRatherThanHideButtons(t *testing.T) {
	h := newHarness(t, nil)
	bar := h.w.section.newToolbar().(*fyne.Container)
	for _, width := range []float32{900, 420, 250} {
		w := test.NewWindow(bar)
		w.Resize(fyne.NewSize(width, 400))
		bar.Resize(fyne.NewSize(width, bar.MinSize().Height))
		rows := map[float32]bool{}
		for _, o := range bar.Objects {
			if o.Position().X+o.Size().Width > width+0.5 {
				t.Errorf("width %v: a button ends at %v, past the edge", width, o.Position().X+o.Size().Width)
			}
			rows[o.Position().Y] = true
		}
		if width == 900 && len(rows) != 1 {
			t.Errorf("width 900: %d rows, want 1", len(rows))
		}
		if width == 250 && len(rows) < 3 {
			t.Errorf("width 250: %d rows, want several", len(rows))
		}
		if got := bar.MinSize().Height; len(rows) > 1 && got < 2*bar.Objects[0].MinSize().Height {
			t.Errorf("width %v: %d rows but the bar asks for %v high", width, len(rows), got)
		}
		w.SetContent(nil)
		w.Close()
	}
}
