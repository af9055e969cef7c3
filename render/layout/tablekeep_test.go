package layout

import (
	"fmt"
	"strings"
	"testing"
)

// rowRecorder notes the page each table row's text starts on.
type rowRecorder struct {
	NullSurface
	page      int
	artifacts int
	rows      []int // page of each body row's first text
	rowOpen   bool
	header    bool
}

func (s *rowRecorder) AddPage()               { s.page++ }
func (s *rowRecorder) BeginArtifact(Artifact) { s.artifacts++ }
func (s *rowRecorder) EndArtifact()           { s.artifacts-- }
func (s *rowRecorder) BeginElement(e Element, _ Attrs) {
	switch e {
	case ElemTableHead:
		s.header = true
	case ElemTableBody:
		s.header = false
	case ElemTableRow:
		s.rowOpen = !s.header
	}
}
func (s *rowRecorder) Text(Style, float64, float64, string, bool) {
	if s.rowOpen && s.artifacts == 0 {
		s.rows = append(s.rows, s.page)
		s.rowOpen = false
	}
}

func TestATablesLastRowNeverGoesAloneToANewPage(t *testing.T) {
	table := "| Item | Detail |\n|---|---|\n"
	for i := range 6 {
		table += fmt.Sprintf("| Row %d | %s |\n", i+1, strings.Repeat("A detail that wraps. ", 1+i%3*4))
	}
	split := 0
	for pad := range 80 {
		body := strings.Repeat("A line of text before the table.\n\n", pad) + table
		rec := &rowRecorder{}
		if _, err := Layout(testDoc(body), rec); err != nil {
			t.Fatal(err)
		}
		n := len(rec.rows)
		if n != 6 {
			t.Fatalf("pad %d: %d body rows drawn", pad, n)
		}
		if rec.rows[0] != rec.rows[n-1] {
			split++
		}
		if rec.rows[n-1] != rec.rows[n-2] {
			t.Errorf("pad %d: the last row is alone on page %d (rows on pages %v)", pad, rec.rows[n-1], rec.rows)
		}
	}
	if split == 0 {
		t.Error("no layout split the table: the test checks nothing")
	}
}

// introRecorder notes the page of the last paragraph before a table and
// of the table's first text.
type introRecorder struct {
	rowRecorder
	inPara    bool
	paraPage  int
	tablePage int
}

func (s *introRecorder) BeginElement(e Element, a Attrs) {
	s.inPara = e == ElemParagraph
	if e == ElemTable && s.tablePage == 0 {
		s.tablePage = -1
	}
	s.rowRecorder.BeginElement(e, a)
}

func (s *introRecorder) EndElement() { s.inPara = false }

func (s *introRecorder) Text(st Style, x, y float64, t string, _ bool) {
	switch {
	case s.artifacts > 0: // the running header of a new page
	case s.tablePage == -1:
		s.tablePage = s.page
	case s.inPara && s.tablePage == 0:
		s.paraPage = s.page
	}
}

func TestAParagraphIntroducingATableGoesWithIt(t *testing.T) {
	table := "| Item | Detail |\n|---|---|\n| One | A detail. |\n| Two | Another. |\n"
	moved := 0
	// Paragraphs before the table, at type sizes whose lines divide the
	// page differently, so the introduction lands at every height.
	for size := 9.0; size <= 12; size += 0.1 {
		for pad := 20; pad < 40; pad++ {
			body := strings.Repeat("A line of text before the table.\n\n", pad) + "The table shows where the water is:\n\n" + table
			doc := testDoc(body)
			doc.Settings = NewSettings(612, 792, size, RGB{}, nil, Profile{LineSpacing: 1.35})
			rec := &introRecorder{}
			if _, err := Layout(doc, rec); err != nil {
				t.Fatal(err)
			}
			if rec.paraPage != rec.tablePage {
				t.Fatalf("%.1f pt, pad %d: the paragraph introducing the table is on page %d, the table on page %d", size, pad, rec.paraPage, rec.tablePage)
			}
			if rec.tablePage > 1 {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("no layout put the table on a later page: the test checks nothing")
	}
}
