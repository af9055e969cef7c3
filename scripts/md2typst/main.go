// Command md2typst converts Briefsmith's Markdown export into Typst markup,
// so `make bench-peers` can time Typst on the same content as the other
// tools (Debian's pandoc is older than its Typst writer). It covers what
// the export writes: headings, paragraphs, emphasis, lists, block quotes,
// code, links and pipe tables; anything else is written as its text.
//
//	go run ./scripts/md2typst < in.md > out.typ
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

func main() {
	src, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, `#set page(paper: "us-letter", margin: 1in)`)
	fmt.Fprintln(out, `#set text(size: 11pt)`)
	c := conv{src: src, w: out}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		c.block(n, "")
	}
}

type conv struct {
	src []byte
	w   *bufio.Writer
}

// escaper backslash-escapes every character Typst markup gives a meaning.
var escaper = func() *strings.Replacer {
	var pairs []string
	for _, ch := range `\*_` + "`" + `#$@<>[]~/=+-"'` {
		pairs = append(pairs, string(ch), `\`+string(ch))
	}
	return strings.NewReplacer(pairs...)
}()

func (c *conv) block(n ast.Node, indent string) {
	switch n := n.(type) {
	case *ast.Heading:
		fmt.Fprintf(c.w, "%s %s\n\n", strings.Repeat("=", n.Level), c.inlines(n))
	case *ast.Paragraph, *ast.TextBlock:
		fmt.Fprintf(c.w, "%s%s\n\n", indent, c.inlines(n))
	case *ast.List:
		marker := "-"
		if n.IsOrdered() {
			marker = "+"
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			first := true
			for b := it.FirstChild(); b != nil; b = b.NextSibling() {
				if first {
					fmt.Fprintf(c.w, "%s%s %s\n", indent, marker, c.inlines(b))
					first = false
				} else {
					c.block(b, indent+"  ")
				}
			}
		}
		fmt.Fprintln(c.w)
	case *ast.Blockquote:
		fmt.Fprint(c.w, "#quote(block: true)[\n")
		for b := n.FirstChild(); b != nil; b = b.NextSibling() {
			c.block(b, "")
		}
		fmt.Fprint(c.w, "]\n\n")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(c.src))
		}
		fmt.Fprintf(c.w, "#raw(block: true, %q)\n\n", b.String())
	case *east.Table:
		cols := 0
		if h := n.FirstChild(); h != nil {
			cols = h.ChildCount()
		}
		fmt.Fprintf(c.w, "#table(columns: %d,\n", cols)
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				fmt.Fprintf(c.w, "  [%s],\n", c.inlines(cell))
			}
		}
		fmt.Fprint(c.w, ")\n\n")
	case *ast.ThematicBreak:
		fmt.Fprint(c.w, "#line(length: 100%)\n\n")
	default:
		for b := n.FirstChild(); b != nil; b = b.NextSibling() {
			c.block(b, indent)
		}
	}
}

// inlines is n's inline content as Typst markup.
func (c *conv) inlines(n ast.Node) string {
	var b strings.Builder
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		switch k := k.(type) {
		case *ast.Text:
			b.WriteString(escaper.Replace(string(k.Segment.Value(c.src))))
			if k.HardLineBreak() {
				b.WriteString(" \\\n")
			} else if k.SoftLineBreak() {
				b.WriteString(" ")
			}
		case *ast.Emphasis:
			if k.Level >= 2 {
				b.WriteString("#strong[" + c.inlines(k) + "]")
			} else {
				b.WriteString("#emph[" + c.inlines(k) + "]")
			}
		case *ast.CodeSpan:
			var code strings.Builder
			for t := k.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					code.Write(t.Segment.Value(c.src))
				}
			}
			b.WriteString(fmt.Sprintf("#raw(%q)", code.String()))
		case *ast.Link:
			b.WriteString(fmt.Sprintf("#link(%q)[%s]", string(k.Destination), c.inlines(k)))
		case *ast.AutoLink:
			b.WriteString(fmt.Sprintf("#link(%q)", string(k.URL(c.src))))
		default:
			b.WriteString(c.inlines(k))
		}
	}
	return b.String()
}
