package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, fs afero.Fs, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Fs: fs, Stdout: &out, Stderr: &errb, TemplatesDir: "/templates",
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }}
	code := Run(args, env)
	return result{code, out.String(), errb.String()}
}

func TestExportSampleWithFlagsAfterThePacket(t *testing.T) {
	fs := afero.NewMemMapFs()
	r := run(t, fs, "new", "-o", "/p/memo.briefing")
	if r.code != ExitOK {
		t.Fatalf("new: %+v", r)
	}
	r = run(t, fs, "export", "/p/memo.briefing", "-o", "/out/memo.pdf", "--page-size", "a4", "--set", "signing_date=1 May")
	if r.code != ExitOK || !strings.Contains(r.stdout, "/out/memo.pdf: ") {
		t.Fatalf("export: %+v", r)
	}
	if strings.Contains(r.stderr, "signing_date") {
		t.Errorf("--set did not fill signing_date: %s", r.stderr)
	}
	if !strings.Contains(r.stderr, "order_number") {
		t.Errorf("unfilled fact not warned about: %s", r.stderr)
	}
	pdf, err := afero.ReadFile(fs, "/out/memo.pdf")
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if info := pdfinfo(t, pdf); !strings.Contains(info, "(A4)") {
		t.Errorf("--page-size a4 ignored:\n%s", info)
	}
}

func pdfinfo(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s (run make deps)", err, out)
	}
	return string(out)
}

func TestExportWithoutPacketUsesTheSample(t *testing.T) {
	fs := afero.NewMemMapFs()
	r := run(t, fs, "export", "-o", "sample.pdf")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	if !strings.Contains(r.stderr, "sample:staff.briefing:") {
		t.Errorf("warnings do not name the sample: %s", r.stderr)
	}
	if ok, _ := afero.Exists(fs, "sample.pdf"); !ok {
		t.Error("sample.pdf not written")
	}
}

func TestBadPacketExitsOneAndWritesNothing(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "bad.briefing", []byte(`{"version": 1, "title": "T", "audience": "staff",
  "sections": [{"template": "nope"}, {"template": "summary", "body": "{{.missing}}"}]}`), 0o644)
	_ = afero.WriteFile(fs, "old.pdf", []byte("previous export"), 0o644)
	r := run(t, fs, "export", "bad.briefing", "-o", "old.pdf")
	if r.code != ExitInput {
		t.Fatalf("code %d: %+v", r.code, r)
	}
	for _, want := range []string{`bad.briefing:2: error: section 1: unknown template "nope"`, `unknown variable "missing"`, "nothing written: 2 error(s)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if old, _ := afero.ReadFile(fs, "old.pdf"); string(old) != "previous export" {
		t.Error("a failed export touched the existing file")
	}
	if entries, _ := afero.ReadDir(fs, "."); len(entries) != 2 {
		t.Errorf("%d files, want 2: something was left behind", len(entries))
	}
}

func TestValidatePrintsOneProblemPerLine(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "p.briefing", []byte("{\n \"version\": 1,\n \"title\": \"T\",\n \"audience\": \"staff\",\n \"sections\": [\n  {\"template\": \"summary\"},\n  {\"template\": \"ghost\"}\n ]\n}\n"), 0o644)
	r := run(t, fs, "validate", "p.briefing")
	if r.code != ExitInput {
		t.Fatalf("%+v", r)
	}
	want := "p.briefing:6: warning: to verify: Date the order was signed is not filled in; section \"Bottom Line Up Front\" reads without it (variable \"signing_date\")\n" +
		"p.briefing:6: warning: to verify: Executive order number is not filled in; section \"Bottom Line Up Front\" reads without it (variable \"order_number\")\n" +
		"p.briefing:7: error: section 2: unknown template \"ghost\"\n"
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	if !strings.Contains(r.stderr, "1 error(s), 2 warning(s)") {
		t.Errorf("stderr: %s", r.stderr)
	}
	// Warnings alone do not fail.
	if r := run(t, fs, "validate"); r.code != ExitOK {
		t.Errorf("sample validate: %+v", r)
	}
}

func TestValidateReportsJSONPosition(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "p.briefing", []byte("{\n  \"version\": 1,\n  \"title\": \"x\",\n}\n"), 0o644)
	r := run(t, fs, "validate", "p.briefing")
	if r.code != ExitInput || !strings.HasPrefix(r.stdout, "p.briefing:4:1: error: the file is damaged or incomplete here (unexpected '}')") {
		t.Errorf("%+v", r)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	fs := afero.NewMemMapFs()
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"export"},
		{"export", "-o", "x.pdf", "--page-size", "legal"},
		{"export", "a.briefing", "b.briefing", "-o", "x.pdf"},
		{"export", "--bogus"},
		{"new"},
		{"new", "-o", "x.briefing", "--audience", "senators"},
		{"templates", "extra"},
		{"version", "extra"},
	} {
		if r := run(t, fs, args...); r.code != ExitUsage {
			t.Errorf("%q: code %d, want 2\n%s", args, r.code, r.stderr)
		}
	}
	if r := run(t, fs, "export", "--help"); r.code != ExitOK || !strings.Contains(r.stderr, "Usage: briefsmith export") {
		t.Errorf("--help: %+v", r)
	}
}

