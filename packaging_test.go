package main

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/app"
	"github.com/briefsmith/briefsmith/briefing"
)

// The desktop learns the .briefing type from three files that must agree:
// FyneApp.toml (the desktop entry's MimeType=), the shared-mime-info
// definition the package installs, and the script that builds the package
// (which checks the entry itself when it runs; see scripts/package.sh).
func TestPackageDeclaresThePacketType(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	var declared string
	for _, line := range strings.Split(string(toml), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "MimeTypes" {
			declared = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	if !strings.HasSuffix(declared, ";") || strings.Count(declared, ";") != 1 {
		t.Fatalf("FyneApp.toml MimeTypes = %q, want one type ending in ;", declared)
	}
	mimeType := strings.TrimSuffix(declared, ";")

	data, err := os.ReadFile("packaging/" + app.AppID + ".xml")
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		XMLName xml.Name `xml:"http://www.freedesktop.org/standards/shared-mime-info mime-info"`
		Types   []struct {
			Type    string `xml:"type,attr"`
			Comment string `xml:"comment"`
			Globs   []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
		} `xml:"mime-type"`
	}
	if err := xml.Unmarshal(data, &info); err != nil {
		t.Fatalf("the MIME definition is not shared-mime-info XML: %v", err)
	}
	if len(info.Types) != 1 || info.Types[0].Type != mimeType || info.Types[0].Comment == "" ||
		len(info.Types[0].Globs) != 1 || info.Types[0].Globs[0].Pattern != "*"+briefing.PacketExt {
		t.Errorf("the MIME definition %+v does not define %s for *%s", info.Types, mimeType, briefing.PacketExt)
	}

	script, err := os.ReadFile("scripts/package.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MIME=" + mimeType, "ID=" + app.AppID, "Exec=briefsmith %f"} {
		if !strings.Contains(string(script), want) {
			t.Errorf("scripts/package.sh lacks %q", want)
		}
	}
}
