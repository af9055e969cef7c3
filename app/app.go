// Package app is Briefsmith's desktop user interface, built with Fyne. It
// holds only UI: every packet, template and PDF operation goes through
// package briefing.
package app

import (
	fyneapp "fyne.io/fyne/v2/app"
)

// Run opens the main window on the built-in sample packet and blocks until
// the user quits.
func Run() {
	a := fyneapp.NewWithID("com.briefsmith.app")
	w := a.NewWindow("Briefsmith")
	w.ShowAndRun()
}