func TestMissingPacketFileExitsOne(t *testing.T) {
	r := run(t, afero.NewMemMapFs(), "export", "nowhere.briefing", "-o", "x.pdf")
	if r.code != ExitInput || !strings.Contains(r.stderr, "nowhere.briefing") {
		t.Errorf("%+v", r)
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "mine.briefing", []byte("precious"), 0o644)
	r := run(t, fs, "new", "-o", "mine.briefing", "--audience", "classroom")
	if r.code != ExitInput || !strings.Contains(r.stderr, "already exists") {
		t.Fatalf("%+v", r)
	}
	if b, _ := afero.ReadFile(fs, "mine.briefing"); string(b) != "precious" {
		t.Fatal("existing file overwritten")
	}
	r = run(t, fs, "new", "-o", "mine.briefing", "--audience", "classroom", "--force")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	p, err := briefing.LoadPacket(fs, "mine.briefing")
	if err != nil || p.Audience != "classroom" || p.Date != "2026-11-25" || len(p.Sections) != 8 {
		t.Fatalf("new packet = %+v, %v", p, err)
	}
}

func TestTemplatesListsOriginsAndJSON(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/templates/summary.md", []byte("---\nid: summary\ntitle: Mine\nkind: summary\n---\nx\n"), 0o644)
	_ = afero.WriteFile(fs, "/templates/bad.md", []byte("no front matter"), 0o644)
	r := run(t, fs, "templates")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	// The eleven topic-neutral templates (kind general) come first.
	const general = 11
	if len(lines) != 28 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("table:\n%s", r.stdout)
	}
	if f := strings.Fields(lines[1]); f[1] != "general" || f[len(f)-1] != "built-in" {
		t.Errorf("topic-neutral row: %q", lines[1])
	}
	if f := strings.Fields(lines[1+general]); f[0] != "summary" || f[len(f)-1] != "/templates/summary.md" {
		t.Errorf("override row: %q", lines[1+general])
	}
	if f := strings.Fields(lines[2+general]); f[0] != "provisions" || f[len(f)-1] != "built-in" {
		t.Errorf("built-in row: %q", lines[2+general])
	}
	if !strings.Contains(r.stderr, "/templates/bad.md:1:1: warning: missing front matter") {
		t.Errorf("broken template not reported: %s", r.stderr)
	}
	r = run(t, fs, "templates", "--json")
	var list []struct{ ID, Kind, Title, Origin string }
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 27 {
		t.Fatalf("json: %v %s", err, r.stdout)
	}
	if l := list[general]; l.ID != "summary" || l.Origin != "/templates/summary.md" || list[general+1].Origin != "built-in" {
		t.Errorf("json rows: %+v", list[general:general+2])
	}
}

func TestVersion(t *testing.T) {
	r := run(t, afero.NewMemMapFs(), "version")
	if r.code != ExitOK || r.stdout != "briefsmith "+briefing.Version+"\n" {
		t.Errorf("%+v", r)
	}
}

func TestExportForEveryAudienceFromOnePacket(t *testing.T) {
	fs := afero.NewMemMapFs()
	r := run(t, fs, "export", "--all-audiences", "-o", "/out")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	for _, a := range []string{"staff", "classroom", "client"} {
		path := "/out/executive-order-on-ai-security-for-federal-networks-" + a + ".pdf"
		pdf, err := afero.ReadFile(fs, path)
		if err != nil {
			t.Fatalf("%s: %v\n%s", a, err, r.stdout)
		}
		text := pdftotext(t, pdf)
		want := map[string]string{"staff": "Talking Points", "classroom": "Glossary", "client": "Recommended Actions"}[a]
		if !strings.Contains(text, want) {
			t.Errorf("%s PDF lacks its %q section", a, want)
		}
		for other, heading := range map[string]string{"staff": "Talking Points", "classroom": "Discussion Questions", "client": "Recommended Actions"} {
			if other != a && strings.Contains(text, heading) {
				t.Errorf("%s PDF holds the %s-only section %q", a, other, heading)
			}
		}
	}
	r = run(t, fs, "export", "--audience", "classroom", "-o", "/out/one.pdf")
	if r.code != ExitOK || !strings.Contains(pdftotext(t, mustRead(t, fs, "/out/one.pdf")), "The Order in Brief") {
		t.Errorf("--audience classroom: %+v", r)
	}
	if r := run(t, fs, "export", "--audience", "senators", "-o", "x.pdf"); r.code != ExitUsage {
		t.Errorf("bad audience: %+v", r)
	}
}

