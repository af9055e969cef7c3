package briefing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/render/layout"
)

// overLong is the staff sample with paragraphs added to its Background section
// until it runs just past limit pages: a packet the tightened layout can
// bring back within the limit.
func overLong(t *testing.T, limit int) *Packet {
	t.Helper()
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "staff.briefing")
	p.PageLimit = limit
	last := -1 // the staff memo leaves out sections for other audiences
	for i, s := range p.Sections {
		if s.Template == "background" {
			last = i
		}
	}
	body := "Extra material for the generated packet."
	if tm, ok := lib.Get(p.Sections[last].Template); ok && p.Sections[last].Body == nil {
		body = tm.Body
	}
	for i := 0; i < 400; i++ {
		b := body
		p.Sections[last].Body = &b
		a := Analyze(lib, p, "long.briefing")
		if a.Pages > limit {
			return p
		}
		body += "\n\nThe committee asked for a further paragraph of background on the procurement, its schedule and the risks the office sees in each option."
	}
	t.Fatal("never ran past the limit")
	return nil
}

func TestFitBringsAnOverLongPacketWithinItsLimit(t *testing.T) {
	lib := builtinLibrary(t)
	p := overLong(t, 4)
	p.Style.FitToLimit = true
	doc, fr, probs := Fit(lib, p, "long.briefing")
	if probs.HasErrors() || doc == nil {
		t.Fatal(probs)
	}
	if !fr.Fits || fr.Pages > 4 || fr.Before <= 4 {
		t.Fatalf("fit: %+v", fr)
	}
	if !strings.HasPrefix(fr.Report, "fits 4 pages") {
		t.Errorf("report %q", fr.Report)
	}
	// The bounds: type at most 0.5 pt smaller, margins never under the floor.
	if doc.Settings.BodySize < fr.Original.BodySize-0.5-1e-9 {
		t.Errorf("type %v from %v", doc.Settings.BodySize, fr.Original.BodySize)
	}
	m := doc.Settings.Margins
	if min(m.Left, m.Right, m.Top) < layout.MarginFloor-1e-9 {
		t.Errorf("margins %+v under the floor", m)
	}
	data, res, err := RenderPacket(lib, p, "long.briefing")
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, data)
	if info := tool(t, "pdfinfo", path); !strings.Contains(info, "Pages:           4\n") &&
		!strings.Contains(info, "Pages:           3\n") {
		t.Errorf("fitted export over the limit:\n%s", info)
	}
	if res.Fit == nil || res.Fit.Report != fr.Report {
		t.Errorf("export carries no fit report: %+v", res.Fit)
	}
	again, _, err := RenderPacket(lib, p, "long.briefing")
	if err != nil || !bytes.Equal(data, again) {
		t.Error("the same packet fitted twice gave different bytes")
	}
}

func TestFitThatCannotFitSaysByHowMuchAndWhatIsLongest(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "staff.briefing")
	p.PageLimit = 1
	p.Style.FitToLimit = true
	_, fr, _ := Fit(lib, p, "staff.briefing")
	if fr.Fits {
		t.Fatalf("the staff sample fits one page? %+v", fr)
	}
	if !strings.Contains(fr.Report, "over at the tightest") || !strings.Contains(fr.Report, "for a limit of 1, about ") ||
		!strings.Contains(fr.Report, "longest sections: ") || !strings.Contains(fr.Report, " pages)") {
		t.Errorf("report %q", fr.Report)
	}
	if len(fr.Longest) == 0 || len(fr.Longest) > 3 {
		t.Fatalf("longest %+v", fr.Longest)
	}
	for i := 1; i < len(fr.Longest); i++ {
		if fr.Longest[i].Pages > fr.Longest[i-1].Pages {
			t.Errorf("longest not sorted: %+v", fr.Longest)
		}
	}
}

