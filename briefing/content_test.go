package briefing

// The built-in templates are the first thing every user exports, and a
// congressional staffer must be able to defend every sentence: each one is
// supported by the news report in assets/sources or by a public document the
// template cites, judgements are attributed or posed as questions, and
// unknowns are "to verify" variables. These tests catch the overstatements
// and bad citations a fact-check of the samples once found (issue 11), so
// an edit that brings one back fails here.

import (
	"github.com/briefsmith/briefsmith/sectiontext"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/assets"
)

// shippedNote is what a citation of the news report says instead of a
// publisher, a date or an address, none of which the report's text gives.
const (
	shippedNote = "text included with Briefsmith"
	unknownDate = "date unknown"
)

// article returns the shipped news report and its headline (first line).
func article(t *testing.T) (text, headline string) {
	t.Helper()
	b, err := fs.ReadFile(assets.Sources, assets.ArticleName)
	if err != nil {
		t.Fatalf("the news report the templates cite is not shipped: %v", err)
	}
	text = string(b)
	headline, _, _ = strings.Cut(text, "\n")
	return text, strings.TrimSpace(headline)
}

func builtIns(t *testing.T) []*Template {
	t.Helper()
	var out []*Template
	for _, tm := range builtinLibrary(t).Templates() {
		if tm.Origin == OriginBuiltIn {
			out = append(out, tm)
		}
	}
	if len(out) == 0 {
		t.Fatal("no built-in templates")
	}
	return out
}

// publishedOrders are the executive orders the templates may cite, with the
// facts a citation must get right: an order is signed on one day and
// published in the Federal Register days later, and the two were once
// confused in the sources list.
var publishedOrders = map[string]struct{ signed, published, fr string }{
	"Executive Order 14110": {"30 October 2023", "1 November 2023", "88 FR 75191"},
	"Executive Order 14148": {"20 January 2025", "28 January 2025", "90 FR 8237"},
	"Executive Order 14179": {"23 January 2025", "31 January 2025", "90 FR 8741"},
}

// publishedRegulations are the EU acts the templates may cite, with their
// Official Journal reference and date of publication (issue 22, item 3).
var publishedRegulations = map[string]struct{ oj, published string }{
	"Regulation (EU) 2024/1689": {"OJ L, 2024/1689", "12 July 2024"},
}

func TestBuiltInSourcesAreCitable(t *testing.T) {
	_, headline := article(t)
	for _, tm := range builtIns(t) {
		// Topic-neutral templates state no facts, so they cite nothing
		// (TestTopicNeutralTemplatesStateNoFacts).
		if len(tm.Sources) == 0 && tm.Kind != General {
			t.Errorf("%s: cites no source", tm.ID)
		}
		for i, s := range tm.Sources {
			where := tm.ID + ": source " + strconv.Itoa(i+1) + " (" + s.Title + ")"
			if strings.TrimSpace(s.Title) == "" {
				t.Errorf("%s: no title", where)
			}
			switch {
			case s.URL != "":
				if !strings.HasPrefix(s.URL, "https://") {
					t.Errorf("%s: address %q is not https", where, s.URL)
				}
			case strings.Contains(s.Publisher, shippedNote):
				// The news report: named by its headline, as a news report,
				// with no publisher, date or address its text does not give.
				if s.Title != headline {
					t.Errorf("%s: the shipped report's headline is %q", where, headline)
				}
				if !strings.HasPrefix(s.Publisher, "News report") {
					t.Errorf("%s: publisher %q does not say it is a news report", where, s.Publisher)
				}
				if s.Date != unknownDate {
					t.Errorf("%s: date %q; the report's text gives none, so it must say %q", where, s.Date, unknownDate)
				}
			default:
				t.Errorf("%s: neither an address nor the note that it is a news report (%q)", where, shippedNote)
			}
			for eo, want := range publishedOrders {
				if !strings.Contains(s.Title, eo) {
					continue
				}
				if !strings.Contains(s.Publisher, want.fr) {
					t.Errorf("%s: publisher %q lacks the Federal Register citation %s", where, s.Publisher, want.fr)
				}
				if !strings.Contains(s.Date, "published "+want.published) {
					t.Errorf("%s: date %q; %s was published on %s", where, s.Date, eo, want.published)
				}
				if strings.Contains(s.Date, "signed") && !strings.Contains(s.Date, "signed "+want.signed) {
					t.Errorf("%s: date %q; %s was signed on %s", where, s.Date, eo, want.signed)
				}
			}
			for reg, want := range publishedRegulations {
				if !strings.Contains(s.Title, reg) {
					continue
				}
				if !strings.Contains(s.Publisher, want.oj) {
					t.Errorf("%s: publisher %q lacks the Official Journal reference %s", where, s.Publisher, want.oj)
				}
				if s.Date != "published "+want.published {
					t.Errorf("%s: date %q; %s was published on %s", where, s.Date, reg, want.published)
				}
			}
		}
	}
}

