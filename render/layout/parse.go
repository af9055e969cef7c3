package layout

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md parses section bodies. The typographer turns straight quotes and
// dashes into the typographic ones a printed brief should have, as real
// characters rather than the HTML entities it defaults to.
var md = goldmark.New(goldmark.WithParserOptions(citations), goldmark.WithExtensions(
	extension.Table,
	extension.Strikethrough,
	// Bare addresses ("https://…", "www.…") become links, as readers
	// expect of any document that shows one.
	extension.Linkify,
	extension.DefinitionList,
	// Footnotes ("text[^1]" and "[^1]: the note") print at the foot of
	// the page that refers to them.
	extension.Footnote,
	extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
		extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
		extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
		extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
		extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»", extension.Apostrophe: "’",
	})),
))

// Block extensions a handout or brief needs beyond CommonMark, each written
// in syntax that other Markdown tools still show sensibly:
//
//	```lines 4          four ruled answer lines (the count is optional; 3)
//	```
//
//	> [!TAKEAWAY]       a shaded call-out box; also [!NOTE], [!KEY], [!TIP],
//	> Text of the box.  [!WARNING] and [!QUESTION]
//
//	Term                a glossary entry (definition list)
//	: Definition.
//
//	<!-- pagebreak -->  start a new page

// calloutLabels maps the marker word to the box's printed label.
var calloutLabels = map[string]string{
	"TAKEAWAY": "Key takeaway", "KEY": "Key point", "NOTE": "Note", "TIP": "Tip",
	"WARNING": "Warning", "QUESTION": "Question to consider",
}

var calloutMarker = regexp.MustCompile(`^\[!([A-Z]+)\]`)

// ParseMarkdown builds the blocks of a section body. The caller bounds
// the body's shape first (goldmark is slow on some hostile shapes); every
// body parses, since Markdown has no syntax errors.
func ParseMarkdown(body string) []Block {
	src := []byte(body)
	root := md.Parser().Parse(text.NewReader(src))
	b := builder{src: src}
	return b.children(root)
}

// builder turns goldmark's tree into blocks; src is the text its
// segments point into.
type builder struct{ src []byte }

func (b *builder) children(n ast.Node) []Block {
	var out []Block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = b.block(ch, out)
	}
	return out
}

// block appends the blocks n becomes to out.
func (b *builder) block(n ast.Node, out []Block) []Block {
	switch n := n.(type) {
	case *ast.Heading:
		return append(out, Heading{Level: n.Level, Text: b.runs(n)})
	case *ast.Paragraph, *ast.TextBlock:
		return append(out, Paragraph{Text: b.runs(n)})
	case *ast.List:
		l := List{Ordered: n.IsOrdered(), Start: n.Start, Delimiter: n.Marker, Tight: n.IsTight}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			l.Items = append(l.Items, ListItem{Blocks: b.children(item)})
		}
		return append(out, l)
	case *ast.Blockquote:
		if c, ok := b.callout(n); ok {
			return append(out, c)
		}
		return append(out, Quote{Blocks: b.children(n)})
	case *ast.FencedCodeBlock:
		if string(n.Language(b.src)) == "lines" {
			return append(out, AnswerLines{Count: answerLineCount(n, b.src)})
		}
		return append(out, Code{Language: string(n.Language(b.src)), Text: strings.TrimRight(blockText(n, b.src), "\n")})
	case *ast.HTMLBlock:
		if isPageBreak(n, b.src) {
			return append(out, PageBreak{})
		}
		return append(out, Code{Text: strings.TrimRight(blockText(n, b.src), "\n")})
	case *ast.CodeBlock:
		return append(out, Code{Text: strings.TrimRight(blockText(n, b.src), "\n")})
	case *east.DefinitionList:
		var g Glossary
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *east.DefinitionTerm:
				g.Entries = append(g.Entries, GlossaryEntry{Term: append([]Run{}, b.runs(ch)...)})
			case *east.DefinitionDescription:
				if len(g.Entries) == 0 {
					g.Entries = append(g.Entries, GlossaryEntry{})
				}
				e := &g.Entries[len(g.Entries)-1]
				e.Definitions = append(e.Definitions, b.children(ch))
			}
		}
		return append(out, g)
	case *ast.ThematicBreak:
		return append(out, Rule{})
	case *east.Table:
		return append(out, b.table(n))
	case *east.FootnoteList:
		var notes Notes
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if fn, ok := ch.(*east.Footnote); ok {
				notes.Items = append(notes.Items, Note{Label: string(fn.Ref), Blocks: b.children(fn)})
			}
		}
		return append(out, notes)
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = b.block(ch, out)
	}
	return out
}

// callout reads a block quote whose first line is a call-out marker.
func (b *builder) callout(n *ast.Blockquote) (Callout, bool) {
	first := n.FirstChild()
	if first == nil || first.Lines().Len() == 0 {
		return Callout{}, false
	}
	seg := first.Lines().At(0)
	m := calloutMarker.FindSubmatch(seg.Value(b.src))
	if m == nil {
		return Callout{}, false
	}
	label, ok := calloutLabels[string(m[1])]
	if !ok {
		return Callout{}, false
	}
	c := Callout{Label: label, Lead: stripPrefix(b.runs(first), len(m[0]))}
	for ch := first.NextSibling(); ch != nil; ch = ch.NextSibling() {
		c.Blocks = b.block(ch, c.Blocks)
	}
	return c, true
}

