package briefing

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/briefsmith/briefsmith/render/layout"
)

// FitResult is what fitting a packet to its page limit did, for the CLI
// to print and the app to show beside the page count.
type FitResult struct {
	// Limit is the packet's page limit; Before the pages as set; Pages
	// the pages of the layout chosen (the fitted one, or the tightest
	// when nothing fits).
	Limit, Before, Pages int
	// Fits says the chosen layout is within the limit.
	Fits bool
	// Tightness is the t given to layout.Settings.Tighten: 0 when the
	// packet fit as set.
	Tightness float64
	// Original and Settings are the settings before and after.
	Original, Settings layout.Settings
	// Overflow is how much text runs past the limit at the tightest, in
	// pages: what has to be cut, 0 when the layout fits.
	Overflow float64
	// Longest are the longest sections at the tightest, longest first,
	// when nothing fits: what to cut.
	Longest []SectionShare
	// Changes lists what tightening changed ("type 10.5 → 10 pt,
	// spacing −8%"), empty when nothing did.
	Changes string
	// Report says it in a sentence: "fits 4 pages (limit 4): type 10.5 →
	// 10 pt, spacing −8%".
	Report string
}

// SectionShare is a section's share of the pages.
type SectionShare struct {
	Title string
	Pages float64
}

// fitSteps is how finely Fit divides the tightness range: bisection over
// these steps tries about five layouts, and a step is a change of about
// half a percent in leading, small enough that "the loosest that fits" is
// close to the loosest there is.
const fitSteps = 20

// longestShown is how many sections the report names when nothing fits.
const longestShown = 3

// Fit resolves p and, when it has a page limit and runs over it, searches
// for the loosest tightening (layout.Settings.Tighten) that brings it
// within the limit. It returns the document to export: the fitted one,
// or the packet as set when even the tightest does not fit (a reader gets
// the layout as designed, and the report says what to cut). The search
// uses only the layout, so the same packet always gives the same result.
// The document is nil when problems prevent rendering.
func Fit(lib *Library, p *Packet, name string) (*layout.Document, FitResult, Problems) {
	doc, probs := Resolve(lib, p, name)
	if probs.HasErrors() {
		return nil, FitResult{}, probs
	}
	orig := doc.Settings
	fr := FitResult{Limit: p.PageLimit, Original: orig, Settings: orig}
	pages := func(t float64) (layout.Info, error) {
		d := *doc
		d.Settings = orig.Tighten(t)
		return layout.Paginate(&d)
	}
	info, err := pages(0)
	if err != nil {
		return nil, fr, append(probs, layoutProblem(name, err))
	}
	fr.Before, fr.Pages = info.Pages, info.Pages
	if p.PageLimit <= 0 {
		fr.Fits = true
		fr.Report = fmt.Sprintf("no page limit to fit: %s", plural(info.Pages, "page"))
		return doc, fr, probs
	}
	if info.Pages <= p.PageLimit {
		fr.Fits = true
		fr.Report = fmt.Sprintf("fits %s as set (limit %d); nothing changed", plural(info.Pages, "page"), p.PageLimit)
		return doc, fr, probs
	}
	tight, err := pages(1)
	if err != nil {
		return nil, fr, append(probs, layoutProblem(name, err))
	}
	if tight.Pages > p.PageLimit {
		fr.Pages = tight.Pages
		fr.Longest = longest(doc, tight)
		if n := len(tight.SectionStarts); n > 0 {
			fr.Overflow = max(tight.SectionStarts[n-1]-float64(p.PageLimit), 0)
		}
		fr.Report = cannotFit(fr)
		return doc, fr, probs
	}
	// lo never fits, hi always does: the loosest step that fits is hi
	// when they meet. Page counts are not strictly monotonic in t (a
	// widow rule can move a line back), so this finds a fitting step
	// near the loosest rather than proving it the loosest; it is the
	// same step every time.
	lo, hi, hiPages := 0, fitSteps, tight.Pages
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		in, err := pages(float64(mid) / fitSteps)
		if err != nil {
			return nil, fr, append(probs, layoutProblem(name, err))
		}
		if in.Pages <= p.PageLimit {
			hi, hiPages = mid, in.Pages
		} else {
			lo = mid
		}
	}
	fr.Tightness = float64(hi) / fitSteps
	fr.Settings = orig.Tighten(fr.Tightness)
	fr.Pages, fr.Fits = hiPages, true
	fr.Changes = changes(fr.Original, fr.Settings)
	fr.Report = fmt.Sprintf("fits %s (limit %d, was %d): %s", plural(fr.Pages, "page"), fr.Limit, fr.Before, fr.Changes)
	fitted := *doc
	fitted.Settings = fr.Settings
	return &fitted, fr, probs
}

