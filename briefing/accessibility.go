package briefing

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/briefsmith/briefsmith/render/layout"
)

// Accessibility checks run as people write, not only at export: every
// PDF is tagged for screen readers, but tags cannot repair a heading
// that skips a level, a link reading "click here" or a pale accent. Each
// finding is a Warning — the PDF is still made — saying what to change.
//
// The body checks walk the filled Markdown once, line by line, like the
// shape checks in mdlimits.go, because a warning needs the line it is on
// and the parsed blocks do not carry lines. The settings checks use the
// parsed blocks where they need what the document holds (call-outs).

// minContrast is WCAG 2.1 AA's contrast for body-size text (1.4.3):
// headings in the accent colour are set at body size plus a point or two,
// below the "large text" sizes that would need only 3:1.
const minContrast = 4.5

// minLogoPPI is the resolution below which a printed logo looks soft:
// half of print resolution.
const minLogoPPI = 150

// white is the page.
var white = layout.RGB{R: 255, G: 255, B: 255}

// settingsAccessibility checks the packet's own settings: the logo's
// description, the language, and the accent colour against what it is
// printed on. doc is the resolved document, for what its sections hold;
// set is what reading the settings found.
func settingsAccessibility(p *Packet, name string, doc *layout.Document, set readSettings) Problems {
	var probs Problems
	warn := func(s Setting, format string, args ...any) {
		line := 0
		if s == SettingLanguage {
			line = p.LanguageLine
		}
		probs = append(probs, Problem{Severity: Warning, Section: -1, File: name, Line: line, Setting: s, Message: fmt.Sprintf(format, args...)})
	}
	if len(p.Style.Logo) > 0 && strings.TrimSpace(p.Style.LogoDescription) == "" {
		warn(SettingLogoDescription, "the logo has no description, so it is printed as decoration that screen readers skip; describe it in Settings, Logo description (for example %q)",
			firstNonEmpty(strings.TrimSpace(p.Organization+" logo"), "Company logo"))
	}
	if doc != nil && doc.Settings.Logo != nil {
		if ppi := doc.LogoPPI(); ppi > 0 && ppi < minLogoPPI {
			l := doc.Settings.Logo
			warn(SettingNone, "logo will print blurry: its %d×%d pixels come to %.0f per inch at the size it is printed; use an image at least %d pixels wide",
				l.Width, l.Height, ppi, int(math.Ceil(float64(l.Width)*minLogoPPI/ppi)))
		}
	}
	if set.languageErr != nil {
		warn(SettingLanguage, "language: %s; screen readers choose their voice and pronunciation by it, so set Language in Settings to %s", set.languageErr, LanguageExamples)
	}
	if set.accentErr != nil {
		return probs // an error already, from checkPacketFields
	}
	accent := set.accent
	hex := hexColor(accent)
	if r := contrastOnWhite(accent); r < minContrast {
		warn(SettingAccent, "accent colour %s on white has a contrast of %s:1, below the %g:1 that headings in it need to be readable; choose a darker accent such as %s",
			hex, ratioText(r), minContrast, hexColor(darkerAccent(accent, hasCallout(doc))))
	} else if r := contrastRatio(accent, layout.CalloutShade(accent)); r < minContrast && hasCallout(doc) {
		warn(SettingAccent, "accent colour %s on the shaded call-out box has a contrast of %s:1, below the %g:1 that its label needs to be readable; choose a darker accent such as %s",
			hex, ratioText(r), minContrast, hexColor(darkerAccent(accent, true)))
	}
	return probs
}

// hasCallout reports whether any section holds a call-out, whose label is
// printed in the accent colour on the accent's pale shading.
func hasCallout(doc *layout.Document) bool {
	var in func(bs []layout.Block) bool
	in = func(bs []layout.Block) bool {
		for _, b := range bs {
			switch b := b.(type) {
			case layout.Callout:
				return true
			case layout.Quote:
				if in(b.Blocks) {
					return true
				}
			case layout.List:
				for _, it := range b.Items {
					if in(it.Blocks) {
						return true
					}
				}
			}
		}
		return false
	}
	for _, s := range doc.Sections {
		if in(s.Blocks) {
			return true
		}
	}
	return false
}

