package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A C.UTF-8 locale must not make Fyne log "Error parsing user locale" at
// start. Fyne reads the locale during package initialisation, so this
// starts the test binary afresh under that locale and reads what it prints.
func TestPlainLocaleStartsQuietly(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "LANG" && k != "LC_ALL" && k != "LC_MESSAGES" && k != "LANGUAGE" {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("test binary failed: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "locale") {
		t.Errorf("starting under LANG=C.UTF-8 printed:\n%s", out)
	}
}
