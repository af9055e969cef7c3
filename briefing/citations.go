package briefing

import (
	"fmt"
	"github.com/briefsmith/briefsmith/sectiontext"
	"regexp"
	"sort"
	"strings"
)

// Citations ("[@eo14110]") name a source by the id its template gives
// it; footnotes ("[^1]") pair a reference in the text with a line
// "[^1]: …". Both fail quietly in Markdown — an unknown id prints as
// written, a note nobody refers to vanishes — so each is checked here,
// where the message can name the section and line.

var (
	noteDefinition = regexp.MustCompile(`^\[\^([^\]\s]+)\]:`)
	noteReference  = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
	codeSpan       = regexp.MustCompile("`+[^`]*`+")
)

// referenceFaults checks md's citations against the ids the document's
// sources have, and its footnote references against its notes. Unknown
// citations are errors (the reader would see "[@id]"); footnote
// mismatches are warnings, since the text still prints.
func referenceFaults(md string, ids map[string]bool) (errs, warns []shapeFault) {
	defined := map[string]int{}  // label → line of its "[^label]:"
	referred := map[string]int{} // label → first line referring to it
	var order []string
	fence := ""
	for i, line := range strings.Split(md, "\n") {
		n := i + 1
		_, _, rest := containerDepth(line)
		r := strings.TrimSpace(rest)
		if fence != "" {
			if strings.HasPrefix(r, fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOf(r); f != "" {
			fence = f
			continue
		}
		text := codeSpan.ReplaceAllString(r, "")
		if m := noteDefinition.FindStringSubmatch(text); m != nil && len(rest)-len(strings.TrimLeft(rest, " ")) < 4 {
			if _, dup := defined[m[1]]; !dup {
				defined[m[1]] = n
				order = append(order, m[1])
			}
			text = text[len(m[0]):]
		}
		for _, m := range noteReference.FindAllStringSubmatch(text, -1) {
			if _, seen := referred[m[1]]; !seen {
				referred[m[1]] = n
			}
		}
		for _, id := range sectiontext.CitationIDs(text) {
			if !ids[id] {
				errs = append(errs, shapeFault{line: n, msg: unknownCitation(id, ids)})
			}
		}
	}
	for _, label := range order {
		if _, ok := referred[label]; !ok {
			warns = append(warns, shapeFault{line: defined[label], msg: fmt.Sprintf(
				"footnote [^%s] is never referred to, so it is not printed; put [^%s] in the text where the note belongs, or delete the note", label, label)})
		}
	}
	for label, line := range referred {
		if _, ok := defined[label]; !ok {
			warns = append(warns, shapeFault{line: line, msg: fmt.Sprintf(
				"footnote [^%s] has no text, so it prints as written; add a line \"[^%s]: the note\" below the paragraph", label, label)})
		}
	}
	sort.SliceStable(warns, func(i, j int) bool { return warns[i].line < warns[j].line })
	return errs, warns
}

// unknownCitation says what to do about a citation of id, listing the
// ids that can be cited.
func unknownCitation(id string, ids map[string]bool) string {
	if len(ids) == 0 {
		return fmt.Sprintf("citation [@%s] names no source: no section of this packet lists a source with an id; cite only sources a template lists with \"id:\"", id)
	}
	known := make([]string, 0, len(ids))
	for k := range ids {
		known = append(known, "@"+k)
	}
	sort.Strings(known)
	return fmt.Sprintf("citation [@%s] names no source of this packet; the sources that can be cited are %s", id, strings.Join(known, ", "))
}

// CitableSources are the sources the packet's included sections can
// cite, each once, in the order the Sources list will have them: what
// the editor offers for a citation.
func CitableSources(lib *Library, p *Packet) []Source {
	var out []Source
	seen := map[string]bool{}
	for i := range p.Sections {
		t, ok := active(lib, p, i)
		if !ok || !p.Sections[i].Included {
			continue
		}
		for _, s := range t.Sources {
			if s.ID != "" && !seen[s.ID] {
				seen[s.ID] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// SourceNumbers maps each citable source id to the number a citation of
// it prints: its place in the Sources list Resolve makes (the printed
// sections' sources in order, one entry per title and address), the
// first of a repeated id winning, as layout.CitationNumbers reads that
// list. It does not fill any text, so the editor can ask it on every
// change to show a citation as the page prints it.
func SourceNumbers(lib *Library, p *Packet) map[string]int {
	out := map[string]int{}
	seen := map[string]bool{}
	n := 0
	for i := range p.Sections {
		t, ok := active(lib, p, i)
		if !ok {
			continue
		}
		for _, src := range t.Sources {
			key := src.Title + "\x00" + src.URL
			if seen[key] {
				continue
			}
			seen[key] = true
			n++
			if _, dup := out[src.ID]; src.ID != "" && !dup {
				out[src.ID] = n
			}
		}
	}
	return out
}
