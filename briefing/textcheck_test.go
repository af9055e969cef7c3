package briefing

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Helpers that check no text is lost: what a reader sees is what
// pdftotext finds inside the text area of each page (below the header
// rule, above the footer rule), so text that runs through the footer or
// off the page counts as lost even though it is still in the file.

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)
)

// placedWord is a word pdftotext found, with its page and box.
type placedWord struct {
	text                   string
	page                   int
	xMin, yMin, xMax, yMax float64
}

// pdfWords lists every word of the PDF at path in pdftotext's reading
// order, with where it is.
func pdfWords(t *testing.T, path string) (words []placedWord, pageW, pageH float64) {
	t.Helper()
	out := tool(t, "pdftotext", "-enc", "UTF-8", "-nodiag", "-bbox", path, "-")
	page := 0
	for _, ln := range strings.Split(out, "\n") {
		if m := bboxPage.FindStringSubmatch(ln); m != nil {
			page++
			pageW, _ = strconv.ParseFloat(m[1], 64)
			pageH, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		m := bboxWord.FindStringSubmatch(ln)
		if m == nil {
			continue
		}
		w := placedWord{text: html.UnescapeString(m[5]), page: page}
		w.xMin, _ = strconv.ParseFloat(m[1], 64)
		w.yMin, _ = strconv.ParseFloat(m[2], 64)
		w.xMax, _ = strconv.ParseFloat(m[3], 64)
		w.yMax, _ = strconv.ParseFloat(m[4], 64)
		words = append(words, w)
	}
	return words, pageW, pageH
}

// headerRule and footerRise are where the running header ends and the
// footer begins (footerRise above the page's bottom edge); see header and
// footer in render/layout/furniture.go.
const (
	headerRule = 44.0
	footerRise = 40.0
)

// bodyText is the text a reader finds between header and footer on each
// page, words joined without spaces (so a long word cut over two lines
// reads whole), normalised to NFC as the renderer prints. Words outside
// the page entirely are returned as off, for the failure message.
func bodyText(t *testing.T, path string) (body string, off []string) {
	t.Helper()
	words, pw, ph := pdfWords(t, path)
	var b strings.Builder
	for _, w := range words {
		switch {
		case w.xMax > pw+0.5 || w.yMax > ph+0.5 || w.xMin < -0.5 || w.yMin < -0.5:
			off = append(off, w.text)
		case w.yMin >= headerRule-0.5 && w.yMax <= ph-footerRise+0.5:
			b.WriteString(w.text)
		}
	}
	return norm.NFC.String(b.String()), off
}

// missingWords returns the words of want that body lacks, searching in
// order: each word must come after the one before it.
func missingWords(body string, want []string) []string {
	var missing []string
	pos := 0
	for _, w := range want {
		w = norm.NFC.String(w)
		i := strings.Index(body[pos:], w)
		if i < 0 {
			missing = append(missing, w)
			continue
		}
		pos += i + len(w)
	}
	return missing
}

// requireAllWords fails t unless every word of want is in the PDF's text
// area, in order.
func requireAllWords(t *testing.T, pdf []byte, want []string) {
	t.Helper()
	path := writePDF(t, pdf)
	body, off := bodyText(t, path)
	if missing := missingWords(body, want); len(missing) > 0 {
		t.Errorf("%d of %d words are not in the text area in order (first %q); %d words are off the page", len(missing), len(want), missing[0], len(off))
	}
}

// ASCII control characters (other than line ends and tabs) print as
// nothing or as "?": they are reported with their line like any other
// character no font can print (FuzzRender found DEL reaching layout).
func TestControlCharactersAreReported(t *testing.T) {
	faults := textFaults("first line\nsecond\x01 and \x7f here\tand a tab\r\n")
	if len(faults) != 2 || faults[0].line != 2 || faults[1].line != 2 ||
		!strings.Contains(faults[0].String(), "U+0001") || !strings.Contains(faults[1].String(), "U+007F") {
		t.Fatalf("faults = %v", faults)
	}
	if f := textFaults("plain\ttext\r\nwith line ends\n"); len(f) != 0 {
		t.Fatalf("plain text reported: %v", f)
	}
}

// Characters written as Markdown character references are checked as the
// Markdown parser decodes them: an emoji, a CJK letter, a noncharacter,
// an escape, a direction override and Hebrew letters printed as "?" (or
// not at all) when written &#x…; although the same characters typed were
// reported. References in code print as written and are not decoded;
// references that do print (&eacute;, &#169;) still do.
func TestCharacterReferencesAreCheckedAsDecoded(t *testing.T) {
	lib := builtinLibrary(t)
	bad := "Smile &#x1F600; and &#x4E2D;.\nNon &#xFFFE; &#xD800; &#27; esc.\nRTL &#x202E;abc &#x5D0;."
	p := NewPacket(Staff)
	p.Title = "References"
	p.Sections = []SectionRef{{Template: "blank", Included: true, Body: &bad}}
	_, probs := Resolve(lib, p, "refs.briefing")
	want := map[string]int{"&#x1F600;": 1, "&#x4E2D;": 1, "&#xFFFE;": 2, "&#xD800;": 2, "&#27;": 2, "&#x202E;": 3, "&#x5D0;": 3}
	for ref, line := range want {
		found := false
		for _, pr := range probs {
			if pr.Severity == Error && pr.Section == 0 && strings.Contains(pr.Message, ref) && strings.Contains(pr.Message, "line "+strconv.Itoa(line)+":") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s on line %d not reported: %v", ref, line, probs)
		}
	}

	good := "Caf&eacute; &#169; 2026 &amp; more; code `&#x1F600;` stays.\n\n```\n&#x1F600;\n```"
	p.Sections[0].Body = &good
	if _, probs := Resolve(lib, p, "refs.briefing"); probs.HasErrors() {
		t.Fatalf("printable references refused: %v", probs)
	}
	data, _ := renderPacket(t, p)
	text := tool(t, "pdftotext", "-enc", "UTF-8", writePDF(t, data), "-")
	for _, w := range []string{"Café", "© 2026", "&#x1F600;"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q:\n%s", w, text)
		}
	}
}
