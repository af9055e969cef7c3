package app

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// The save dialog settles a path without creating anything: a name typed
// without the extension gets it (so a packet's name typed into Export PDF
// gives name.briefing.pdf and leaves the packet alone), a full path works,
// and a missing folder is refused with what to do.
func TestResolveSavePath(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = fs.MkdirAll("/home/u/docs/sub", 0o755)
	_ = afero.WriteFile(fs, "/home/u/docs/victim.briefing", []byte(`{"version":1}`), 0o644)
	for _, tc := range []struct{ typed, ext, want, err string }{
		{typed: "memo", ext: ".pdf", want: "/home/u/docs/memo.pdf"},
		{typed: "Memo.PDF", ext: ".pdf", want: "/home/u/docs/Memo.PDF"},
		{typed: "victim.briefing", ext: ".pdf", want: "/home/u/docs/victim.briefing.pdf"},
		{typed: "sub/memo", ext: ".briefing", want: "/home/u/docs/sub/memo.briefing"},
		{typed: "/home/u/docs/sub/x.pdf", ext: ".pdf", want: "/home/u/docs/sub/x.pdf"},
		{typed: "  spaced  ", ext: ".pdf", want: "/home/u/docs/spaced.pdf"},
		{typed: "", ext: ".pdf", err: "type a file name"},
		{typed: "sub/", ext: ".pdf", err: "names a folder"},
		{typed: "/tmp/nosuch/memo.pdf", ext: ".pdf", err: "the folder /tmp/nosuch does not exist"},
		{typed: "sub", ext: "", err: "sub is a folder"},
	} {
		got, err := resolveSavePath(fs, "/home/u/docs", tc.typed, tc.ext)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: got %q, %v; want an error saying %q", tc.typed, got, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%q: got %q, %v; want %q", tc.typed, got, err, tc.want)
		}
	}
	if data, _ := afero.ReadFile(fs, "/home/u/docs/victim.briefing"); string(data) != `{"version":1}` {
		t.Fatal("settling a path touched a file")
	}
	if ok, _ := afero.Exists(fs, "/home/u/docs/memo.pdf"); ok {
		t.Fatal("settling a path created a file")
	}
}
