// Package pdf writes a laid-out Document as a tagged PDF (PDF/UA-1): a
// Surface over fpdf that layout draws on, then an incremental update that
// adds the structure tree fpdf cannot write, the subset font names and
// compressed objects. What it relies on in fpdf's own output is kept in
// fpdfoutput.go and guarded by a test.
package pdf
