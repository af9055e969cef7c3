package cli

import (
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// briefsmith import makes a packet from a Word document, beside it by
// default; it does not replace a packet there without --force, and what
// has no place in a section's text is named on standard error.
func TestImportAWordDocument(t *testing.T) {
	fs := afero.NewMemMapFs()
	if r := run(t, fs, "export", "-o", "/docs/memo.docx"); r.code != ExitOK {
		t.Fatalf("export: %+v", r)
	}
	r := run(t, fs, "import", "/docs/memo.docx", "--audience", "client")
	if r.code != ExitOK || !strings.Contains(r.stdout, "/docs/memo.briefing: ") || !strings.Contains(r.stdout, "sections from /docs/memo.docx") {
		t.Fatalf("import: %+v", r)
	}
	p, err := briefing.LoadPacket(fs, "/docs/memo.briefing")
	if err != nil || p.Audience != briefing.Client || len(p.Sections) < 5 {
		t.Fatalf("the packet: %v, %+v", err, p)
	}
	if r := run(t, fs, "validate", "/docs/memo.briefing"); r.code != ExitOK {
		t.Errorf("the imported packet does not validate: %+v", r)
	}
	if r := run(t, fs, "import", "/docs/memo.docx"); r.code == ExitOK || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("a second import replaced the packet: %+v", r)
	}
	if r := run(t, fs, "import", "/docs/memo.docx", "-o", "/docs/x.docx"); r.code != ExitUsage {
		t.Errorf("-o x.docx: %+v", r)
	}
	if r := run(t, fs, "import", "/docs/memo.briefing", "-o", "/docs/y.briefing"); r.code == ExitOK || !strings.Contains(r.stderr, "not a Word document") {
		t.Errorf("a packet imported as Word: %+v", r)
	}
}
