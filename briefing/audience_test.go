package briefing

import (
	"github.com/briefsmith/briefsmith/render/layout"

	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
)

func loadSampleNamed(t *testing.T, name string) *Packet {
	t.Helper()
	data, err := fs.ReadFile(assets.Samples, name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := DecodePacket(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEachAudienceSampleLooksLikeItsDocument(t *testing.T) {
	for _, size := range []string{"letter", "a4"} {
		t.Run(size, func(t *testing.T) {
			staff := loadSampleNamed(t, "staff.briefing")
			staff.Style.PageSize = PageSize(size)
			data, info := renderPacket(t, staff)
			tool(t, "qpdf", "--check", writePDF(t, data))
			if info.Pages < 2 || info.Pages > 4 {
				t.Errorf("staff memo has %d pages, want 2–4", info.Pages)
			}

			class := loadSampleNamed(t, "classroom.briefing")
			class.Style.PageSize = PageSize(size)
			data, _ = renderPacket(t, class)
			path := writePDF(t, data)
			tool(t, "qpdf", "--check", path)
			pages := pdfPages(t, path)
			if !strings.Contains(pages[0], "NAME") || !strings.Contains(pages[0], "CLASS") {
				t.Error("handout has no name line for students")
			}
			all := strings.Join(pages, "\n")
			for _, want := range []string{"Glossary", "Discussion Questions", "Activity: Compare and Contrast", "KEY TAKEAWAY"} {
				if !strings.Contains(all, want) {
					t.Errorf("handout lacks %q", want)
				}
			}
			if strings.Contains(all, "UNCLASSIFIED") || strings.Contains(all, "Answer Key") {
				t.Error("handout shows a marking or the (excluded) answer key")
			}

			client := loadSampleNamed(t, "client.briefing")
			client.Style.PageSize = PageSize(size)
			data, info = renderPacket(t, client)
			path = writePDF(t, data)
			tool(t, "qpdf", "--check", path)
			for i, pg := range pdfPages(t, path) {
				// The cover carries the marking but no footer note.
				if i > 0 && !strings.Contains(pg, "Confidential — prepared for Example Client") || !strings.Contains(pg, "CONFIDENTIAL — CLIENT") {
					t.Errorf("client page %d lacks the confidential footer or marking", i+1)
				}
			}
			// The logo is stored once and drawn on the cover and in every
			// header after it (the cover has no running header).
			images := 0
			for _, l := range strings.Split(tool(t, "pdfimages", "-list", path), "\n") {
				if f := strings.Fields(l); len(f) > 2 && f[2] == "image" {
					images++
				}
			}
			if images != info.Pages {
				t.Errorf("logo drawn %d times on %d pages, want cover + every header", images, info.Pages)
			}
		})
	}
}

func TestBlockExtensions(t *testing.T) {
	p := loadSample(t)
	p.Watermark = ""
	body := "Before the lines.\n\n```lines 4\n```\n\nAfter the lines.\n\n" +
		"> [!TAKEAWAY]\n> Boxed text.\n\n" +
		"Rescind\n: To cancel an earlier decision.\n\n" +
		"Last words on the first page.\n\n<!-- pagebreak -->\n\nFirst words on the next page.\n"
	p.Sections = []SectionRef{{Template: "scope", Body: &body, Included: true}}
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	pages := pdfPages(t, path)
	if len(pages) != 2 || !strings.Contains(pages[0], "Last words on the first page") || !strings.Contains(pages[1], "First words on the next page") {
		t.Fatalf("page break not honoured: %d pages", len(pages))
	}
	if !strings.Contains(pages[0], "KEY TAKEAWAY") || strings.Contains(pages[0], "[!TAKEAWAY]") || !strings.Contains(pages[0], "Boxed text.") {
		t.Errorf("call-out not drawn as a box:\n%s", pages[0])
	}
	box := tool(t, "pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-")
	word := func(w string) (x, y float64) {
		m := regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>` + regexp.QuoteMeta(w) + `<`).FindStringSubmatch(box)
		if m == nil {
			t.Fatalf("word %q not found", w)
		}
		x, _ = strconv.ParseFloat(m[1], 64)
		y, _ = strconv.ParseFloat(m[2], 64)
		return x, y
	}
	_, before := word("Before")
	_, after := word("After")
	if gap := after - before; gap < 4*20 {
		t.Errorf("only %.0fpt between the text around four answer lines", gap)
	}
	termX, _ := word("Rescind")
	defX, _ := word("cancel")
	if defX < termX+10 {
		t.Errorf("definition (x=%.0f) not indented under its term (x=%.0f)", defX, termX)
	}
}

func TestOneUnsuitedSectionIsLeftOut(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "staff.briefing")
	for _, a := range Audiences() {
		p.Audience = a
		doc, probs := Resolve(lib, p, "x")
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		secs := packetSections(doc)
		for _, s := range secs {
			tm, _ := lib.Get(s.ID)
			if !tm.Suits(a) {
				t.Errorf("%s document includes %s, written for %v", a, s.ID, tm.Audiences)
			}
		}
		if len(secs) < 4 {
			t.Errorf("%s document has only %d sections", a, len(secs))
		}
	}
}

// A section left out of this audience's document is never left out
// without a word: one written in the user's own words is named in a
// warning of its own saying how to print it; the template's text for
// other audiences is listed in one line. Before, a client brief silently
// dropped a staff section holding the user's text.
func TestASectionLeftOutForTheAudienceIsReported(t *testing.T) {
	lib := builtinLibrary(t)
	p := loadSampleNamed(t, "client.briefing")
	p.Audience = Client
	mine := "My own analysis for the client."
	for i, s := range p.Sections {
		if s.Template == "talking-points" {
			p.Sections[i].Body = &mine
		}
	}
	_, probs := Resolve(lib, p, "client.briefing")
	var own, others []Problem
	for _, pr := range probs {
		switch {
		case strings.Contains(pr.Message, "Talking Points") && strings.Contains(pr.Message, "not printed in a client brief"):
			own = append(own, pr)
		case strings.Contains(pr.Message, "not printed in this client brief"):
			others = append(others, pr)
		}
	}
	if len(own) != 1 || own[0].Severity != Warning || own[0].Section < 0 || !strings.Contains(own[0].Message, "New section") ||
		!strings.Contains(own[0].Message, "staff memos") {
		t.Errorf("the section with the user's text: %v", own)
	}
	if len(others) != 1 || !strings.Contains(others[0].Message, `"Glossary"`) || strings.Contains(others[0].Message, "Talking Points") {
		t.Errorf("the template sections for other audiences: %v", others)
	}
	// Switched off, nothing is said.
	for i, s := range p.Sections {
		if tm, ok := lib.Get(s.Template); ok && !tm.Suits(Client) {
			p.Sections[i].Included = false
		}
	}
	_, probs = Resolve(lib, p, "client.briefing")
	for _, pr := range probs {
		if strings.Contains(pr.Message, "not printed") {
			t.Errorf("a switched-off section reported: %v", pr)
		}
	}
}

func TestQuestionsStayWithTheirAnswerLines(t *testing.T) {
	p := loadSampleNamed(t, "classroom.briefing")
	var b strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "Filler paragraph %d to push questions about the page.\n\nQuestion%d: what do you think?\n\n```lines 8\n```\n\n", i, i)
	}
	body := b.String()
	p.Sections = []SectionRef{{Template: "discussion", Title: "Many questions", Body: &body, Included: true}}
	data, info := renderPacket(t, p)
	path := writePDF(t, data)
	pageH := fpdfSize(p.Style.PageSize).Ht
	gap := max(12*1.6*1.45, 20)
	for pg := 1; pg <= info.Pages; pg++ {
		box := tool(t, "pdftotext", "-f", strconv.Itoa(pg), "-l", strconv.Itoa(pg), "-bbox", path, "-")
		for _, m := range regexp.MustCompile(`yMax="([\d.]+)">Question(\d+):<`).FindAllStringSubmatch(box, -1) {
			y, _ := strconv.ParseFloat(m[1], 64)
			if y+8*gap > pageH-64+1 {
				t.Errorf("question %s on page %d at y=%.0f: its 8 answer lines cannot fit below it", m[2], pg, y)
			}
		}
	}
	class := loadSampleNamed(t, "classroom.briefing")
	class.Style.PageSize = "a4"
	data, _ = renderPacket(t, class)
	for i, pg := range pdfPages(t, writePDF(t, data)) {
		if strings.Contains(pg, "Discussion Questions") && !strings.Contains(pg, "1. In your own words") {
			t.Errorf("page %d: the Discussion Questions heading is stranded without its first question", i+1)
		}
	}
}

// A question whose answer lines fit in the room left on a page stays on
// it: a teacher's two-page handout left a third of page 1 empty and
// started its questions on page 2.
func TestAQuestionThatFitsStaysOnItsPage(t *testing.T) {
	p := NewBlankPacketFor(Classroom, "2026-12-07", Defaults{})
	p.Title, p.Author = "The water cycle", "Ms Rivera"
	body := "Water moves around our planet in a never-ending loop called the **water cycle**. The sun heats water in oceans, lakes and rivers, and it rises into the air as vapour. High in the sky, the vapour cools and forms clouds. When the droplets in clouds grow heavy, they fall back to the ground as rain, snow or hail.\n\n" +
		"- Evaporation: water turns into vapour.\n- Condensation: vapour turns into cloud droplets.\n- Precipitation: water falls back to the ground.\n\n" +
		"| Stage | Where | What happens |\n|---|---|---|\n| Evaporation | Oceans | Water heats up |\n| Condensation | Sky | Clouds form |\n\n" +
		"Evaporation\n: When liquid water turns into a gas.\n\nPrecipitation\n: Water that falls from clouds.\n\n" +
		"1. What makes water rise into the air?\n\n```lines 3\n```\n\n2. Where do clouds come from?\n\n```lines 3\n```\n\n3. Name two kinds of precipitation.\n\n```lines 3\n```\n"
	p.Sections = []SectionRef{{Template: "blank", Title: "The water cycle", Body: &body, Included: true}}
	p.Style.PageSize = "letter"
	data, _ := renderPacket(t, p)
	path := writePDF(t, data)
	box := tool(t, "pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-")
	m := regexp.MustCompile(`yMax="([\d.]+)">rise<`).FindStringSubmatch(box)
	if m == nil {
		t.Fatalf("question 1 is not on page 1; page 2 reads:\n%s", pdfPages(t, path)[1])
	}
	y, _ := strconv.ParseFloat(m[1], 64)
	if gap := max(12*1.6*1.45, 20); y+3*gap > fpdfSize(p.Style.PageSize).Ht-64+1 {
		t.Errorf("question 1 at y=%.0f on page 1: its answer lines cannot fit below it", y)
	}
}

// A heading is never the last thing on a page: in the staff sample with
// a footnote added to its first section (a trial's edit), "What the
// order does not include" was left at the foot of page 1, its bullets on
// page 2.
func TestAHeadingGoesOverWithItsFirstParagraph(t *testing.T) {
	lib := builtinLibrary(t)
	// The last bullet made longer a few words at a time moves the
	// heading down page 1 past the point where it would be stranded.
	for n := 0; n <= 30; n++ {
		note := strings.Repeat(" More words.", n) + "[^1]\n\n[^1]: As of the article's date.\n"
		p := loadSampleNamed(t, "staff.briefing")
		p.Variables["order_number"] = "14365"
		tm, _ := lib.Get(p.Sections[0].Template)
		body := strings.TrimRight(tm.BodyFor(Staff), "\n") + note
		p.Sections[0].Body = &body
		data, _ := renderPacket(t, p)
		for k, pg := range pdfPages(t, writePDF(t, data)) {
			if strings.Contains(pg, "What the order does not include") && !strings.Contains(pg, "No requirement for") {
				t.Errorf("%d words more: page %d ends with the heading, its first bullet on the next", 2*n, k+1)
			}
		}
	}
}

// packetSections are doc's sections that come from the packet, without
// the Sources the document adds.
func packetSections(doc *layout.Document) []layout.Section {
	var out []layout.Section
	for _, s := range doc.Sections {
		if s.Index >= 0 {
			out = append(out, s)
		}
	}
	return out
}
