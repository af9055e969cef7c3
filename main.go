// Command briefsmith assembles briefing packets from templated sections
// and exports them as PDFs. With no arguments it opens the desktop app;
// with a subcommand it runs the command line (see "briefsmith help").
package main

import (
	"os"

	"github.com/briefsmith/briefsmith/app"
	"github.com/briefsmith/briefsmith/cli"
)

func main() {
	if len(os.Args) > 1 {
		os.Exit(cli.Run(os.Args[1:], cli.OSEnv()))
	}
	app.Run()
}
