package layout

// Citations point at the packet's sources by id, in the form Pandoc and
// most academic Markdown tools use: "[@eo14110]", or several at once,
// "[@eo14110; @omb-m-24-10]". They print as the sources' numbers in
// brackets ("[1, 3]"), each a link to its entry in the Sources list.

// CitationNumbers maps each source id of doc's Sources list to its number
// there, the first of a repeated id winning: what a citation prints, in
// the PDF and in Word alike.
func CitationNumbers(doc *Document) map[string]int {
	out := map[string]int{}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if l, ok := b.(SourceList); ok {
				for i, src := range l.Items {
					if _, dup := out[src.ID]; src.ID != "" && !dup {
						out[src.ID] = i + 1
					}
				}
			}
		}
	}
	return out
}