// TestBuiltInTemplatesNameNoRepositoryPath: a folder of this repository, or
// of the machine the templates were written on, means nothing to the reader
// of a PDF. The folders are read from the repository itself, so a new one is
// covered without editing this test; "shared" and "work" are the build
// machine's folders beside it.
func TestBuiltInTemplatesNameNoRepositoryPath(t *testing.T) {
	names := []string{"shared", "work"}
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, regexp.QuoteMeta(e.Name()))
		}
	}
	path := regexp.MustCompile(`(^|[\s(\x60"'/])(\.\./)*(` + strings.Join(names, "|") + `)/`)
	for _, tm := range builtIns(t) {
		texts := []string{tm.Body}
		for _, s := range tm.Sources {
			texts = append(texts, s.Title, s.Publisher, s.URL, s.Date)
		}
		for _, text := range texts {
			if m := path.FindString(text); m != "" {
				t.Errorf("%s: names a folder of this repository (%q) in %q", tm.ID, strings.TrimSpace(m), firstLineWith(text, m))
			}
		}
	}
}

// overstatements are phrases that once said more than the report or a cited
// document supports. Each is checked against the report too: inArticle says
// whether the report itself uses it (a forward-looking sentence that reads
// as stale when the packet is dated months later), so the list documents
// that the phrase is ours, not the report's.
var overstatements = []struct {
	re        *regexp.Regexp
	inArticle bool
	why       string
}{
	{regexp.MustCompile(`(?i)\b(EU|European Union|AI Act)('s)? (applies|apply|will|must)\b`), false,
		"the report says the AI Act includes risk-based requirements; its obligations phase in (Art. 113)"},
	{regexp.MustCompile(`(?i)\bAI Act\b[^.|]{0,40}\bsets risk-based\b`), false,
		"the report says the AI Act includes risk-based requirements"},
	{regexp.MustCompile(`(?i)\b(agencies|departments|the order|suppliers) (will|must)\b`), false,
		"the report says agencies are instructed, directed or tasked; it forecasts nothing for them"},
	{regexp.MustCompile(`(?i)\bdetails will\b`), false, "a forecast the report does not make"},
	{regexp.MustCompile(`(?i)\b(are|is) expected to\b`), true,
		"the report's forward-looking sentence reads as stale in a later memo: say what it said at the time"},
	{regexp.MustCompile(`(?i)named in connection with the order\.`), false,
		"the report limits this to available wire reports"},
	{regexp.MustCompile(`(?i)reported text does not detail`), false,
		"the report says mechanisms were not detailed in available reports, nothing about the order's text"},
	{regexp.MustCompile(`(?i)make companies test`), false,
		"the report does not say a testing mandate would have applied to companies"},
	{regexp.MustCompile(`(?i)Who has to act\?.*\|\s*Frontier AI developers\s*\|`), false,
		"under a voluntary code nobody has to act"},
	{regexp.MustCompile(`(?i)Voluntary safety and security evaluations`), false,
		"the report describes a voluntary code on evaluations, not evaluations before use"},
	{regexp.MustCompile(`(?i)should expect agencies`), false, "a forecast presented as a key fact"},
	{regexp.MustCompile(`(?i)More cooperation requests|Existing commitments matter`), false,
		"a heading stating a forecast its text does not"},
	{regexp.MustCompile(`(?i)Why it matters:\*\* it is`), false, "the report's evaluation, unattributed"},
	// Issue 22.
	{regexp.MustCompile(`(?i)one of the first major`), true,
		"unverifiable (the report is undated) and in tension with EO 14179, an earlier AI order the packet cites"},
	{regexp.MustCompile(`(?i)\border\b[^.]{0,20}\b(gives|contains|includes|offers) (few|no|little) details`), false,
		"the report says details were not in available reports, not that the order lacks them"},
	{regexp.MustCompile(`(?i)sensitive government networks`), false, "the report says sensitive networks"},
	{regexp.MustCompile(`(?i)seriously harm`), false,
		"42 U.S.C. § 5195c(e) says a debilitating impact, a far higher bar"},
}

