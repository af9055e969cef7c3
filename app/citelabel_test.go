package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
)

// A citation in the formatted text shows the number the PDF prints for
// its source, "[2]", never the source's id.
func TestCitationsShowTheirPrintedNumbers(t *testing.T) {
	h := newRichHarness(t)
	s := h.w.section
	sources := briefing.CitableSources(h.w.lib, h.doc())
	if len(sources) < 2 {
		t.Skip("the test packet cites fewer than two sources")
	}
	src := sources[1]
	n := briefing.SourceNumbers(h.w.lib, h.doc())[src.ID]
	h.w.selectSection(2)
	h.w.doc.setBody(h.w.doc.keyAt(2), "", "See [@"+src.ID+"].\n")
	s.show()
	s.rich.SelectAll()
	if got := s.rich.SelectedText(); got != "See ["+strconv.Itoa(n)+"]." || strings.Contains(got, src.ID) {
		t.Errorf("the citation reads %q; the PDF prints [%d]", got, n)
	}
}
