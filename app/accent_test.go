package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// An accent too light to read on white is flagged where it is chosen —
// under the colour in Settings and in Preferences — with a darker colour
// to use, and the flag goes when the colour is fixed.
func TestALightAccentIsFlaggedWhereItIsChosen(t *testing.T) {
	h := newHarness(t, nil)
	s := h.w.settings
	if s.accentNote.Visible() {
		t.Fatalf("the standard accent is flagged: %q", s.accentNote.Text)
	}
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Style.Accent = "#8FC1E9" })
	if !s.accentNote.Visible() || !strings.Contains(s.accentNote.Text, "below the 4.5:1") || !strings.Contains(s.accentNote.Text, "try #") {
		t.Errorf("a light accent in Settings: shown %v, %q", s.accentNote.Visible(), s.accentNote.Text)
	}
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Style.Accent = "#1F4E79" })
	if s.accentNote.Visible() {
		t.Errorf("a dark accent is flagged: %q", s.accentNote.Text)
	}

	f := newPrefsForm(h.w)
	f.accent.SetText("")
	test.Type(f.accent, "#FFD700")
	if !f.accentNote.Visible() || !strings.Contains(f.accentNote.Text, "#FFD700") {
		t.Errorf("a gold accent in Preferences: shown %v, %q", f.accentNote.Visible(), f.accentNote.Text)
	}
	f.accent.SetText("#003366")
	if f.accentNote.Visible() {
		t.Errorf("a navy accent in Preferences is flagged: %q", f.accentNote.Text)
	}
}

// A classroom handout's Settings use a teacher's words — Teacher, School,
// Header text (offering no government markings) — and a memo's its own.
func TestSettingsUseEachAudiencesWords(t *testing.T) {
	h := newHarness(t, nil)
	s := h.w.settings
	if s.authorItem.Text != "Author" || s.markingItem.Text != "Marking" || !strings.Contains(s.markingHint.Text, "top and bottom") {
		t.Fatalf("a memo's settings: %q, %q (%q)", s.authorItem.Text, s.markingItem.Text, s.markingHint.Text)
	}
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Audience = briefing.Classroom })
	if s.authorItem.Text != "Teacher" || s.orgItem.Text != "School" || s.markingItem.Text != "Header text" || strings.Contains(s.markingHint.Text, "bottom") {
		t.Errorf("a handout's settings: %q, %q, %q", s.authorItem.Text, s.orgItem.Text, s.markingItem.Text)
	}
	for _, o := range s.markingChoices {
		if strings.Contains(o, "UNCLASSIFIED") {
			t.Errorf("a handout offers the marking %q", o)
		}
	}
	h.w.doc.setChoice(func(p *briefing.Packet) { p.Audience = briefing.Staff })
	if s.markingItem.Text != "Marking" || !strings.Contains(s.markingHint.Text, "top and bottom") {
		t.Errorf("back to a memo: %q (%q)", s.markingItem.Text, s.markingHint.Text)
	}
}

// The Preferences dialog stays put while the accent's warning comes and
// goes: it grew and re-centred under the pointer, and a click meant for
// Choose image… landed in Logo description (a trial).
func TestPreferencesStaysPutAsTheAccentWarningShows(t *testing.T) {
	h := newHarness(t, nil)
	h.w.win.Resize(fyne.NewSize(1024, 700))
	_ = afero.WriteFile(h.fs, "/brand/logo.png", pngLogo(t), 0o644)
	h.app.Preferences().SetString(prefLogo, "/brand/logo.png")
	f := h.w.showPreferences()
	if !f.logoPreview.Visible() {
		t.Fatal("no logo preview")
	}
	pop := h.w.win.Canvas().Overlays().Top().(*widget.PopUp)
	at, size := pop.Content.Position(), pop.Content.Size()
	f.accent.SetText("#F0E68C")
	if !f.accentNote.Visible() {
		t.Fatal("no warning for a gold accent")
	}
	pop.Refresh() // the window's next frame lays the dialog out again
	if pop.Content.Position() != at || pop.Content.Size() != size {
		t.Errorf("the dialog moved from %v (%v) to %v (%v)", at, size, pop.Content.Position(), pop.Content.Size())
	}
}

// Enter saves Preferences and Esc cancels, as in any other dialog.
func TestPreferencesKeys(t *testing.T) {
	h := newHarness(t, nil)
	f := h.w.showPreferences()
	f.author.SetText("R. Staffer")
	h.w.dialogKey(fyne.KeyEscape)
	if h.w.dialogOpen() || h.app.Preferences().String(prefAuthor) != "" {
		t.Fatalf("Esc: open %v, author %q", h.w.dialogOpen(), h.app.Preferences().String(prefAuthor))
	}
	f = h.w.showPreferences()
	f.author.SetText("R. Staffer")
	h.w.dialogKey(fyne.KeyReturn)
	if h.w.dialogOpen() || h.app.Preferences().String(prefAuthor) != "R. Staffer" {
		t.Errorf("Enter: open %v, author %q", h.w.dialogOpen(), h.app.Preferences().String(prefAuthor))
	}
}
