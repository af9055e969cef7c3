package briefing

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/pdf"

	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The invariant: every word a user writes reaches the PDF, in order, or
// the export reports it. Documents are generated from a stream of
// choices — every block type, long rows, huge cells, long words, every
// script the fonts cover and some they cannot set — so the Go test runs a
// fixed set of seeds through real pdftotext and the fuzz target explores
// further through the layout's own drawing calls.

// alphabet is letters words are made of; settable says whether the
// renderer prints the script (false: it must be reported).
type alphabet struct {
	name     string
	letters  []string
	settable bool
}

// foreignAlphabets are scripts the renderer cannot set, and leftover
// marks; words made of them must be reported.
var foreignAlphabets = []alphabet{
	{"Hebrew", strings.Split("אבגדהוזחטיכלמנסעפצקרשת", ""), false},
	{"Arabic", strings.Split("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", ""), false},
	{"N'Ko", strings.Split("ߊߋߌߍߎߏߐߒߓߔߕߖߗߘ", ""), false},
	{"CJK", strings.Split("中文字漢", ""), false},
	{"emoji", []string{"😀", "🎉", "🚀"}, false},
	{"leftover mark", []string{"q\u0301", "x\u0308", "k\u0323"}, false},
	{"bidi control", []string{"a", "b", "\u200F", "\u202E"}, false},
}

// settableAlphabets are every script the fonts cover, each with all of
// its letters the renderer prints (bar compatibility forms such as
// ligatures, which text extraction expands), and decomposed accents,
// which are composed before layout.
var settableAlphabets = sync.OnceValue(func() []alphabet {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		if name != "Common" && name != "Inherited" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var out []alphabet
	for _, name := range names {
		var letters []string
		for r := rune(0x41); r <= 0xFFFF; r++ {
			s := string(r)
			if !unicode.IsLetter(r) || !unicode.Is(unicode.Scripts[name], r) || norm.NFKC.String(s) != s {
				continue
			}
			if _, bad := faultOf(r); !bad {
				letters = append(letters, s)
			}
		}
		if len(letters) >= 3 {
			out = append(out, alphabet{name, letters, true})
		}
	}
	return append(out, alphabet{"decomposed Latin", []string{"e\u0302\u0301", "e\u0323\u0302", "o\u0301", "a\u0300", "u\u0308", "n\u0303", "c", "t", "v"}, true})
})

// settableRunes is every character of the settable alphabets, composed.
var settableRunes = sync.OnceValue(func() map[rune]bool {
	out := map[rune]bool{}
	for _, a := range settableAlphabets() {
		for _, l := range a.letters {
			for _, r := range norm.NFC.String(l) {
				out[r] = true
			}
		}
	}
	return out
})

// chooser is a stream of choices: the fuzzer's bytes first, then a
// generator seeded from them, so every input makes a whole document.
type chooser struct {
	data []byte
	rng  *rand.Rand
}

func newChooser(data []byte) *chooser {
	var seed uint64 = 0x9e3779b97f4a7c15
	for _, b := range data {
		seed = seed*1099511628211 ^ uint64(b)
	}
	return &chooser{data: data, rng: rand.New(rand.NewPCG(seed, uint64(len(data))))}
}

// pick returns a number in [0, n).
func (c *chooser) pick(n int) int {
	if n <= 1 {
		return 0
	}
	if len(c.data) > 0 {
		b := int(c.data[0])
		c.data = c.data[1:]
		return b % n
	}
	return c.rng.IntN(n)
}

// chain is words that must appear in this order; a group's chains may
// interleave (the cells of a table row split across pages are drawn
// piece by piece), but each is in order and the group comes after the
// one before.
type chain []string
type group []chain

// genDoc is a generated packet and the words it should print.
type genDoc struct {
	c         *chooser
	foreign   bool // whether scripts the renderer cannot set may appear
	p         *Packet
	bodies    []string
	groups    []group  // sections' titles and bodies, in order
	settings  []string // words of the packet settings, anywhere
	watermark string
	// notes are the footnotes of the section being generated, written
	// after its blocks; noteWords their words, which print at the foot
	// of a page, so anywhere in the text area; notesN numbers them.
	notes     strings.Builder
	noteWords []string
	notesN    int
}

