package app

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/spf13/afero"
)

// File › Export Word… renders in the background, proposes a .docx name,
// adds the extension to a name typed without it, and writes a Word
// document whose every XML part is well-formed.
func TestExportWordWritesADocx(t *testing.T) {
	h := newHarness(t, nil)
	item := h.w.menuItem("File", "Export Word…")
	sc, ok := item.Shortcut.(*desktop.CustomShortcut)
	if !ok || sc.KeyName != fyne.KeyE || sc.Modifier != fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
		t.Errorf("shortcut = %#v, want Ctrl+Shift+E", item.Shortcut)
	}
	h.ui.savePath = "/out/brief"
	item.Action()
	if len(h.ui.errors) > 0 {
		t.Fatal(h.ui.errors)
	}
	if len(h.ui.asked) == 0 || h.ui.asked[0] != "Export Word:executive-order-on-ai-security-for-federal-networks.docx" {
		t.Errorf("proposed name: %v", h.ui.asked)
	}
	if h.ui.exported != "/out/brief.docx" {
		t.Errorf("exported %q", h.ui.exported)
	}
	data, err := afero.ReadFile(h.fs, "/out/brief.docx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var body string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			body = string(part)
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(part))
			for {
				if _, err := dec.Token(); errors.Is(err, io.EOF) {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
		}
	}
	if !strings.Contains(body, "Executive Order on AI Security for Federal Networks") || !strings.Contains(body, `w:val="Heading1"`) {
		t.Error("the document lacks the packet's title or its section headings")
	}
}
