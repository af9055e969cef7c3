package briefing

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/render/markdown"
	"github.com/spf13/afero"
)

func builtinLibrary(t testing.TB) *Library {
	t.Helper()
	lib, err := LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Broken) > 0 {
		t.Fatalf("built-in templates are broken:\n%s", lib.Broken.Error())
	}
	return lib
}

func TestBuiltInLibraryHasTheRequiredSections(t *testing.T) {
	lib := builtinLibrary(t)
	want := map[string]string{
		"summary": "summary", "provisions": "provisions", "background": "background", "scope": "scope",
		"international": "international", "context": "context", "outlook": "outlook",
	}
	for id, kind := range want {
		tm, ok := lib.Get(id)
		if !ok {
			t.Errorf("built-in %q is missing", id)
			continue
		}
		if tm.Kind != Kind(kind) || tm.Origin != OriginBuiltIn {
			t.Errorf("%s: kind %q origin %q", id, tm.Kind, tm.Origin)
		}
	}
	// Grouped by kind in the order of Kinds().
	var kinds []string
	for _, tm := range lib.Templates() {
		kinds = append(kinds, string(tm.Kind))
	}
	if got := strings.Join(kinds, ","); got != strings.Repeat("general,", 11)+"summary,provisions,background,scope,international,context,"+
		"implications,implications,outlook,outlook,questions,questions,questions,activity,glossary,appendix" {
		t.Errorf("order = %s", got)
	}
}

func TestBuiltInTemplatesCiteSourcesAndFillForEveryAudience(t *testing.T) {
	lib := builtinLibrary(t)
	for _, tm := range lib.Templates() {
		// Topic-neutral templates state no facts, so they cite nothing
		// (TestTopicNeutralTemplatesStateNoFacts).
		if len(tm.Sources) == 0 && tm.Kind != General {
			t.Errorf("%s declares no source", tm.ID)
		}
		for _, aud := range Audiences() {
			if !tm.Suits(aud) {
				continue
			}
			p := NewPacket(aud)
			p.Sections = []SectionRef{{Template: tm.ID, Included: true}}
			out, err := tm.Execute(Values(lib, p))
			if err != nil {
				t.Errorf("%s (%s): %v", tm.ID, aud, err)
				continue
			}
			if strings.Contains(out, "{{") || strings.Contains(out, "<no value>") {
				t.Errorf("%s (%s) leaves a placeholder unfilled", tm.ID, aud)
			}
		}
	}
}

func TestUserTemplatesOverrideAndBrokenOnesAreReported(t *testing.T) {
	fs := afero.NewMemMapFs()
	dir := "/home/u/.config/briefsmith/templates"
	_ = afero.WriteFile(fs, dir+"/summary.md", []byte("---\nid: summary\ntitle: My summary\nkind: summary\n---\nMine.\n"), 0o644)
	_ = afero.WriteFile(fs, dir+"/extra.md", []byte("---\nid: extra\ntitle: Extra\nkind: custom\n---\nMore.\n"), 0o644)
	_ = afero.WriteFile(fs, dir+"/broken.md", []byte("---\nid: broken\ntitle: Broken\nkind: nonsense\n---\n"), 0o644)
	_ = afero.WriteFile(fs, dir+"/dup.md", []byte("---\nid: extra\ntitle: Again\nkind: custom\n---\n"), 0o644)
	_ = afero.WriteFile(fs, dir+"/notes.txt", []byte("not a template"), 0o644)
	lib, err := LoadLibrary(assets.Templates, fs, dir)
	if err != nil {
		t.Fatal(err)
	}
	if tm, _ := lib.Get("summary"); tm.Title != "My summary" || tm.Origin != dir+"/summary.md" {
		t.Errorf("override not applied: %q from %q", tm.Title, tm.Origin)
	}
	if _, ok := lib.Get("extra"); !ok {
		t.Error("user template extra missing")
	}
	if _, ok := lib.Get("provisions"); !ok {
		t.Error("built-in provisions lost when a user folder exists")
	}
	got := lib.Broken.Error()
	for _, want := range []string{dir + `/broken.md:2: error: front matter: kind "nonsense"`, dir + `/extra.md:2: error: template id "extra" is already used by ` + dir + "/dup.md"} {
		if !strings.Contains(got, want) {
			t.Errorf("broken list %q lacks %q", got, want)
		}
	}
	if len(lib.Broken) != 2 {
		t.Errorf("%d broken, want 2: %s", len(lib.Broken), got)
	}
}

