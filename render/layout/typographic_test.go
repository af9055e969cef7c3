package layout

import "testing"

func TestTitlesGetTheTextsQuotesAndDashes(t *testing.T) {
	for in, want := range map[string]string{
		"Where Earth's Water Is Found": "Where Earth’s Water Is Found",
		`The "New" Order`:              "The “New” Order",
		"'Quoted' -- and more...":      "‘Quoted’ – and more…",
		"1990---2000":                  "1990—2000",
		"Plain title":                  "Plain title",
		`("Aside")`:                    "(“Aside”)",
	} {
		if got := Typographic(in); got != want {
			t.Errorf("Typographic(%q) = %q, want %q", in, got, want)
		}
	}
}