// parseAccent reads an accent colour as the renderer does.
func parseAccent(hex string) (layout.RGB, error) { return layout.ParseColor(hex) }

// hexColor writes c as "#RRGGBB", the form Settings shows.
func hexColor(c layout.RGB) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ratioText prints a contrast ratio to two places, rounded down when
// rounding would make a colour just short of the minimum read as
// "4.50:1, below 4.5:1".
func ratioText(r float64) string {
	v := math.Round(r*100) / 100
	if r < minContrast && v >= minContrast {
		v = math.Floor(r*100) / 100
	}
	return fmt.Sprintf("%.2f", v)
}

// luminance is WCAG 2.1's relative luminance of an sRGB colour.
func luminance(c layout.RGB) float64 {
	lin := func(v int) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrastRatio is WCAG 2.1's contrast between two colours, from 1 (the
// same) to 21 (black on white).
func contrastRatio(a, b layout.RGB) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// contrastOnWhite is c's contrast on the page.
func contrastOnWhite(c layout.RGB) float64 { return contrastRatio(c, white) }

// darkerAccent is c darkened, hue kept, until it reads at minContrast on
// white and, when shaded, on its own call-out shading: the colour the
// warning suggests.
func darkerAccent(c layout.RGB, shaded bool) layout.RGB {
	for f := 1.0; f > 0; f -= 0.02 {
		d := layout.RGB{R: int(float64(c.R) * f), G: int(float64(c.G) * f), B: int(float64(c.B) * f)}
		if contrastOnWhite(d) >= minContrast && (!shaded || contrastRatio(d, layout.CalloutShade(d)) >= minContrast) {
			return d
		}
	}
	return layout.RGB{}
}

// accessibilityFaults lists what a screen reader cannot make sense of in
// a filled section body: headings that skip a level, tables whose header
// row is empty, links whose text does not say where they go, and images
// without a description. Lines are 1-based, in the filled body.
// levelName is how the toolbar names a heading of marks "#": its
// Heading ▾ entries (no marks: the formatted view shows none).
func levelName(marks int) string {
	names := []string{"", "Heading", "Subheading", "Minor heading"}
	if marks < len(names) {
		return names[marks]
	}
	return fmt.Sprintf("level-%d heading", marks)
}

func accessibilityFaults(md string) []shapeFault {
	var faults []shapeFault
	add := func(line int, format string, args ...any) {
		faults = append(faults, shapeFault{line: line, msg: fmt.Sprintf(format, args...)})
	}
	level := 0  // the "#" count of the heading in force; 0 is the section title
	fence := "" // the open code fence
	para := ""  // the previous line when it was paragraph text, else ""
	inTable := false
	inList := false
	blank := true // the previous line was blank, or this is the first
	heading := func(line, marks int, text string) {
		switch {
		case marks <= level+1:
		case level == 0:
			add(line, "heading %q is a %s directly under the section title, skipping a level; make it a Heading (Heading ▾ › Heading, or Ctrl+1): screen readers move through a document by its heading levels",
				clip(text), levelName(marks))
		default:
			add(line, "heading %q is a %s after a %s, skipping a level; make it a %s: screen readers move through a document by its heading levels",
				clip(text), levelName(marks), levelName(level), levelName(level+1))
		}
		level = marks
	}
	for i, line := range strings.Split(md, "\n") {
		n := i + 1
		depth, item, rest := containerDepth(line)
		r := strings.TrimSpace(rest)
		if fence != "" {
			if strings.HasPrefix(r, fence) {
				fence = ""
			}
			continue
		}
		wasBlank, wasPara := blank, para
		blank, para = r == "", ""
		if r == "" {
			inTable = false
			continue
		}
		if f := fenceOf(r); f != "" {
			fence = f
			continue
		}
		if item {
			inList = true
		} else if depth == 0 && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			inList = false
		}
		if depth == 0 && !inList && wasBlank && (strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")) {
			blank = true // an indented code block: printed as written
			continue
		}
		if marks, text := atxHeading(r); marks > 0 {
			heading(n, marks, text)
			linkFaults(r, n, add)
			continue
		}
		if wasPara != "" && !inTable {
			if marks := setextMarks(r); marks > 0 {
				heading(n-1, marks, wasPara)
				continue
			}
			if cols := delimiterColumns(r); cols > 0 {
				if head := tableCells(wasPara); len(head) == cols {
					inTable = true
					if allBlank(head) {
						add(n-1, "the table's header row is empty, so screen readers cannot name its columns; write a heading in each cell of the first row")
					}
					continue
				}
			}
		}
		linkFaults(r, n, add)
		if !inTable {
			para = r
		}
	}
	return faults
}

