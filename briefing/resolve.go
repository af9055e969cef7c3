package briefing

import (
	"errors"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/sectiontext"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxBody caps one section's text after placeholders are filled, about
// 150 printed pages: a brief never needs more, and it bounds layout time.
const MaxBody = 512 << 10

// MaxDocumentText caps the filled text of all sections together: each
// section under its own limit could still add up to thousands of pages
// from a packet of a few kilobytes (a variable repeated in every section).
const MaxDocumentText = 4 << 20

// Single-line fields are set on one line of the cover, header or memo
// block; these lengths are far past any real one, and bound the work of
// fitting them.
const (
	maxTitleRunes   = 300
	maxNameRunes    = 200
	maxMarkingRunes = 100
)

// builtinVariables are set from the packet's own fields, so templates can
// say {{.prepared_for}} without declaring it. client_name is Prepared for
// in a packet written for a client, and empty in one written for others:
// a client brief's text names the client from the one field the cover
// uses (a second field for it left a consultant's brief addressing
// "Example Client"), while a memo printed for a client does not put "the
// Member and senior staff" where the client's name goes.
func builtinVariables(p *Packet) map[string]any {
	client := ""
	if p.writtenFor() == Client {
		client = p.PreparedFor
	}
	return map[string]any{
		"client_name":  client,
		"title":        p.Title,
		"subtitle":     p.Subtitle,
		"audience":     string(p.Audience),
		"author":       p.Author,
		"organization": p.Organization,
		"prepared_for": p.PreparedFor,
		"date":         p.Date,
		"marking":      p.Marking,
	}
}

// builtinVariable reports whether name is filled from the packet's own
// fields: a packet or template variable of that name would override the
// packet's audience or marking behind the user's back, so it is refused.
func builtinVariable(name string) bool { return IsBuiltinVariable(name) }

// IsBuiltinVariable reports whether name is filled from the packet's own
// settings (title, audience, marking, …) rather than set as a variable.
func IsBuiltinVariable(name string) bool {
	_, ok := builtinVariables(&Packet{})[name]
	return ok
}

// active returns the template of section i when it goes into the PDF:
// included, known to the library, and suited to the packet's audience (so
// one packet can hold every audience's sections and be exported for each).
func active(lib *Library, p *Packet, i int) (*Template, bool) {
	ref := p.Sections[i]
	if !ref.Included {
		return nil, false
	}
	t, ok := lib.Get(ref.Template)
	if !ok || !t.Suits(p.Audience) {
		return nil, false
	}
	return t, true
}

// Printed reports whether section i of p goes into the document: it is
// included, and its template is known and written for p's audience.
func Printed(lib *Library, p *Packet, i int) bool {
	_, ok := active(lib, p, i)
	return ok
}

// Values returns the variables templates see: the packet's own fields,
// then each included template's defaults, then the packet's values.
func Values(lib *Library, p *Packet) map[string]any {
	vars := builtinVariables(p)
	for i := range p.Sections {
		if t, ok := active(lib, p, i); ok {
			for _, v := range t.Variables {
				if _, set := vars[v.Name]; !set {
					vars[v.Name] = v.Default
				}
			}
		}
	}
	for k, v := range p.Variables {
		vars[k] = v
	}
	return vars
}

// Declared returns the variables the included sections declare, in the
// order they first appear, each once: what the app's Variables form shows.
func Declared(lib *Library, p *Packet) []Variable {
	var out []Variable
	seen := map[string]bool{}
	for i := range p.Sections {
		t, ok := active(lib, p, i)
		if !ok {
			continue
		}
		for _, v := range t.Variables {
			if !seen[v.Name] {
				seen[v.Name] = true
				out = append(out, v)
			}
		}
	}
	for _, v := range p.Fields {
		if !seen[v.Name] {
			seen[v.Name] = true
			out = append(out, v)
		}
	}
	return out
}

// Resolve fills every included section's placeholders, gathers sources
// and builds the document layout reads: settings resolved, the logo
// decoded and each body's Markdown parsed, once. name is the packet's
// file name for messages. It reports every problem it finds, not only the
// first; the Document is usable when none is an Error.
func Resolve(lib *Library, p *Packet, name string) (*layout.Document, Problems) {
	var probs Problems
	var sources []layout.Source
	at := func(i int, sev Severity, format string, args ...any) {
		line := 0
		if i >= 0 {
			line = p.Sections[i].Line
		}
		probs = append(probs, Problem{Severity: sev, Section: i, File: name, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	// atLine reports fault f at its line of section i's text, titled
	// title.
	atLine := func(i int, sev Severity, title string, f shapeFault) {
		at(i, sev, "section %d %q, line %d: %s", i+1, title, f.line, f.msg)
		probs[len(probs)-1].InText = fmt.Sprintf("section %d %q: %s", i+1, title, f.msg)
	}
	set := readPacketSettings(p)
	probs = append(probs, checkPacketFields(p, name, set)...)
	doc := newDocument(p, set)
	probs = append(probs, p.Notes...)
	vars := Values(lib, p)
	seenSource := map[string]bool{}
	citable := map[string]bool{} // source ids a citation may name
	var otherAudiences []int     // untouched sections written for other audiences
	type filled struct {
		i           int
		title, body string
	}
	var bodies []filled
	total := 0 // bytes of filled text so far
	for i, ref := range p.Sections {
		if !ref.Included {
			continue
		}
		t, ok := lib.Get(ref.Template)
		if !ok {
			at(i, Error, "section %d: unknown template %q", i+1, ref.Template)
			continue
		}
		if !t.Suits(p.Audience) {
			// One packet may hold several audiences' sections, but a
			// section that silently vanishes from this audience's
			// document looks lost: say so, and how to print it.
			// Sections of the user's own words are named one by one;
			// the template's own text for other audiences (a packet
			// made for every audience) in one line.
			if ref.Body != nil || strings.TrimSpace(ref.Title) != "" {
				title := t.TitleFor(p.Audience)
				if strings.TrimSpace(ref.Title) != "" {
					title = ref.Title
				}
				at(i, Warning, "section %d %q is not printed in a %s: its template %q is written for %s. To print your text here, add a New section and move the text into it; to silence this, switch the section off",
					i+1, title, p.Audience.Label(), t.ID, audienceList(t.Audiences))
			} else {
				otherAudiences = append(otherAudiences, i)
			}
			continue
		}
		// A topic-neutral template's text is guidance to write over
		// ("Publisher, *Title*, date."); printed as it is, it would go to
		// the reader as if it were the packet's own.
		if t.Kind == General && ref.Body == nil && strings.TrimSpace(t.Body) != "" {
			at(i, Warning, "section %d %q still holds the template's guidance, not text of your own: write over it, or leave the section out", i+1, t.TitleFor(p.Audience))
		}
		title := t.TitleFor(p.Audience)
		if strings.TrimSpace(ref.Title) != "" {
			title = ref.Title
		}
		if n := utf8.RuneCountInString(title); n > maxTitleRunes {
			at(i, Error, "section %d: the title is %d characters long; the limit is %d", i+1, n, maxTitleRunes)
			continue
		}
		if ref.Body != nil && len(*ref.Body) > MaxBody {
			at(i, Error, "section %d %q: the text is %d KB; the limit is %d KB", i+1, title, len(*ref.Body)>>10, MaxBody>>10)
			continue
		}
		body, err := fillBody(t, ref, vars, name)
		if err != nil {
			var pr Problem
			if errors.As(err, &pr) {
				pr.Section = i
				if ref.Body != nil {
					pr.Line = ref.Line
					pr.Col = 0
					pr.Message = fmt.Sprintf("section %d %q (edited body): %s", i+1, title, pr.Message)
				}
				probs = append(probs, pr)
			} else {
				at(i, Error, "section %d %q: %s", i+1, title, err)
			}
			continue
		}
		if len(body) > MaxBody {
			at(i, Error, "section %d %q: the text is %d KB; the limit is %d KB", i+1, title, len(body)>>10, MaxBody>>10)
			continue
		}
		if total += len(body); total > MaxDocumentText {
			at(i, Error, "section %d %q: with it, the packet's text comes to more than %d MB, the limit for one document; split the packet", i+1, title, MaxDocumentText>>20)
			break
		}
		if faults := markdownShapeFaults(body); len(faults) > 0 {
			for _, f := range faults {
				atLine(i, Error, title, f)
			}
			continue // never handed to the Markdown parser
		}
		for _, f := range textFaults(title) {
			at(i, Error, "section %d %q, title: %s", i+1, title, f)
		}
		faults := textFaults(body)
		for _, f := range append(faults, charRefFaults(body, faults)...) {
			atLine(i, Error, title, shapeFault{line: f.line, msg: f.String()})
		}
		for _, f := range accessibilityFaults(body) {
			atLine(i, Warning, title, f)
		}
		for _, f := range languageFaults(body) {
			atLine(i, Error, title, f)
		}
		lang := ""
		if strings.TrimSpace(ref.Language) != "" {
			tag, err := ParseLanguage(ref.Language)
			if err != nil {
				at(i, Error, "section %d %q: its language: %s; use a code such as %s, or leave it empty for the packet's language", i+1, title, err, LanguageExamples)
			} else if tag != doc.Meta.Language {
				lang = tag
			}
		}
		doc.Sections = append(doc.Sections, layout.Section{Index: i, ID: t.ID, Kind: string(t.Kind), Title: layout.Typographic(title),
			Markdown: body, Blocks: sectionBlocks(t, ref, p.Audience, body, vars), Lang: lang})
		bodies = append(bodies, filled{i, title, body})
		for k, src := range t.Sources {
			if src.ID != "" {
				citable[src.ID] = true
			}
			key := src.Title + "\x00" + src.URL
			if !seenSource[key] {
				seenSource[key] = true
				sources = append(sources, layout.Source{ID: src.ID, Title: src.Title, Publisher: src.Publisher, Date: src.Date, URL: src.URL})
				for _, f := range sourceFaults(src) {
					at(i, Error, "section %d %q: source %d of template %s, %s", i+1, title, k+1, t.File, f)
				}
			}
		}
	}
	// Citations are checked once every source is known: a section may
	// cite a source another section's template lists.
	for _, f := range bodies {
		errs, warns := referenceFaults(f.body, citable)
		for _, e := range errs {
			at(f.i, Error, "section %d %q, line %d: %s", f.i+1, f.title, e.line, e.msg)
		}
		for _, w := range warns {
			at(f.i, Warning, "section %d %q, line %d: %s", f.i+1, f.title, w.line, w.msg)
		}
	}
	if len(sources) > 0 {
		doc.Sections = append(doc.Sections, layout.Section{Index: -1, ID: "sources", Kind: "sources", Title: "Sources",
			Blocks: []layout.Block{layout.SourceList{Items: sources}}})
	}
	if p.Style.TOC && len(doc.Sections) > 0 {
		doc.Front = append(doc.Front, layout.Contents{})
	}
	if p.Style.Cover {
		doc.Front = append(doc.Front, layout.PageBreak{})
	}
	if len(otherAudiences) > 0 {
		names := make([]string, len(otherAudiences))
		for k, i := range otherAudiences {
			t, _ := lib.Get(p.Sections[i].Template)
			names[k] = fmt.Sprintf("%d %q", i+1, t.TitleFor(p.Audience))
		}
		verb := "are"
		if len(names) == 1 {
			verb = "is"
		}
		at(otherAudiences[0], Warning, "%s %s %s not printed in this %s: written for other audiences, they print when the packet is exported for those; switch them off to silence this",
			pluralWord(len(names), "section"), strings.Join(names, ", "), verb, p.Audience.Label())
	}
	probs = append(probs, checkVariables(lib, p, name, vars)...)
	probs = append(probs, settingsAccessibility(p, name, doc, set)...)
	sortProblems(probs)
	return doc, probs
}

// pluralWord is unit, with an s for more than one.
func pluralWord(n int, unit string) string {
	if n == 1 {
		return unit
	}
	return unit + "s"
}

func fillBody(t *Template, ref SectionRef, vars map[string]any, name string) (string, error) {
	if ref.Body == nil {
		return t.Execute(vars)
	}
	tm, err := parseBody(t.ID, *ref.Body)
	if err != nil {
		return "", templateProblem(name, err)
	}
	edited := &Template{ID: t.ID, File: name, tmpl: tm}
	return edited.Execute(vars)
}

// sectionBlocks builds a section's blocks from its text model, filled
// with vars, so the page shows what the editor shows: the section's own
// text or the template's as the audience reads it, parsed once into the
// model, then its fields filled as literal text. A body whose template
// code lies outside the model is run as a template first and its output
// (filled, the text the checks above read) is parsed instead.
func sectionBlocks(t *Template, ref SectionRef, audience Audience, filled string, vars map[string]any) []layout.Block {
	var model sectiontext.Body
	if ref.Body != nil {
		model = readModel(*ref.Body)
	} else {
		model = t.modelFor(audience)
	}
	if model.TemplateCode {
		return layout.FromText(sectiontext.ParseFilled(filled))
	}
	// A value prints as typed, with the typographic quotes and dashes
	// the text around it has (as a title does).
	return layout.FromText(sectiontext.Fill(model, func(name string) (string, bool) {
		v, ok := vars[name]
		s, isString := v.(string)
		if !isString && ok {
			s = fmt.Sprint(v)
		}
		return layout.Typographic(s), ok
	}))
}

// TextModel reads a section's text into the text model, as printing
// reads it: what the app's formatted editor shows. A body whose shape
// the parser must not be handed (see markdownShapeFaults) comes back as
// template code, kept as written.
func TextModel(src string) sectiontext.Body { return readModel(src) }

// readModel reads src into the text model; a body the shape check
// refuses is template code, never handed to the parser.
func readModel(src string) sectiontext.Body {
	// The source is bounded as the filled text was before a parser sees
	// it; a conditional may hide text the filled one lacks.
	if len(markdownShapeFaults(src)) > 0 {
		return sectiontext.Body{TemplateCode: true, Source: src}
	}
	return sectiontext.Parse(src)
}

// modelFor is the template's text as audience reads it, in the text
// model, read once per template and audience.
func (t *Template) modelFor(audience Audience) sectiontext.Body {
	if t.models == nil {
		return readModel(t.BodyFor(audience))
	}
	if m, ok := t.models.Load(audience); ok {
		return m.(sectiontext.Body)
	}
	m := readModel(t.BodyFor(audience))
	t.models.Store(audience, m)
	return m
}

// checkVariables lists missing required variables as errors and unfilled
// facts to verify as warnings, each once, at the first section that
// declares it.
func checkVariables(lib *Library, p *Packet, name string, vars map[string]any) Problems {
	var probs Problems
	seen := map[string]bool{}
	for i, ref := range p.Sections {
		t, ok := active(lib, p, i)
		if !ok {
			continue
		}
		var mentioned map[string]bool // what this audience's text refers to, found once
		for _, v := range t.Variables {
			if seen[v.Name] {
				continue
			}
			seen[v.Name] = true
			val, _ := vars[v.Name].(string)
			if strings.TrimSpace(val) != "" {
				continue
			}
			label := v.Label
			if label == "" {
				label = v.Name
			}
			switch {
			case v.Required:
				probs = append(probs, Problem{Severity: Error, Section: i, File: name, Line: ref.Line, Variable: v.Name,
					Message: fmt.Sprintf("%s is empty; section %q needs it", label, t.TitleFor(p.Audience))})
			case v.Verify:
				if mentioned == nil {
					mentioned = t.fieldsFor(p.Audience)
				}
				if !mentioned[v.Name] {
					continue
				}
				probs = append(probs, Problem{Severity: Warning, Section: i, File: name, Line: ref.Line, Variable: v.Name,
					Message: fmt.Sprintf("to verify: %s is not filled in; section %q reads without it", label, t.TitleFor(p.Audience))})
			}
		}
	}
	return probs
}

// checkPacketFields reports settings the renderer cannot honour; set is
// what reading the accent and the logo found.
func checkPacketFields(p *Packet, name string, set readSettings) (probs Problems) {
	bad := func(format string, args ...any) {
		probs = append(probs, Problem{Severity: Error, Section: -1, File: name, Message: fmt.Sprintf(format, args...)})
	}
	if t := strings.TrimSpace(p.Title); t == "" || t == UntitledTitle {
		probs = append(probs, Problem{Severity: Warning, Section: -1, File: name,
			Message: fmt.Sprintf("the packet has no title of its own yet (it would print as %q): set it in Settings", UntitledTitle)})
	}
	if !p.Audience.Valid() {
		bad("audience %q is not one of %s", p.Audience, AudienceNames(", "))
	}
	seenField := map[string]bool{}
	for i, v := range p.Fields {
		switch {
		case !varPattern.MatchString(v.Name):
			bad("field %d %q: a field's name is letters, digits and underscores, starting with a letter", i+1, v.Name)
		case builtinVariable(v.Name):
			bad("field %d %q is a built-in name, filled from the packet's own %s setting; rename the field", i+1, v.Name, v.Name)
		case seenField[v.Name]:
			bad("field %q is declared twice; remove one", v.Name)
		}
		seenField[v.Name] = true
	}
	if p.Date != "" {
		if _, err := time.Parse(time.DateOnly, p.Date); err != nil {
			bad("date %q is not a date in the form YYYY-MM-DD", p.Date)
		}
	}
	if !p.Style.PageSize.Valid() {
		bad("page size %q is not letter or a4", p.Style.PageSize)
	}
	if p.Style.FontSize < 6 || p.Style.FontSize > 24 {
		bad("font size %g is outside 6 to 24 points", p.Style.FontSize)
	}
	if set.accentErr != nil {
		bad("accent colour: %s", set.accentErr)
	}
	if set.logoErr != nil {
		bad("logo: %s", set.logoErr)
	}
	if p.PageLimit < 0 {
		bad("page limit %d is negative", p.PageLimit)
	}
	for _, f := range []struct {
		name, text string
		max        int
	}{
		{"title", p.Title, maxTitleRunes}, {"subtitle", p.Subtitle, maxTitleRunes}, {"author", p.Author, maxNameRunes},
		{"organization", p.Organization, maxNameRunes}, {"prepared for", p.PreparedFor, maxNameRunes},
		{"marking", p.Marking, maxMarkingRunes}, {"watermark", p.Watermark, maxMarkingRunes},
		{"logo description", p.Style.LogoDescription, maxTitleRunes}, {"language", p.Language, maxNameRunes},
	} {
		if n := utf8.RuneCountInString(f.text); n > f.max {
			bad("packet settings: %s is %d characters long; the limit is %d", f.name, n, f.max)
			continue
		}
		for _, fault := range textFaults(f.text) {
			bad("packet settings: %s: %s", f.name, fault)
		}
	}
	var unknown []string
	for k := range p.Variables {
		if !varPattern.MatchString(k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		bad("variable name %q must be letters, digits and underscores, starting with a letter", k)
	}
	return probs
}

// sourceFaults checks every field of a source the Sources list prints,
// each fault prefixed with the field's name.
func sourceFaults(src Source) []string {
	var out []string
	for _, f := range []struct{ name, text string }{
		{"title", src.Title}, {"publisher", src.Publisher}, {"address", src.URL}, {"date", src.Date},
	} {
		for _, fault := range textFaults(f.text) {
			out = append(out, f.name+": "+fault.String())
		}
	}
	return out
}
