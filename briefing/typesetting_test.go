package briefing

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/render/layout"
)

// Typesetting checks: what a careful typographer would look at, measured
// with the tools a reader's software resembles.

// tableGap is the run of spaces pdftotext -layout leaves between table
// columns (and between a page number and its leader): a line holding one
// is not running prose.
var tableGap = regexp.MustCompile(`\S {3,}\S`)

// bodyLineLengths returns, for the body pages of a PDF, the length in
// characters of every prose line that is followed by another line of the
// same paragraph — full lines, not the short last line of a paragraph or
// a heading, whose length says nothing about the measure.
func bodyLineLengths(t *testing.T, path string, skipFirst bool) []int {
	t.Helper()
	var lengths []int
	for i, page := range pdfPages(t, path, "-layout", "-nodiag") {
		if i == 0 && skipFirst {
			continue
		}
		lines := strings.Split(page, "\n")
		// The first three and last four lines are the header and footer.
		if len(lines) < 8 {
			continue
		}
		lines = lines[3 : len(lines)-4]
		for j := 0; j+1 < len(lines); j++ {
			cur, next := lines[j], lines[j+1]
			text, nextText := strings.TrimSpace(cur), strings.TrimSpace(next)
			if text == "" || nextText == "" || tableGap.MatchString(text) || tableGap.MatchString(nextText) {
				continue
			}
			// A continuation line starts where this line's text starts
			// (after a list marker, where the text after it starts).
			indent := len(cur) - len(strings.TrimLeft(cur, " "))
			if m := regexp.MustCompile(`^(\s*)(\S{1,3}\s+)`).FindStringSubmatch(cur); m != nil && strings.ContainsAny(m[2], "•–◦.)☐") {
				indent = len(m[1]) + utf8.RuneCountInString(m[2])
			}
			nextIndent := len(next) - len(strings.TrimLeft(next, " "))
			if nextIndent != indent {
				continue
			}
			lengths = append(lengths, utf8.RuneCountInString(text))
		}
	}
	// Headings followed by their first line pass the test above: a full
	// line is at least 60% of the longest one.
	longest := 0
	for _, n := range lengths {
		longest = max(longest, n)
	}
	full := lengths[:0]
	for _, n := range lengths {
		if n*10 >= longest*6 {
			full = append(full, n)
		}
	}
	return full
}

func TestBodyLinesHaveAReadableMeasure(t *testing.T) {
	for _, tc := range []struct {
		sample string
		max    float64
		cover  bool
	}{
		{"staff.briefing", 90, false},
		{"client.briefing", 90, true},
		{"classroom.briefing", 75, true},
	} {
		for _, size := range []string{"letter", "a4"} {
			p := loadSampleNamed(t, tc.sample)
			p.Style.PageSize = PageSize(size)
			data, _ := renderPacket(t, p)
			lengths := bodyLineLengths(t, writePDF(t, data), tc.cover)
			if len(lengths) < 20 {
				t.Fatalf("%s %s: only %d full body lines found", tc.sample, size, len(lengths))
			}
			sum := 0
			for _, n := range lengths {
				sum += n
			}
			avg := float64(sum) / float64(len(lengths))
			t.Logf("%s %s: %.1f characters per line over %d lines", tc.sample, size, avg, len(lengths))
			if avg > tc.max {
				t.Errorf("%s %s: body lines average %.1f characters, want at most %.0f", tc.sample, size, avg, tc.max)
			}
		}
	}
}

// lineRecorder is a surface that keeps, for every paragraph-like block
// (paragraph, list item, call-out, definition, source entry), the lines
// it printed on each page: the layout's own drawing calls, so a
// generated document of hundreds of pages is checked in milliseconds.
type lineRecorder struct {
	layout.NullSurface
	page      int
	artifacts int
	stack     []int // index into units, -1 for elements that are not one
	units     []unitLines
}

// unitLines is one block's printed lines: page → distinct line tops.
type unitLines struct {
	kind  layout.Element
	pages []int
	ys    [][]float64
}

func (s *lineRecorder) AddPage() { s.page++ }

func (s *lineRecorder) BeginArtifact(layout.Artifact) { s.artifacts++ }
func (s *lineRecorder) EndArtifact()                  { s.artifacts-- }

func (s *lineRecorder) BeginElement(kind layout.Element, _ layout.Attrs) {
	switch kind {
	case layout.ElemParagraph, layout.ElemListItem, layout.ElemCallout, layout.ElemDefinition:
		s.units = append(s.units, unitLines{kind: kind})
		s.stack = append(s.stack, len(s.units)-1)
	case layout.ElemNote:
		// A footnote is drawn at the page's foot while the block that
		// broke across the page is still open; its lines are not that
		// block's.
		s.stack = append(s.stack, noteUnit)
	default:
		s.stack = append(s.stack, -1)
	}
}

