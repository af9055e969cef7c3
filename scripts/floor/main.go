// Command floor is the yardstick for Briefsmith's export speed: the least
// a Go program on the same stack does to print the same text. It reads
// plain text (pdftotext of a Briefsmith export), registers the five faces
// the sample memo prints with (Liberation Sans regular and bold, Liberation
// Serif regular, bold and italic) and writes the paragraphs with fpdf,
// wrapped and paged, untagged, no structure, no second pass. Whatever
// Briefsmith spends beyond this is its own.
//
//	go build -o floor ./scripts/floor
//	pdftotext -layout sample.pdf sample.txt && ./floor sample.txt out.pdf
package main

import (
	"fmt"
	"os"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// face is one of the five the sample uses, as fpdf family and style.
type face struct {
	family, style string
	data          []byte
}

var faces = []face{
	{"serif", "", liberationserifregular.TTF},
	{"sans", "B", liberationsansbold.TTF},
	{"serif", "B", liberationserifbold.TTF},
	{"serif", "I", liberationserifitalic.TTF},
	{"sans", "", liberationsansregular.TTF},
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor TEXT OUT.pdf")
		os.Exit(2)
	}
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetMargins(72, 72, 72)
	pdf.SetAutoPageBreak(true, 72)
	for _, f := range faces {
		pdf.AddUTF8FontFromBytes(f.family, f.style, f.data)
	}
	pdf.AddPage()
	// Paragraphs take the faces in turn, so every face prints text and is
	// embedded and subset, as in the export.
	for i, para := range strings.Split(string(text), "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		if para == "" {
			continue
		}
		f := faces[i%len(faces)]
		pdf.SetFont(f.family, f.style, 11)
		for _, line := range pdf.SplitText(para, 468) {
			pdf.CellFormat(468, 14, line, "", 1, "L", false, 0, "")
		}
		pdf.Ln(6)
	}
	if err := pdf.OutputFileAndClose(os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