func (g *genDoc) word() string {
	alphas := settableAlphabets()
	a := alphas[0]
	switch {
	case g.foreign && g.c.pick(8) == 0:
		a = foreignAlphabets[g.c.pick(len(foreignAlphabets))]
	case g.c.pick(2) == 0: // half the words Latin, the rest any script
		for _, l := range alphas {
			if l.name == "Latin" {
				a = l
			}
		}
	default:
		a = alphas[g.c.pick(len(alphas))]
	}
	var b strings.Builder
	for i := 3 + g.c.pick(7); i > 0; i-- {
		b.WriteString(a.letters[g.c.pick(len(a.letters))])
	}
	return b.String()
}

// words returns n words, adding them to ch.
func (g *genDoc) words(n int, ch *chain) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = g.word()
		*ch = append(*ch, out[i])
	}
	return out
}

// inline joins words as Markdown with some emphasis, code and links.
func (g *genDoc) inline(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		switch g.c.pick(12) {
		case 0:
			out[i] = "**" + w + "**"
		case 1:
			out[i] = "*" + w + "*"
		case 2:
			out[i] = "`" + w + "`"
		case 3:
			out[i] = "[" + w + "](https://example.org/" + strconv.Itoa(i) + ")"
		default:
			out[i] = w
		}
	}
	return strings.Join(out, " ")
}

// size is a count of words: mostly short, sometimes more than a page.
func (g *genDoc) size() int {
	switch g.c.pick(24) {
	case 0:
		return 200 + g.c.pick(700)
	case 1, 2, 3:
		return 40 + g.c.pick(80)
	}
	return 1 + g.c.pick(15)
}

// block appends one random Markdown block to b and its words to the groups.
func (g *genDoc) block(b *strings.Builder, depth int) {
	var ch chain
	defer func() {
		if len(ch) > 0 {
			g.groups = append(g.groups, group{ch})
		}
	}()
	switch g.c.pick(14) {
	case 0:
		fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", 1+g.c.pick(6)), g.inline(g.words(1+g.c.pick(8), &ch)))
	case 1:
		g.list(b, "", depth, &ch)
		b.WriteString("\n")
	case 2:
		g.table(b)
	case 3:
		fmt.Fprintf(b, "%s %s\n\n", strings.Repeat(">", 1+g.c.pick(3)), g.inline(g.words(g.size(), &ch)))
	case 4:
		labels := []string{"NOTE", "TAKEAWAY", "KEY", "TIP", "WARNING", "QUESTION"}
		fmt.Fprintf(b, "> [!%s]\n> %s\n>\n> %s\n\n", labels[g.c.pick(len(labels))], g.inline(g.words(g.size(), &ch)), g.inline(g.words(1+g.c.pick(5), &ch)))
	case 5:
		b.WriteString("```\n")
		for i := 1 + g.c.pick(12); i > 0; i-- {
			fmt.Fprintf(b, "%s%s\n", strings.Repeat([]string{"    ", "\t", "  "}[g.c.pick(3)], g.c.pick(4)), strings.Join(g.words(1+g.c.pick(12), &ch), " "))
		}
		b.WriteString("```\n\n")
	case 6:
		fmt.Fprintf(b, "%s\n\n```lines %d\n```\n\n", g.inline(g.words(1+g.c.pick(10), &ch)), 1+g.c.pick(8))
	case 7:
		for i := 1 + g.c.pick(3); i > 0; i-- {
			fmt.Fprintf(b, "%s\n: %s\n\n", g.words(1, &ch)[0], g.inline(g.words(g.size(), &ch)))
		}
	case 8:
		b.WriteString("<!-- pagebreak -->\n\n")
	case 9:
		// A long word: a web address or a chemical name, wider than a line.
		a := g.word()
		w := strings.Repeat(a, 1+(60+g.c.pick(400))/len([]rune(a)))
		ch = append(ch, w)
		fmt.Fprintf(b, "%s %s\n\n", w, g.words(1, &ch)[0])
	case 10:
		b.WriteString("***\n\n")
	case 11:
		// A footnote, its reference and a citation of the summary's
		// source inside a paragraph.
		g.notesN++
		var note chain
		fmt.Fprintf(b, "%s[^g%d] [@article] %s\n\n", g.inline(g.words(g.size(), &ch)), g.notesN, g.inline(g.words(1+g.c.pick(5), &ch)))
		fmt.Fprintf(&g.notes, "[^g%d]: %s\n", g.notesN, g.inline(g.words(g.size(), &note)))
		g.noteWords = append(g.noteWords, note...)
	default:
		fmt.Fprintf(b, "%s\n\n", g.inline(g.words(g.size(), &ch)))
	}
}

