// Command entryfloor is the floor for typing in Briefsmith's editor: a
// bare Fyne window of the app's size holding nothing but a word-wrapped
// multi-line entry with WORDS words (about what the editor holds of a long
// section), writing a trace line per change as the app does with
// BRIEFSMITH_TRACE. scripts/typing-latency.sh times keystrokes in it the
// way it times them in the app, so the two figures can be set side by
// side: what a keystroke costs in Fyne on this machine, and what the app
// adds.
//
//	BRIEFSMITH_TRACE=trace entryfloor WORDS
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	n := 1000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	trace, err := os.OpenFile(os.Getenv("BRIEFSMITH_TRACE"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "entryfloor: set BRIEFSMITH_TRACE to a file:", err)
		os.Exit(2)
	}
	words := []string{"agencies", "coordinate", "with", "developers", "on", "securing", "networks"}
	var b strings.Builder
	for i := range n {
		if i > 0 && i%100 == 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%7])
	}
	a := app.NewWithID("org.briefsmith.entryfloor")
	w := a.NewWindow("entry floor")
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetText(b.String())
	e.OnChanged = func(text string) {
		fmt.Fprintf(trace, "%d edit %d\n", time.Now().UnixNano(), len(text))
	}
	w.SetContent(e)
	w.Resize(fyne.NewSize(1280, 800))
	fmt.Fprintf(trace, "%d show %d\n", time.Now().UnixNano(), b.Len())
	w.ShowAndRun()
}
