package briefing

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A blank packet is the audience's document with nothing in it yet: no
// sections, and the style the New dialog describes for that audience.
func TestBlankPacketsTakeTheAudienceProfile(t *testing.T) {
	want := map[Audience]struct {
		size       float64
		cover, toc bool
		marking    string
	}{
		Staff:     {11, false, false, "UNCLASSIFIED"},
		Classroom: {12, false, false, ""},
		Client:    {11, true, true, "CONFIDENTIAL — CLIENT"},
	}
	for _, a := range Audiences() {
		w, ok := want[a]
		if !ok {
			t.Fatalf("no expectation for audience %q", a)
		}
		p := NewBlankPacketFor(a, "2026-11-25", Defaults{})
		if len(p.Sections) != 0 {
			t.Errorf("%s: blank packet has %d sections", a, len(p.Sections))
		}
		s := p.Style
		if p.Audience != a || p.Date != "2026-11-25" || s.FontSize != w.size || s.Cover != w.cover || s.TOC != w.toc || p.Marking != w.marking {
			t.Errorf("%s: audience %s date %s, %g pt, cover %v, contents %v, marking %q; want %+v",
				a, p.Audience, p.Date, s.FontSize, s.Cover, s.TOC, p.Marking, w)
		}
		// The sample-section packet shares the settings.
		q := NewPacketFor(builtinLibrary(t), a, "2026-11-25", Defaults{})
		if q.Style.FontSize != s.FontSize || q.Style.Cover != s.Cover || q.Style.TOC != s.TOC || q.Marking != p.Marking {
			t.Errorf("%s: a packet with the sample's sections starts with another style: %+v", a, q.Style)
		}
	}
}

// The topic-neutral templates are for other subjects: a packet started
// with the sample's sections leaves them (and the blank section) out.
func TestSamplePacketsLeaveOutTopicNeutralTemplates(t *testing.T) {
	lib := builtinLibrary(t)
	for _, a := range Audiences() {
		p := NewPacketFor(lib, a, "2026-11-25", Defaults{})
		if len(p.Sections) == 0 {
			t.Fatalf("%s: no sections", a)
		}
		for _, s := range p.Sections {
			if tm, _ := lib.Get(s.Template); tm == nil || tm.Kind == General {
				t.Errorf("%s: new packet holds %q", a, s.Template)
			}
		}
	}
}

// testLogo is a small PNG.
func testLogo(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 30, 10))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Every new packet, blank or not, for any audience, wears the brand kit.
func TestNewPacketsWearTheBrandKit(t *testing.T) {
	logo := testLogo(t)
	d := Defaults{Author: "A. Writer", Organization: "Acme Policy", Marking: "CUI", PageSize: A4,
		Accent: "#7A1F2B", Logo: logo, LogoDescription: "Acme Policy logo"}
	for _, a := range Audiences() {
		for _, p := range []*Packet{NewBlankPacketFor(a, "", d), NewPacketFor(builtinLibrary(t), a, "", d)} {
			s := p.Style
			if p.Author != d.Author || p.Organization != d.Organization || p.Marking != d.Marking || s.PageSize != A4 ||
				s.Accent != d.Accent || !bytes.Equal(s.Logo, logo) || s.LogoDescription != d.LogoDescription {
				t.Errorf("%s: brand kit not applied: author %q org %q marking %q size %s accent %s logo %d bytes %q",
					a, p.Author, p.Organization, p.Marking, s.PageSize, s.Accent, len(s.Logo), s.LogoDescription)
			}
			if len(s.Logo) > 0 && &s.Logo[0] == &logo[0] {
				t.Errorf("%s: the packet shares the defaults' logo bytes", a)
			}
		}
	}
	if p := NewBlankPacketFor(Client, "", Defaults{Accent: "teal"}); p.Style.Accent != NewPacket(Client).Style.Accent {
		t.Errorf("an accent that is not #RRGGBB was used: %q", p.Style.Accent)
	}
}

