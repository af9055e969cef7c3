package briefing

import (
	"bytes"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"io/fs"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/spf13/afero"
)

// sampleLogo is the client sample's logo: a real PNG the renderer decodes.
func sampleLogo(t *testing.T) []byte {
	t.Helper()
	p := loadSampleNamed(t, "client.briefing")
	if len(p.Style.Logo) == 0 {
		t.Fatal("the client sample has no logo")
	}
	return p.Style.Logo
}

func TestLanguageAndLogoDescriptionRoundTrip(t *testing.T) {
	if got := NewPacket("staff").Language; got != "en-US" {
		t.Errorf("new packet language = %q, want en-US", got)
	}
	old, err := DecodePacket("old.briefing", []byte(`{"version":1,"title":"T","audience":"staff","sections":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if old.Language != "en-US" || old.Style.LogoDescription != "" {
		t.Errorf("a packet without the fields: language %q, logo description %q", old.Language, old.Style.LogoDescription)
	}
	afs := afero.NewMemMapFs()
	p := samplePacket()
	p.Language = "fr-CA"
	p.Style.LogoDescription = "Logo d’Exemple Conseil"
	if err := SavePacket(afs, "/p.briefing", p); err != nil {
		t.Fatal(err)
	}
	got, err := LoadPacket(afs, "/p.briefing")
	if err != nil {
		t.Fatal(err)
	}
	if got.Language != "fr-CA" || got.Style.LogoDescription != p.Style.LogoDescription {
		t.Errorf("round trip: language %q, logo description %q", got.Language, got.Style.LogoDescription)
	}
	// An empty language stays empty (and is warned about), rather than
	// quietly becoming the default on the next load.
	p.Language = ""
	_ = SavePacket(afs, "/p.briefing", p)
	if got, _ = LoadPacket(afs, "/p.briefing"); got.Language != "" {
		t.Errorf("an empty language came back as %q", got.Language)
	}
	// No logo description: the key is not written at all.
	var b bytes.Buffer
	_ = WritePacket(&b, NewPacket("staff"))
	if strings.Contains(b.String(), "logo_description") {
		t.Errorf("an unset logo description was written:\n%s", b.String())
	}
}

func TestResolveFillsLanguageAndLogoDescription(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket("client")
	p.Title = "T"
	p.Language = "en-gb"
	p.Style.Logo = sampleLogo(t)
	p.Style.LogoDescription = "Example Consulting logo"
	doc, _ := Resolve(lib, p, "p.briefing")
	if doc.Meta.Language != "en-GB" {
		t.Errorf("Meta.Language = %q, want en-GB (canonical)", doc.Meta.Language)
	}
	if doc.Settings.Logo == nil || doc.Settings.Logo.Alt != "Example Consulting logo" {
		t.Errorf("logo = %+v, want its description as Alt", doc.Settings.Logo)
	}
	p.Language = "not a tag"
	if doc, _ = Resolve(lib, p, "p.briefing"); doc.Meta.Language != "en-US" {
		t.Errorf("a bad language gives Meta.Language %q, want the default", doc.Meta.Language)
	}
}

func TestParseLanguage(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"en-US", "en-US", ""},
		{"en-us", "en-US", ""},
		{"es-419", "es-419", ""},
		{"zh-Hant-TW", "zh-Hant-TW", ""},
		{"", "", "no language is set"},
		{"  ", "", "no language is set"},
		{"english", "", `"english" is not a language tag`},
		{"en-UX", "", `"UX" in "en-UX" is not a language or region code`},
		{"en US", "", "is not a language tag"},
		{"xx", "", `"xx" is not a language or region code`},
		// Well-formed, but naming no language a screen reader knows.
		{"x-klingon", "", `"x-klingon" names no known language (x- starts a private-use tag`},
		{"und", "", `"und" names no known language (und is the code for an undetermined language)`},
		{"und-US", "", `"und-US" names no known language (und is`},
		{"qaa", "", `"qaa" names no known language (qaa to qtz are codes reserved for private use)`},
		{"QTZ-us", "", `"QTZ-us" names no known language (qaa to qtz`},
		{"zxx", "", `"zxx" names no known language (zxx is the code for text in no language)`},
		{"mul", "", "several languages"},
		{"mis", "", "has no code"},
		{"en-x-house", "en-x-house", ""},
		{"i-klingon", "tlh", ""},
	} {
		got, err := ParseLanguage(c.in)
		if got != c.want || (err == nil) != (c.err == "") || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("ParseLanguage(%q) = %q, %v; want %q, %q", c.in, got, err, c.want, c.err)
		}
	}
}

// bodyFaults runs the body checks and returns "line: message" strings.
func bodyFaults(md string) []string {
	var out []string
	for _, f := range accessibilityFaults(md) {
		out = append(out, fmt.Sprintf("%d: %s", f.line, f.msg))
	}
	return out
}

func TestBodyAccessibilityChecks(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []string // "line: part of the message"; none means no fault
	}{
		// Headings: the section title is the top level, so a body's
		// first heading is "#"; going back up is fine, skipping down is not.
		{"first heading skips", "Intro.\n\n## Open questions\n\nText.", []string{`3: heading "Open questions" is a Subheading directly under the section title, skipping a level; make it a Heading (Heading ▾ › Heading, or Ctrl+1)`}},
		{"nested heading skips", "# Scope\n\nText.\n\n#### Details ##\n", []string{`5: heading "Details" is a level-4 heading after a Heading, skipping a level; make it a Subheading`}},
		{"headings in order", "# A\n\n## B\n\n### C\n\n# D\n\n## E\n", nil},
		{"setext headings in order", "A\n===\n\nB\n---\n\ntext\n", nil},
		{"setext skips", "## A\n\nB\n---\n", []string{`1: heading "A" is a Subheading`}},
		{"heading in code", "```\n### not a heading\n```\n\n# Real\n", nil},
		{"heading in a list", "- item\n\n  ### Deep\n", []string{`3: heading "Deep" is a Minor heading`}},
		{"a rule is not a heading", "Text.\n\n---\n\n# A\n", nil},

		// Tables.
		{"empty header row", "Before.\n\n|  |   |\n|---|---|\n| a | b |\n", []string{"3: the table's header row is empty"}},
		{"header row", "| Term | Meaning |\n|:---|---:|\n| a | b |\n", nil},
		{"partly empty header row", "|  | Meaning |\n|---|---|\n| a | b |\n", nil},
		{"table without outer pipes", "Term | Meaning\n---|---\na | [here](https://example.gov)\n", []string{`3: link text "here"`}},

		// Links.
		{"click here", "For the text, [click here](https://www.govinfo.gov/x).", []string{`1: link text "click here" does not say where the link goes`}},
		{"here with emphasis", "Read it\n[**Here**](https://example.gov).", []string{`2: link text "Here" does not say where the link goes`}},
		{"read more", "[Read more…](https://example.gov)", []string{`1: link text "Read more…" does not say where the link goes`}},
		{"link", "See [link](https://example.gov).", []string{`1: link text "link"`}},
		{"bare address", "See [https://example.gov/eo](https://example.gov/eo).", []string{`1: link text "https://example.gov/eo" is the bare address`}},
		{"bare www address", "See [www.example.gov](https://www.example.gov/).", []string{`1: link text "www.example.gov" is the bare address`}},
		{"autolink", "See <https://example.gov/eo>.", []string{`1: link text "https://example.gov/eo" is the bare address`}},
		{"good link", "See [Executive Order 14148 in the Federal Register](https://example.gov/eo) and [here and now, a report](https://example.gov).", nil},
		{"email address", "Write to [jane@example.gov](mailto:jane@example.gov) or <jane@example.gov>.", nil},
		{"link in code", "Type `[here](https://example.gov)` to link.\n\n```\n[here](https://example.gov)\n```\n", nil},
		{"escaped bracket", `Not a link: \[here](https://example.gov).`, nil},

		// Images.
		{"image without alt", "Chart:\n\n![](chart.png)", []string{`3: image "chart.png" has no description (alt text)`}},
		{"image with blank alt", "![  ](chart.png \"title\")", []string{`1: image "chart.png" has no description`}},
		{"image with alt", "![Bar chart of agency budgets, 2024](chart.png)", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := bodyFaults(c.body)
			if len(got) != len(c.want) {
				t.Fatalf("faults:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(c.want), strings.Join(c.want, "\n"))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("fault %d:\n got %s\nwant %s…", i, got[i], w)
				}
			}
		})
	}
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		hex  string
		want float64
	}{
		{"#000000", 21}, {"#FFFFFF", 1}, {"#767676", 4.54}, {"#777777", 4.48}, {"#1F4E79", 8.66},
	} {
		col, _ := parseAccent(c.hex)
		if got := contrastOnWhite(col); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("contrast of %s on white = %.3f, want %.2f", c.hex, got, c.want)
		}
	}
}

// settingsFaults resolves p with one section of body and returns the
// warnings about the packet's settings.
func settingsWarnings(t *testing.T, p *Packet, body string) string {
	t.Helper()
	p.Title = "T"
	if body != "" {
		p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	}
	_, probs := Resolve(builtinLibrary(t), p, "p.briefing")
	var out []string
	for _, pr := range probs {
		if pr.Section < 0 {
			if pr.Severity != Warning {
				t.Errorf("not a warning: %s", pr)
			}
			out = append(out, pr.Message)
		}
	}
	return strings.Join(out, "\n")
}

func TestSettingsAccessibilityChecks(t *testing.T) {
	logo := sampleLogo(t)
	for _, c := range []struct {
		name string
		edit func(p *Packet)
		body string
		want string // "" for no warning
	}{
		{"logo without description", func(p *Packet) { p.Style.Logo = logo }, "", "the logo has no description"},
		{"logo with blank description", func(p *Packet) { p.Style.Logo, p.Style.LogoDescription = logo, "  " }, "", "the logo has no description"},
		{"logo with description", func(p *Packet) { p.Style.Logo, p.Style.LogoDescription = logo, "Example Consulting logo" }, "", ""},
		{"no logo", func(p *Packet) {}, "", ""},
		{"empty language", func(p *Packet) { p.Language = "" }, "", "language: no language is set; screen readers"},
		{"malformed language", func(p *Packet) { p.Language = "English" }, "", `language: "English" is not a language tag; screen readers`},
		{"unknown language", func(p *Packet) { p.Language = "xx" }, "", `language: "xx" is not a language or region code; screen readers`},
		{"good language", func(p *Packet) { p.Language = "de-CH" }, "", ""},
		{"pale accent", func(p *Packet) { p.Style.Accent = "#777777" }, "", "accent colour #777777 on white has a contrast of 4.48:1, below the 4.5:1"},
		{"yellow accent", func(p *Packet) { p.Style.Accent = "#FFC107" }, "", "accent colour #FFC107 on white has a contrast of 1.63:1"},
		{"dark enough accent", func(p *Packet) { p.Style.Accent = "#767676" }, "Text.", ""},
		{"accent pale on a call-out", func(p *Packet) { p.Style.Accent = "#767676" }, "> [!NOTE]\n> Text.", "accent colour #767676 on the shaded call-out box has a contrast of 4.0"},
		{"default accent on a call-out", func(p *Packet) {}, "> [!NOTE]\n> Text.", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPacket("staff")
			c.edit(p)
			got := settingsWarnings(t, p, c.body)
			if c.want == "" {
				if got != "" {
					t.Errorf("warned:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("warnings lack %q:\n%s", c.want, got)
			}
		})
	}
}

// A darker accent suggested for a pale one really is readable, and keeps
// its hue (the same channels in the same proportion, roughly).
func TestDarkerAccentSuggestionReads(t *testing.T) {
	for _, hex := range []string{"#777777", "#FFC107", "#00FF00", "#FFFFFF", "#767676", "#4FC3F7"} {
		c, _ := parseAccent(hex)
		for _, shaded := range []bool{false, true} {
			d := darkerAccent(c, shaded)
			if r := contrastOnWhite(d); r < 4.5 {
				t.Errorf("%s: suggestion %v reads at %.2f on white", hex, d, r)
			}
			if r := contrastRatio(d, layout.CalloutShade(d)); shaded && r < 4.5 {
				t.Errorf("%s: suggestion %v reads at %.2f on a call-out", hex, d, r)
			}
		}
	}
}

// Body problems come out of Validate as warnings naming the section and
// the line, so the app can jump to them.
func TestValidateReportsAccessibilityWithSectionAndLine(t *testing.T) {
	p, err := DecodePacket("a.briefing", []byte(`{"version": 1, "title": "T", "audience": "staff",
  "sections": [
    {"template": "summary"},
    {"template": "scope", "body": "Intro.\n\n### Deep\n\nSee [here](https://example.gov)."}
  ]}`))
	if err != nil {
		t.Fatal(err)
	}
	probs := Validate(builtinLibrary(t), p, "a.briefing")
	got := probs.Error()
	for _, want := range []string{
		`a.briefing:4: warning: section 2 "Scope of the Order", line 3: heading "Deep" is a Minor heading`,
		`a.briefing:4: warning: section 2 "Scope of the Order", line 5: link text "here" does not say where the link goes`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	for _, pr := range probs {
		if strings.Contains(pr.Message, "heading") && (pr.Section != 1 || pr.Severity != Warning) {
			t.Errorf("heading problem: section %d, severity %s", pr.Section, pr.Severity)
		}
	}
}

// The built-in samples, and every built-in template in every audience it
// is written for, pass every accessibility check: what we ship is what we
// ask users to write.
func TestBuiltinsPassAccessibilityChecks(t *testing.T) {
	lib := builtinLibrary(t)
	entries, err := fs.ReadDir(assets.Samples, ".")
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, p *Packet) {
		doc, _ := Resolve(lib, p, what)
		for _, pr := range settingsAccessibility(p, what, doc, readPacketSettings(p)) {
			t.Errorf("%s", pr)
		}
		for _, s := range doc.Sections {
			for _, f := range accessibilityFaults(s.Markdown) {
				t.Errorf("%s: section %q, line %d: %s", what, s.Title, f.line, f.msg)
			}
		}
	}
	for _, e := range entries {
		data, _ := fs.ReadFile(assets.Samples, e.Name())
		p, err := DecodePacket(e.Name(), data)
		if err != nil {
			t.Fatal(err)
		}
		check(e.Name(), p)
	}
	for _, a := range Audiences() {
		p := NewPacket(a)
		for _, tm := range lib.Templates() {
			p.Sections = append(p.Sections, SectionRef{Template: tm.ID, Included: true})
		}
		check("every template for "+string(a), p)
	}
}

// The accent's advice names the background it fails on: a colour that
// passes on white but not on a call-out's shading was told "5.13:1 on
// white (4.48:1 on a call-out's shading), below the 4.5:1", which read
// as a pass (a trial).
func TestAccentAdviceNamesWhereItFails(t *testing.T) {
	for _, c := range []struct{ hex, want, not string }{
		{"#F0E68C", "on white, below the 4.5:1", "call-out"},
		{"#0E7C66", "on a call-out's shading, text in #0E7C66 has a contrast of 4.48:1, below the 4.5:1", "5.13"},
		{"#1F4E79", "", ""},
	} {
		got := AccentAdvice(c.hex)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
			t.Errorf("%s: %q; want %q without %q", c.hex, got, c.want, c.not)
		}
	}
}
