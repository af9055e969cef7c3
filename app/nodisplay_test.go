package app

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"
)

// Without a display, Fyne's driver logs a PlatformError and GLFW panics
// while the first window is made (seen with DISPLAY unset and with
// DISPLAY=:77 naming no server). The user gets ErrNoDisplay, in plain
// words, and neither the panic nor GLFW's log line.
func TestNoDisplayIsSaidInPlainWords(t *testing.T) {
	var out bytes.Buffer
	prev := log.Writer()
	log.SetOutput(&out)
	defer log.SetOutput(prev)

	w, err := firstWindow(func() *mainWindow {
		log.Println("PlatformError: X11: The DISPLAY environment variable is missing")
		panic(errors.New("NotInitialized: The GLFW library is not initialized"))
	})
	if w != nil || !errors.Is(err, ErrNoDisplay) {
		t.Fatalf("got %v, %v; want ErrNoDisplay", w, err)
	}
	if !strings.Contains(err.Error(), "briefsmith export") {
		t.Errorf("the message %q does not say how to export without a display", err)
	}
	if out.Len() > 0 {
		t.Errorf("GLFW's complaint reached the user: %q", out.String())
	}

	// Any other panic is a bug and stays one; what was logged while a
	// window came up is still shown.
	func() {
		defer func() {
			if r := recover(); r == nil {
				t.Error("an unrelated panic was swallowed")
			}
		}()
		_, _ = firstWindow(func() *mainWindow { panic("index out of range") })
	}()
	out.Reset()
	if _, err := firstWindow(func() *mainWindow { log.Println("a note"); return &mainWindow{} }); err != nil || !strings.Contains(out.String(), "a note") {
		t.Errorf("a window that came up: %v, log %q", err, out.String())
	}
}
