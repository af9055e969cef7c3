package briefing

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/briefsmith/briefsmith/render/docx"
	"github.com/briefsmith/briefsmith/sectiontext"
	"github.com/briefsmith/briefsmith/wordimport"
)

// A staffer's memo goes to the boss as Word and comes back edited. The
// edits are found by exporting the packet again, as it stands, and
// reading both documents the same way: what differs between the export
// and the document that came back is what the boss changed, section by
// section — renamed, rewritten, added, removed. A paragraph the boss left
// alone keeps the packet's own text (its fields and citations); one they
// changed comes in as they wrote it.

// WordEditKind is what happened to a section in Word.
type WordEditKind int

// The kinds of section edit.
const (
	// SectionChanged: its title, its text or both were edited.
	SectionChanged WordEditKind = iota
	// SectionAdded: a Heading 1 the export did not have.
	SectionAdded
	// SectionRemoved: a section of the export is no longer there.
	SectionRemoved
)

// WordEdit is one section's change.
type WordEdit struct {
	Kind WordEditKind
	// Section is the packet's section, -1 for one added in Word; After
	// is the packet's section a new one goes after (-1: first).
	Section, After int
	// Title is the section's title as exported; NewTitle as it came back.
	Title, NewTitle string
	// Before and After are the section's printed text as exported and as
	// it came back (Markdown), for showing what changed.
	Before, Text string
	// FieldsLost says an edited paragraph held fields or citations that
	// now read as plain text.
	FieldsLost bool
	body       string
}

// WordEdits finds what changed between the Word document p exports now
// (named name) and edited, a document read back after editing. An
// unedited export gives none.
func WordEdits(lib *Library, p *Packet, name string, edited *wordimport.Document) ([]WordEdit, error) {
	// The document the export writes, resolved once: written to Word
	// and read back as the base, and read for which printed section is
	// which of the packet's.
	doc, _, probs := resolveForExport(lib, p, name)
	if probs.HasErrors() {
		return nil, probs.Errors()
	}
	var buf bytes.Buffer
	if err := docx.WriteDocx(doc, &buf); err != nil {
		return nil, err
	}
	base, err := wordimport.Read(name, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	// The export's sections by their bookmark: printed section k is
	// "_TocSection<k>", and doc.Sections[k-1] says which of the packet's.
	index := map[string]int{}
	generated := map[string]bool{}
	for k, s := range doc.Sections {
		index[fmt.Sprintf("_TocSection%d", k+1)] = s.Index
		if s.Index < 0 {
			generated[strings.ToLower(s.Title)] = true
		}
	}
	baseBy := map[int]wordimport.Section{}
	var order []int
	for _, s := range base.Sections {
		if i, ok := markedSection(s, index); ok && i >= 0 {
			baseBy[i] = s
			order = append(order, i)
		}
	}
	var edits []WordEdit
	seen := map[int]bool{}
	after := -1
	for _, s := range edited.Sections {
		// A bookmark names the printed position the section had when it
		// was exported; a title that is still a section's is surer once
		// sections have been added or removed since.
		i, ok := byTitle(s.Title, baseBy, seen)
		if !ok {
			i, ok = markedSection(s, index)
		}
		if ok && i < 0 || !ok && generated[strings.ToLower(s.Title)] {
			continue // the Sources list: made from the citations
		}
		if ok && seen[i] {
			ok = false
		}
		if !ok {
			if s.Title == "" {
				continue // the cover's lines, before the first section
			}
			text := sectiontext.Write(s.Body)
			edits = append(edits, WordEdit{Kind: SectionAdded, Section: -1, After: after, NewTitle: s.Title, Text: text, body: text})
			continue
		}
		seen[i] = true
		after = i
		b := baseBy[i]
		before, now := sectiontext.Write(b.Body), sectiontext.Write(s.Body)
		if before == now && b.Title == s.Title {
			continue
		}
		e := WordEdit{Kind: SectionChanged, Section: i, Title: b.Title, NewTitle: s.Title, Before: before, Text: now}
		if before != now {
			e.body, e.FieldsLost = merged(lib, p, i, b.Body, s.Body)
		}
		edits = append(edits, e)
	}
	for _, i := range order {
		if !seen[i] {
			b := baseBy[i]
			edits = append(edits, WordEdit{Kind: SectionRemoved, Section: i, Title: b.Title, Before: sectiontext.Write(b.Body)})
		}
	}
	return edits, nil
}

// markedSection is the packet's section a section of the document carries
// the export's bookmark of.
func markedSection(s wordimport.Section, index map[string]int) (int, bool) {
	for _, m := range s.Marks {
		if i, ok := index[m]; ok {
			return i, true
		}
	}
	return 0, false
}

// byTitle matches a section that lost its bookmark (Google Docs drops
// them) by its title, once.
func byTitle(title string, base map[int]wordimport.Section, seen map[int]bool) (int, bool) {
	keys := make([]int, 0, len(base))
	for i := range base {
		keys = append(keys, i)
	}
	slices.Sort(keys)
	for _, i := range keys {
		if !seen[i] && strings.EqualFold(strings.TrimSpace(base[i].Title), strings.TrimSpace(title)) {
			return i, true
		}
	}
	return 0, false
}

// merged is section i's new source: its blocks as they came back, where
// a block the boss left alone is the packet's own (with its fields and
// citations) and an edited one is as written, its printed source numbers
// ("[2]") citations again. lost says an edited block had fields.
func merged(lib *Library, p *Packet, i int, base, edited sectiontext.Body) (string, bool) {
	src := TextModel(sectionSource(lib, p, i))
	citeIDs := map[int]string{}
	for id, n := range SourceNumbers(lib, p) {
		citeIDs[n] = id
	}
	keep := alignBlocks(base.Blocks, edited.Blocks)
	out := sectiontext.Body{}
	lost := false
	usable := !src.TemplateCode && len(src.Blocks) == len(base.Blocks)
	kept := map[int]bool{}
	for k, b := range edited.Blocks {
		if j := keep[k]; j >= 0 && usable {
			out.Blocks = append(out.Blocks, src.Blocks[j])
			kept[j] = true
			continue
		}
		out.Blocks = append(out.Blocks, citationsBack(b, citeIDs))
	}
	// A block of the packet's that did not come back as it was, and held
	// a field, now reads as the value Word printed.
	for j, b := range src.Blocks {
		if !kept[j] && strings.Contains(sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{b}}), "{{") {
			lost = true
		}
	}
	refs := sectiontext.FootnoteRefs(out.Blocks)
	for _, n := range append(slices.Clip(src.Notes), edited.Notes...) {
		if slices.Contains(refs, n.Label) && !slices.ContainsFunc(out.Notes, func(m sectiontext.Footnote) bool { return m.Label == n.Label }) {
			out.Notes = append(out.Notes, n)
		}
	}
	return sectiontext.Write(out), lost
}