// TestSourceIDsAreUniqueAcrossTheLibrary: a user template that lists a
// source under an id the library already gives another source is
// skipped and reported, so the built-in Background's [@eo14110] can
// never cite and link to a stranger's address. Listing the very same
// source, or overriding the template that owns an id, is fine.
func TestSourceIDsAreUniqueAcrossTheLibrary(t *testing.T) {
	fs := afero.NewMemMapFs()
	dir := "/t"
	write := func(name, front string) {
		_ = afero.WriteFile(fs, dir+"/"+name, []byte("---\n"+front+"---\nText.\n"), 0o644)
	}
	// The built-in sources, as a user copying them would write them.
	builtin := map[string]Source{}
	for _, tm := range builtinLibrary(t).Templates() {
		for _, src := range tm.Sources {
			builtin[src.ID] = src
		}
	}
	listed := func(s Source) string {
		return fmt.Sprintf("  - id: %s\n    title: %q\n    publisher: %q\n    date: %q\n    url: %q\n", s.ID, s.Title, s.Publisher, s.Date, s.URL)
	}
	write("a-stranger.md", "id: stranger\ntitle: Stranger\nkind: custom\nsources:\n"+listed(builtin["article"])+
		"  - id: eo14110\n    title: Executive Order 14110\n    url: https://evil.example/eo\n")
	write("b-copy.md", "id: copy\ntitle: Copy\nkind: custom\nsources:\n"+listed(builtin["eu-ai-act"]))
	write("c-twice.md", "id: twice\ntitle: Twice\nkind: custom\nsources:\n  - id: mine\n    title: One\n  - id: mine\n    title: Another\n")
	write("d-mine.md", "id: mine-too\ntitle: Mine\nkind: custom\nsources:\n  - id: mine\n    title: One\n")
	lib, err := LoadLibrary(assets.Templates, fs, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Get("stranger"); ok {
		t.Error("the stranger's template was loaded")
	}
	if _, ok := lib.Get("twice"); ok {
		t.Error("a template giving one id to two sources was loaded")
	}
	for _, id := range []string{"copy", "mine-too", "background"} {
		if _, ok := lib.Get(id); !ok {
			t.Errorf("%s was not loaded", id)
		}
	}
	got := lib.Broken.Error()
	for _, want := range []string{
		dir + fmt.Sprintf(`/a-stranger.md:11: error: source id "eo14110" is already the id of another source, %q (%s) in assets/templates/`, builtin["eo14110"].Title, builtin["eo14110"].URL),
		`.md, and a citation [@eo14110] must name one source`,
		dir + `/c-twice.md:8: error: source id "mine" is already the id of another source, "One" in ` + dir + `/c-twice.md`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("broken list lacks\n%s\nin\n%s", want, got)
		}
	}
	if len(lib.Broken) != 2 {
		t.Errorf("%d broken, want 2: %s", len(lib.Broken), got)
	}
	// The built-in Background still cites and links to the real order.
	p := NewPacket("staff")
	p.Sections = []SectionRef{{Template: "stranger", Included: true}, {Template: "copy", Included: true}, {Template: "background", Included: true}}
	doc, _ := Resolve(lib, p, "p.briefing")
	for _, s := range CitableSources(lib, p) {
		if s.ID == "eo14110" && !strings.HasPrefix(s.URL, "https://www.govinfo.gov/") {
			t.Errorf("[@eo14110] cites %+v", s)
		}
	}
	if n := strings.Count(fmt.Sprint(doc.Sections[len(doc.Sections)-1].Blocks), "eu-ai-act"); n != 1 {
		t.Errorf("the shared source is listed %d times", n)
	}
	// A user's own Background may give the sources only it lists what it
	// likes: it replaces the template that owned the id.
	write("background.md", "id: background\ntitle: My background\nkind: background\nsources:\n  - id: eo14148\n    title: My copy of the order\n    url: https://example.org/eo\n")
	if lib, _ = LoadLibrary(assets.Templates, fs, dir); !strings.Contains(lib.Broken.Error(), "a-stranger.md") {
		t.Errorf("with the override, broken: %s", lib.Broken.Error())
	}
	if tm, _ := lib.Get("background"); tm.Title != "My background" {
		t.Errorf("override refused: %s", lib.Broken.Error())
	}
}

