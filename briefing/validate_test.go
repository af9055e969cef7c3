package briefing

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/spf13/afero"
)

func TestValidateListsEveryProblemAtOnce(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/t/agency.md", []byte("---\nid: agency\ntitle: Agency\nkind: custom\nvariables:\n  - name: agency\n    label: Agency name\n    required: true\nsources:\n  - title: S\n---\nFor {{.agency}}.\n"), 0o644)
	lib, err := LoadLibrary(assets.Templates, fs, "/t")
	if err != nil {
		t.Fatal(err)
	}
	p, err := DecodePacket("bad.briefing", []byte(`{"version": 1, "title": "T", "audience": "staff",
  "sections": [
    {"template": "summary"},
    {"template": "no-such-template"},
    {"template": "agency"},
    {"template": "scope", "body": "Smile 😀 and {{.nope}}"},
    {"template": "also-missing", "included": false}
  ]}`))
	if err != nil {
		t.Fatal(err)
	}
	probs := Validate(lib, p, "bad.briefing")
	got := probs.Error()
	for _, want := range []string{
		`bad.briefing:4: error: section 2: unknown template "no-such-template"`,
		`bad.briefing:5: error: Agency name is empty; section "Agency" needs it (variable "agency")`,
		`bad.briefing:6: error: section 4 "Scope of the Order" (edited body): unknown variable "nope"`,
		`bad.briefing:3: warning: to verify: Date the order was signed`,
		`bad.briefing:3: warning: to verify: Executive order number`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "also-missing") {
		t.Error("an excluded section was validated")
	}
	if n := len(probs.Errors()); n != 3 {
		t.Errorf("%d errors, want 3:\n%s", n, got)
	}
	for _, pr := range probs {
		if pr.Section < 0 {
			t.Errorf("problem %q does not say which section it concerns", pr)
		}
	}
}

func TestUnprintableCharactersAreErrorsNamingSection(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket("staff")
	body := "Fine: Ελληνικά, Русский, “quotes” — ☐ ✓ → Հայերեն ქართული Tiếng Việt. Not fine: 😀 and 中文."
	p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	_, probs := Resolve(lib, p, "u.briefing")
	got := probs.Error()
	for _, want := range []string{`"😀" U+1F600`, `"中" U+4E2D`, `"文" U+6587`, `section 1 "Scope of the Order"`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if n := len(probs.Errors()); n != 3 {
		t.Errorf("%d errors, want 3 (one per character):\n%s", n, got)
	}
}

func TestPageLimitWarnsWithPagesOver(t *testing.T) {
	lib := builtinLibrary(t)
	p, err := DecodePacket("sample", assets.Sample())
	if err != nil {
		t.Fatal(err)
	}
	p.PageLimit = 2
	p.Variables["signing_date"], p.Variables["order_number"] = "x", "y"
	for i, s := range p.Sections {
		if tm, ok := lib.Get(s.Template); ok && !tm.Suits(p.Audience) {
			p.Sections[i].Included = false // else reported as not printed
		}
	}
	probs := Validate(lib, p, "sample")
	if len(probs) != 1 || probs[0].Severity != Warning || !strings.Contains(probs[0].Message, "the PDF has 4 pages, 2 pages over the packet's limit of 2") {
		t.Fatalf("problems = %v", probs)
	}
	p.PageLimit = 4
	if probs := Validate(lib, p, "sample"); len(probs) != 0 {
		t.Fatalf("within the limit, problems = %v", probs)
	}
}

func TestPacketSettingsAreChecked(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket("senators")
	p.Date = "25/11/2026"
	p.Style.PageSize = "legal"
	p.Style.Accent = "blue"
	p.Style.FontSize = 2
	p.Style.Logo = []byte("not an image")
	probs := Validate(lib, p, "s")
	got := probs.Error()
	for _, want := range []string{`audience "senators"`, `date "25/11/2026"`, `page size "legal"`, `accent colour: "blue"`, "font size 2", "logo: not a PNG or JPEG"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