func (s *lineRecorder) EndElement() { s.stack = s.stack[:len(s.stack)-1] }

func (s *lineRecorder) Text(_ layout.Style, _, y float64, _ string, _ bool) {
	if s.artifacts > 0 {
		return
	}
	// The innermost paragraph-like block owns the line; a list item's
	// own paragraph is that paragraph.
	for i := len(s.stack) - 1; i >= 0; i-- {
		if u := s.stack[i]; u >= 0 {
			s.units[u].add(s.page, y)
			return
		} else if u == noteUnit {
			return
		}
	}
}

// noteUnit marks a footnote on lineRecorder's stack.
const noteUnit = -2

// add records a line at y on page; runs of one line in different faces
// sit within a few points of each other and are one line.
func (u *unitLines) add(page int, y float64) {
	n := len(u.pages)
	if n == 0 || u.pages[n-1] != page {
		u.pages = append(u.pages, page)
		u.ys = append(u.ys, nil)
		n++
	}
	for _, have := range u.ys[n-1] {
		if math.Abs(have-y) < 4 {
			return
		}
	}
	u.ys[n-1] = append(u.ys[n-1], y)
}

// widows returns a description of every block split across pages with a
// single line on one side of a break.
func (s *lineRecorder) widows() []string {
	var out []string
	for _, u := range s.units {
		if len(u.pages) < 2 {
			continue
		}
		for k, ys := range u.ys {
			if len(ys) == 1 {
				side := "top"
				if k < len(u.ys)-1 {
					side = "bottom"
				}
				out = append(out, fmt.Sprintf("element %d: one line alone at the %s of page %d (lines per page %v)", u.kind, side, u.pages[k], lineCounts(u.ys)))
				break
			}
		}
	}
	return out
}

func lineCounts(ys [][]float64) []int {
	var n []int
	for _, y := range ys {
		n = append(n, len(y))
	}
	return n
}

func TestNoBlockLeavesOneLineAloneAcrossAPageBreak(t *testing.T) {
	breaks, bad := 0, 0
	// scan lays doc out and counts its page breaks inside blocks and the
	// lone lines they leave, reporting the first ten.
	scan := func(doc *layout.Document, what string) {
		t.Helper()
		rec := &lineRecorder{}
		if _, err := layout.Layout(doc, rec); err != nil {
			t.Fatal(err)
		}
		for _, u := range rec.units {
			breaks += max(len(u.pages)-1, 0)
		}
		for _, w := range rec.widows() {
			bad++
			if bad <= 10 {
				t.Errorf("%s: %s", what, w)
			}
		}
	}
	for seed := range 40 {
		g := generate(newChooser([]byte(fmt.Sprintf("widow %d", seed))), false)
		scan(resolveReporting(t, g), fmt.Sprintf("seed %d", seed))
	}
	// Prose documents: paragraphs, list items and call-outs of every
	// length from one line to many, at several type sizes, so page
	// breaks fall at every position inside a block.
	words := strings.Fields("the order directs agencies to work with developers on securing networks against threats and to report what they find to the office within ninety days of signing")
	for seed := range 60 {
		var b strings.Builder
		next := seed*7 + 3
		say := func(n int) string {
			var out []string
			for k := range n {
				out = append(out, words[(next+k*5)%len(words)])
			}
			next = (next*31 + 11) % 1000003
			return strings.Join(out, " ")
		}
		for k := range 30 {
			n := 5 + (seed*13+k*29)%90
			switch k % 5 {
			case 3:
				fmt.Fprintf(&b, "- %s\n- %s\n\n", say(n), say(n/2+3))
			case 4:
				fmt.Fprintf(&b, "> [!NOTE]\n> %s\n\n", say(n))
			default:
				fmt.Fprintf(&b, "%s.\n\n", say(n))
			}
		}
		body := b.String()
		p := NewPacket(Audiences()[seed%3])
		p.Style.FontSize = 9 + float64(seed%11)/2
		p.Style.PageSize = PageSizes()[seed%2]
		p.Sections = []SectionRef{{Template: "summary", Title: "Prose", Body: &body, Included: true}}
		doc, probs := Resolve(builtinLibrary(t), p, "prose.briefing")
		if probs.HasErrors() {
			t.Fatal(probs.Errors())
		}
		scan(doc, fmt.Sprintf("prose %d", seed))
	}
	t.Logf("%d blocks split across pages, %d with a line alone", breaks, bad)
	for _, name := range []string{"staff.briefing", "client.briefing", "classroom.briefing"} {
		for _, size := range []string{"letter", "a4"} {
			p := loadSampleNamed(t, name)
			p.Style.PageSize = PageSize(size)
			doc, probs := Resolve(builtinLibrary(t), p, name)
			if probs.HasErrors() {
				t.Fatal(probs.Errors())
			}
			rec := &lineRecorder{}
			if _, err := layout.Layout(doc, rec); err != nil {
				t.Fatal(err)
			}
			for _, w := range rec.widows() {
				t.Errorf("%s %s: %s", name, size, w)
			}
		}
	}
}

