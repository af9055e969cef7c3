package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoFyne: the command line alone must not link the desktop app's
// toolkit, whose cgo, OpenGL and window-system libraries are what it is
// for leaving out (Windows' console briefsmith.com; faster starts), on
// Linux or Windows.
func TestLinksNoFyne(t *testing.T) {
	for _, goos := range []string{"linux", "windows", "darwin"} {
		cmd := exec.Command("go", "list", "-deps", ".")
		cmd.Env = append(cmd.Environ(), "GOOS="+goos, "GOARCH=amd64")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list (%s): %v\n%s", goos, err, out)
		}
		for _, p := range strings.Fields(string(out)) {
			if strings.HasPrefix(p, "fyne.io/") || strings.Contains(p, "go-gl/") {
				t.Errorf("%s: the command line links %s", goos, p)
			}
		}
	}
}