// sectionSource is section i's text as the editor shows it: its own, or
// its template's for the packet's audience.
func sectionSource(lib *Library, p *Packet, i int) string {
	s := p.Sections[i]
	if s.Body != nil {
		return *s.Body
	}
	if t, ok := lib.Get(s.Template); ok {
		return t.BodyFor(p.Audience)
	}
	return ""
}

// alignBlocks pairs each edited block with the base block it equals, in
// order (a longest common subsequence), -1 for one edited or added.
func alignBlocks(base, edited []sectiontext.Block) []int {
	bs, es := blockTexts(base), blockTexts(edited)
	keep := make([]int, len(es))
	for k := range keep {
		keep[k] = -1
	}
	if len(bs)*len(es) > 4_000_000 {
		return keep // too long to align: everything as it came back
	}
	// lcs[i][j] is the longest common run of bs[i:] and es[j:].
	lcs := make([][]int32, len(bs)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(es)+1)
	}
	for i := len(bs) - 1; i >= 0; i-- {
		for j := len(es) - 1; j >= 0; j-- {
			if bs[i] == es[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < len(bs) && j < len(es); {
		switch {
		case bs[i] == es[j]:
			keep[j] = i
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return keep
}

func blockTexts(bs []sectiontext.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{b}})
	}
	return out
}

// printedCite is a source's printed number in text, "[2]" or "[1, 3]".
var printedCite = regexp.MustCompile(`\[(\d+(?:, ?\d+)*)\]`)

// citationsBack makes the printed source numbers in an edited block's
// text citations again, so they follow the Sources list as it changes.
func citationsBack(b sectiontext.Block, ids map[int]string) sectiontext.Block {
	text := sectiontext.Write(sectiontext.Body{Blocks: []sectiontext.Block{b}})
	changed := printedCite.ReplaceAllStringFunc(strings.ReplaceAll(strings.ReplaceAll(text, `\[`, "["), `\]`, "]"), func(m string) string {
		var cites []string
		for _, n := range strings.Split(strings.Trim(m, "[]"), ",") {
			k, _ := strconv.Atoi(strings.TrimSpace(n))
			id, ok := ids[k]
			if !ok {
				return `\[` + strings.Trim(m, "[]") + `\]`
			}
			cites = append(cites, "@"+id)
		}
		return "[" + strings.Join(cites, "; ") + "]"
	})
	if changed == text {
		return b
	}
	body := sectiontext.Parse(changed)
	if len(body.Blocks) != 1 || body.TemplateCode {
		return b
	}
	return body.Blocks[0]
}

// ApplyWordEdits makes the accepted edits in p, as one change: titles
// renamed, texts replaced, sections added after the one they followed and
// removed sections taken out. It returns, for each of p's sections now,
// the position it had before (-1 for one added), so a front end keeps
// its own per-section state (an editor's keys) in step.
func ApplyWordEdits(p *Packet, edits []WordEdit) []int {
	removed := map[int]bool{}
	added := map[int][]SectionRef{}
	for _, e := range edits {
		switch e.Kind {
		case SectionChanged:
			s := &p.Sections[e.Section]
			if e.NewTitle != e.Title {
				s.Title = e.NewTitle
			}
			if e.Before != e.Text {
				body := e.body
				s.Body = &body
			}
		case SectionAdded:
			body := e.body
			added[e.After] = append(added[e.After], SectionRef{Template: BlankTemplateID, Title: e.NewTitle, Body: &body, Included: true})
		case SectionRemoved:
			removed[e.Section] = true
		}
	}
	var out []SectionRef
	var from []int
	add := func(i int) {
		for _, s := range added[i] {
			out, from = append(out, s), append(from, -1)
		}
	}
	add(-1)
	for i, s := range p.Sections {
		if !removed[i] {
			out, from = append(out, s), append(from, i)
		}
		add(i)
	}
	p.Sections = out
	return from
}
