package app

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// buttonsLabelled finds the buttons reading label in the window's
// dialogs, in the order they are laid out.
func buttonsLabelled(t *testing.T, w *mainWindow, label string) []*widget.Button {
	var out []*widget.Button
	for _, o := range w.win.Canvas().Overlays().List() {
		for _, b := range allOf[*widget.Button](t, o) {
			if b.Text == label {
				out = append(out, b)
			}
		}
	}
	return out
}

// File › New › Blank, pressed in the real dialog for each audience, starts
// a packet with no sections in that audience's style and the user's
// defaults; the sample choice is still there and still fills the packet.
func TestNewBlankPacketForEachAudience(t *testing.T) {
	h := newHarness(t, nil)
	h.app.Preferences().SetString(prefAuthor, "R. Staffer")
	h.w.ui.askAudience = h.w.showNewDialog
	want := map[briefing.Audience]struct {
		size       float64
		cover, toc bool
		marking    string
	}{
		briefing.Staff:     {11, false, false, "UNCLASSIFIED"},
		briefing.Classroom: {12, false, false, ""},
		briefing.Client:    {11, true, true, "CONFIDENTIAL — CLIENT"},
	}
	for i, c := range newChoices {
		h.ui.unsaved = choiceDiscard
		h.w.onNewDialog()
		blanks := buttonsLabelled(t, h.w, newBlankLabel)
		if len(blanks) != len(briefing.Audiences()) {
			t.Fatalf("the New dialog has %d Blank buttons", len(blanks))
		}
		test.Tap(blanks[i])
		p, w := h.doc(), want[c.audience]
		if p.Audience != c.audience || len(p.Sections) != 0 || p.Author != "R. Staffer" || p.Date != "2026-11-25" ||
			p.Style.FontSize != w.size || p.Style.Cover != w.cover || p.Style.TOC != w.toc || p.Marking != w.marking {
			t.Errorf("Blank %s: %s, %d sections, author %q, %g pt, cover %v, contents %v, marking %q; want %+v",
				c.audience, p.Audience, len(p.Sections), p.Author, p.Style.FontSize, p.Style.Cover, p.Style.TOC, p.Marking, w)
		}
		if h.w.doc.selectedIndex() != -1 || h.w.doc.path != "" || h.w.doc.dirty {
			t.Errorf("Blank %s: selected %d, path %q, dirty %v", c.audience, h.w.doc.selectedIndex(), h.w.doc.path, h.w.doc.dirty)
		}
		if len(buttonsLabelled(t, h.w, newBlankLabel)) != 0 {
			t.Fatal("the New dialog stayed open")
		}
	}
	h.w.onNewDialog()
	test.Tap(buttonsLabelled(t, h.w, newSampleLabel)[1])
	if p := h.doc(); p.Audience != briefing.Classroom || len(p.Sections) == 0 || p.Style.FontSize != 12 {
		t.Errorf("the sample handout: %s, %d sections, %g pt", p.Audience, len(p.Sections), p.Style.FontSize)
	}
}

