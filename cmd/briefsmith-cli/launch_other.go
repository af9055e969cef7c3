//go:build !windows

package main

// launchApp is for Windows only: elsewhere the app and the command line
// are one program (the repository's main package), and this one is the
// command line alone.
func launchApp([]string) (int, bool) { return 0, false }
