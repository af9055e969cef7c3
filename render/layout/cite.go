package layout

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Citations point at the packet's sources by id, in the form Pandoc and
// most academic Markdown tools use: "[@eo14110]", or several at once,
// "[@eo14110; @omb-m-24-10]". They print as the sources' numbers in
// brackets ("[1, 3]"), each a link to its entry in the Sources list.

// citationPattern is a whole citation: ids start with a letter or digit
// and may hold letters, digits and "_-.:/" inside, as Pandoc's do.
var citationPattern = regexp.MustCompile(`^\[@[\pL\pN][\pL\pN_.:/-]*(?:\s*;\s*@[\pL\pN][\pL\pN_.:/-]*)*\]`)

// CitationIDs finds every citation in a line of Markdown, for checks
// that report an unknown id with its line. It matches what the parser
// reads, except inside code, which the parser leaves as written.
func CitationIDs(line string) []string {
	var ids []string
	for i := 0; i < len(line); i++ {
		if line[i] != '[' || (i > 0 && line[i-1] == '\\') {
			continue
		}
		if m := citationPattern.FindString(line[i:]); m != "" {
			ids = append(ids, splitCitation(m)...)
			i += len(m) - 1
		}
	}
	return ids
}

// splitCitation returns the ids of a matched citation.
func splitCitation(m string) []string {
	var ids []string
	for _, part := range strings.Split(m[1:len(m)-1], ";") {
		ids = append(ids, strings.TrimPrefix(strings.TrimSpace(part), "@"))
	}
	return ids
}

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

// citation is the inline node a citation parses to.
type citation struct {
	ast.BaseInline
	ids []string
}

// kindCitation is the node kind of citation.
var kindCitation = ast.NewNodeKind("Citation")

// Kind implements ast.Node.
func (c *citation) Kind() ast.NodeKind { return kindCitation }

// Dump implements ast.Node.
func (c *citation) Dump(src []byte, level int) {
	ast.DumpHelper(c, src, level, map[string]string{"ids": strings.Join(c.ids, ";")}, nil)
}

// citationParser reads citations before the link parser can take the
// brackets for a link reference.
type citationParser struct{}

// Trigger implements parser.InlineParser.
func (citationParser) Trigger() []byte { return []byte{'['} }

// Parse implements parser.InlineParser.
func (citationParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 3 || line[1] != '@' {
		return nil
	}
	m := citationPattern.Find(line)
	if m == nil {
		return nil
	}
	block.Advance(len(m))
	return &citation{ids: splitCitation(string(m))}
}

// citations adds the citation parser ahead of links (200) and
// footnote references (101).
var citations = parser.WithInlineParsers(util.Prioritized(citationParser{}, 100))