func TestFitOffLeavesTheExportUnchanged(t *testing.T) {
	lib := builtinLibrary(t)
	p := overLong(t, 4)
	before, res, err := RenderPacket(lib, p, "long.briefing")
	if err != nil || res.Fit != nil {
		t.Fatalf("%v %+v", err, res.Fit)
	}
	doc, _ := Resolve(lib, p, "long.briefing")
	if doc.Settings.Spacing != 0 {
		t.Errorf("fit off still tightens: %+v", doc.Settings)
	}
	p.Style.FitToLimit = true
	p.Style.FitToLimit = false
	after, _, _ := RenderPacket(lib, p, "long.briefing")
	if !bytes.Equal(before, after) {
		t.Error("turning fit on and off changed the output")
	}
}

func TestFitToLimitRoundTripsAndIsOmittedWhenOff(t *testing.T) {
	p := loadSampleNamed(t, "staff.briefing")
	var off bytes.Buffer
	if err := WritePacket(&off, p); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(off.String(), "fit_to_limit") {
		t.Error("fit_to_limit written while off")
	}
	p.Style.FitToLimit = true
	var on bytes.Buffer
	if err := WritePacket(&on, p); err != nil {
		t.Fatal(err)
	}
	q, err := DecodePacket("x.briefing", on.Bytes())
	if err != nil || !q.Style.FitToLimit {
		t.Fatalf("fit_to_limit lost: %v", err)
	}
}

// What the app shows: the fitted page count, and in the Problems panel
// the longest sections when even the tightest runs over.
func TestAnalyzeCountsTheFittedLayout(t *testing.T) {
	lib := builtinLibrary(t)
	p := overLong(t, 4)
	p.Style.FitToLimit = true
	if a := Analyze(lib, p, "long.briefing"); a.Pages > 4 || a.Fit == nil || !a.Fit.Fits || a.Fit.Changes == "" {
		t.Errorf("fitted analysis: %d pages, %+v", a.Pages, a.Fit)
	}
	p.PageLimit = 1
	a := Analyze(lib, p, "long.briefing")
	found := false
	for _, pr := range a.Problems {
		found = found || strings.Contains(pr.Message, "longest sections: Background (")
	}
	if !found {
		t.Errorf("no longest sections among the problems: %v", a.Problems)
	}
}

// The tightest settings stay within the bounds a reader will not notice,
// for every sample: type at most 0.5 pt smaller and never under the
// audience's minimum, margins never under the floor, the bottom margin
// (the footer's) untouched, and t = 0 the settings themselves.
func TestTightestStaysWithinTheBounds(t *testing.T) {
	lib := builtinLibrary(t)
	for _, name := range []string{"staff.briefing", "client.briefing", "classroom.briefing"} {
		doc, _ := Resolve(lib, loadSampleNamed(t, name), name)
		s := doc.Settings
		if s.Tighten(0) != s {
			t.Errorf("%s: Tighten(0) changed the settings", name)
		}
		tt := s.Tighten(1)
		if tt.BodySize < s.BodySize-layout.TightestType-1e-9 || tt.BodySize < min(s.BodySize, s.Profile.MinFontSize) {
			t.Errorf("%s: type %v from %v (minimum %v)", name, tt.BodySize, s.BodySize, s.Profile.MinFontSize)
		}
		if lead := tt.LineHeight / tt.BodySize / (s.LineHeight / s.BodySize); lead < layout.TightestLeading-1e-9 {
			t.Errorf("%s: leading %.3f", name, lead)
		}
		m := tt.Margins
		if min(m.Left, m.Right, m.Top) < layout.MarginFloor-1e-9 || m.Bottom != s.Margins.Bottom {
			t.Errorf("%s: margins %+v from %+v", name, m, s.Margins)
		}
		if tt.Spacing < layout.TightestSpacing-1e-9 || tt.Spacing >= 1 {
			t.Errorf("%s: spacing %v", name, tt.Spacing)
		}
	}
}