// list writes a bullet or numbered list, sometimes nested.
func (g *genDoc) list(b *strings.Builder, indent string, depth int, ch *chain) {
	ordered := g.c.pick(2) == 0
	for i := 1; i <= 1+g.c.pick(4); i++ {
		marker := "- "
		if ordered {
			marker = strconv.Itoa(i) + ". "
		}
		fmt.Fprintf(b, "%s%s%s\n", indent, marker, g.inline(g.words(g.size(), ch)))
		if depth < 4 && g.c.pick(4) == 0 {
			g.list(b, indent+strings.Repeat(" ", len(marker)), depth+1, ch)
		}
	}
}

// table writes a table whose cells are chains of one group.
func (g *genDoc) table(b *strings.Builder) {
	cols := 1 + g.c.pick(5)
	var gr group
	row := func() {
		b.WriteString("|")
		for j := 0; j < cols; j++ {
			var ch chain
			n := g.c.pick(6)
			if g.c.pick(20) == 0 {
				n = 200 + g.c.pick(700) // a cell longer than a page
			}
			fmt.Fprintf(b, " %s |", g.inline(g.words(n, &ch)))
			gr = append(gr, ch)
		}
		b.WriteString("\n")
	}
	row()
	b.WriteString("|" + strings.Repeat("---|", cols) + "\n")
	for i := 1 + g.c.pick(6); i > 0; i-- {
		row()
	}
	b.WriteString("\n")
	g.groups = append(g.groups, gr)
}

// generate makes a packet of one to three sections from c.
func generate(c *chooser, foreign bool) *genDoc {
	g := &genDoc{c: c, foreign: foreign, p: NewPacket(Audiences()[c.pick(3)])}
	p := g.p
	p.Style.Cover = c.pick(2) == 0
	p.Style.TOC = c.pick(2) == 0
	p.Style.PageSize = PageSizes()[c.pick(2)]
	var ignore chain
	setting := func() string {
		ws := g.words(1+c.pick(6), &ignore)
		g.settings = append(g.settings, ws...)
		return strings.Join(ws, " ")
	}
	p.Title, p.Subtitle, p.Author, p.Organization, p.PreparedFor = setting(), setting(), setting(), setting(), setting()
	if c.pick(3) == 0 {
		p.Marking = strings.ToUpper(g.word())
		g.settings = append(g.settings, p.Marking)
	}
	if c.pick(3) == 0 {
		g.watermark = g.words(1, &ignore)[0]
		p.Watermark = g.watermark
	}
	for s := 1 + c.pick(3); s > 0; s-- {
		var title chain
		t := strings.Join(g.words(1+c.pick(6), &title), " ")
		g.groups = append(g.groups, group{title})
		var b strings.Builder
		for n := 1 + c.pick(12); n > 0; n-- {
			g.block(&b, 0)
		}
		b.WriteString("\n" + g.notes.String())
		g.notes.Reset()
		g.bodies = append(g.bodies, b.String())
		p.Sections = append(p.Sections, SectionRef{Template: "summary", Title: t, Included: true})
	}
	for i := range p.Sections {
		p.Sections[i].Body = &g.bodies[i]
	}
	return g
}

var reportedRune = regexp.MustCompile(`U\+([0-9A-F]{4,6})`)