func (b *builder) table(n *east.Table) Table {
	t := Table{}
	for _, a := range n.Alignments {
		switch a {
		case east.AlignCenter:
			t.Align = append(t.Align, AlignCenter)
		case east.AlignRight:
			t.Align = append(t.Align, AlignRight)
		default:
			t.Align = append(t.Align, AlignLeft)
		}
	}
	cols := len(t.Align)
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		_, header := row.(*east.TableHeader)
		r := TableRow{Header: header}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r.Cells = append(r.Cells, TableCell{Text: b.runs(cell)})
		}
		for len(r.Cells) < cols {
			r.Cells = append(r.Cells, TableCell{})
		}
		r.Cells = r.Cells[:cols]
		t.Rows = append(t.Rows, r)
	}
	return t
}

// runs flattens n's inline children into runs.
func (b *builder) runs(n ast.Node) []Run {
	var out []Run
	b.collect(n, Run{}, &out)
	return out
}

// collect appends n's inline children to out, each in the styles of
// base and of the emphasis and links around it.
func (b *builder) collect(n ast.Node, base Run, out *[]Run) {
	src := b.src
	add := func(r Run, s string) {
		r.Text = s
		*out = append(*out, r)
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			add(base, inlineText(ch.Segment.Value(src)))
			if ch.HardLineBreak() {
				r := base
				r.Kind = RunHardBreak
				add(r, "\n")
			} else if ch.SoftLineBreak() {
				r := base
				r.Kind = RunSoftBreak
				add(r, " ")
			}
		case *ast.String:
			add(base, string(ch.Value))
		case *ast.CodeSpan:
			var s strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					s.Write(tx.Segment.Value(src))
				}
			}
			r := base
			r.Code = true
			add(r, s.String())
		case *ast.Emphasis:
			r := base
			if ch.Level >= 2 {
				r.Strong = true
			} else {
				r.Emphasis = true
			}
			b.collect(ch, r, out)
		case *ast.Link:
			dest := string(ch.Destination)
			if SafeLink(dest) {
				r := base
				r.Link = dest
				b.collect(ch, r, out)
				continue
			}
			// Any other destination is printed after the text, so
			// nothing is hidden and nothing dangerous is clickable.
			b.collect(ch, base, out)
			if dest != "" {
				add(base, " ("+dest+")")
			}
		case *ast.AutoLink:
			u := string(ch.URL(src))
			r := base
			if SafeLink(u) {
				r.Link = u
			}
			add(r, string(ch.Label(src)))
		case *ast.Image:
			var alt []Run
			b.collect(ch, Run{}, &alt)
			r := base
			r.Kind, r.Target, r.Link = RunImage, string(ch.Destination), ""
			add(r, plainRuns(alt))
		case *east.FootnoteLink:
			r := base
			r.Kind, r.Note, r.Link = RunFootnoteRef, ch.Index, ""
			add(r, strconv.Itoa(ch.Index))
		case *east.FootnoteBacklink:
			// The HTML "↩" back to the reference: on paper the number
			// beside the note is enough.
		case *citation:
			r := base
			r.Kind, r.Link = RunCitation, ""
			add(r, strings.Join(ch.ids, ";"))
		case *ast.RawHTML:
			for i := 0; i < ch.Segments.Len(); i++ {
				seg := ch.Segments.At(i)
				add(base, string(seg.Value(src)))
			}
		default:
			b.collect(ch, base, out)
		}
	}
}

// stripPrefix removes the first n bytes of text from runs (the call-out
// marker, which the parser may have split over several text nodes) and the
// line break after it.
func stripPrefix(runs []Run, n int) []Run {
	for len(runs) > 0 && n > 0 {
		if len(runs[0].Text) <= n {
			n -= len(runs[0].Text)
			runs = runs[1:]
			continue
		}
		runs[0].Text = runs[0].Text[n:]
		n = 0
	}
	for len(runs) > 0 {
		t := strings.TrimLeft(runs[0].Text, " \n")
		if t != "" {
			runs[0].Text = t
			break
		}
		runs = runs[1:]
	}
	return runs
}

// answerLineCount reads the count from "```lines N"; 3 by default, 40 at
// most.
func answerLineCount(n *ast.FencedCodeBlock, src []byte) int {
	if n.Info != nil {
		fields := strings.Fields(string(n.Info.Segment.Value(src)))
		if len(fields) > 1 {
			if v, err := strconv.Atoi(fields[1]); err == nil && v > 0 {
				return min(v, 40)
			}
		}
	}
	return 3
}

// isPageBreak reports whether an HTML block is the page break comment.
func isPageBreak(n *ast.HTMLBlock, src []byte) bool {
	t := strings.ToLower(strings.Join(strings.Fields(blockText(n, src)), ""))
	return t == "<!--pagebreak-->"
}

func blockText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// SafeLink reports whether u may be a clickable link in a PDF we send:
// web and mail addresses only, never files or scripts.
func SafeLink(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

// inlineText resolves Markdown escapes and character references, as an
// HTML renderer would before printing.
func inlineText(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

// plainRuns is the runs' text joined, spaces collapsed.
func plainRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// CalloutMarker is the marker word of a call-out's label ("Key takeaway"
// is TAKEAWAY), for an output that writes Markdown again; ok is false for
// a label no marker prints.
func CalloutMarker(label string) (marker string, ok bool) {
	for k, v := range calloutLabels {
		if v == label {
			return k, true
		}
	}
	return "", false
}
