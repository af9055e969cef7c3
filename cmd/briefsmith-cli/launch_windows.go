package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
)

// appName is the desktop app's file, installed beside this program.
const appName = "briefsmith.exe"

// launchApp starts the desktop app beside this program when args ask for
// the app rather than the command line: none, as "briefsmith" typed in a
// console, or one packet, as "briefsmith memo.briefing". It returns at
// once, as starting any windowed program from a console does, with ok
// true; ok false means args are for the command line.
func launchApp(args []string) (int, bool) {
	if len(args) > 1 || len(args) == 1 && !strings.HasSuffix(strings.ToLower(args[0]), briefing.PacketExt) {
		return 0, false
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "briefsmith: cannot find the app:", err)
		return 1, true
	}
	app := filepath.Join(filepath.Dir(self), appName)
	if _, err := os.Stat(app); err != nil {
		fmt.Fprintf(os.Stderr, "briefsmith: the app %s is missing beside %s; reinstall Briefsmith, or run \"briefsmith help\" for the command line\n", app, self)
		return 1, true
	}
	cmd := exec.Command(app, args...)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "briefsmith: cannot start %s: %s\n", app, briefing.PlainFileError(err))
		return 1, true
	}
	_ = cmd.Process.Release()
	return 0, true
}