// drop replaces every occurrence of the reported words with a plain word
// and removes them from what must be printed; it returns the words
// dropped. A word is reported when it holds a character a problem names,
// or a letter of the same right-to-left script as one (those are
// reported once per script).
func (g *genDoc) drop(probs Problems) ([]string, error) {
	bad := map[rune]bool{}
	scripts := map[string]bool{}
	for _, pr := range probs.Errors() {
		ms := reportedRune.FindAllStringSubmatch(pr.Message, -1)
		if len(ms) == 0 {
			return nil, fmt.Errorf("an error names no character: %s", pr)
		}
		for _, m := range ms {
			v, _ := strconv.ParseUint(m[1], 16, 32)
			bad[rune(v)] = true
			if k, _ := faultOf(rune(v)); k == rightToLeft {
				scripts[scriptOf(rune(v))] = true // reported once per script
			}
		}
	}
	reported := func(w string) bool {
		for _, r := range norm.NFC.String(w) {
			if bad[r] || unicode.IsLetter(r) && scripts[scriptOf(r)] {
				return true
			}
		}
		return false
	}
	var dropped []string
	seen := map[string]bool{}
	filter := func(ws []string) []string {
		var keep []string
		for _, w := range ws {
			if reported(w) {
				if !seen[w] {
					seen[w] = true
					dropped = append(dropped, w)
				}
				continue
			}
			keep = append(keep, w)
		}
		return keep
	}
	for i, gr := range g.groups {
		for j, ch := range gr {
			g.groups[i][j] = filter(ch)
		}
	}
	g.settings = filter(g.settings)
	g.noteWords = filter(g.noteWords)
	if g.watermark != "" && reported(g.watermark) {
		dropped = append(dropped, g.watermark)
		g.watermark = ""
	}
	// Longest first, so no word is cut by a shorter one inside it (a
	// reported word never lies inside a kept one: it holds a reported
	// character).
	sort.Slice(dropped, func(i, j int) bool { return len(dropped[i]) > len(dropped[j]) })
	replace := func(s string) string {
		for _, w := range dropped {
			s = strings.ReplaceAll(s, w, "zz")
		}
		return s
	}
	p := g.p
	p.Title, p.Subtitle, p.Author, p.Organization = replace(p.Title), replace(p.Subtitle), replace(p.Author), replace(p.Organization)
	p.PreparedFor, p.Marking, p.Watermark = replace(p.PreparedFor), replace(p.Marking), replace(p.Watermark)
	for i := range p.Sections {
		p.Sections[i].Title = replace(p.Sections[i].Title)
		g.bodies[i] = replace(g.bodies[i])
		p.Sections[i].Body = &g.bodies[i]
	}
	return dropped, nil
}

// resolveReporting resolves g, dropping the words each round of problems
// reports, until it resolves without errors. It fails when a word the
// renderer can print was reported, or a reported word was not dropped.
func resolveReporting(t *testing.T, g *genDoc) *layout.Document {
	t.Helper()
	lib := builtinLibrary(t)
	for round := 0; ; round++ {
		doc, probs := Resolve(lib, g.p, "gen.briefing")
		if !probs.HasErrors() {
			return doc
		}
		if round == 5 {
			t.Fatalf("still reported after dropping every reported word:\n%s", probs.Errors())
		}
		dropped, err := g.drop(probs)
		if err != nil {
			t.Fatal(err)
		}
		if len(dropped) == 0 {
			t.Fatalf("errors that concern none of the generated words:\n%s", probs.Errors())
		}
		for _, w := range dropped {
			if settableWord(w) {
				t.Fatalf("%q was reported, but the renderer can print it:\n%s", w, probs.Errors())
			}
		}
	}
}

// settableWord reports whether w is made only of letters of scripts the
// renderer prints.
func settableWord(w string) bool {
	for _, r := range norm.NFC.String(w) {
		if !settableRunes()[r] {
			return false
		}
	}
	return true
}

// missingFromGroups returns the words of groups that text lacks, in
// order (see chain and group). A word cut over two lines may have other
// text between its pieces (a table row continued on the next page draws
// the repeated header in between). pdftotext's reading order within a
// table depends on how it guesses columns — it may put a line of the next
// cell between the halves of a word — so with looseTables a word of a
// table need only come after what precedes the table.
func missingFromGroups(text string, groups []group, looseTables bool) []string {
	var missing []string
	pos := 0
	for _, gr := range groups {
		end := pos
		for _, ch := range gr {
			p := pos
			for _, w := range ch {
				w = norm.NFC.String(w)
				loose := looseTables && len(gr) > 1
				i := strings.Index(text[p:], w)
				at := p + i + len(w)
				if i < 0 {
					at, i = inPieces(text[p:], w)
					at += p
				}
				if i < 0 {
					missing = append(missing, w)
					continue
				}
				end = max(end, at)
				if !loose {
					p = at
				}
			}
		}
		pos = end
	}
	return missing
}

