package briefing

import (
	"strings"
	"testing"
)

// A date is read in the packet language's order, whatever the computer's
// locale: under C.UTF-8, Fyne's date field read 11/07/2026 as 11 July for
// an en-US packet and refused 12/20/2026.
func TestDatesAreReadInThePacketsOrder(t *testing.T) {
	for _, c := range []struct {
		lang, text, want, err string
	}{
		{"en-US", "11/07/2026", "2026-11-07", ""},
		{"en-US", "12/20/2026", "2026-12-20", ""},
		{"", "11/07/2026", "2026-11-07", ""},
		{"en", "3/4/2026", "2026-03-04", ""},
		{"en-GB", "11/07/2026", "2026-07-11", ""},
		{"fr-CA", "11.07.2026", "2026-07-11", ""},
		{"de", "20.12.2026", "2026-12-20", ""},
		{"en-GB", "12/20/2026", "", "20 December 2026"},
		{"en-US", "20/12/2026", "", "December 20, 2026"},
		{"en-GB", "2026-11-07", "2026-11-07", ""},
		{"en-US", "7 November 2026", "2026-11-07", ""},
		{"en-GB", "November 7, 2026", "2026-11-07", ""},
		{"en-US", "Nov 7 2026", "2026-11-07", ""},
		{"en-US", "7 Sept 2026", "2026-09-07", ""},
		{"en-US", "11/7/26", "", "year in full"},
		{"en-US", "02/30/2026", "", "not a date in the calendar"},
		{"en-US", "Smarch 3, 2026", "", "not a month"},
		{"en-US", "11/07", "", "MM/DD/YYYY"},
		{"en-US", "", "", ""},
		{"en-US", "  2026-02-28 ", "2026-02-28", ""},
		{"en-US", "99999999/1/2026", "", "not a date"},
	} {
		got, err := ReadDate(c.text, DateOrderFor(c.lang))
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%s %q: got %q, %v; want %q", c.lang, c.text, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s %q: got %q, %v; want an error saying %q", c.lang, c.text, got, err, c.err)
		}
	}
}

func TestDateOrderAndPrintedDate(t *testing.T) {
	for lang, want := range map[string]DateOrder{"en-US": MonthFirst, "": MonthFirst, "en-PH": MonthFirst,
		"en-GB": DayFirst, "en-AU": DayFirst, "es-US": DayFirst, "fr": DayFirst, "not a tag!": MonthFirst} {
		if got := DateOrderFor(lang); got != want {
			t.Errorf("%q: order %v, want %v", lang, got, want)
		}
	}
	if got := MonthFirst.Format("2026-11-07"); got != "11/07/2026" {
		t.Errorf("month first: %q", got)
	}
	if got := DayFirst.Format("2026-11-07"); got != "07/11/2026" {
		t.Errorf("day first: %q", got)
	}
	// A packet's date is written out as its readers write dates.
	if got := MonthFirst.Printed("2026-11-07"); got != "November 7, 2026" {
		t.Errorf("printed for en-US: %q", got)
	}
	if got := DayFirst.Printed("2026-11-07"); got != "7 November 2026" {
		t.Errorf("printed for en-GB: %q", got)
	}
	if got := MonthFirst.Printed("soon"); got != "soon" {
		t.Errorf("not a date: %q", got)
	}
}