func TestReadLogoFile(t *testing.T) {
	fs := afero.NewMemMapFs()
	logo := testLogo(t)
	_ = afero.WriteFile(fs, "/brand/logo.png", logo, 0o644)
	_ = afero.WriteFile(fs, "/brand/notes.png", []byte("not an image"), 0o644)
	if got, note, err := ReadLogoFile(fs, "/brand/logo.png"); err != nil || !bytes.Equal(got, logo) || note != "" {
		t.Fatalf("good logo: %v (note %q)", err, note)
	}
	for path, want := range map[string]string{
		"/brand/notes.png": "notes.png cannot be used as a logo",
		"/brand/gone.png":  "gone.png cannot be opened",
	} {
		if _, _, err := ReadLogoFile(fs, path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
}

// The topic-neutral templates are guidance to fill in for any subject:
// every fact in a built-in must come from a source it cites, and these
// cite none, so they may state none. They cannot be fact-checked word by
// word; what is checked is that they cite and declare nothing, ask no
// placeholder syntax of their users, share no run of four words with the
// sample's news report, and export cleanly for every audience.
func TestTopicNeutralTemplatesStateNoFacts(t *testing.T) {
	lib := builtinLibrary(t)
	text, _ := article(t)
	runs := map[string]bool{}
	words := strings.Fields(strings.ToLower(text))
	for i := 0; i+4 <= len(words); i++ {
		runs[strings.Join(words[i:i+4], " ")] = true
	}
	want := []string{"bottom line", "background", "key facts", "options", "recommendation", "timeline",
		"questions", "glossary", "discussion questions", "note on sources"}
	have := map[string]bool{}
	n := 0
	for _, tm := range lib.Templates() {
		if tm.Kind != General {
			continue
		}
		n++
		have[strings.ToLower(tm.Title)] = true
		if len(tm.Sources) > 0 || len(tm.Variables) > 0 || len(tm.Audiences) > 0 || tm.ExcludedByDefault {
			t.Errorf("%s: cites, declares or restricts something: %+v", tm.ID, tm)
		}
		if strings.Contains(tm.Body, "{{") || strings.Contains(tm.Body, "}}") {
			t.Errorf("%s: asks its user for template syntax", tm.ID)
		}
		body := strings.Fields(strings.ToLower(tm.Body))
		for i := 0; i+4 <= len(body); i++ {
			if run := strings.Join(body[i:i+4], " "); runs[run] {
				t.Errorf("%s: %q is the news report's", tm.ID, run)
			}
		}
		for _, a := range Audiences() {
			p := NewBlankPacketFor(a, "2026-11-25", Defaults{})
			p.Title = "Any topic"
			p.Sections = []SectionRef{{Template: tm.ID, Included: true}}
			doc, probs := Resolve(lib, p, "t.briefing")
			// The one problem: the guidance is still there (blank has
			// none); written over, none.
			guidance := len(probs) == 1 && strings.Contains(probs[0].Message, "still holds the template's guidance")
			if tm.ID == "blank" && len(probs) > 0 || tm.ID != "blank" && !guidance {
				t.Errorf("%s for %s: %s", tm.ID, a, probs.Error())
			}
			own := "Our own text."
			p.Sections[0].Body = &own
			if _, probs := Resolve(lib, p, "t.briefing"); len(probs) > 0 {
				t.Errorf("%s for %s, written over: %s", tm.ID, a, probs.Error())
			}
			p.Sections[0].Body = nil
			if len(doc.Sections) != 1 {
				t.Errorf("%s for %s: %d sections printed, want the one (and no sources list)", tm.ID, a, len(doc.Sections))
			}
			if _, _, err := RenderPacket(lib, p, "t.briefing"); err != nil {
				t.Errorf("%s for %s: %v", tm.ID, a, err)
			}
		}
	}
	for _, title := range want {
		if !have[title] {
			t.Errorf("no topic-neutral template titled %q", title)
		}
	}
	if blank, ok := lib.Get(BlankTemplateID); !ok || blank.Kind != General || strings.TrimSpace(blank.Body) != "" {
		t.Errorf("the blank section's template: %+v", blank)
	}
	if n != len(want)+1 {
		t.Errorf("%d topic-neutral templates, want %d and the blank section", n, len(want))
	}
}