// inPieces finds w in text as consecutive pieces, each as long as it can
// be, and returns where the last piece ends; found is -1 when w is not
// there.
func inPieces(text, w string) (end, found int) {
	rest := []rune(w)
	for len(rest) > 0 {
		n := len(rest)
		for ; n > 0; n-- {
			if i := strings.Index(text[end:], string(rest[:n])); i >= 0 {
				end += i + len(string(rest[:n]))
				break
			}
		}
		if n == 0 {
			return 0, -1
		}
		rest = rest[n:]
	}
	return end, 0
}

// missingSettings returns the words of the settings and footnotes that
// text lacks: they may be anywhere in it.
func (g *genDoc) missingSettings(text string) []string {
	var missing []string
	for _, w := range append(g.settings[:len(g.settings):len(g.settings)], g.noteWords...) {
		if !strings.Contains(text, norm.NFC.String(w)) {
			missing = append(missing, w)
		}
	}
	return missing
}

// invariantSeeds is how many generated documents `go test` checks with
// pdftotext: enough for every block type and script to appear many times
// in a few seconds; the fuzz target explores further.
const invariantSeeds = 10

func TestEveryWordIsPrintedOrReported(t *testing.T) {
	for seed := range invariantSeeds {
		t.Run(strconv.Itoa(seed), func(t *testing.T) {
			t.Parallel()
			data := []byte(fmt.Sprintf("seed %d", seed))
			g := generate(newChooser(data), seed%3 != 0)
			doc := resolveReporting(t, g)
			var buf strings.Builder
			if _, err := pdf.Render(doc, &buf); err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, []byte(buf.String()))
			tool(t, "qpdf", "--check", path)
			// Every block type, long rows, every script: still a valid
			// tagged PDF with nothing painted outside marked content.
			checkTagged(t, path)
			body, off := bodyText(t, path)
			if len(off) > 0 {
				t.Errorf("%d words off the page, first %q", len(off), off[0])
			}
			if missing := missingFromGroups(body, g.groups, true); len(missing) > 0 {
				t.Errorf("%d words missing from the text area or out of order, first %q", len(missing), missing[0])
			}
			all := norm.NFC.String(strings.Join(strings.Fields(tool(t, "pdftotext", "-enc", "UTF-8", path, "-")), ""))
			if missing := g.missingSettings(all); len(missing) > 0 {
				t.Errorf("settings words missing: %q", missing)
			}
			// The watermark is drawn as outlines, not text (see
			// TestSamplePDFPassesRealTools): it must not be read as words.
		})
	}
}

// textRecorder is a surface that keeps the text layout draws: all of it,
// and apart what lies in the text area, without spaces (see bodyText).
type textRecorder struct {
	layout.NullSurface
	pageW, pageH float64
	all, body    strings.Builder
	off          []string
}

func (s *textRecorder) Text(_ layout.Style, x, y float64, text string, _ bool) {
	t := strings.Join(strings.Fields(text), "")
	s.all.WriteString(t)
	switch {
	case x < 0 || x > s.pageW || y < 0 || y > s.pageH:
		s.off = append(s.off, text)
	case y > headerRule && y < s.pageH-footerRise:
		s.body.WriteString(t)
	}
}

// FuzzEveryWordIsPrintedOrReported checks the invariant on documents the
// fuzzer's bytes choose, through the layout's own drawing calls (a real
// PDF and pdftotext would cost a hundred times more per input).
func FuzzEveryWordIsPrintedOrReported(f *testing.F) {
	for seed := range 8 {
		f.Add([]byte(fmt.Sprintf("seed %d", seed)))
	}
	f.Add([]byte{2, 0, 0, 0, 0, 2, 2, 2, 2, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := generate(newChooser(data), true)
		doc := resolveReporting(t, g)
		size := fpdfSize(g.p.Style.PageSize)
		rec := &textRecorder{pageW: size.Wd, pageH: size.Ht}
		if _, err := layout.Layout(doc, rec); err != nil {
			t.Fatal(err)
		}
		if len(rec.off) > 0 {
			t.Fatalf("%d pieces of text off the page, first %q", len(rec.off), rec.off[0])
		}
		body := norm.NFC.String(rec.body.String())
		if missing := missingFromGroups(body, g.groups, false); len(missing) > 0 {
			t.Fatalf("%d words missing from the text area or out of order, first %q", len(missing), missing[0])
		}
		if missing := g.missingSettings(norm.NFC.String(rec.all.String())); len(missing) > 0 {
			t.Fatalf("settings words missing: %q", missing)
		}
	})
}
