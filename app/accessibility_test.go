package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/briefing"
)

// problemIndex returns the index of the first problem whose message holds
// part, or -1.
func problemIndex(h *harness, part string) int {
	for i, pr := range h.w.problems.items {
		if strings.Contains(pr.Message, part) {
			return i
		}
	}
	return -1
}

func TestAccessibilityWarningAppearsLiveAndJumpsToItsSection(t *testing.T) {
	h := newHarness(t, nil)
	h.settle()
	if i := problemIndex(h, "skipping a level"); i >= 0 {
		t.Fatalf("the sample already warns: %s", h.w.problems.items[i])
	}
	h.w.selectSection(3)
	setSource(h.w.section, "Intro.\n\n## Deep end\n\nMore.")
	h.settle()
	i := problemIndex(h, `line 3: heading "Deep end" is a Subheading directly under the section title`)
	if i < 0 {
		t.Fatalf("no live warning; problems:\n%s", h.w.problems.items.Error())
	}
	// The panel names no line of Markdown and no marks: the formatted
	// view shows neither.
	if shown := h.w.problems.items[i].Shown(); strings.Contains(shown, "line 3") || strings.Contains(shown, "#") || !strings.Contains(shown, `"Deep end" is a Subheading`) {
		t.Errorf("the panel shows %q", shown)
	}
	if pr := h.w.problems.items[i]; pr.Severity != briefing.Warning || pr.Section != 3 {
		t.Errorf("problem = %+v, want a warning about section 3", pr)
	}
	h.w.selectSection(0)
	h.w.tabs.SelectIndex(3)
	h.w.problems.list.Select(i)
	if got := h.w.doc.selectedIndex(); got != 3 || h.w.tabs.SelectedIndex() != 0 {
		t.Errorf("selecting the warning: section %d, tab %d; want section 3 in the Section tab", got, h.w.tabs.SelectedIndex())
	}
	test.Type(h.w.section.src, "# ")
	h.settle()
	if i := problemIndex(h, "skipping a level"); i >= 0 {
		t.Errorf("fixed heading still warned: %s", h.w.problems.items[i])
	}
}

func TestLanguageAndLogoDescriptionSettings(t *testing.T) {
	h := newHarness(t, nil)
	s := h.w.settings
	if s.language.Text != "en-US" {
		t.Errorf("language field = %q, want en-US", s.language.Text)
	}
	s.language.SetText("")
	h.settle()
	i := problemIndex(h, "language: no language is set")
	if i < 0 {
		t.Fatalf("no warning for an empty language:\n%s", h.w.problems.items.Error())
	}
	h.w.tabs.SelectIndex(3)
	h.w.problems.list.Select(i)
	if h.w.tabs.SelectedIndex() != 1 || h.w.win.Canvas().Focused() != s.language {
		t.Errorf("selecting the language warning: tab %d, focus %v; want Settings with Language focused", h.w.tabs.SelectedIndex(), h.w.win.Canvas().Focused())
	}
	test.Type(s.language, "fr-CA")
	s.logoDescription.SetText("Example Consulting logo")
	if p := h.doc(); p.Language != "fr-CA" || p.Style.LogoDescription != "Example Consulting logo" {
		t.Fatalf("settings not applied: language %q, logo description %q", p.Language, p.Style.LogoDescription)
	}
	h.settle()
	if i := problemIndex(h, "language"); i >= 0 {
		t.Errorf("a good language still warned: %s", h.w.problems.items[i])
	}
	h.w.undoItem.Action()
	if p := h.doc(); p.Style.LogoDescription != "" || p.Language != "fr-CA" {
		t.Errorf("undo: language %q, logo description %q", p.Language, p.Style.LogoDescription)
	}
	// Clearing the field and typing the new tag is one burst of typing
	// in one field: one undo step back to where it started.
	h.w.undoItem.Action()
	if p := h.doc(); p.Language != "en-US" || s.language.Text != "en-US" {
		t.Errorf("second undo: language %q, field %q; want en-US", p.Language, s.language.Text)
	}
}