// headingRecorder keeps the style of every heading's text, by level.
type headingRecorder struct {
	layout.NullSurface
	levels []int // heading levels open, 0 for other elements
	styles map[int]map[string]bool
	// front counts open cover, memo heading and contents elements,
	// whose headings are set for their own block, not the hierarchy.
	front int
}

func (s *headingRecorder) BeginElement(kind layout.Element, a layout.Attrs) {
	level := 0
	switch kind {
	case layout.ElemHeading:
		level = a.Level
	case layout.ElemTitle, layout.ElemContents:
		s.front++
		level = -1
	}
	s.levels = append(s.levels, level)
}

func (s *headingRecorder) EndElement() {
	if s.levels[len(s.levels)-1] < 0 {
		s.front--
	}
	s.levels = s.levels[:len(s.levels)-1]
}

func (s *headingRecorder) Text(st layout.Style, _, _ float64, _ string, _ bool) {
	if s.front > 0 {
		return
	}
	for i := len(s.levels) - 1; i >= 0; i-- {
		if l := s.levels[i]; l > 0 {
			face := st.Face()
			s.styles[l][fmt.Sprintf("%s %s %.1f %v", face.Family, face.Style, st.Size(), st.Color())] = true
			return
		}
	}
}

func TestHeadingLevelsLookDifferentAndNestInTheOutline(t *testing.T) {
	body := "Opening text.\n\n# Level two\n\nText.\n\n## Level three\n\nText.\n\n### Level four\n\nText.\n\n" +
		"#### Level five\n\nText.\n\n##### Level six\n\nText.\n"
	p := NewPacket(Staff)
	p.Style.TOC = true
	p.Style.Cover = true
	p.Sections = []SectionRef{{Template: "summary", Title: "Levels", Body: &body, Included: true}}
	doc, probs := Resolve(builtinLibrary(t), p, "levels.briefing")
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	rec := &headingRecorder{styles: map[int]map[string]bool{}}
	for l := 1; l <= 6; l++ {
		rec.styles[l] = map[string]bool{}
	}
	if _, err := layout.Layout(doc, rec); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for l := 2; l <= 6; l++ {
		if len(rec.styles[l]) != 1 {
			t.Fatalf("level %d headings printed in %d styles: %v", l, len(rec.styles[l]), rec.styles[l])
		}
		for st := range rec.styles[l] {
			if other, dup := seen[st]; dup {
				t.Errorf("H%d and H%d look the same: %s", other, l, st)
			}
			seen[st] = l
		}
	}
	// Section titles (H1) differ from every body heading.
	for st := range rec.styles[1] {
		if l, dup := seen[st]; dup && strings.Contains(st, "Sans") {
			t.Errorf("H1 and H%d look the same: %s", l, st)
		}
	}

	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	outline := pdfOutline(t, path)
	want := []string{"Levels", "Level two", "Level three", "Level four", "Level five", "Level six"}
	items := outline
	for depth, title := range want {
		if len(items) == 0 || items[0].Title != title {
			t.Fatalf("outline depth %d: want %q first, have %+v", depth, title, items)
		}
		items = items[0].Kids
	}

	// The contents and the body agree on numbering: both number the
	// sections or neither does.
	pages := pdfPages(t, path, "-layout", "-nodiag")
	numbered := regexp.MustCompile(`(?m)^\s*\d+\.\s+Levels\b`)
	inContents := numbered.MatchString(pages[0]) || numbered.MatchString(pages[1])
	inBody := false
	for _, pg := range pages[1:] {
		if regexp.MustCompile(`(?m)^\s*\d+\.?\s+Levels\s*$`).MatchString(pg) {
			inBody = true
		}
	}
	if inContents != inBody {
		t.Errorf("contents numbered %v, body section titles numbered %v: they should agree", inContents, inBody)
	}
}

// cellRecorder keeps the text of every table cell, line by line.
type cellRecorder struct {
	layout.NullSurface
	kinds     []layout.Element
	artifacts int
	row, col  int
	cells     map[[2]int]map[float64]string
}

func (s *cellRecorder) BeginArtifact(layout.Artifact) { s.artifacts++ }
func (s *cellRecorder) EndArtifact()                  { s.artifacts-- }