func TestMissingUserFolderIsNotAnError(t *testing.T) {
	lib, err := LoadLibrary(fstest.MapFS{}, afero.NewMemMapFs(), "/nowhere")
	if err != nil || len(lib.Templates()) != 0 {
		t.Fatalf("lib=%v err=%v", lib.Templates(), err)
	}
}

// A new staff memo carries a marking on every page, as the New dialog
// promises; the user's default wins; other audiences start unmarked. A
// packet still titled "Untitled briefing" is warned about.
func TestNewPacketsKeepTheirPromises(t *testing.T) {
	lib := builtinLibrary(t)
	if p := NewPacketFor(lib, Staff, "2026-11-25", Defaults{}); p.Marking != "UNCLASSIFIED" {
		t.Errorf("new staff memo marking = %q", p.Marking)
	}
	if p := NewPacketFor(lib, Staff, "2026-11-25", Defaults{Marking: "CUI"}); p.Marking != "CUI" {
		t.Errorf("with a default: %q", p.Marking)
	}
	// "Client brief — your logo, confidential footer": the footer says
	// confidential only under a confidential marking.
	if p := NewBlankPacketFor(Client, "2026-11-25", Defaults{}); !strings.Contains(strings.ToLower(p.Marking), "confidential") {
		t.Errorf("new client brief marking = %q", p.Marking)
	}
	p := NewPacketFor(lib, Classroom, "2026-11-25", Defaults{})
	if p.Marking != "" {
		t.Errorf("new handout marking = %q", p.Marking)
	}
	_, probs := Resolve(lib, p, "new.briefing")
	if !strings.Contains(probs.Error(), "warning: the packet has no title of its own yet") {
		t.Errorf("untitled packet not warned about:\n%s", probs.Error())
	}
	p.Title = "The water cycle"
	if _, probs := Resolve(lib, p, "new.briefing"); strings.Contains(probs.Error(), "no title of its own") {
		t.Error("a titled packet warned about its title")
	}
}

// A filled field reads well in its sentence: each built-in template's
// example value, typed as the field asks, prints with the words that say
// what it is ("Executive Order 14365", not a bare "(14365)").
func TestFieldExamplesReadInTheirSentences(t *testing.T) {
	lib := builtinLibrary(t)
	want := map[string]string{"order_number": "Executive Order 14365"}
	seen := 0
	for _, tm := range lib.Templates() {
		for _, v := range tm.Variables {
			if v.Example == "" {
				continue
			}
			for _, aud := range Audiences() {
				if !tm.Suits(aud) {
					continue
				}
				p := NewPacket(aud)
				p.Sections = []SectionRef{{Template: tm.ID, Included: true}}
				p.Variables = map[string]string{v.Name: v.Example}
				out, err := tm.Execute(Values(lib, p))
				if err != nil {
					t.Fatalf("%s (%s): %v", tm.ID, aud, err)
				}
				if !strings.Contains(out, v.Example) {
					continue // this audience's text does not use it
				}
				seen++
				if w := want[v.Name]; w == "" || !strings.Contains(out, w) || strings.Contains(out, "("+v.Example+")") {
					t.Errorf("%s (%s) prints %s = %q without saying what it is (want %q)", tm.ID, aud, v.Name, v.Example, w)
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no template prints an example value")
	}
}

// The client brief names its client from one place, Settings › Prepared
// for: a consultant who set it to their client found the body still
// addressing "Example Client" from a second field (a trial).
func TestTheClientBriefNamesTheClientFromPreparedFor(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "client.briefing")
	p.PreparedFor = "Contoso Ltd"
	doc, probs := Resolve(lib, p, "client.briefing")
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	var text bytes.Buffer
	if err := markdown.WriteMarkdown(&text, doc); err != nil {
		t.Fatal(err)
	}
	if got := text.String(); !strings.Contains(got, "For Contoso Ltd,") || strings.Contains(got, "Example Client") {
		t.Errorf("the brief's text names: Contoso %v, Example Client %v", strings.Contains(got, "For Contoso Ltd,"), strings.Contains(got, "Example Client"))
	}
}
