package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
)

// DateOrder is the order in which a packet's language writes a date in
// figures: 11/07/2026 is 7 November in en-US and 11 July in en-GB.
type DateOrder int

const (
	// DayFirst is day/month/year, as most of the world writes it.
	DayFirst DateOrder = iota
	// MonthFirst is month/day/year, as the United States writes it.
	MonthFirst
)

// monthFirstRegions write English dates month first: the United States
// and the places that follow its usage.
var monthFirstRegions = map[string]bool{"US": true, "PH": true, "AS": true, "GU": true, "MP": true, "PR": true, "UM": true, "VI": true, "FM": true, "MH": true, "PW": true}

// DateOrderFor is the order the packet language lang writes dates in
// figures. A packet without a language is American English, as every
// built-in template is; English without a region follows it too.
func DateOrderFor(lang string) DateOrder {
	if strings.TrimSpace(lang) == "" {
		lang = DefaultLanguage
	}
	t, err := language.Parse(lang)
	if err != nil {
		t = language.MustParse(DefaultLanguage)
	}
	base, _ := t.Base()
	region, conf := t.Region()
	if base.String() != "en" {
		return DayFirst
	}
	if conf < language.High {
		// "en" alone: Briefsmith's own English is American.
		return MonthFirst
	}
	if monthFirstRegions[region.String()] {
		return MonthFirst
	}
	return DayFirst
}

// Layout is how a date is written in figures in this order, for a field's
// hint and its text ("MM/DD/YYYY").
func (o DateOrder) Layout() string {
	if o == MonthFirst {
		return "MM/DD/YYYY"
	}
	return "DD/MM/YYYY"
}

// Format writes the stored date iso (YYYY-MM-DD) in figures in this
// order, as a date field shows it; anything else is returned as is.
func (o DateOrder) Format(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	if o == MonthFirst {
		return t.Format("01/02/2006")
	}
	return t.Format("02/01/2006")
}

// Printed is a stored date (YYYY-MM-DD) written out in the order o reads
// dates — "November 7, 2026" for American English, "7 November 2026"
// elsewhere — so it reads as its readers write it and no reader can take
// it for another; anything else is printed as it is.
func (o DateOrder) Printed(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	if o == MonthFirst {
		return t.Format("January 2, 2006")
	}
	return t.Format("2 January 2006")
}

// ReadDate reads a date as a person types it, in the order o, and returns
// it as YYYY-MM-DD. It takes 2026-11-07 (always year first), dates in
// figures in the packet's own order (11/07/2026 or 11.07.2026), and dates
// with the month written out in English ("7 November 2026", "Nov 7,
// 2026"). The year is always written in full. A date that would be valid
// only in the other order is refused with a message saying so, never
// read another way: the user must see which date is meant.
func ReadDate(text string, o DateOrder) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	var nums []string
	month := 0
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch {
		case isDigits(tok):
			nums = append(nums, tok)
		case month == 0 && monthByName(tok) > 0:
			month = monthByName(tok)
		default:
			return "", fmt.Errorf("%q is not a date: %q is not a month; type it as %s or as 7 November 2026", text, tok, o.Layout())
		}
	}
	year, day := 0, 0
	switch {
	case month > 0 && len(nums) == 2:
		// "7 November 2026" or "November 7, 2026": the year is the
		// four-figure number.
		y, d := nums[1], nums[0]
		if len(nums[0]) == 4 {
			y, d = nums[0], nums[1]
		}
		if len(y) != 4 {
			return "", fmt.Errorf("%q: write the year in full (2026, not 26)", text)
		}
		year, day = atoi(y), atoi(d)
	case month == 0 && len(nums) == 3 && len(nums[0]) == 4:
		year, month, day = atoi(nums[0]), atoi(nums[1]), atoi(nums[2])
	case month == 0 && len(nums) == 3:
		if len(nums[2]) != 4 {
			return "", fmt.Errorf("%q: write the year in full, as %s", text, o.Layout())
		}
		first, second := atoi(nums[0]), atoi(nums[1])
		year, month, day = atoi(nums[2]), first, second
		if o == DayFirst {
			month, day = second, first
		}
		if !validDate(year, month, day) && validDate(year, day, month) {
			return "", fmt.Errorf("%q is not a date in the packet's order, %s: did you mean %s? Type it as %s, or with the month written out",
				text, o.Layout(), o.Printed(isoDate(year, day, month)), o.Format(isoDate(year, day, month)))
		}
	default:
		return "", fmt.Errorf("%q is not a date: type it as %s or as 7 November 2026", text, o.Layout())
	}
	if !validDate(year, month, day) {
		return "", fmt.Errorf("%q is not a date in the calendar: type it as %s or as 7 November 2026", text, o.Layout())
	}
	return isoDate(year, month, day), nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	if len(s) > 4 {
		return -1
	}
	n, _ := strconv.Atoi(s)
	return n
}

// monthByName is 1–12 for an English month name or its first three or
// more letters ("Nov", "Sept"), else 0.
func monthByName(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s) {
			return int(m)
		}
	}
	return 0
}

func validDate(y, m, d int) bool {
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == m && t.Day() == d
}

func isoDate(y, m, d int) string {
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
