package briefing

import (
	"strings"
	"testing"
)

// A handout's header text — a school's name — prints once on each page
// (at the top), not at the top, bottom and again as the footer's
// organization; its heading says "Teacher". A memo's marking stays at
// the top and bottom of every page, as handling rules want.
func TestAHandoutsHeaderTextPrintsOncePerPage(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "classroom.briefing")
	p.Marking, p.Organization, p.Author = "Lincoln High School", "Lincoln High School", "Ms. Rivera"
	data, _, err := RenderPacket(lib, p, "classroom.briefing")
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, writePDF(t, data))
	for i, pg := range pages {
		if n := strings.Count(pg, "Lincoln High School"); n != 1 && !(i == 0 && n == 2) {
			t.Errorf("page %d prints the school's name %d times", i+1, n)
		}
	}
	if !strings.Contains(pages[0], "TEACHER") || strings.Contains(pages[0], "FROM") || !strings.Contains(pages[0], "Ms. Rivera") {
		t.Errorf("the handout's heading does not name the teacher:\n%.400s", pages[0])
	}
	// With no teacher named, the school is not printed as one.
	p.Author = ""
	data, _, err = RenderPacket(lib, p, "classroom.briefing")
	if err != nil {
		t.Fatal(err)
	}
	if first := pdfPages(t, writePDF(t, data))[0]; strings.Contains(first, "TEACHER") {
		t.Errorf("a handout with no teacher has a Teacher line:\n%.400s", first)
	}

	staff := loadSampleNamed(t, "staff.briefing")
	data, _, err = RenderPacket(lib, staff, "staff.briefing")
	if err != nil {
		t.Fatal(err)
	}
	for i, pg := range pdfPages(t, writePDF(t, data)) {
		if n := strings.Count(pg, staff.Marking); n != 2 {
			t.Errorf("memo page %d prints the marking %d times, want top and bottom", i+1, n)
		}
	}
}
