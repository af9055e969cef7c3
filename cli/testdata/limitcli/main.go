// Command limitcli is the command line without the desktop app, built by
// TestHostileFilesStayWithinLimits so each hostile file is judged in a
// process of its own, without the race detector's overhead.
package main

import (
	"os"

	"github.com/briefsmith/briefsmith/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], cli.OSEnv())) }
