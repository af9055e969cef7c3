package briefing

import (
	"github.com/briefsmith/briefsmith/render/layout"

	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/spf13/afero"
	"golang.org/x/image/font/sfnt"
)

// Text the renderer cannot set correctly — right-to-left scripts, bidi
// controls, combining marks it cannot position — is an error naming where
// it is, like a character no font has; never printed as garbage.
func TestTextThatCannotBeSetIsReportedWithSectionAndLine(t *testing.T) {
	lib := builtinLibrary(t)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"Hebrew", "שלום עולם", `Hebrew text "שלום"`},
		{"pointed Hebrew", "בְּרֵאשִׁית", `Hebrew text`},
		{"Arabic", "مرحبا بالعالم", `Arabic text "مرحبا"`},
		{"N'Ko", "ߒߞߏ", `Nko text`},
		{"Syriac", "ܫܠܡܐ", `"ܫ" U+072B`},
		{"Thaana", "ދިވެހި", `U+078B`},
		{"right-to-left override", "abc\u202Edef", `U+202E`},
		{"right-to-left mark", "abc\u200Fdef", `U+200F`},
		{"left-to-right isolate", "abc\u2066def\u2069", `U+2066`},
		{"combining mark NFC cannot compose", "q\u0301uick", `combining mark U+0301`},
		{"enclosing mark", "1\u20DD", `combining mark U+20DD`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPacket("staff")
			body := "First line is fine.\n\nThird line: " + tc.text + " here.\n"
			p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
			_, probs := Resolve(lib, p, "u.briefing")
			got := probs.Errors().Error()
			if !strings.Contains(got, `section 1 "Scope of the Order", line 3: `) || !strings.Contains(got, tc.want) {
				t.Errorf("want an error at section 1, line 3, saying %s; got:\n%s", tc.want, got)
			}
		})
	}
}

// Decomposed accents (typed on some keyboards, pasted from some PDFs)
// are composed before layout, so Vietnamese prints correctly and is not
// reported.
func TestDecomposedTextIsComposedNotReported(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket("staff")
	decomposed := "Tie\u0302\u0301ng Vie\u0323\u0302t co\u0301 da\u0302\u0301u"
	body := "Phrase: " + decomposed + ".\n"
	p.Sections = []SectionRef{{Template: "scope", Title: "Tie\u0302\u0301ng", Body: &body, Included: true}}
	p.Subtitle = "Vie\u0323\u0302t"
	data, res, err := RenderPacket(lib, p, "v.briefing")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings.Errors()) > 0 {
		t.Fatal(res.Warnings)
	}
	path := writePDF(t, data)
	if o := pdfOutline(t, path); len(o) == 0 || o[0].Title != "Tiếng" {
		t.Errorf("outline = %+v, want the composed title first", o)
	}
	text := strings.Join(pdfPages(t, path), "")
	for _, want := range []string{"Tiếng Việt có dấu", "Việt"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q (composed):\n%s", want, text)
		}
	}
	if strings.ContainsRune(text, '\u0302') || strings.ContainsRune(text, '\u0301') {
		t.Error("PDF text still has combining marks")
	}
}

// Every text that reaches a PDF is checked: section titles, every packet
// setting, and the sources of user templates.
func TestEveryPrintedTextIsChecked(t *testing.T) {
	lib := builtinLibrary(t)
	settings := map[string]func(p *Packet, s string){
		"title":        func(p *Packet, s string) { p.Title = s },
		"subtitle":     func(p *Packet, s string) { p.Subtitle = s },
		"author":       func(p *Packet, s string) { p.Author = s },
		"organization": func(p *Packet, s string) { p.Organization = s },
		"prepared for": func(p *Packet, s string) { p.PreparedFor = s },
		"marking":      func(p *Packet, s string) { p.Marking = s },
		"watermark":    func(p *Packet, s string) { p.Watermark = s },
	}
	for field, set := range settings {
		for _, text := range []string{"שלום", "😀"} {
			p := NewPacket("client")
			set(p, "Name "+text)
			_, probs := Resolve(lib, p, "s.briefing")
			if got := probs.Errors().Error(); !strings.Contains(got, "packet settings: "+field+": ") {
				t.Errorf("%s %q: want an error naming the setting; got:\n%s", field, text, got)
			}
		}
	}

	p := NewPacket("staff")
	p.Sections = []SectionRef{{Template: "scope", Title: "Title עברית", Included: true}}
	_, probs := Resolve(lib, p, "s.briefing")
	if got := probs.Errors().Error(); !strings.Contains(got, `section 1 "Title עברית", title: Hebrew text`) {
		t.Errorf("a section title in Hebrew: got:\n%s", got)
	}
}

func TestUserTemplateSourcesAreChecked(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/t/party.md", []byte("---\nid: party\ntitle: Party\nkind: custom\nsources:\n"+
		"  - title: \"📄 Party report 中文\"\n    publisher: \"حزب\"\n  - title: Fine report\n---\nBody.\n"), 0o644)
	lib, err := LoadLibrary(assets.Templates, fs, "/t")
	if err != nil {
		t.Fatal(err)
	}
	p := NewPacket("staff")
	p.Sections = []SectionRef{{Template: "party", Included: true}}
	_, probs := Resolve(lib, p, "s.briefing")
	got := probs.Errors().Error()
	for _, want := range []string{`"📄" U+1F4C4`, `"中" U+4E2D`, `Arabic text "حزب"`, `source 1`, `party.md`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "source 2") {
		t.Errorf("a fine source was reported:\n%s", got)
	}
}

// glyphChecker is a surface that records every character drawn in a face
// that has no glyph for it: it would print as an empty box.
type glyphChecker struct {
	layout.NullSurface
	fonts   map[string]*sfnt.Font
	buf     sfnt.Buffer
	missing map[string]bool
}

func (g *glyphChecker) Text(st layout.Style, _, _ float64, s string, _ bool) {
	face := st.Face()
	f := g.fonts[face.Family+face.Style]
	if f == nil {
		f, _ = sfnt.Parse(face.TTF())
		g.fonts[face.Family+face.Style] = f
	}
	for _, r := range s {
		if idx, err := f.GlyphIndex(&g.buf, r); r != ' ' && (err != nil || idx == 0) {
			g.missing[fmt.Sprintf("%c in %s %s", r, face.Family, face.Style)] = true
		}
	}
}

// Every character is drawn in a face that has it: a bold or italic face
// lacking a letter the regular face has (DejaVu Sans Oblique has no
// Tifinagh or Ogham) must not print an empty box.
func TestEveryDrawnCharacterHasAGlyph(t *testing.T) {
	var b strings.Builder
	for _, a := range settableAlphabets() {
		w := strings.Join(a.letters, "")
		fmt.Fprintf(&b, "## %s\n\n%s *%s* **%s** ***%s*** `%s`\n\n| %s |\n|---|\n| *%s* |\n\n", w, w, w, w, w, w, w, w)
	}
	body := b.String()
	p := NewPacket("staff")
	p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	doc, probs := Resolve(builtinLibrary(t), p, "g.briefing")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	g := &glyphChecker{fonts: map[string]*sfnt.Font{}, missing: map[string]bool{}}
	if _, err := layout.Layout(doc, g); err != nil {
		t.Fatal(err)
	}
	if len(g.missing) > 0 {
		var ms []string
		for m := range g.missing {
			ms = append(ms, m)
		}
		sort.Strings(ms)
		t.Errorf("%d characters drawn in a face without them, e.g. %q", len(ms), ms[:min(len(ms), 5)])
	}
}