func mustRead(t *testing.T, fs afero.Fs, name string) []byte {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-nodiag", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s (run make deps)", err, out)
	}
	return string(out)
}

func TestExportMarkdown(t *testing.T) {
	fs := afero.NewMemMapFs()
	// The name says Markdown: no --format needed, as for .docx.
	r := run(t, fs, "export", "-o", "/out/sample.md", "--set", "signing_date=1 May 2026")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	md := string(mustRead(t, fs, "/out/sample.md"))
	for _, want := range []string{
		"# Executive Order on AI Security for Federal Networks\n",
		"**Handling:** UNCLASSIFIED",
		"## Bottom Line Up Front\n",
		", dated 1 May 2026, directing federal agencies",
		// A body's "#" sub-heading, a level below its "##" section
		// title, as in the PDF's structure tree.
		"\n### The 2023 order and its rescission\n",
		"## Sources\n\n1. *Trump Signs Executive Order on AI Security for Federal Networks.*",
		"<https://eur-lex.europa.eu/eli/reg/2024/1689/oj>",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "{{") || strings.Contains(md, "## Glossary") {
		t.Error("placeholders left or another audience's sections included")
	}
	if r := run(t, fs, "export", "--format", "rtf", "-o", "x"); r.code != ExitUsage {
		t.Errorf("bad format: %+v", r)
	}
}

// qdf returns the PDF rewritten by qpdf with every object uncompressed and
// readable, to look for catalog entries such as /Lang.
func qdf(t *testing.T, pdf []byte) string {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s (run make deps)", err, b)
	}
	return string(mustReadOS(t, out))
}

func mustReadOS(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExportLangOverridesThePacketsLanguage(t *testing.T) {
	fs := afero.NewMemMapFs()
	r := run(t, fs, "export", "-o", "/out/fr.pdf", "--lang", "fr-ca")
	if r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	if got := qdf(t, mustRead(t, fs, "/out/fr.pdf")); !strings.Contains(got, "/Lang (fr-CA)") {
		t.Error("the PDF's /Lang is not fr-CA")
	}
	r = run(t, fs, "export", "-o", "/out/en.pdf")
	if got := qdf(t, mustRead(t, fs, "/out/en.pdf")); r.code != ExitOK || !strings.Contains(got, "/Lang (en-US)") {
		t.Errorf("without --lang the PDF's /Lang is not the sample's en-US: %+v", r)
	}
	for _, bad := range []string{"english", "en US", "xx", "", "x-klingon", "und", "qaa"} {
		r := run(t, fs, "export", "-o", "/out/bad.pdf", "--lang", bad)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "briefsmith export: --lang ") || !strings.Contains(r.stderr, "such as en-US") {
			t.Errorf("--lang %q: %+v", bad, r)
		}
		// Well-formed tags that name no language say so.
		if named := map[string]bool{"x-klingon": true, "und": true, "qaa": true}; named[bad] && !strings.Contains(r.stderr, "--lang \""+bad+"\" names no known language (") {
			t.Errorf("--lang %q: %s", bad, r.stderr)
		}
		if ok, _ := afero.Exists(fs, "/out/bad.pdf"); ok {
			t.Fatalf("--lang %q wrote a PDF", bad)
		}
	}
}

func TestValidatePrintsAccessibilityWarnings(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "/p/a.briefing", []byte(`{"version": 1, "title": "T", "audience": "staff", "language": "",
  "sections": [
    {"template": "scope", "body": "Intro.\n\n| | |\n|---|---|\n| a | b |\n\n![](chart.png)"}
  ]}`), 0o644)
	r := run(t, fs, "validate", "/p/a.briefing")
	if r.code != ExitOK {
		t.Fatalf("warnings only, yet exit %d: %+v", r.code, r)
	}
	for _, want := range []string{
		`/p/a.briefing:3: warning: section 1 "Scope of the Order", line 3: the table's header row is empty`,
		`/p/a.briefing:3: warning: section 1 "Scope of the Order", line 7: image "chart.png" has no description (alt text)`,
		`/p/a.briefing:1: warning: language: no language is set; screen readers choose their voice`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate lacks %q:\n%s", want, r.stdout)
		}
	}
}

// export's usage line names every format --format takes (it said pdf|md
// while docx worked).
func TestExportUsageListsEveryFormat(t *testing.T) {
	r := run(t, afero.NewMemMapFs(), "export", "-h")
	usage, _, _ := strings.Cut(r.stdout+r.stderr, "\n")
	if len(formatNames) != len(exportFormats) {
		t.Fatalf("formatNames and exportFormats disagree: %v, %v", formatNames, exportFormats)
	}
	for f := range formatNames {
		if !strings.Contains(usage, f) {
			t.Errorf("the usage line %q does not list %s", usage, f)
		}
	}
	if !strings.Contains(usage, "--fit") {
		t.Errorf("the usage line %q does not list --fit", usage)
	}
}