// changes says what tightening o into s changed, for people.
func changes(o, s layout.Settings) string {
	var changes []string
	if s.BodySize != o.BodySize {
		changes = append(changes, fmt.Sprintf("type %s → %s pt", points(o.BodySize), points(s.BodySize)))
	}
	// Leading is the line height per point of type, so a smaller type
	// at the same proportion is not reported twice.
	if lead := percent(s.LineHeight/s.BodySize, o.LineHeight/o.BodySize); lead != "" {
		changes = append(changes, "leading "+lead)
	}
	if sp := percent(s.Spacing, 1); sp != "" {
		changes = append(changes, "spacing "+sp)
	}
	if s.Margins.Left != o.Margins.Left {
		changes = append(changes, fmt.Sprintf("side margins %s → %s in", inches(o.Margins.Left), inches(s.Margins.Left)))
	}
	if s.Margins.Top != o.Margins.Top {
		changes = append(changes, fmt.Sprintf("top margin %s → %s in", inches(o.Margins.Top), inches(s.Margins.Top)))
	}
	return strings.Join(changes, ", ")
}

// cannotFit is the report when even the tightest layout runs over.
func cannotFit(fr FitResult) string {
	over := fr.Pages - fr.Limit
	msg := fmt.Sprintf("%s over at the tightest: %d pages for a limit of %d", plural(over, "page"), fr.Pages, fr.Limit)
	if fr.Overflow >= 0.05 {
		msg += fmt.Sprintf(", about %s pages of text to cut", trim(fr.Overflow, 1))
	}
	if len(fr.Longest) > 0 {
		msg += "; longest sections: " + LongestText(fr.Longest)
	}
	return msg
}

// LongestText lists shares as "Background (1.3 pages), Options (0.9
// pages)", for the report and the app's page count.
func LongestText(shares []SectionShare) string {
	var names []string
	for _, s := range shares {
		names = append(names, fmt.Sprintf("%s (%s pages)", s.Title, trim(s.Pages, 1)))
	}
	return strings.Join(names, ", ")
}

// longest are the longest sections of the layout info describes, longest
// first, ties in document order so the list is always the same.
func longest(doc *layout.Document, info layout.Info) []SectionShare {
	var out []SectionShare
	for i, s := range doc.Sections {
		if i+1 >= len(info.SectionStarts) {
			break
		}
		out = append(out, SectionShare{Title: s.Title, Pages: info.SectionStarts[i+1] - info.SectionStarts[i]})
	}
	slices.SortStableFunc(out, func(a, b SectionShare) int { return cmp.Compare(b.Pages, a.Pages) })
	return out[:min(len(out), longestShown)]
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// points prints a type size as people write it: 10.5, 10, 10.25.
func points(v float64) string { return trim(v, 2) }

func inches(pt float64) string { return trim(pt/72, 2) }

// trim prints v with at most digits decimals and no trailing zeros.
func trim(v float64, digits int) string {
	s := fmt.Sprintf("%.*f", digits, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// percent is the change from was to now as "−8%", or "" when it rounds
// to nothing.
func percent(now, was float64) string {
	d := (now/was - 1) * 100
	if d > -0.5 && d < 0.5 {
		return ""
	}
	return strings.Replace(fmt.Sprintf("%+.0f%%", d), "-", "−", 1)
}
