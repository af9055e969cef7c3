package layout

import (
	"strings"
	"testing"
)

func newTestMeasurer() *measurer {
	return &measurer{metrics: &metrics}
}

func lineTexts(lines []textLine) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for i, r := range l.runs {
			if i > 0 && r.x > l.runs[i-1].x+l.runs[i-1].w+0.01 {
				b.WriteString(" ")
			}
			b.WriteString(r.text)
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreakLinesWrapsAtSpacesWithinWidth(t *testing.T) {
	m := newTestMeasurer()
	body := Style{fam: serif, size: 10, color: black}
	bold := body
	bold.bold = true
	spans := []span{{"The order stops short of ", body}, {"mandating", bold}, {" security testing, as reported.", body}}
	oneLine := m.breakLines(spans, 1000)
	if got := lineTexts(oneLine); len(got) != 1 || got[0] != "The order stops short of mandating security testing, as reported." {
		t.Fatalf("one line = %q", got)
	}
	full := oneLine[0].w
	lines := m.breakLines(spans, full*0.5)
	got := lineTexts(lines)
	if len(got) < 2 || strings.Join(got, " ") != "The order stops short of mandating security testing, as reported." {
		t.Fatalf("lines = %q", got)
	}
	for _, l := range lines {
		if l.w > full*0.5+0.001 {
			t.Errorf("line %.1f wider than %.1f", l.w, full*0.5)
		}
	}
	// Same-style neighbours are merged into one run per stretch of text.
	if n := len(oneLine[0].runs); n != 3 {
		t.Errorf("%d runs, want 3 (plain, bold, plain)", n)
	}
}

func TestBreakLinesHonoursHardBreaksAndCutsLongWords(t *testing.T) {
	m := newTestMeasurer()
	st := Style{fam: serif, size: 10}
	got := lineTexts(m.breakLines([]span{{"first\nsecond", st}}, 1000))
	if len(got) != 2 || got[0] != "first" || got[1] != "second" {
		t.Errorf("hard break: %q", got)
	}
	long := "https://example.org/" + strings.Repeat("x", 200)
	lines := m.breakLines([]span{{long, st}}, 100)
	if strings.Join(lineTexts(lines), "") != long || len(lines) < 3 {
		t.Errorf("long word split into %q", lineTexts(lines))
	}
	for _, l := range lines {
		if l.w > 100.001 {
			t.Errorf("piece %.1f wide, limit 100", l.w)
		}
	}
}

func TestFallbackFaceOnlyForMissingGlyphs(t *testing.T) {
	m := newTestMeasurer()
	lines := m.breakLines([]span{{"Done ✓ ok", Style{fam: serif, size: 10}}}, 1000)
	var fams []string
	for _, r := range lines[0].runs {
		fams = append(fams, string(r.st.fam)+":"+r.text)
	}
	if got := strings.Join(fams, "|"); got != "LiberationSerif:Done|DejaVuSans:✓|LiberationSerif:ok" {
		t.Errorf("runs = %s", got)
	}
}

func TestColumnWidthsFillTheColumnAndKeepWordsWhole(t *testing.T) {
	r := &layout{measurer: *newTestMeasurer()}
	st := Style{fam: serif, size: 10}
	cell := func(s string) tableCell { return tableCell{spans: []span{{s, st}}} }
	rows := [][]tableCell{
		{cell("Term"), cell("Meaning")},
		{cell("Rescind"), cell(strings.Repeat("to revoke or cancel an order ", 10))},
	}
	w := r.columnWidths(rows, 400, 4, 10)
	if sum := w[0] + w[1]; sum < 399.9 || sum > 400.1 {
		t.Errorf("widths %v sum to %.1f, want 400", w, sum)
	}
	if minFirst := r.width(st, "Rescind") + 8; w[0] < minFirst {
		t.Errorf("first column %.1f narrower than its longest word %.1f", w[0], minFirst)
	}
	if w[1] < 2*w[0] {
		t.Errorf("long text column %.1f not given the room: %v", w[1], w)
	}
}