// attributions are statements the templates may make only while saying
// whose they are: a line with trigger must also match by.
var attributions = []struct {
	trigger, by *regexp.Regexp
	why         string
}{
	{regexp.MustCompile(`(?i)before (public )?releas`), regexp.MustCompile(`(?i)ongoing basis`),
		"the report's paraphrase; §4.2(a) of EO 14110 has no pre-release condition: Commerce was to require reports on an ongoing basis"},
	{regexp.MustCompile(`(?i)\brequired?\b[^.]{0,40}\b(companies|developers)\b[^.]{0,80}\bshare\b`), regexp.MustCompile(`(?i)ongoing basis`),
		"EO 14110 §4.2(a) had Commerce require reports on an ongoing basis; say so beside the report's wording"},
	{regexp.MustCompile(`(?i)review and (revise|rewrite)`), regexp.MustCompile(`(?i)report|article|14179`),
		"that instruction is in EO 14179, not in EO 14148 which rescinded the 2023 order"},
	{regexp.MustCompile(`(?i)code of practice|(United Kingdom|UK) has`), regexp.MustCompile(`(?i)report|article`),
		"the report's description; no template cites a UK document"},
	{regexp.MustCompile(`(?i)distinguishes`), regexp.MustCompile(`(?i)report|article`),
		"the report's evaluation"},
	{regexp.MustCompile(`(?i)terms of engagement`), regexp.MustCompile(`(?i)assessment`),
		"the analyst's judgement, to be labelled as such"},
	{regexp.MustCompile(`(?i)implementation planning`), regexp.MustCompile(`(?i)at the time of the report`),
		"the report's forecast, dated by the report rather than by the packet"},
	// Issue 22.
	{regexp.MustCompile(`(?i)\bbinding\b`), regexp.MustCompile(`@eu-ai-act`),
		"that the AI Act binds is the Regulation's own text, so cite it"},
	{regexp.MustCompile(`(?i)phased in|in stages|\bArt(icle|\.) ?113\b`), regexp.MustCompile(`(?i)amend`),
		"Art. 113 sets the application dates, and amendments can move them: say so, and assert no amendment"},
	{regexp.MustCompile(`(?i)allied nations`), regexp.MustCompile(`(?i)\bEU\b.*\bvoluntary\b|\bvoluntary\b.*\bEU\b`),
		"the UK code the report describes is voluntary too: the contrast is with the EU's binding rules"},
	{regexp.MustCompile(`(?i)AI Act[^.]*\b(may apply|appl(y|ies) to)\b`), regexp.MustCompile(`@eu-ai-act`),
		"who the AI Act covers is the Regulation's text (Art. 2(1)), not the report's"},
	{regexp.MustCompile(`(?i)AI Act[^.]*\b(may apply|appl(y|ies) to)\b`), regexp.MustCompile(`2\(1\)`),
		"name who the AI Act covers (Art. 2(1))"},
	{regexp.MustCompile(`(?i)AI Act[^.]*\b(may apply|appl(y|ies) to)\b`), regexp.MustCompile(`\bArt\. 113\b`),
		"when it applies is set by Art. 113, subject to amendment"},
	{regexp.MustCompile(`(?i)\boperat(e|es|ing) under\b`), regexp.MustCompile(`(?i)at the time of the report`),
		"the report's present tense, which a later packet would state as current fact"},
	{regexp.MustCompile(`(?i)limits on selling\b`), regexp.MustCompile(`(?i)sending|transfer`),
		"export controls cover transfers, not only sales, as the glossary says"},
}