// atxHeading reads "## Text ##" as 2 and "Text"; 0 when r is no heading.
func atxHeading(r string) (int, string) {
	marks := len(r) - len(strings.TrimLeft(r, "#"))
	if marks == 0 || marks > 6 || (len(r) > marks && r[marks] != ' ' && r[marks] != '\t') {
		return 0, ""
	}
	text := strings.TrimSpace(r[marks:])
	if t := strings.TrimRight(text, "#"); t == "" || strings.HasSuffix(t, " ") {
		text = strings.TrimSpace(t)
	}
	return marks, text
}

// setextMarks reads a "===" underline as level 1 and "---" as level 2.
func setextMarks(r string) int {
	switch {
	case strings.Trim(r, "=") == "":
		return 1
	case strings.Trim(r, "-") == "":
		return 2
	}
	return 0
}

var delimiterCell = regexp.MustCompile(`^:?-+:?$`)

// delimiterColumns counts the columns of a table's delimiter row
// ("|---|:--:|"), or returns 0 when r is not one.
func delimiterColumns(r string) int {
	if !strings.Contains(r, "|") {
		return 0
	}
	cells := tableCells(r)
	for _, c := range cells {
		if !delimiterCell.MatchString(c) {
			return 0
		}
	}
	return len(cells)
}

