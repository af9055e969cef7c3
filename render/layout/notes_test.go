package layout

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// noteRecorder notes the page of every link, link target and footnote,
// and how low the text runs on each page above and below the notes.
type noteRecorder struct {
	NullSurface
	page      int
	linkPage  map[int]int   // target → page of its first link
	target    map[int]int   // target → page it is set on
	notePages map[int][]int // note target → pages holding its text
	stack     []Element
	artifacts int
	bodyLow   map[int]float64 // page → lowest body baseline
	noteHigh  map[int]float64 // page → highest note baseline
	texts     []string
}

func newNoteRecorder() *noteRecorder {
	return &noteRecorder{linkPage: map[int]int{}, target: map[int]int{}, notePages: map[int][]int{},
		bodyLow: map[int]float64{}, noteHigh: map[int]float64{}}
}

func (s *noteRecorder) AddPage()                     { s.page++ }
func (s *noteRecorder) BeginArtifact(Artifact)       { s.artifacts++ }
func (s *noteRecorder) EndArtifact()                 { s.artifacts-- }
func (s *noteRecorder) Target(target int, _ float64) { s.target[target] = s.page }
func (s *noteRecorder) LinkTo(_, _, _, _ float64, target int) {
	if _, ok := s.linkPage[target]; !ok {
		s.linkPage[target] = s.page
	}
}
func (s *noteRecorder) BeginElement(e Element, a Attrs) {
	s.stack = append(s.stack, e)
	if e == ElemNote {
		s.notePages[a.Target] = append(s.notePages[a.Target], s.page)
	}
}
func (s *noteRecorder) EndElement() { s.stack = s.stack[:len(s.stack)-1] }
func (s *noteRecorder) Text(_ Style, _, y float64, text string, _ bool) {
	if s.artifacts > 0 {
		return
	}
	s.texts = append(s.texts, text)
	for _, e := range s.stack {
		if e == ElemNote {
			if h, ok := s.noteHigh[s.page]; !ok || y < h {
				s.noteHigh[s.page] = y
			}
			return
		}
	}
	s.bodyLow[s.page] = max(s.bodyLow[s.page], y)
}

func testDoc(bodies ...string) *Document {
	doc := &Document{Settings: NewSettings(612, 792, 10.5, RGB{0x1f, 0x4e, 0x79}, nil, Profile{LineSpacing: 1.35})}
	for i, md := range bodies {
		doc.Sections = append(doc.Sections, Section{Index: i, Title: fmt.Sprintf("Section %d", i+1), Blocks: ParseMarkdown(md)})
	}
	return doc
}

// notedBody is paragraphs of random length, some ending in a reference
// to a note of random length, so references fall at every height on a
// page, near its foot too.
func notedBody(rng *rand.Rand, paras int, prefix string) (string, int) {
	var body, notes strings.Builder
	n := 0
	for p := 0; p < paras; p++ {
		body.WriteString(strings.Repeat("Words of a paragraph that runs on. ", 1+rng.Intn(14)))
		if rng.Intn(3) == 0 {
			n++
			fmt.Fprintf(&body, "Claim[^%s%d].", prefix, n)
			fmt.Fprintf(&notes, "[^%s%d]: %s\n", prefix, n, strings.Repeat("The note's own text. ", 1+rng.Intn(20)))
		}
		body.WriteString("\n\n")
	}
	return body.String() + notes.String(), n
}

func TestFootnotesSitOnThePageOfTheirReference(t *testing.T) {
	for seed := int64(1); seed <= 8; seed++ {
		rng := rand.New(rand.NewSource(seed))
		a, na := notedBody(rng, 60, "a")
		b, nb := notedBody(rng, 30, "b")
		rec := newNoteRecorder()
		if _, err := Layout(testDoc(a, b), rec); err != nil {
			t.Fatal(err)
		}
		for n := 1; n <= na+nb; n++ {
			target := noteTargetBase + n
			ref, ok := rec.linkPage[target]
			pages := rec.notePages[target]
			if !ok || len(pages) == 0 {
				t.Fatalf("seed %d: note %d: referred to on page %d (%v), printed on %v", seed, n, ref, ok, pages)
			}
			if pages[0] != ref || rec.target[target] != ref {
				t.Errorf("seed %d: note %d is referred to on page %d but printed on page %d", seed, n, ref, pages[0])
			}
		}
		if len(rec.notePages) != na+nb {
			t.Errorf("seed %d: %d notes printed, want %d (numbered through both sections)", seed, len(rec.notePages), na+nb)
		}
		for page, h := range rec.noteHigh {
			if low := rec.bodyLow[page]; h <= low {
				t.Errorf("seed %d: page %d: a note (baseline %.1f) is not under the text (down to %.1f)", seed, page, h, low)
			}
		}
	}
}

func TestANoteTallerThanThePageContinuesOnTheNext(t *testing.T) {
	body := "Short text[^long].\n\nMore text after it.\n\n[^long]: " + strings.Repeat("A very long note indeed. ", 900) + "\n"
	rec := newNoteRecorder()
	if _, err := Layout(testDoc(body), rec); err != nil {
		t.Fatal(err)
	}
	pages := rec.notePages[noteTargetBase+1]
	if len(pages) < 2 || pages[0] != 1 || pages[1] != 2 {
		t.Fatalf("long note on pages %v, want 1, 2, …", pages)
	}
	words := strings.Count(strings.Join(rec.texts, " "), "note indeed.")
	if words != 900 {
		t.Errorf("%d of 900 sentences of the note printed", words)
	}
}

func TestCitationsPrintNumbersLinkedToTheirSources(t *testing.T) {
	doc := testDoc("As reported [@article], and in the order itself [@eo14110; @article]. Unknown [@nobody].")
	doc.Sections = append(doc.Sections, Section{Index: -1, Title: "Sources", Blocks: []Block{SourceList{Items: []Source{
		{ID: "article", Title: "The article"}, {Title: "Uncitable"}, {ID: "eo14110", Title: "The order"}}}}})
	rec := newNoteRecorder()
	if _, err := Layout(doc, rec); err != nil {
		t.Fatal(err)
	}
	// Runs split where the style changes; spaces are not drawn.
	text := strings.Join(rec.texts, "")
	for _, want := range []string{"[1],", "[3,1].", "[@nobody]."} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q: %s", want, text)
		}
	}
	for _, n := range []int{1, 3} {
		if _, ok := rec.linkPage[sourceTargetBase+n]; !ok {
			t.Errorf("no link to source %d", n)
		}
		if _, ok := rec.target[sourceTargetBase+n]; !ok {
			t.Errorf("source %d is no link target", n)
		}
	}
}
