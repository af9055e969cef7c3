package briefing

import (
	"bytes"
	"strings"
	"testing"
)

// The closed sets hand out copies: a caller changing its slice cannot
// change what the next caller sees.
func TestClosedSetsAreCopies(t *testing.T) {
	a := Audiences()
	a[0] = "nobody"
	k := Kinds()
	k[0] = "nothing"
	s := PageSizes()
	s[0] = "tabloid"
	if Audiences()[0] != Staff || Kinds()[0] != General || PageSizes()[0] != Letter {
		t.Fatal("a closed set was changed through a returned slice")
	}
	if !Classroom.Valid() || Audience("Staff").Valid() || !A4.Valid() || PageSize("A4").Valid() || !Kind("glossary").Valid() {
		t.Error("Valid disagrees with the tables")
	}
	if w, h := A4.Points(); w != 595.28 || h != 841.89 {
		t.Errorf("A4 is %g×%g points", w, h)
	}
}

// The typed fields are still written as the plain names.
func TestTypedFieldsWriteTheirNames(t *testing.T) {
	p := NewPacketFor(&Library{byID: map[string]*Template{}}, Client, "2026-01-02", Defaults{Author: "A", PageSize: A4})
	var b bytes.Buffer
	if err := WritePacket(&b, p); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"audience": "client"`, `"page_size": "a4"`, `"author": "A"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("packet lacks %s:\n%s", want, b.String())
		}
	}
	if q := NewPacketFor(&Library{byID: map[string]*Template{}}, Staff, "", Defaults{PageSize: "tabloid"}); q.Style.PageSize != Letter {
		t.Errorf("an unknown default page size was used: %q", q.Style.PageSize)
	}
}

// pageBox is a page size's width and height, for tests that check where
// things are drawn.
type pageBox struct{ Wd, Ht float64 }

func fpdfSize(s PageSize) pageBox {
	w, h := s.Points()
	return pageBox{w, h}
}