// tableCells splits a table row into its trimmed cells, outer pipes
// dropped and escaped pipes kept.
func tableCells(r string) []string {
	r = strings.TrimSpace(r)
	r = strings.TrimPrefix(r, "|")
	if strings.HasSuffix(r, "|") && !strings.HasSuffix(r, `\|`) {
		r = r[:len(r)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(r); i++ {
		switch r[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(r[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(r[start:]))
}

func allBlank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// vagueLinkText is link text that says nothing about where a link goes;
// compared in lower case, without closing punctuation.
var vagueLinkText = map[string]bool{
	"here": true, "click here": true, "click": true, "link": true, "this link": true, "read more": true,
	"more": true, "learn more": true, "more info": true, "this": true, "go": true, "click this link": true,
}

var autolinkPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$`)

// linkFaults checks the links and images on one line of text.
func linkFaults(r string, line int, add func(int, string, ...any)) {
	s := blankCodeSpans(r)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				continue
			}
			if u := s[i+1 : i+end]; autolinkPattern.MatchString(u) {
				checkLink(u, u, line, add)
				i += end
			}
		case '[':
			close, dest, next := linkAt(s, i)
			if next < 0 {
				continue
			}
			text := s[i+1 : close]
			if i > 0 && s[i-1] == '!' && (i < 2 || s[i-2] != '\\') {
				if plainLinkText(text) == "" {
					add(line, "image %q has no description (alt text), so screen readers cannot say what it shows; write it between the brackets: ![what it shows](%s)", dest, dest)
				}
			} else {
				linkFaults(text, line, add) // an image inside a link
				checkLink(plainLinkText(text), dest, line, add)
			}
			i = next - 1
		}
	}
}

// linkAt reads "[text](dest …)" at s[i]: the index of the closing
// bracket, the destination, and the index after the closing parenthesis,
// or next -1 when there is no inline link there.
func linkAt(s string, i int) (close int, dest string, next int) {
	depth := 0
	close = -1
	for j := i; j < len(s) && close < 0; j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				close = j
			}
		}
	}
	if close < 0 || close+1 >= len(s) || s[close+1] != '(' {
		return 0, "", -1
	}
	depth = 0
	for j := close + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				inner := strings.TrimSpace(s[close+2 : j])
				if strings.HasPrefix(inner, "<") {
					if k := strings.IndexByte(inner, '>'); k > 0 {
						return close, inner[1:k], j + 1
					}
				}
				if f := strings.Fields(inner); len(f) > 0 {
					dest = f[0]
				}
				return close, dest, j + 1
			}
		}
	}
	return 0, "", -1
}

// checkLink warns when a link's text is its bare address or a phrase
// such as "click here": screen reader users often list a page's links and
// hear only their text. An e-mail address is its own best text.
func checkLink(text, dest string, line int, add func(int, string, ...any)) {
	lower := strings.ToLower(strings.TrimSpace(text))
	bare := strings.TrimRight(lower, ".…!:;,")
	bare = strings.TrimSpace(strings.TrimSuffix(bare, "..."))
	switch {
	case vagueLinkText[bare]:
		add(line, "link text %q does not say where the link goes; write what the reader finds there, such as [the order in the Federal Register](%s), since screen readers list links by their text", clip(text), dest)
	case strings.HasPrefix(strings.ToLower(dest), "mailto:") || (!strings.Contains(dest, ":") && strings.Contains(dest, "@")):
	case isAddress(lower, strings.ToLower(dest)):
		add(line, "link text %q is the bare address, which screen readers spell out; write what the reader finds there instead, such as [the order in the Federal Register](%s)", clip(text), dest)
	}
}

// isAddress reports whether link text is a web address, or the link's own
// destination without its scheme.
func isAddress(text, dest string) bool {
	if strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://") || strings.HasPrefix(text, "www.") {
		return true
	}
	strip := func(u string) string {
		for _, p := range []string{"https://", "http://", "www."} {
			u = strings.TrimPrefix(u, p)
		}
		return strings.TrimRight(u, "/")
	}
	return text != "" && strip(text) == strip(dest)
}

// plainLinkText is link text without emphasis marks and escapes, as it is
// printed and read aloud.
func plainLinkText(t string) string {
	t = strings.NewReplacer("**", "", "__", "", "*", "", "_", "", "~~", "", `\`, "").Replace(t)
	return strings.Join(strings.Fields(t), " ")
}

// blankCodeSpans replaces inline code (`…`) with spaces, keeping offsets:
// a link written inside code is printed as code, not made a link.
func blankCodeSpans(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' {
			i++
			continue
		}
		if b[i] != '`' {
			continue
		}
		n := 1
		for i+n < len(b) && b[i+n] == '`' {
			n++
		}
		closeAt := strings.Index(s[i+n:], strings.Repeat("`", n))
		if closeAt < 0 {
			i += n - 1
			continue
		}
		end := i + n + closeAt + n
		for j := i; j < end; j++ {
			b[j] = ' '
		}
		i = end - 1
	}
	return string(b)
}

// clip shortens text quoted in a message.
func clip(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}

// AccentAdvice says, where an accent colour is chosen, whether text in it
// can be read on the page: "" when it can (or hex is not a colour, which
// the field says itself), else the contrast it has, what it needs and a
// darker colour of the same hue that has it.
func AccentAdvice(hex string) string {
	c, err := parseAccent(hex)
	if err != nil {
		return ""
	}
	onWhite, onShade := contrastOnWhite(c), contrastRatio(c, layout.CalloutShade(c))
	if onWhite >= minContrast && onShade >= minContrast {
		return ""
	}
	// The failing background is named first: "5.13:1 on white (4.48:1
	// on a call-out's shading), below 4.5:1" read as a pass.
	better := hexColor(darkerAccent(c, true))
	if onWhite < minContrast {
		return fmt.Sprintf("Hard to read: headings in %s have a contrast of %s:1 on white, below the %g:1 text needs; try %s, the same colour darker",
			hexColor(c), ratioText(onWhite), minContrast, better)
	}
	return fmt.Sprintf("Hard to read in call-outs: on a call-out's shading, text in %s has a contrast of %s:1, below the %g:1 text needs (on white it is enough); try %s, a little darker",
		hexColor(c), ratioText(onShade), minContrast, better)
}
