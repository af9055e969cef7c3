// Command briefsmith assembles briefing packets from templated sections
// and exports them as PDFs. With no arguments it opens the desktop app,
// with a packet file it opens the app on that file (as a file manager
// does on a double click), and with a subcommand it runs the command line
// (see "briefsmith help").
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/briefsmith/briefsmith/app"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/cli"
)

func main() {
	args := os.Args[1:]
	open := ""
	switch {
	case len(args) == 1 && strings.HasSuffix(strings.ToLower(args[0]), briefing.PacketExt):
		open = args[0]
	case len(args) > 0:
		os.Exit(cli.Run(args, cli.OSEnv()))
	}
	if err := app.Run(open); err != nil {
		fmt.Fprintln(os.Stderr, "briefsmith:", err)
		os.Exit(1)
	}
}
