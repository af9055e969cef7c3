package briefing

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefsmith/briefsmith/assets"
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