func TestBuiltInTextStatesNoMoreThanItsSources(t *testing.T) {
	text, _ := article(t)
	for _, o := range overstatements {
		if got := o.re.MatchString(text); got != o.inArticle {
			t.Errorf("the report matches %q: %v, want %v", o.re, got, o.inArticle)
		}
	}
	for _, tm := range builtIns(t) {
		for _, o := range overstatements {
			if m := o.re.FindString(tm.Body); m != "" {
				t.Errorf("%s: %q (%s) in %q", tm.ID, m, o.why, firstLineWith(tm.Body, m))
			}
		}
		lines := strings.Split(tm.Body, "\n")
		for i, line := range lines {
			if strings.EqualFold(strings.TrimSpace(line), "Voluntary code of practice") {
				continue // the glossary's term; its definition follows
			}
			for _, a := range attributions {
				if a.trigger.MatchString(line) && !a.by.MatchString(line) && !a.by.MatchString(tableNote(lines, i)) {
					t.Errorf("%s: %q unattributed (%s): %q", tm.ID, a.trigger.FindString(line), a.why, line)
				}
			}
		}
	}
}

// tableNote returns, when line i is a table row, the table's source note:
// the paragraph right below it, when it starts "*Table sources:*", which cites
// for every cell (a cell keeps its text short, and the Word export's
// table check reads cells without citations). Otherwise it returns "".
func tableNote(lines []string, i int) string {
	if !strings.HasPrefix(strings.TrimSpace(lines[i]), "|") {
		return ""
	}
	for i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|") {
		i++
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && strings.HasPrefix(lines[i], "*Table sources:*") {
		return lines[i]
	}
	return ""
}

// TestWorksheetInstructionIsTrue: a worksheet that says a row is done for
// the students must have one whose every box is filled.
func TestWorksheetInstructionIsTrue(t *testing.T) {
	for _, tm := range builtIns(t) {
		if !strings.Contains(tm.Body, "done for you") {
			continue
		}
		complete := 0
		for _, line := range strings.Split(tm.Body, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") {
				continue
			}
			cells := strings.Split(strings.Trim(line, "|"), "|")
			full := len(cells) > 1
			for _, c := range cells {
				full = full && strings.TrimSpace(c) != ""
			}
			if full {
				complete++
			}
		}
		if complete == 0 {
			t.Errorf("%s: says a row is done for you, but no table row is complete", tm.ID)
		}
	}
}

// TestNewPacketsStartWithoutAWatermark: a "DRAFT" across a packet the user
// has only just created, and never asked for, would go out on every page;
// the staff sample keeps its DRAFT to show the feature.
func TestNewPacketsStartWithoutAWatermark(t *testing.T) {
	for _, a := range Audiences() {
		if wm := NewPacket(a).Watermark; wm != "" {
			t.Errorf("NewPacket(%q).Watermark = %q, want none", a, wm)
		}
	}
	if wm := loadSampleNamed(t, "staff.briefing").Watermark; wm != "DRAFT" {
		t.Errorf("staff sample watermark %q, want DRAFT", wm)
	}
}

// audienceText is a built-in template's text as exported for one of its
// audiences: what a reader of that document sees of it.
type audienceText struct {
	tm   *Template
	aud  Audience
	body string
}

func builtInTexts(t *testing.T) []audienceText {
	t.Helper()
	lib := builtinLibrary(t)
	var out []audienceText
	for _, tm := range lib.Templates() {
		if tm.Origin != OriginBuiltIn {
			continue
		}
		for _, aud := range Audiences() {
			if !tm.Suits(aud) {
				continue
			}
			p := NewPacket(aud)
			p.Sections = []SectionRef{{Template: tm.ID, Included: true}}
			body, err := tm.Execute(Values(lib, p))
			if err != nil {
				t.Fatalf("%s (%s): %v", tm.ID, aud, err)
			}
			out = append(out, audienceText{tm, aud, body})
		}
	}
	return out
}

