package layout

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestWidthsMatchFpdf checks the widths layout measures with against the
// ones fpdf writes into the PDF, for every face and every character of the
// Basic Multilingual Plane except NUL (fpdf reports a count there, not a
// width; text with control characters never reaches layout): a difference
// of one unit would move a line break between the measuring and the
// printing.
func TestWidthsMatchFpdf(t *testing.T) {
	var m fontMetrics
	for fam, faces := range fontFiles {
		for fs, data := range faces {
			pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 612, Ht: 792}})
			pdf.AddUTF8FontFromBytes(string(fam), fs, data)
			pdf.SetFont(string(fam), fs, 1000)
			st := Style{fam: fam, bold: fs == "B" || fs == "BI", italic: fs == "I" || fs == "BI", size: 1000}
			if f, s := st.face(); f != fam || s != fs {
				t.Fatalf("style for %s %q is %s %q", fam, fs, f, s)
			}
			bad := 0
			for r := rune(1); r <= 0xFFFF; r++ {
				s := string(r)
				if want, got := float64(pdf.GetStringSymbolWidth(s)), m.width(st, s); got != want {
					if bad++; bad <= 5 {
						t.Errorf("%s %q U+%04X: width %v, fpdf %v", fam, fs, r, got, want)
					}
				}
			}
			if bad > 5 {
				t.Errorf("%s %q: %d characters differ in all", fam, fs, bad)
			}
			if err := pdf.Error(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestEveryFaceHasASCII backs styleFor's shortcut, which keeps printable
// ASCII in the requested face without asking the face.
func TestEveryFaceHasASCII(t *testing.T) {
	for fam, faces := range fontFiles {
		for fs := range faces {
			for r := rune('!'); r < 0x7F; r++ {
				if !glyphs.has(fam, fs, r) {
					t.Errorf("%s %q lacks %q", fam, fs, r)
				}
			}
		}
	}
}
