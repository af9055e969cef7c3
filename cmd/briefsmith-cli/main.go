// Command briefsmith-cli is Briefsmith's command line alone, without the
// desktop app: it does not link Fyne, so it starts in about a millisecond
// and needs no display or graphics libraries.
//
// On Windows it is shipped as briefsmith.com beside the app's
// briefsmith.exe. A program is either a console or a GUI program there,
// never both; cmd.exe and PowerShell try .com before .exe (PATHEXT), so
// "briefsmith export memo.briefing" typed in a console runs this program,
// with its messages and exit status, while Explorer, the Start menu and
// the .briefing file association start briefsmith.exe without a console
// window. Given no arguments, or one packet, it starts the app (see
// launch_windows.go).
package main

import (
	"os"

	"github.com/briefsmith/briefsmith/cli"
)

func main() {
	args := os.Args[1:]
	if status, ok := launchApp(args); ok {
		os.Exit(status)
	}
	os.Exit(cli.Run(args, cli.OSEnv()))
}
