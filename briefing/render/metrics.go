package render

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// widther measures text in points.
type widther interface {
	width(st Style, s string) float64
}

// fontMetrics measures text with each face parsed once per process:
// parsing a TrueType font is the costliest thing fpdf does, and measuring
// on a document of its own leaves the output's current font alone.
type fontMetrics struct {
	mu         sync.Mutex
	pdf        *fpdf.Fpdf
	registered map[string]bool
	current    string
}

var metrics fontMetrics

// width is the width of s in points when set in st.
func (m *fontMetrics) width(st Style, s string) float64 {
	fam, fs := st.face()
	key := string(fam) + fs
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pdf == nil {
		m.pdf = fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 612, Ht: 792}})
		m.registered = map[string]bool{}
	}
	if m.current != key {
		if !m.registered[key] {
			m.pdf.AddUTF8FontFromBytes(string(fam), fs, fontFiles[fam][fs])
			m.registered[key] = true
		}
		m.pdf.SetFont(string(fam), fs, 1000)
		m.current = key
	}
	return float64(m.pdf.GetStringSymbolWidth(s)) * st.size / 1000
}
