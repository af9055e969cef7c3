package briefing

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// footnotePacket is a staff packet of two sections whose paragraphs,
// of random length, end in references to notes of random length: each
// reference follows a word REFn and each note says NOTEn, so a page's
// text shows which are where.
func footnotePacket(seed int64) (*Packet, int) {
	rng := rand.New(rand.NewSource(seed))
	p := NewPacket(Staff)
	n := 0
	for s := range 2 {
		var body, notes strings.Builder
		for range 40 {
			body.WriteString(strings.Repeat("Words of a paragraph that runs on. ", 1+rng.Intn(12)))
			if rng.Intn(3) == 0 {
				n++
				fmt.Fprintf(&body, "See REF%dZ[^n%d].", n, n)
				fmt.Fprintf(&notes, "[^n%d]: NOTE%d %s\n", n, n, strings.Repeat("The note's text. ", 1+rng.Intn(16)))
			}
			body.WriteString("\n\n")
		}
		text := body.String() + notes.String()
		p.Sections = append(p.Sections, SectionRef{Template: "summary", Title: fmt.Sprintf("Part %d", s+1), Body: &text, Included: true})
	}
	return p, n
}

// pagesOf maps each word matching re in pages to the page (from 1) it
// is on.
func pagesOf(pages []string, re *regexp.Regexp) map[string]int {
	out := map[string]int{}
	for i, pg := range pages {
		for _, w := range re.FindAllString(pg, -1) {
			out[w] = i + 1
		}
	}
	return out
}

var (
	refWord  = regexp.MustCompile(`REF\d+Z`)
	noteWord = regexp.MustCompile(`NOTE\d+`)
	// noteNumber is a note's printed number before its text.
	noteNumber = regexp.MustCompile(`(?m)^\s*(\d+)\s+NOTE(\d+)`)
)

func TestFootnotesPrintOnThePageOfTheirReference(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		p, n := footnotePacket(seed)
		data, _ := renderPacket(t, p)
		pages := pdfPages(t, writePDF(t, data), "-layout")
		refs, notes := pagesOf(pages, refWord), pagesOf(pages, noteWord)
		for k := 1; k <= n; k++ {
			ref, note := refs[fmt.Sprint("REF", k, "Z")], notes[fmt.Sprint("NOTE", k)]
			if ref == 0 || note == 0 || ref != note {
				t.Errorf("seed %d: note %d is referred to on page %d and printed on page %d", seed, k, ref, note)
			}
		}
		// Numbered through the document, in the order referred to.
		numbered := 0
		for _, m := range noteNumber.FindAllStringSubmatch(strings.Join(pages, "\n"), -1) {
			if m[1] != m[2] {
				t.Errorf("seed %d: note NOTE%s is numbered %s", seed, m[2], m[1])
			}
			numbered++
		}
		if numbered != n {
			t.Errorf("seed %d: %d of %d notes found with their number", seed, numbered, n)
		}
	}
}

func TestFootnotesInWordAreWordFootnotes(t *testing.T) {
	p, n := footnotePacket(1)
	data, _, err := RenderPacketDocx(builtinLibrary(t), p, "notes.briefing")
	if err != nil {
		t.Fatal(err)
	}
	parts := checkDocxPackage(t, data)
	doc, notes := string(parts["word/document.xml"]), string(parts["word/footnotes.xml"])
	if got := strings.Count(doc, "<w:footnoteReference "); got != n {
		t.Errorf("%d footnote references in the document, want %d", got, n)
	}
	for k := 1; k <= n; k++ {
		if !strings.Contains(notes, fmt.Sprintf("NOTE%d ", k)) {
			t.Errorf("footnotes.xml lacks note %d", k)
		}
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("soffice is not installed: `make deps` installs libreoffice-writer-nogui (this test runs in CI)")
		}
		t.Fatal("soffice is not installed in CI")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "notes.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pages := pdfPages(t, filepath.Join(dir, "notes.pdf"), "-layout")
	// The word processor lays its footnotes out itself and may start a
	// note that does not fit on the next page: most share their
	// reference's page, none is further away.
	refs, placed := pagesOf(pages, refWord), pagesOf(pages, noteWord)
	same := 0
	for k := 1; k <= n; k++ {
		ref, note := refs[fmt.Sprint("REF", k, "Z")], placed[fmt.Sprint("NOTE", k)]
		switch {
		case ref == 0 || note == 0 || note < ref || note > ref+1:
			t.Errorf("LibreOffice: note %d is referred to on page %d and printed on page %d", k, ref, note)
		case ref == note:
			same++
		}
	}
	if same < n*8/10 {
		t.Errorf("LibreOffice put %d of %d notes on their reference's page", same, n)
	}
}

func TestCitationAndFootnoteMistakesAreReported(t *testing.T) {
	body := "As reported [@article].\nAs nobody said [@nosuch; @article].\n\nA note[^a] and a missing one[^b].\n\n[^a]: Note a.\n[^c]: Never referred to.\n\n`[@incode]` is code.\n"
	p := NewPacket(Staff)
	p.Sections = []SectionRef{{Template: "summary", Title: "Cited", Body: &body, Included: true}}
	probs := Validate(builtinLibrary(t), p, "cite.briefing")
	var errs, warns []string
	for _, pr := range probs {
		if pr.Severity == Error {
			errs = append(errs, pr.Message)
		} else {
			warns = append(warns, pr.Message)
		}
	}
	all := strings.Join(append(errs, warns...), "\n")
	if len(errs) != 1 || !strings.Contains(errs[0], `line 2: citation [@nosuch] names no source`) || !strings.Contains(errs[0], "@article") {
		t.Errorf("errors = %q, want one for [@nosuch] on line 2 listing @article", errs)
	}
	for _, want := range []string{"line 4: footnote [^b] has no text", "line 7: footnote [^c] is never referred to"} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem %q in:\n%s", want, all)
		}
	}
	if strings.Contains(all, "incode") || strings.Contains(all, "[^a]") {
		t.Errorf("a problem about code or a good note:\n%s", all)
	}
}