// TestEachSectionCitesItsSourcesForEveryAudience: a template's sources go
// into the Sources list of every document that includes it, so the text
// it gives each audience cites every one of them where it uses it. The
// classroom handout once listed seven sources and cited none, and the
// memo cited the report only in Background although every section relies
// on it (issue 22, item 10).
func TestEachSectionCitesItsSourcesForEveryAudience(t *testing.T) {
	for _, x := range builtInTexts(t) {
		cited := map[string]bool{}
		for _, line := range strings.Split(x.body, "\n") {
			for _, id := range sectiontext.CitationIDs(line) {
				cited[id] = true
			}
		}
		for _, s := range x.tm.Sources {
			switch {
			case s.ID == "":
				t.Errorf("%s: source %q has no id, so no text can cite it", x.tm.ID, s.Title)
			case !cited[s.ID]:
				t.Errorf("%s (%s): lists %q among its sources but its text never cites [@%s]", x.tm.ID, x.aud, s.Title, s.ID)
			}
		}
	}
}

// classroomMeaning are phrases the classroom text may not use: plainer
// wording that changed what the source says (issue 22, items 1 and 9).
var classroomMeaning = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`(?i)before (public )?releas`),
		"EO 14110 §4.2(a) has no pre-release condition; that is the report's paraphrase, which students cannot weigh"},
	{regexp.MustCompile(`(?i)limits on selling [^.(]*abroad`),
		"export controls cover sending and transfers, not only sales"},
}

func TestClassroomTextKeepsTheSourcesMeaning(t *testing.T) {
	for _, x := range builtInTexts(t) {
		if x.aud != Classroom {
			continue
		}
		for _, c := range classroomMeaning {
			if m := c.re.FindString(x.body); m != "" {
				t.Errorf("%s: %q (%s) in %q", x.tm.ID, m, c.why, firstLineWith(x.body, m))
			}
		}
	}
	for _, x := range builtInTexts(t) {
		for _, s := range x.tm.Sources {
			if s.ID == "usc-5195c" && !strings.Contains(x.body, "debilitating") {
				t.Errorf("%s (%s): cites 42 U.S.C. § 5195c(e) without its test, a debilitating impact", x.tm.ID, x.aud)
			}
		}
	}
}

// tables returns the Markdown tables of body, each as its rows of
// trimmed cells, the header row first and the delimiter row left out.
func tables(body string) [][][]string {
	var out [][][]string
	in := false
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			in = false
			continue
		}
		if strings.HasPrefix(line, "|---") {
			continue
		}
		row := strings.Split(strings.Trim(line, "|"), "|")
		for i := range row {
			row[i] = strings.TrimSpace(row[i])
		}
		if !in {
			out = append(out, nil)
			in = true
		}
		out[len(out)-1] = append(out[len(out)-1], row)
	}
	return out
}

// tableColumn returns the cells, below the header, of every table column
// whose header contains header, keyed by the row's first cell.
func tableColumn(body, header string) map[string]string {
	cells := map[string]string{}
	for _, tb := range tables(body) {
		for col, h := range tb[0] {
			if !strings.Contains(h, header) {
				continue
			}
			for _, row := range tb[1:] {
				if col < len(row) {
					cells[row[0]] = row[col]
				}
			}
		}
	}
	return cells
}

// TestUKRowsNameTheReportAsTheirSource: no template cites a UK document,
// so every statement about the UK's code is the report's (issue 22, item
// 4).
func TestUKRowsNameTheReportAsTheirSource(t *testing.T) {
	for _, tm := range builtIns(t) {
		for row, c := range tableColumn(tm.Body, "United Kingdom") {
			if c != "" && !regexp.MustCompile(`(?i)report|article`).MatchString(c) {
				t.Errorf("%s: the UK answer to %s, %q, does not say the report is its source", tm.ID, row, c)
			}
		}
	}
}

