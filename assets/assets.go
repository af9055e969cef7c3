// Package assets embeds what ships inside the program: the built-in
// section templates, the sample packets, the news report the templates are
// written from and the application icon.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed templates/*.md samples/*.briefing sources/* icon.png
var files embed.FS

// Templates holds the built-in templates at its top level ("summary.md", …).
var Templates = mustSub("templates")

// Samples holds the sample packets at its top level ("staff.briefing", …).
var Samples = mustSub("samples")

// Sources holds the news report the built-in templates are written from
// ("ai-security-executive-order-article.txt") and a README saying what it
// is. It ships with the program so a citation of the report names a text the
// user has, rather than a folder on the machine it was written on.
var Sources = mustSub("sources")

// ArticleName is the news report in Sources that the built-in templates cite
// by its headline, its first line.
const ArticleName = "ai-security-executive-order-article.txt"

// Icon is the application icon, a PNG.
var Icon, _ = files.ReadFile("icon.png")

// SampleName is the sample packet the app and the command line open when
// they are given none.
const SampleName = "staff.briefing"

// Sample returns the bytes of the default sample packet.
func Sample() []byte {
	b, _ := fs.ReadFile(Samples, SampleName)
	return b
}

func mustSub(dir string) fs.FS {
	sub, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder exists
	}
	return sub
}
