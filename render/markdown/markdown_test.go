package markdown

import (
	"bytes"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/yuin/goldmark/util"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// mdDoc builds a document from section titles and bodies, as Resolve
// would: each body parsed once.
func mdDoc(meta layout.Metadata, sections ...[2]string) *layout.Document {
	doc := &layout.Document{Meta: meta}
	for i, s := range sections {
		doc.Sections = append(doc.Sections, layout.Section{Index: i, ID: fmt.Sprint(i), Title: s[0], Markdown: s[1], Blocks: layout.ParseMarkdown(s[1])})
	}
	return doc
}

func writeMD(t *testing.T, doc *layout.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteMarkdown(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mdHeading is a heading of a rendered Markdown file: its level, its
// text, and where its line starts.
type mdHeading struct {
	level int
	text  string
	start int
}

// readHeadings parses a Markdown file as any CommonMark reader with the
// usual extensions would, and lists its headings in order.
func readHeadings(src []byte) []mdHeading {
	p := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote)).Parser()
	root := p.Parse(text.NewReader(src))
	var out []mdHeading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		start := 0
		if h.Lines().Len() > 0 {
			start = h.Lines().At(0).Start
		}
		start = bytes.LastIndexByte(src[:start], '\n') + 1
		out = append(out, mdHeading{h.Level, nodeText(h, src), start})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// nodeText is the plain text of n's inline content.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(unescaped(c.Segment.Value(src)))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// renderHTML is the HTML a Markdown viewer shows for src (raw HTML left
// out, as safe viewers do).
func renderHTML(t *testing.T, src []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote)).Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMarkdownKeepsThePacketsStructure: a title with line breaks, a
// section body with an open fence or HTML comment, every form of
// heading, plain settings with Markdown's own characters and links to
// scripts must come out, read by a Markdown reader, as the PDF has
// them: one title, every section under its own heading, body headings
// below it, settings as typed, only web and mail links.
func TestMarkdownKeepsThePacketsStructure(t *testing.T) {
	meta := layout.Metadata{Title: "Two\nlines # and\r\na third", Subtitle: "Sub *title*\n= not a heading",
		PreparedFor: "Alice\n# Bob", Author: "<b>A</b>", Date: "1 May 2026", Marking: "SECRET & <x>"}
	doc := mdDoc(meta,
		[2]string{"Fence", "Text.\n\n```go\nunclosed code\n## not a heading"},
		[2]string{"Comment", "Before.\n\n<!-- never closed\n\n## hidden"},
		[2]string{"Headings", "Sub\n===\n\nOther\n---\n\n   # Indented\n\n#\tTabbed\n\n> # In a quote\n\n- # In a list\n\n#### Skips two\n\n## Back\n\n### Deeper\n\n#### Deeper still\n\n###### Six"},
		[2]string{"Links & <things>", "[bad](javascript:alert(1)) and <javascript:void(0)> and [file](file:///etc/passwd) " +
			"and [good](https://example.com/a_b?x=1&y=2) and [mail](mailto:a@b.example) and ![pic](javascript:x)."},
		[2]string{"Notes", "A note.[^a]\n\n[^a]: The first note."},
		[2]string{"More notes", "Another.[^a] Unclosed *emphasis and `code\n\n[^a]: Same label, another section."},
		[2]string{"Last", "The end."},
	)
	doc.Sections = append(doc.Sections, layout.Section{Index: -1, ID: "sources", Title: "Sources", Blocks: []layout.Block{layout.SourceList{Items: []layout.Source{
		{Title: "A *b* <c>", Publisher: "P & <Q>", URL: "javascript:alert(1)"},
		{Title: "Good", URL: "https://x.example/?a=1&copy=2"},
		{Title: "Plain", URL: "https://x.example/plain"},
	}}}})
	out := writeMD(t, doc)
	hs := readHeadings(out)
	var titles, sections []string
	section := ""
	for _, h := range hs {
		switch {
		case h.level == 1:
			titles = append(titles, h.text)
		case h.level == 2:
			sections = append(sections, h.text)
			section = h.text
		case section == "":
			t.Errorf("heading %q (level %d) before the first section", h.text, h.level)
		}
	}
	if want := []string{"Two lines # and a third"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("title headings %q, want %q\n%s", titles, want, out)
	}
	if want := []string{"Fence", "Comment", "Headings", "Links & <things>", "Notes", "More notes", "Last", "Sources"}; !reflect.DeepEqual(sections, want) {
		t.Errorf("section headings %q, want %q\n%s", sections, want, out)
	}
	var body []string
	for _, h := range hs {
		if h.level > 2 {
			body = append(body, fmt.Sprintf("%d %s", h.level, h.text))
		}
	}
	// As the PDF tags them: one level below the heading before at most.
	if want := []string{"3 Sub", "4 Other", "3 Indented", "3 Tabbed", "3 In a quote", "3 In a list", "4 Skips two", "4 Back", "5 Deeper", "6 Deeper still", "6 Six"}; !reflect.DeepEqual(body, want) {
		t.Errorf("body headings %q, want %q\n%s", body, want, out)
	}
	html := renderHTML(t, out)
	for _, want := range []string{
		"SECRET &amp; &lt;x&gt;", "&lt;b&gt;A&lt;/b&gt;", "Alice # Bob", "Sub *title* = not a heading",
		`href="https://example.com/a_b?x=1&amp;y=2"`, `href="mailto:a@b.example"`,
		"bad (javascript:alert(1))", "javascript:void(0)", "file (file:///etc/passwd)",
		"The first note.", "Same label, another section.", "Unclosed *emphasis and `code",
		"&lt;!-- never closed", "unclosed code\n## not a heading",
		"A *b* &lt;c&gt;.", "P &amp; &lt;Q&gt;. javascript:alert(1)", `href="https://x.example/?a=1&amp;copy=2"`,
		`<a href="https://x.example/plain">https://x.example/plain</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the rendered Markdown lacks %q:\n%s\n--- from ---\n%s", want, html, out)
		}
	}
	for _, bad := range []string{`href="javascript`, `href="file`, `src="javascript`, "raw HTML omitted"} {
		if strings.Contains(html, bad) {
			t.Errorf("the rendered Markdown has %q:\n%s", bad, html)
		}
	}
	// Each section's notes are its own: two sections' "[^a]" are two notes.
	if n := strings.Count(html, "<li id=\"fn:"); n != 2 {
		t.Errorf("%d footnotes in the rendered Markdown, want 2:\n%s", n, html)
	}
	checkRoundTrip(t, doc, out)
}

// checkRoundTrip reads each section's part of out back with the parser
// the PDF is made from, and checks it gives the section's blocks (body
// headings two levels down, as written), so the Markdown holds the same
// document as the PDF.
func checkRoundTrip(t *testing.T, doc *layout.Document, out []byte) {
	t.Helper()
	var starts []int
	for _, h := range readHeadings(out) {
		if h.level == 2 {
			starts = append(starts, h.start)
		}
	}
	if len(starts) != len(doc.Sections) {
		t.Fatalf("%d section headings for %d sections:\n%s", len(starts), len(doc.Sections), out)
	}
	starts = append(starts, len(out))
	for i, s := range doc.Sections {
		if s.Index < 0 {
			continue // the Sources list, written as the numbered list it is
		}
		part := string(out[starts[i]:starts[i+1]])
		_, part, _ = strings.Cut(part, "\n") // the section's own heading
		got := normalBlocks(layout.ParseMarkdown(part), &demotion{})
		want := normalBlocks(s.Blocks, &demotion{by: 2, last: 2})
		if _, ok := lastNotes(s.Blocks); ok {
			// Labels are numbered through the document, as printed.
			got, want = dropNoteLabels(got), dropNoteLabels(want)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("section %q reads back differently\ngot  %#v\nwant %#v\n--- body ---\n%s\n--- written ---\n%s", s.Title, got, want, s.Markdown, part)
		}
	}
}

func lastNotes(bs []layout.Block) (layout.Notes, bool) {
	if len(bs) == 0 {
		return layout.Notes{}, false
	}
	n, ok := bs[len(bs)-1].(layout.Notes)
	return n, ok
}

func dropNoteLabels(bs []layout.Block) []layout.Block {
	out := append([]layout.Block(nil), bs...)
	if n, ok := lastNotes(out); ok {
		items := append([]layout.Note(nil), n.Items...)
		for i := range items {
			items[i].Label = ""
		}
		out[len(out)-1] = layout.Notes{Items: items}
	}
	return out
}

// demotion moves body headings down as the PDF tags them: below the
// section's heading (last, to start with) by, never more than one level
// below the heading before, at most to 6. by 0 leaves them.
type demotion struct{ by, last int }

func (d *demotion) level(l int) int {
	if d.by == 0 {
		return l
	}
	d.last = min(l+d.by, d.last+1, 6)
	return d.last
}

// normalBlocks makes blocks comparable whatever the Markdown's line
// breaks and run boundaries: headings moved down by d, runs of one style
// merged, line ends as spaces.
func normalBlocks(bs []layout.Block, demote *demotion) []layout.Block {
	out := make([]layout.Block, 0, len(bs))
	for _, b := range bs {
		out = append(out, normalBlock(b, demote))
	}
	return out
}

func normalBlock(b layout.Block, demote *demotion) layout.Block {
	switch b := b.(type) {
	case layout.Heading:
		return layout.Heading{Level: demote.level(b.Level), Text: normalRuns(b.Text, true)}
	case layout.Paragraph:
		return layout.Paragraph{Text: normalRuns(b.Text, false)}
	case layout.List:
		l := b
		l.Items = nil
		for _, it := range b.Items {
			l.Items = append(l.Items, layout.ListItem{Blocks: normalBlocks(it.Blocks, demote)})
		}
		return l
	case layout.Quote:
		return layout.Quote{Blocks: normalBlocks(b.Blocks, demote)}
	case layout.Callout:
		return layout.Callout{Label: b.Label, Lead: normalRuns(b.Lead, false), Blocks: normalBlocks(b.Blocks, demote)}
	case layout.Table:
		t := layout.Table{Align: b.Align}
		for _, r := range b.Rows {
			nr := layout.TableRow{Header: r.Header}
			for _, c := range r.Cells {
				nr.Cells = append(nr.Cells, layout.TableCell{Text: normalRuns(c.Text, true)})
			}
			t.Rows = append(t.Rows, nr)
		}
		return t
	case layout.Glossary:
		g := layout.Glossary{}
		for _, e := range b.Entries {
			ne := layout.GlossaryEntry{Term: normalRuns(e.Term, true)}
			for _, d := range e.Definitions {
				ne.Definitions = append(ne.Definitions, normalBlocks(d, demote))
			}
			g.Entries = append(g.Entries, ne)
		}
		return g
	case layout.Notes:
		n := layout.Notes{}
		for _, it := range b.Items {
			n.Items = append(n.Items, layout.Note{Label: it.Label, Blocks: normalBlocks(it.Blocks, demote)})
		}
		return n
	}
	return b
}

// normalRuns merges runs of one style; line ends become spaces, and in a
// heading or cell, where the Markdown has one line, so do hard breaks.
func normalRuns(rs []layout.Run, oneLine bool) []layout.Run {
	var out []layout.Run
	for _, r := range rs {
		if r.Kind == layout.RunImage && !imageTarget(r.Target) {
			// Printed as the PDF prints it: no script or file is
			// loaded as an image.
			r = layout.Run{Text: "[image: " + r.Text + "]", Strong: r.Strong, Emphasis: r.Emphasis, Link: r.Link}
		}
		if r.Kind == layout.RunSoftBreak || oneLine && r.Kind == layout.RunHardBreak {
			r.Kind, r.Text = layout.RunText, " "
		}
		if r.Text == "" && r.Kind == layout.RunText {
			continue
		}
		if n := len(out); n > 0 && r.Kind == layout.RunText && out[n-1].Kind == layout.RunText && sameStyle(out[n-1], r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	if oneLine && len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[len(out)-1].Text = strings.TrimRight(out[len(out)-1].Text, " ")
	}
	return out
}

func sameStyle(a, b layout.Run) bool {
	a.Text, b.Text = "", ""
	return a == b
}

// TestMarkdownReadsBackAsTheTemplatesWrite: every built-in template's
// body, and bodies with Markdown's corner cases, read back from the
// Markdown file as the blocks the PDF is made from.
func TestMarkdownReadsBackAsTheTemplatesWrite(t *testing.T) {
	sections := [][2]string{}
	names, _ := fs.Glob(assets.Templates, "*.md")
	for _, n := range names {
		data, _ := fs.ReadFile(assets.Templates, n)
		parts := strings.SplitN(string(data), "\n---\n", 2)
		if len(parts) == 2 {
			sections = append(sections, [2]string{n, parts[1]})
		}
	}
	if len(sections) < 20 {
		t.Fatalf("only %d templates", len(sections))
	}
	for i, body := range markdownCorners {
		sections = append(sections, [2]string{fmt.Sprintf("corner %d", i+1), body})
	}
	doc := mdDoc(layout.Metadata{Title: "T"}, sections...)
	checkRoundTrip(t, doc, writeMD(t, doc))
}

// markdownCorners are bodies whose text looks like Markdown syntax once
// parsed, or whose structure is easy to lose when written again.
var markdownCorners = []string{
	"1\\. not a list\n\n\\- not a bullet\n\n\\# not a heading\n\n\\> not a quote\n\n\\=== not a rule",
	"Stars \\*a\\* and \\_b\\_ and \\`c\\` and \\[d\\](e) and &lt;tag&gt; and &amp;amp; and \\\\ and snake_case_name.",
	"Line one  \nline two\\\nline three\nline four",
	"**bold *both* bold** and *em **both** em* and ***all*** and `co``de` and ` `` ` and **`code in bold`**.",
	"Intra**word**bold and intra*word*em, [link **bold** text](https://example.com \"title\") and <https://example.com/x>.",
	"- a\n- b\n  - c\n  - d\n- e\n\n* other list\n\n1. one\n2. two\n\n3) three\n4) four\n\n7. seven\n\n   para in seven",
	"- loose\n\n- list\n\n  > quote in item\n\n  ```\n  code in item\n  ```",
	"> quote\n> > nested\n>\n> - list in quote\n\n> [!TAKEAWAY]\n> The lead.\n>\n> More.\n\n> [!NOTE]\n\n> [!WARNING] Same line.",
	"| a | b \\| c | `d\\|e` |\n|:--|:-:|--:|\n| 1 | **2** | [3](https://x.example) |\n| 4 |",
	"~~~\n```\nfence in fence\n```\n~~~\n\n````md\n```\n````\n\n```lines 4\n```\n\n    indented code\n\n<div>\n*html*\n</div>\n\n<!-- pagebreak -->",
	"Term\n: Definition one.\n: Definition two.\n\nOther term\n: Its definition.",
	"Cited [@eo14110; @article] and [@x].\n\nFoot[^n] and again[^m].\n\n[^n]: Note *one*.\n[^m]: Note two.\n\n    Second paragraph of two.",
	"Text \"quoted\" -- dashed... 'single' <<angle>> a--b.",
	"***\n\n---\n\n___",
	"A line ending in a backslash\\\n\nA # hash and a trailing hash #",
	"Image ![alt *text*](pic.png) and ![](https://example.com/p.png \"t\").",
	"&#32; leading entity space and &#10; newline entity and tab\there.",
	"www.example.com and https://example.com/a_b_c and a@b.example autolinked.",
	"<span>inline html</span> and <!-- comment --> inline.",
	"[http://a.example](http://b.example) and **a [b *c*](https://x.example) d** and Hello![l](https://x.example) and [a](<b c>) and [d](e(f)g).",
	"*a  \nb* and _under_ and __strong__ and ~~struck~~ and **strong.**Next and *em.*Word",
	"# Title #\n\nLine one\nline two\n===\n\n1986. paragraph\n\nText\n1986. still text\n\nText\n+ plus list\n\nText\n\\+ not list",
	"- 1\n  - 2\n    1. 3\n    2. 4\n       > q\n- 5\n\n1. ---\n2. * * *\n\n- ***",
	"Term\n: Para one.\n\n  Para two.\n\nT2\n: - list in definition",
	"[^x]: First\n\n    ```\n    code\n    ```\n\nRef[^x].",
	"&copy; &#169; AT&T &amp;c &#x41; &#65;",
	"A paragraph ending with !\n\n[link](https://x.example) and tabs\tinside\n\ttabbed line",
}

// FuzzMarkdownRoundTrip checks that any body, written to Markdown,
// reads back with the same text, and that nothing of it leaks past its
// section. (TestMarkdownReadsBackAsTheTemplatesWrite checks the blocks
// themselves; a fuzzer finds nestings that Markdown cannot write the way
// the parser read them, such as an empty list item with a paragraph after
// it, which still keep their text.)
func FuzzMarkdownRoundTrip(f *testing.F) {
	for _, c := range markdownCorners {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 2000 || !utf8.ValidString(body) || strings.ContainsAny(body, "\x00\r\v\f") {
			return
		}
		doc := mdDoc(layout.Metadata{Title: "T"}, [2]string{"A", body}, [2]string{"B", "After."})
		out := writeMD(t, doc)
		loose := hasEmptyItem(doc.Sections[0].Blocks)
		var starts []int
		for _, h := range readHeadings(out) {
			if h.level == 2 {
				starts = append(starts, h.start)
			}
		}
		if len(starts) != 2 {
			t.Fatalf("%d section headings:\n%s", len(starts), out)
		}
		a, b := string(out[starts[0]:starts[1]]), string(out[starts[1]:])
		_, a, _ = strings.Cut(a, "\n")
		_, b, _ = strings.Cut(b, "\n")
		if got := blocksText(layout.ParseMarkdown(b)); got != blocksText(layout.ParseMarkdown("After.")) {
			t.Errorf("the next section reads %q:\n%s", got, out)
		}
		got, want := blocksText(normalBlocks(layout.ParseMarkdown(a), &demotion{})), blocksText(normalBlocks(doc.Sections[0].Blocks, &demotion{}))
		// A mark between a letter and punctuation (an escape, a link's
		// bracket) opens or closes nothing in Markdown; the text stays,
		// with the marks showing.
		unmark := strings.NewReplacer("*", "", "_", "")
		if unmark.Replace(got) != unmark.Replace(want) && !loose {
			t.Errorf("text differs\ngot  %q\nwant %q\n--- written ---\n%s", got, want, a)
		}
	})
}

// hasEmptyItem reports whether bs hold a list item with nothing in it,
// after which the parser reads what follows in ways Markdown written
// from the blocks cannot always repeat: the text may land in another
// block, or in code, where an escape shows as written.
func hasEmptyItem(bs []layout.Block) bool {
	for _, b := range bs {
		switch b := b.(type) {
		case layout.List:
			for _, it := range b.Items {
				if len(it.Blocks) == 0 || hasEmptyItem(it.Blocks) {
					return true
				}
			}
		case layout.Quote:
			if hasEmptyItem(b.Blocks) {
				return true
			}
		case layout.Callout:
			if hasEmptyItem(b.Blocks) {
				return true
			}
		case layout.Glossary:
			for _, e := range b.Entries {
				for _, d := range e.Definitions {
					if hasEmptyItem(d) {
						return true
					}
				}
			}
		}
	}
	return false
}

// blocksText is the text of blocks, white space collapsed.
func blocksText(bs []layout.Block) string {
	var b strings.Builder
	var walk func(bs []layout.Block)
	runs := func(rs []layout.Run) {
		for _, r := range rs {
			b.WriteString(r.Text)
		}
		b.WriteString(" ")
	}
	walk = func(bs []layout.Block) {
		for _, x := range bs {
			switch x := x.(type) {
			case layout.Heading:
				runs(x.Text)
			case layout.Paragraph:
				runs(x.Text)
			case layout.List:
				for _, it := range x.Items {
					walk(it.Blocks)
				}
			case layout.Quote:
				walk(x.Blocks)
			case layout.Callout:
				b.WriteString(x.Label + " ")
				runs(x.Lead)
				walk(x.Blocks)
			case layout.Code:
				b.WriteString(x.Text + " ")
			case layout.Table:
				for _, r := range x.Rows {
					for _, c := range r.Cells {
						runs(c.Text)
					}
				}
			case layout.Glossary:
				for _, e := range x.Entries {
					runs(e.Term)
					for _, d := range e.Definitions {
						walk(d)
					}
				}
			case layout.Notes:
				for _, n := range x.Items {
					walk(n.Blocks)
				}
			}
		}
	}
	walk(bs)
	return strings.Join(strings.Fields(b.String()), " ")
}

// unescaped resolves Markdown escapes and character references, as an
// HTML renderer would before printing.
func unescaped(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	return string(util.ResolveEntityNames(b))
}