// TestAnswerKeyAnswersFromTheHandoutContent: the activity tells
// students to fill the table from the handout, so every answer the key
// expects must be in the handout students get (the International
// Comparison is not in it), each answer says what its row asks, and every
// question of the activity has an entry in the key (issue 22, item 8).
func TestAnswerKeyAnswersFromTheHandoutContent(t *testing.T) {
	lib := builtinLibrary(t)
	activity, _ := lib.Get("activity")
	key, _ := lib.Get("answer-key")
	if activity == nil || key == nil {
		t.Fatal("the activity or the answer key is missing")
	}
	if strings.Contains(activity.Body, "Your turn") && !strings.Contains(key.Body, "Your turn") {
		t.Error("the activity's \"Your turn\" question has no entry in the answer key")
	}
	who, ok := tableColumn(key.Body, "European Union")["**Who is it aimed at?**"]
	if !ok {
		t.Fatal("the answer key has no EU answer to \"Who is it aimed at?\"")
	}
	if !regexp.MustCompile(`(?i)\b(provide|deploy)`).MatchString(who) {
		t.Errorf("the EU answer to \"Who is it aimed at?\" is %q: say who (those who provide or deploy AI systems), not what", who)
	}

	p := loadSampleNamed(t, "classroom.briefing")
	doc, probs := Resolve(lib, p, "classroom.briefing")
	if probs.HasErrors() {
		t.Fatal(probs.Error())
	}
	var handout strings.Builder
	for _, s := range doc.Sections {
		if s.ID != "answer-key" {
			handout.WriteString(s.Markdown + "\n")
		}
	}
	for _, fact := range []struct{ re, what string }{
		{`(?i)(\bEU\b|European Union|AI Act)[^\n]*critical infrastructure`, "the EU's requirements cover AI used in critical infrastructure"},
		{`(?i)(\bEU\b|European Union|AI Act)[^\n]*\b(provide|deploy)`, "who the AI Act covers: those who provide or deploy AI systems"},
		{`(?i)(United Kingdom|\bUK\b)[^\n]*evaluations|evaluations[^\n]*(United Kingdom|\bUK\b)`, "the UK code is on safety and security evaluations"},
	} {
		if !regexp.MustCompile(fact.re).MatchString(handout.String()) {
			t.Errorf("the answer key expects %q, but the classroom handout does not say it", fact.what)
		}
	}
}

// TestSampleCoversNameEachPartyOnce: the cover prints the author and the
// organization on lines of their own, so the same name in both reads as a
// mistake (issue 22, item 11).
func TestSampleCoversNameEachPartyOnce(t *testing.T) {
	for _, name := range []string{"staff.briefing", "classroom.briefing", "client.briefing"} {
		p := loadSampleNamed(t, name)
		if p.Author != "" && strings.EqualFold(p.Author, p.Organization) {
			t.Errorf("%s: author and organization are both %q", name, p.Author)
		}
	}
}

// TestPacketFieldsStayInTheirAudiencesText: a packet's fields are written
// for its audience ("the Member and senior staff" for a memo). A section
// written only for other audiences cannot know that, so its text must not
// repeat them: the staff sample exported for a client read "For the
// Member and senior staff, our assessment…" (issue 22, item 11).
func TestPacketFieldsStayInTheirAudiencesText(t *testing.T) {
	lib := builtinLibrary(t)
	for _, name := range []string{"staff.briefing", "classroom.briefing", "client.briefing"} {
		own := loadSampleNamed(t, name)
		for _, aud := range Audiences() {
			if aud == own.Audience {
				continue
			}
			p := loadSampleNamed(t, name)
			p.PrintFor(aud)
			vars := Values(lib, p)
			for i := range p.Sections {
				tm, ok := active(lib, p, i)
				if !ok || tm.Suits(own.Audience) {
					continue
				}
				body, err := tm.Execute(vars)
				if err != nil {
					t.Fatal(err)
				}
				for _, field := range []string{own.PreparedFor, own.Author, own.Organization} {
					if field != "" && strings.Contains(body, field) {
						t.Errorf("%s exported for %s: section %q, written only for other audiences than the packet's, repeats %q: %q",
							name, aud, tm.ID, field, firstLineWith(body, field))
					}
				}
			}
		}
	}
}

// firstLineWith returns the line of text holding m, for messages.
func firstLineWith(text, m string) string {
	i := strings.Index(text, m)
	if i < 0 {
		return m
	}
	start := strings.LastIndex(text[:i], "\n") + 1
	end := strings.Index(text[i:], "\n")
	if end < 0 {
		return text[start:]
	}
	return text[start : i+end]
}