func (s *cellRecorder) BeginElement(kind layout.Element, _ layout.Attrs) {
	switch kind {
	case layout.ElemTableRow:
		s.row++
		s.col = -1
	case layout.ElemCell, layout.ElemHeaderCell:
		s.col++
	}
	s.kinds = append(s.kinds, kind)
}

func (s *cellRecorder) EndElement() { s.kinds = s.kinds[:len(s.kinds)-1] }

func (s *cellRecorder) Text(_ layout.Style, _, y float64, text string, _ bool) {
	if s.artifacts > 0 || len(s.kinds) == 0 {
		return
	}
	for _, k := range s.kinds {
		if k == layout.ElemCell || k == layout.ElemHeaderCell {
			key := [2]int{s.row, s.col}
			if s.cells[key] == nil {
				s.cells[key] = map[float64]string{}
			}
			y = math.Round(y)
			if s.cells[key][y] != "" {
				text = " " + text
			}
			s.cells[key][y] += text
			return
		}
	}
}

func TestTableColumnsAreSizedFromTheirContent(t *testing.T) {
	prose := "The agencies are expected to report on progress within ninety days, with a summary of the arrangements reached with each developer and the tests they agreed to run before deployment."
	url := "https://www.example.gov/reports/" + strings.Repeat("section-", 14) + "final.htm"
	body := "| Item | Address | Notes |\n|---|---|---|\n| Fee | " + url + " | " + prose + " |\n| Tax | n/a | " + prose + " |\n"
	for _, aud := range Audiences() {
		p := NewPacket(aud)
		p.Sections = []SectionRef{{Template: "summary", Title: "Table", Body: &body, Included: true}}
		doc, probs := Resolve(builtinLibrary(t), p, "table.briefing")
		if probs.HasErrors() {
			t.Fatal(probs.Errors())
		}
		rec := &cellRecorder{cells: map[[2]int]map[float64]string{}}
		if _, err := layout.Layout(doc, rec); err != nil {
			t.Fatal(err)
		}
		widest := map[int]int{}
		for key, lines := range rec.cells {
			for _, ln := range lines {
				widest[key[1]] = max(widest[key[1]], utf8.RuneCountInString(ln))
			}
		}
		// Every column with more than 12 characters of text gets at
		// least 12 on a line.
		for col, name := range []string{"Item", "Address", "Notes"} {
			if col > 0 && widest[col] < 12 {
				t.Errorf("%s: column %q is %d characters wide, want at least 12", aud, name, widest[col])
			}
		}
		// The prose wraps only between words.
		for key, lines := range rec.cells {
			if key[1] != 2 || key[0] == 1 { // the Notes column, below the header
				continue
			}
			for _, ln := range lines {
				for _, w := range strings.Fields(ln) {
					if !strings.Contains(prose, w) {
						t.Errorf("%s: prose cell line %q holds a piece of a word, %q", aud, ln, w)
					}
				}
			}
		}
	}
}

