package render

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
func (s *rowRecorder) Text(Style, float64, float64, string) {
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
