// Package app is Briefsmith's desktop user interface, built with Fyne. It
// holds only UI: every packet, template and PDF operation goes through
// package briefing, and every file goes through the afero.Fs in env.
package app

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	// Imported for its init, which must run before Fyne's lang package.
	_ "github.com/briefsmith/briefsmith/app/internal/plainlocale"
	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// AppID identifies Briefsmith to the desktop and names its preferences.
const AppID = "com.briefsmith.app"

// env is what the UI takes from the outside world, so tests can give it
// memory instead of disk and a fixed clock.
type env struct {
	fs afero.Fs
	// dataDir holds the autosave file.
	dataDir string
	now     func() time.Time
	// autosaveDelay is how long after the last edit unsaved work is
	// written to the recovery file.
	autosaveDelay time.Duration
	// analyzeDelay debounces the live page count and problems.
	analyzeDelay time.Duration

	// after runs f once d has passed, off the UI goroutine, and returns
	// what cancels it; background runs f off the UI goroutine; onUI hands
	// f to the UI goroutine. Tests replace all three with a manual clock
	// so they run deterministically on the test's goroutine.
	after func(d time.Duration, f func()) (stop func())
	// every runs f each time d passes, off the UI goroutine, until
	// stopped; nil runs nothing (tests call the window's watch).
	every      func(d time.Duration, f func()) (stop func())
	background func(f func())
	onUI       func(f func())

	// owner is this running copy, which owns one autosave file; alive
	// tells whether the copy that owns another file is still running.
	owner briefing.Owner
	alive func(briefing.Owner) bool
}

func osEnv(a fyne.App) env {
	dir := filepath.Join(os.TempDir(), "briefsmith")
	if cfg, err := os.UserConfigDir(); err == nil {
		dir = filepath.Join(cfg, "briefsmith")
	}
	fs := afero.NewOsFs()
	return env{fs: fs, dataDir: dir, now: time.Now,
		owner:         briefing.ProcessOwner(fs, os.Getpid()),
		alive:         func(o briefing.Owner) bool { return o.Alive(fs) },
		autosaveDelay: 2 * time.Second, analyzeDelay: 250 * time.Millisecond,
		after: func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, f)
			return func() { t.Stop() }
		},
		every: func(d time.Duration, f func()) func() {
			t := time.NewTicker(d)
			done := make(chan struct{})
			go func() {
				for {
					select {
					case <-t.C:
						f()
					case <-done:
						return
					}
				}
			}()
			return func() { t.Stop(); close(done) }
		},
		background: func(f func()) { go f() },
		onUI:       fyne.Do,
	}
}

// ErrNoDisplay says the app's window cannot be opened because there is no
// display to put it on (over ssh, on a server, in a plain console).
var ErrNoDisplay = errors.New("there is no display to open Briefsmith's window on (over ssh or in a plain console, say).\n" +
	"Packets can be exported from the command line instead, for example:\n" +
	"  briefsmith export memo.briefing -o memo.pdf\n" +
	"'briefsmith help' lists every command")

// Run opens the main window and blocks until the user quits. It opens
// the packet path given (one that cannot be read is reported), or else
// the packet the user last opened or saved, or else the built-in sample;
// then it offers work recovered after a crash. With no display it returns
// ErrNoDisplay at once.
func Run(open string) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w, err := firstWindow(func() *mainWindow { return newMainWindow(a, osEnv(a)) })
	if err != nil {
		return err
	}
	// BRIEFSMITH_WINDOW_SIZE (e.g. 1024x640) lets screenshots and manual
	// checks open the window at a given size.
	var width, height float32
	if _, err := fmt.Sscanf(os.Getenv("BRIEFSMITH_WINDOW_SIZE"), "%fx%f", &width, &height); err == nil {
		w.win.Resize(fyne.NewSize(width, height))
	}
	if open != "" {
		if abs, err := filepath.Abs(open); err == nil {
			open = abs
		}
	}
	w.startOn(open)
	w.win.ShowAndRun()
	return nil
}

// firstWindow makes the main window. Fyne's desktop driver starts GLFW
// there, and without a display GLFW panics ("The GLFW library is not
// initialized") after logging its own complaint; Fyne offers no way to ask
// first. The panic is turned into ErrNoDisplay, and what was logged while
// trying is shown only when the window came up, so a user over ssh reads
// one plain sentence instead of a goroutine dump.
func firstWindow(open func() *mainWindow) (w *mainWindow, err error) {
	var logged bytes.Buffer
	prev := log.Writer()
	log.SetOutput(&logged)
	defer func() {
		log.SetOutput(prev)
		if r := recover(); r != nil {
			if !strings.Contains(fmt.Sprint(r), "GLFW") && !strings.Contains(logged.String(), "PlatformError") {
				panic(r)
			}
			w, err = nil, ErrNoDisplay
			return
		}
		_, _ = prev.Write(logged.Bytes())
	}()
	return open(), nil
}
