// Command editordemo opens one section's text in the formatted-text
// editor (app/editor), for looking at it under Xvfb:
//
//	editordemo TEMPLATE [AUDIENCE]       a built-in template's body
//	editordemo SAMPLE.briefing N         section N (from 1) of a sample
//	editordemo -file BODY.md             a body from a file
//
// Set DARK=1 for the dark theme. What is typed is printed as Markdown on
// exit.
package main

import (
	"fmt"
	"image/color"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/sectiontext"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: editordemo TEMPLATE [AUDIENCE] | SAMPLE.briefing N")
		os.Exit(2)
	}
	lib, err := briefing.LoadLibrary(assets.Templates, nil, "")
	if err != nil {
		fail(err)
	}
	var body string
	label := func(name string) string { return name }
	if os.Args[1] == "-file" {
		data, err := os.ReadFile(os.Args[2])
		if err != nil {
			fail(err)
		}
		body = string(data)
		label = func(name string) string {
			return map[string]string{"client": "Client name", "order_number": "Order number"}[name]
		}
	} else if strings.HasSuffix(os.Args[1], ".briefing") {
		data, err := fs.ReadFile(assets.Samples, os.Args[1])
		if err != nil {
			fail(err)
		}
		p, err := briefing.DecodePacket(os.Args[1], data)
		if err != nil {
			fail(err)
		}
		n, _ := strconv.Atoi(os.Args[2])
		ref := p.Sections[n-1]
		if ref.Body != nil {
			body = *ref.Body
		} else if tm, ok := lib.Get(ref.Template); ok {
			body = tm.BodyFor(p.Audience)
		}
		fields := briefing.FieldsOf(lib, p)
		label = fields.Label
	} else {
		tm, ok := lib.Get(os.Args[1])
		if !ok {
			fail(fmt.Errorf("no template %q", os.Args[1]))
		}
		aud := briefing.Audience("staff")
		if len(os.Args) > 2 {
			aud = briefing.Audience(os.Args[2])
		}
		body = tm.BodyFor(aud)
	}
	a := fyneapp.New()
	variant := theme.VariantLight
	if os.Getenv("DARK") != "" {
		variant = theme.VariantDark
	}
	a.Settings().SetTheme(fixedVariant{variant})
	w := a.NewWindow("editor demo")
	e := editor.NewWithOptions(editor.Options{Label: label, SmartQuotes: true})
	if err := e.SetBody(sectiontext.Parse(body)); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	w.SetContent(e)
	w.Resize(fyne.NewSize(760, 900))
	w.Canvas().Focus(e)
	w.ShowAndRun()
	fmt.Print(sectiontext.Write(e.Body()))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// fixedVariant is the default theme in one variant, whatever the desktop
// prefers, so screenshots of both can be taken on one machine.
type fixedVariant struct{ variant fyne.ThemeVariant }

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, f.variant)
}
func (fixedVariant) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (fixedVariant) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (fixedVariant) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }
