package cli

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestExportMarkdownKeepsEachSectionApart exports a packet whose title
// has a line break, whose marking has Markdown's own characters and
// whose bodies leave a fence and a comment open, underline a heading and
// link to a script, and reads the file as a Markdown reader does: one
// title, every section under its own heading, body headings below, the
// marking as typed and no script links.
func TestExportMarkdownKeepsEachSectionApart(t *testing.T) {
	fs := afero.NewMemMapFs()
	p := briefing.NewPacket("staff")
	p.Title = "Line one\nLine two"
	p.Marking = "SECRET & <x>"
	body := func(s string) *string { return &s }
	p.Sections = []briefing.SectionRef{
		{Template: "summary", Title: "Open fence", Body: body("Text.\n\n```\nnever closed"), Included: true},
		{Template: "scope", Title: "Open comment", Body: body("Text.\n\n<!-- never closed"), Included: true},
		{Template: "background", Title: "Underlined", Body: body("Sub\n===\n\n  # Indented\n\n#\tTab\n\n[run](javascript:alert(1))"), Included: true},
	}
	var buf bytes.Buffer
	if err := briefing.WritePacket(&buf, p); err != nil {
		t.Fatal(err)
	}
	_ = afero.WriteFile(fs, "/p.briefing", buf.Bytes(), 0o644)
	if r := run(t, fs, "export", "/p.briefing", "--format", "md", "-o", "/p.md"); r.code != ExitOK {
		t.Fatalf("%+v", r)
	}
	md := mustRead(t, fs, "/p.md")
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote))
	var heads []string
	_ = ast.Walk(gm.Parser().Parse(text.NewReader(md)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			heads = append(heads, strings.Repeat("#", h.Level)+" "+inlineText(h, md))
		}
		return ast.WalkContinue, nil
	})
	want := []string{"# Line one Line two", "## Open fence", "## Open comment", "## Underlined", "### Sub", "### Indented", "### Tab", "## Sources"}
	if !reflect.DeepEqual(heads, want) {
		t.Errorf("headings %q\nwant %q\n%s", heads, want, md)
	}
	var html bytes.Buffer
	if err := gm.Convert(md, &html); err != nil {
		t.Fatal(err)
	}
	if h := html.String(); !strings.Contains(h, "SECRET &amp; &lt;x&gt;") || strings.Contains(h, `href="javascript`) || !strings.Contains(h, "run (javascript:alert(1))") {
		t.Errorf("marking or link not as the PDF has them:\n%s", h)
	}
}

// inlineText is the text of n's text nodes, line ends as spaces.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