func TestBareAddressesAreClickable(t *testing.T) {
	body := "Read the order at https://www.whitehouse.gov/presidential-actions/ today.\n\n| Where |\n|---|\n| https://www.govinfo.gov/ |\n"
	p := NewPacket(Staff)
	p.Sections = []SectionRef{{Template: "summary", Title: "Links", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	uris := strings.Join(pdfURIs(t, writePDF(t, data)), " ")
	for _, want := range []string{"https://www.whitehouse.gov/presidential-actions/", "https://www.govinfo.gov/"} {
		if !strings.Contains(uris, want) {
			t.Errorf("no link to %s; links: %s", want, uris)
		}
	}
}

func TestLongCodeLinesWrapWithAMarkerAndKeepTheirIndentation(t *testing.T) {
	long := "        result := compute(" + strings.Repeat("argument, ", 24) + "last)"
	body := "Code:\n\n```go\nfunc f() {\n" + long + "\n}\n```\n"
	p := NewPacket(Staff)
	p.Sections = []SectionRef{{Template: "summary", Title: "Code", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	text := strings.Join(pdfPages(t, writePDF(t, data), "-layout", "-nodiag"), "\n")
	lines := strings.Split(text, "\n")
	start := -1
	for i, ln := range lines {
		if strings.Contains(ln, "result := compute(") {
			start = i
		}
	}
	if start < 0 || start+1 >= len(lines) {
		t.Fatalf("code line not found in:\n%s", text)
	}
	col := utf8.RuneCountInString(lines[start][:strings.Index(lines[start], "result")])
	next := lines[start+1]
	rest := strings.TrimLeft(next, " ")
	if !strings.HasPrefix(rest, "argument") {
		t.Fatalf("line after %q is %q, not its continuation", lines[start], next)
	}
	if at := len(next) - len(rest); at < col+2 {
		t.Errorf("continuation starts at column %d, want at least %d (the line's indentation and room for the marker):\n%s\n%s", at, col+2, lines[start], next)
	}
	// The marker is drawn (as decoration) beside each continuation.
	doc, probs := Resolve(builtinLibrary(t), p, "code.briefing")
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	rec := &codeMarkRecorder{}
	if _, err := layout.Layout(doc, rec); err != nil {
		t.Fatal(err)
	}
	if rec.marks < 3 {
		t.Errorf("%d strokes drawn beside code lines, want a marker (several strokes) on each continuation", rec.marks)
	}
}

// codeMarkRecorder counts the lines stroked as decoration inside code
// blocks: code shading is filled, so strokes there are markers.
type codeMarkRecorder struct {
	layout.NullSurface
	kinds     []layout.Element
	artifacts int
	marks     int
}

func (s *codeMarkRecorder) BeginElement(k layout.Element, _ layout.Attrs) {
	s.kinds = append(s.kinds, k)
}
func (s *codeMarkRecorder) EndElement()                   { s.kinds = s.kinds[:len(s.kinds)-1] }
func (s *codeMarkRecorder) BeginArtifact(layout.Artifact) { s.artifacts++ }
func (s *codeMarkRecorder) EndArtifact()                  { s.artifacts-- }

func (s *codeMarkRecorder) Line(_, _, _, _, _ float64, _ layout.RGB, _ bool) {
	if s.artifacts > 0 && len(s.kinds) > 0 && s.kinds[len(s.kinds)-1] == layout.ElemCode {
		s.marks++
	}
}

func TestCoverCarriesNoPageNumberOrRunningHeader(t *testing.T) {
	p := loadSampleNamed(t, "client.briefing")
	data, info := renderPacket(t, p)
	pages := pdfPages(t, writePDF(t, data), "-layout", "-nodiag")
	if strings.Contains(pages[0], "Page 1 of") {
		t.Errorf("the cover is numbered:\n%s", pages[0])
	}
	// The running title is the header's second line on body pages; the
	// cover opens with the marking and then its own blocks.
	head := func(pg string) string {
		var ls []string
		for _, l := range strings.Split(pg, "\n") {
			if strings.TrimSpace(l) != "" {
				ls = append(ls, strings.TrimSpace(l))
			}
		}
		return ls[1]
	}
	if h := head(pages[1]); !strings.HasPrefix(h, p.Title[:20]) {
		t.Fatalf("page 2 header %q is not the running title", h)
	}
	if h := head(pages[0]); strings.HasPrefix(h, p.Title[:20]) && !strings.Contains(pages[0], "CLIENT BRIEF\n") && strings.Index(pages[0], p.Title[:20]) < strings.Index(pages[0], "CLIENT BRIEF") {
		t.Errorf("the cover carries the running header %q", h)
	}
	if !strings.Contains(pages[1], fmt.Sprintf("Page 2 of %d", info.Pages)) {
		t.Errorf("page 2 is not numbered 'Page 2 of %d'", info.Pages)
	}
}

func TestLongRunningTitleIsShortenedAtAWord(t *testing.T) {
	for _, lead := range []string{"", "A ", "An ", "The ", "Draft: ", "Revised "} {
		runningTitleCut(t, lead+strings.Repeat("Executive Order on Artificial Intelligence Security for Federal Networks ", 3)+"End")
	}
}

func runningTitleCut(t *testing.T, title string) {
	t.Helper()
	p := loadSampleNamed(t, "staff.briefing")
	p.Title = title
	data, _ := renderPacket(t, p)
	pages := pdfPages(t, writePDF(t, data), "-layout", "-nodiag")
	var header string
	for _, l := range strings.Split(pages[1], "\n") {
		if strings.Contains(l, "…") {
			header = strings.TrimSpace(l)
			break
		}
	}
	if header == "" {
		t.Fatalf("no shortened running title on page 2:\n%s", pages[1])
	}
	kept := strings.TrimSpace(strings.TrimSuffix(header, "…"))
	if !strings.HasPrefix(p.Title, kept) || p.Title[len(kept)] != ' ' {
		t.Errorf("running title %q is not cut at a word boundary of %q", header, p.Title)
	}
}

func TestContentsStayTogetherAndEachLineIsOneLink(t *testing.T) {
	p := loadSampleNamed(t, "client.briefing")
	var titles []string
	for i := range 22 {
		body := "Text of the section."
		title := fmt.Sprintf("Added section number %d", i+1)
		titles = append(titles, title)
		p.Sections = append(p.Sections, SectionRef{Template: "summary", Title: title, Body: &body, Included: true})
	}
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	pages := pdfPages(t, path, "-layout", "-nodiag")
	page := -1
	for i, pg := range pages {
		if strings.Contains(pg, "Contents\n") {
			page = i
			break
		}
	}
	if page < 0 {
		t.Fatal("no contents")
	}
	for _, title := range titles {
		if !regexp.MustCompile(`(?m)^\s*` + title + `\s+\d+\s*$`).MatchString(pages[page]) {
			t.Errorf("contents entry %q is not on the page the contents start on (page %d)", title, page+1)
		}
	}
	// Every contents link spans the line: title, leader and number.
	var widths []float64
	eachPDFDict(t, path, func(v map[string]any) {
		if v["/Subtype"] == "/Link" && v["/URI"] == nil && v["/A"] == nil {
			if rect, ok := v["/Rect"].([]any); ok && len(rect) == 4 {
				x0, _ := rect[0].(float64)
				x1, _ := rect[2].(float64)
				widths = append(widths, math.Abs(x1-x0))
			}
		}
	})
	// Citations ("[2]") are the other internal links: a digit or two
	// wide, far narrower than any title.
	textW := 612 - 2*90.0 // at least this wide: the text column is wider
	short, wide := 0, 0
	for _, w := range widths {
		switch {
		case w >= textW*0.9:
			wide++
		case w > 20:
			short++
		}
	}
	if wide < len(titles) || short > 0 {
		t.Errorf("%d of %d internal links are narrower than the contents line (widths %v)", short, len(widths), widths)
	}
}

func TestFooterNoteFollowsTheMarking(t *testing.T) {
	for _, aud := range Audiences() {
		for _, marking := range []string{"UNCLASSIFIED", "", "CONFIDENTIAL — CLIENT"} {
			p := loadSampleNamed(t, "client.briefing")
			p.Audience = aud
			p.Marking = marking
			data, _ := renderPacket(t, p)
			confidential := strings.Contains(strings.ToLower(marking), "confidential")
			for i, pg := range pdfPages(t, writePDF(t, data)) {
				has := strings.Contains(pg, "Confidential — prepared for")
				if has && !confidential {
					t.Errorf("%s, marking %q: page %d says Confidential in its footer", aud, marking, i+1)
				}
				if aud == Client && i > 0 && !strings.Contains(pg, "prepared for Example Client") && !strings.Contains(pg, "Prepared for Example Client") {
					t.Errorf("%s, marking %q: page %d lacks the client line", aud, marking, i+1)
				}
				if aud == Client && i > 0 && confidential && !has {
					t.Errorf("%s, marking %q: page %d lacks the confidential client line", aud, marking, i+1)
				}
			}
		}
	}
}

// gradientPNG is a w×h PNG that does not compress to nothing.
func gradientPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: uint8((x + y) % 256), A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLogoIsResampledToPrintResolution(t *testing.T) {
	p := loadSampleNamed(t, "client.briefing")
	p.Style.Logo = gradientPNG(t, 3000, 1200)
	data, _ := renderPacket(t, p)
	rows := 0
	for _, l := range strings.Split(tool(t, "pdfimages", "-list", writePDF(t, data)), "\n") {
		f := strings.Fields(l)
		if len(f) < 14 || f[2] != "image" {
			continue
		}
		rows++
		w, _ := strconv.Atoi(f[3])
		// The cover places the logo at most 160 points wide: 667 pixels
		// at 300 per inch.
		if w > 668 {
			t.Errorf("logo embedded %s pixels wide, more than 300 ppi at its largest placement: %s", f[3], l)
		}
	}
	if rows == 0 {
		t.Fatal("no logo in the PDF")
	}
	for _, probs := range []Problems{Validate(builtinLibrary(t), p, "big.briefing")} {
		for _, pr := range probs {
			if strings.Contains(pr.Message, "blurry") {
				t.Errorf("a 3000-pixel logo is warned about: %s", pr.Message)
			}
		}
	}
}

func TestSmallLogoIsWarnedAboutAsBlurry(t *testing.T) {
	p := loadSampleNamed(t, "client.briefing")
	p.Style.Logo = gradientPNG(t, 120, 48)
	found := false
	for _, pr := range Validate(builtinLibrary(t), p, "small.briefing") {
		if strings.Contains(pr.Message, "logo will print blurry") {
			found = true
			if pr.Severity != Warning {
				t.Errorf("blurry logo is %v, want a warning", pr.Severity)
			}
		}
	}
	if !found {
		t.Error("a 120-pixel logo printed 160 points wide is not warned about")
	}
}

// wordBoxes returns pdftotext's word boxes: text, xMin, yMin, xMax.
func wordBoxes(t *testing.T, path string, page int) []struct {
	text           string
	x0, y0, x1, y1 float64
} {
	t.Helper()
	re := regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`)
	var out []struct {
		text           string
		x0, y0, x1, y1 float64
	}
	for _, m := range re.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-"), -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		out = append(out, struct {
			text           string
			x0, y0, x1, y1 float64
		}{m[5], v[0], v[1], v[2], v[3]})
	}
	return out
}

// shadeRecorder keeps the widest shading drawn inside a call-out.
type shadeRecorder struct {
	layout.NullSurface
	kinds  []layout.Element
	x0, x1 float64
}

func (s *shadeRecorder) BeginElement(k layout.Element, _ layout.Attrs) { s.kinds = append(s.kinds, k) }
func (s *shadeRecorder) EndElement()                                   { s.kinds = s.kinds[:len(s.kinds)-1] }
func (s *shadeRecorder) Fill(x, _, w, _ float64, _ layout.RGB) {
	for _, k := range s.kinds {
		if k == layout.ElemCallout && w > s.x1-s.x0 {
			s.x0, s.x1 = x, x+w
		}
	}
}

func TestCalloutsHaveEqualPaddingAndWarningsSayWarning(t *testing.T) {
	text := strings.Repeat("Agencies are to coordinate with developers on securing networks and report within ninety days. ", 8)
	body := "Intro.\n\n> [!WARNING]\n> " + text + "\n"
	p := NewPacket(Staff)
	p.Style.Cover, p.Style.TOC = false, false
	p.Sections = []SectionRef{{Template: "summary", Title: "Box", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	page := pdfPages(t, path, "-layout", "-nodiag")[0]
	if !strings.Contains(page, "WARNING") || strings.Contains(page, "CAUTION") {
		t.Errorf("a [!WARNING] box is not labelled Warning:\n%s", page)
	}
	doc, probs := Resolve(builtinLibrary(t), p, "box.briefing")
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	rec := &shadeRecorder{}
	if _, err := layout.Layout(doc, rec); err != nil {
		t.Fatal(err)
	}
	minX, maxX := math.Inf(1), 0.0
	for _, w := range wordBoxes(t, path, 1) {
		if strings.Contains(text, w.text) && w.x0 > rec.x0 && w.text != "Intro." {
			minX, maxX = min(minX, w.x0), max(maxX, w.x1)
		}
	}
	left, right := minX-rec.x0, rec.x1-maxX
	t.Logf("call-out padding: left %.1f, right %.1f", left, right)
	if right < left-1 {
		t.Errorf("call-out text comes %.1f pt from the right edge but %.1f from the left", right, left)
	}
}

func TestCheckboxLinesHaveAHangingIndent(t *testing.T) {
	body := "☐ **Track the guidance.** " + strings.Repeat("Follow the agency guidance as it is issued and note what it asks of suppliers. ", 3) + "\n"
	p := NewPacket(Client)
	p.Sections = []SectionRef{{Template: "summary", Title: "Actions", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	var boxX, textX float64 = -1, -1
	lines := map[float64]float64{} // line top → leftmost word
	for _, w := range wordBoxes(t, path, 2) {
		if w.text == "☐" {
			boxX = w.x0
		}
		if w.text == "Track" {
			textX = w.x0
		}
		if !strings.Contains(body, w.text) {
			continue // the running header, the sources
		}
		if l, ok := lines[math.Round(w.y0)]; !ok || w.x0 < l {
			lines[math.Round(w.y0)] = w.x0
		}
	}
	if boxX < 0 || textX < 0 {
		t.Fatal("checkbox line not found on page 2")
	}
	wrapped := 0
	for _, x := range lines {
		if x > boxX+1 && math.Abs(x-textX) < 1 {
			wrapped++
		}
		if x < textX-1 && x > boxX+1 {
			t.Errorf("a wrapped line starts at %.1f, between the box (%.1f) and the text (%.1f)", x, boxX, textX)
		}
	}
	if wrapped < 2 {
		t.Errorf("%d wrapped lines start under the text after the box, want at least 2", wrapped)
	}
}

func TestSoftHyphensBreakAndOtherwiseVanish(t *testing.T) {
	word := "counter\u00adintelligence"
	var b strings.Builder
	for i := range 40 {
		// Sentences of different lengths put the word at every place
		// on the line.
		fmt.Fprintf(&b, "The office %sreviewed %s plans. ", strings.Repeat("also ", i%9), word)
	}
	body := b.String() + "\n"
	p := NewPacket(Staff)
	p.Style.Cover, p.Style.TOC = false, false
	p.Sections = []SectionRef{{Template: "summary", Title: "Soft", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	text := strings.Join(pdfPages(t, writePDF(t, data), "-layout", "-nodiag"), "\n")
	whole, broken := 0, 0
	for _, ln := range strings.Split(text, "\n") {
		ln = strings.TrimSpace(ln)
		if strings.Contains(ln, "\u00ad") || strings.Contains(ln, "counter-intelligence") {
			t.Fatalf("a soft hyphen is visible: %q", ln)
		}
		whole += strings.Count(ln, "counterintelligence")
		if strings.HasSuffix(ln, "counter-") {
			broken++
		}
	}
	t.Logf("%d whole, %d broken at the soft hyphen", whole, broken)
	if whole+broken != 40 {
		t.Errorf("found the word %d times, want 40", whole+broken)
	}
	if broken == 0 {
		t.Error("no line broke at a soft hyphen in 40 tries")
	}
}

// lastPageLines counts the lines of text on the last page of a layout.
type lastPageLines struct {
	layout.NullSurface
	page, artifacts int
	ys              map[float64]bool
}

func (s *lastPageLines) AddPage()                      { s.page++; s.ys = map[float64]bool{} }
func (s *lastPageLines) BeginArtifact(layout.Artifact) { s.artifacts++ }
func (s *lastPageLines) EndArtifact()                  { s.artifacts-- }
func (s *lastPageLines) Text(_ layout.Style, _, y float64, _ string, _ bool) {
	if s.artifacts == 0 {
		s.ys[math.Round(y/4)] = true
	}
}

func TestDocumentsDoNotEndOnANearlyEmptyPage(t *testing.T) {
	sentence := "The office will follow the guidance as agencies issue it and report what it asks of suppliers. "
	short := 0
	for n := range 120 {
		p := loadSampleNamed(t, "client.briefing")
		body := strings.Repeat(sentence, 1+n) + "\n"
		p.Sections = append(p.Sections, SectionRef{Template: "summary", Title: "Padding", Body: &body, Included: true})
		doc, probs := Resolve(builtinLibrary(t), p, "pad.briefing")
		if probs.HasErrors() {
			t.Fatal(probs.Errors())
		}
		rec := &lastPageLines{}
		if _, err := layout.Layout(doc, rec); err != nil {
			t.Fatal(err)
		}
		if len(rec.ys) < 4 {
			short++
			if short <= 5 {
				t.Errorf("padding %d: the last page (%d) holds %d lines", n, rec.page, len(rec.ys))
			}
		}
	}
}

// answerRecorder keeps where answer lines start and where the text of
// numbered questions starts.
type answerRecorder struct {
	layout.NullSurface
	kinds    []layout.Element
	artifact []layout.Artifact
	lineX    []float64
	textX    []float64
}

func (s *answerRecorder) BeginElement(k layout.Element, _ layout.Attrs) { s.kinds = append(s.kinds, k) }
func (s *answerRecorder) EndElement()                                   { s.kinds = s.kinds[:len(s.kinds)-1] }
func (s *answerRecorder) BeginArtifact(a layout.Artifact)               { s.artifact = append(s.artifact, a) }
func (s *answerRecorder) EndArtifact()                                  { s.artifact = s.artifact[:len(s.artifact)-1] }
func (s *answerRecorder) Line(x1, _, _, _, _ float64, _ layout.RGB, _ bool) {
	if n := len(s.artifact); n > 0 && s.artifact[n-1] == layout.ArtifactAnswerLines {
		s.lineX = append(s.lineX, x1)
	}
}
func (s *answerRecorder) Text(_ layout.Style, x, _ float64, _ string, _ bool) {
	if n := len(s.kinds); len(s.artifact) == 0 && n >= 2 && s.kinds[n-1] == layout.ElemParagraph && s.kinds[n-2] == layout.ElemListItem {
		s.textX = append(s.textX, x)
	}
}

func TestAnswerLinesHangUnderTheQuestionText(t *testing.T) {
	body := "1. What does the order ask agencies to do?\n\n```lines 3\n```\n\n2. Why might testing matter?\n\n```lines 2\n```\n"
	p := NewPacket(Classroom)
	p.Sections = []SectionRef{{Template: "summary", Title: "Questions", Body: &body, Included: true}}
	doc, probs := Resolve(builtinLibrary(t), p, "q.briefing")
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	rec := &answerRecorder{}
	if _, err := layout.Layout(doc, rec); err != nil {
		t.Fatal(err)
	}
	// The name line's blanks come first; the questions' five lines last.
	if len(rec.lineX) < 5 || len(rec.textX) == 0 {
		t.Fatalf("%d answer lines and %d question lines drawn", len(rec.lineX), len(rec.textX))
	}
	textX := slices.Min(rec.textX)
	for _, x := range rec.lineX[len(rec.lineX)-5:] {
		if x < textX-0.5 {
			t.Errorf("an answer line starts at %.1f, left of the question's text at %.1f", x, textX)
		}
	}
}