func pngLogo(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The brand kit chosen in Preferences goes into every new packet; a logo
// whose file has gone since is left out with a message saying so.
func TestNewPacketsWearTheBrandKit(t *testing.T) {
	h := newHarness(t, nil)
	logo := pngLogo(t)
	_ = afero.WriteFile(h.fs, "/brand/logo.png", logo, 0o644)
	_ = afero.WriteFile(h.fs, "/brand/broken.png", []byte("not a picture"), 0o644)

	f := newPrefsForm(h.w)
	test.Type(f.author, "Ana Analyst")
	test.Type(f.org, "Acme Policy")
	f.marking.SetText("CUI")
	test.Type(f.accent, "#7A1F2B")
	test.Type(f.logoDescription, "Acme Policy logo")
	h.ui.openPath = "/brand/broken.png"
	test.Tap(f.chooseLogo)
	if len(h.ui.errors) != 1 || f.logoPath != "" || f.logoLabel.Text != "none" {
		t.Fatalf("a file that is not an image was taken as the logo: %v %q", h.ui.errors, f.logoPath)
	}
	h.ui.errors = nil
	h.ui.openPath = "/brand/logo.png"
	test.Tap(f.chooseLogo)
	if f.logoLabel.Text != "logo.png" {
		t.Fatalf("logo label %q", f.logoLabel.Text)
	}
	f.save()

	for _, blank := range []bool{true, false} {
		for _, a := range briefing.Audiences() {
			h.ui.unsaved, h.ui.audience, h.ui.blank = choiceDiscard, string(a), blank
			h.w.onNewDialog()
			p := h.doc()
			if p.Audience != a || p.Author != "Ana Analyst" || p.Organization != "Acme Policy" || p.Marking != "CUI" ||
				p.Style.Accent != "#7A1F2B" || !bytes.Equal(p.Style.Logo, logo) || p.Style.LogoDescription != "Acme Policy logo" {
				t.Errorf("new %s (blank %v): author %q org %q marking %q accent %s logo %d bytes %q", a, blank,
					p.Author, p.Organization, p.Marking, p.Style.Accent, len(p.Style.Logo), p.Style.LogoDescription)
			}
		}
	}
	if len(h.ui.errors) > 0 {
		t.Fatalf("errors: %v", h.ui.errors)
	}

	_ = h.fs.Remove("/brand/logo.png")
	h.ui.audience = "client"
	h.w.onNewDialog()
	if p := h.doc(); len(p.Style.Logo) != 0 || p.Style.Accent != "#7A1F2B" || p.Audience != "client" {
		t.Errorf("with the logo gone: %d bytes of logo, accent %s", len(p.Style.Logo), p.Style.Accent)
	}
	if len(h.ui.errors) != 1 || !strings.Contains(h.ui.errors[0].Error(), "logo.png") {
		t.Errorf("the missing logo was not explained: %v", h.ui.errors)
	}
}

// Add to packet puts the template after the selected section and selects
// it; one undo takes it back, with the selection where it was. With no
// section selected it goes at the end.
func TestAddGoesAfterTheSelection(t *testing.T) {
	h := newHarness(t, nil)
	lib := h.w.library
	test.Type(lib.search, "glossary")
	row := -1
	for i, r := range lib.rows {
		if r.template != nil && r.template.ID == "glossary" {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("glossary not in the library: %+v", lib.rows)
	}
	h.w.packet.list.Select(2)
	lib.list.Select(row)
	test.Tap(lib.add)
	if got := sectionIDs(h.doc()); got != "summary,provisions,background,glossary,scope,international,context,outlook" {
		t.Fatalf("after Add: %s", got)
	}
	if h.w.doc.selectedIndex() != 3 || h.w.packet.highlighted != 3 || h.w.section.key != h.w.doc.keyAt(3) {
		t.Errorf("the new section is not the one shown: selected %d, highlighted %d", h.w.doc.selectedIndex(), h.w.packet.highlighted)
	}
	h.w.menuItem("Edit", "Undo").Action()
	if got := sectionIDs(h.doc()); got != sampleOrder || h.w.doc.selectedIndex() != 2 {
		t.Fatalf("one undo: %s, selected %d", got, h.w.doc.selectedIndex())
	}
	h.w.menuItem("Edit", "Redo").Action()
	if h.w.doc.selectedIndex() != 3 || h.doc().Sections[3].Template != "glossary" {
		t.Fatalf("redo: selected %d, %s", h.w.doc.selectedIndex(), sectionIDs(h.doc()))
	}

	h.w.selectSection(-1)
	test.Tap(lib.add)
	if got := sectionIDs(h.doc()); !strings.HasSuffix(got, "outlook,glossary") || h.w.doc.selectedIndex() != 8 {
		t.Errorf("with nothing selected: %s, selected %d", got, h.w.doc.selectedIndex())
	}
}

// Add blank section puts an empty section after the selected one, shows
// it in the editor with the cursor in its title, and what is typed there
// becomes the section's title; Section › Add Blank Section does the same.
func TestAddBlankSection(t *testing.T) {
	h := newHarness(t, nil)
	h.w.selectSection(0)
	test.Tap(h.w.library.blank)
	if got := sectionIDs(h.doc()); got != "summary,blank,"+strings.TrimPrefix(sampleOrder, "summary,") {
		t.Fatalf("after Add blank section: %s", got)
	}
	s := h.w.section
	if h.w.doc.selectedIndex() != 1 || s.key != h.w.doc.keyAt(1) || s.title.Text != "New section" || s.src.Text() != "" {
		t.Fatalf("editor shows section %d titled %q with body %q", h.w.doc.selectedIndex(), s.title.Text, s.src.Text())
	}
	if h.w.win.Canvas().Focused() != s.title {
		t.Error("the cursor is not in the new section's title")
	}
	// The title is selected: typing replaces it.
	test.Type(s.title, "Budget")
	test.Type(s.src, "Costs rise.")
	sec := h.doc().Sections[1]
	if sec.Title != "Budget" || sec.Body == nil || *sec.Body != "Costs rise." {
		t.Fatalf("typed into the blank section: %+v", sec)
	}
	if _, probs := briefing.Resolve(h.w.lib, h.doc(), "x"); probs.HasErrors() {
		t.Errorf("a filled-in blank section has errors: %s", probs.Error())
	}

	h.w.menuItem("Section", "Add Blank Section").Action()
	if h.doc().Sections[2].Template != briefing.BlankTemplateID || h.w.doc.selectedIndex() != 2 {
		t.Errorf("the menu item: %s, selected %d", sectionIDs(h.doc()), h.w.doc.selectedIndex())
	}
}

// The app starts on the packet opened or saved last; if that file has
// gone or is not a packet any more, on the start page, without a message.
func TestStartsOnTheLastOpenedPacket(t *testing.T) {
	fs := afero.NewMemMapFs()
	first := newHarness(t, fs)
	first.ui.savePath = "/docs/water.briefing"
	first.doc().Title = "The water cycle"
	first.w.onSave()
	first.w.stopTimers()

	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTemplatesDir, testTemplatesDir)
	a.Preferences().SetStringList(prefRecent, first.app.Preferences().StringList(prefRecent))
	h := openHarness(t, a, fs)
	if h.w.doc.path != "/docs/water.briefing" || h.doc().Title != "The water cycle" || h.w.doc.dirty ||
		h.w.win.Title() != "water.briefing — Briefsmith" {
		t.Fatalf("started on %q (%q), title bar %q", h.w.doc.path, h.doc().Title, h.w.win.Title())
	}
	if len(h.ui.errors) > 0 {
		t.Errorf("errors: %v", h.ui.errors)
	}

	for name, damage := range map[string]func(){
		"gone":         func() { _ = fs.Remove("/docs/water.briefing") },
		"not a packet": func() { _ = afero.WriteFile(fs, "/docs/water.briefing", []byte("shopping list"), 0o644) },
	} {
		damage()
		h := openHarness(t, a, fs)
		if !h.w.onStartPage || len(h.ui.errors) > 0 {
			t.Errorf("%s: started on %q (%q), errors %v", name, h.w.doc.path, h.doc().Title, h.ui.errors)
		}
	}
}
