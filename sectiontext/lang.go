package sectiontext

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
)

// A passage in another language is written as Pandoc writes a span:
// "[Bonjour à tous]{lang=fr}". goldmark has no spans: a "[" that opens no
// link is left as text, so the passage is found in the text the parse
// leaves, by its unescaped brackets (Write escapes every bracket that is
// text, so an unescaped one is syntax).

// langClose is the end of a passage, "]{lang=tag}", at the start of a
// byte slice; the tag has BCP 47's shape (Resolve checks it names a
// language).
var langClose = regexp.MustCompile(`^\]\{lang=([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\}`)

// hasLangClose reports whether any text among kids may end a passage: the
// cheap test that spares every other run of text the scan. goldmark cuts
// text at characters its parsers look at ("-" among them, as in "es-MX"),
// so neighbouring text nodes are read together.
func (b *builder) hasLangClose(kids []ast.Node) bool {
	for _, g := range b.textGroups(kids) {
		if g.text != nil && bytes.Contains(g.raw, []byte("]{lang=")) {
			return true
		}
	}
	return false
}

// textGroup is a node, or a run of text nodes that are neighbours in the
// source (text is the last of them, for its line break).
type textGroup struct {
	node ast.Node
	text *ast.Text
	raw  []byte
}

// textGroups joins the text nodes among kids that follow each other in
// the source with no line break between.
func (b *builder) textGroups(kids []ast.Node) []textGroup {
	var out []textGroup
	for _, k := range kids {
		t, ok := k.(*ast.Text)
		if !ok {
			out = append(out, textGroup{node: k})
			continue
		}
		if n := len(out); n > 0 && out[n-1].text != nil && !out[n-1].text.SoftLineBreak() && !out[n-1].text.HardLineBreak() &&
			out[n-1].text.Segment.Stop == t.Segment.Start {
			prev := out[n-1].text
			start := prev.Segment.Stop - len(out[n-1].raw)
			out[n-1].raw = b.src[start:t.Segment.Stop]
			out[n-1].text = t
			continue
		}
		out = append(out, textGroup{node: k, text: t, raw: t.Segment.Value(b.src)})
	}
	return out
}

// escaped reports whether raw[i] is escaped: an odd run of backslashes
// before it.
func escaped(raw []byte, i int) bool {
	n := 0
	for k := i - 1; k >= 0 && raw[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

// langs reads kids as collectNodes does, with each unescaped "[" that a
// later "]{lang=…}" closes made a Lang run. Brackets that close nothing
// stay the text they are.
func (b *builder) langs(kids []ast.Node) []Inline {
	stack := [][]Inline{nil}
	emit := func(xs ...Inline) { stack[len(stack)-1] = append(stack[len(stack)-1], xs...) }
	for _, g := range b.textGroups(kids) {
		if g.text == nil {
			emit(b.collectNodes([]ast.Node{g.node})...)
			continue
		}
		t, raw := g.text, g.raw
		start := 0
		for i := 0; i < len(raw); i++ {
			if escaped(raw, i) {
				continue
			}
			switch raw[i] {
			case '[':
				emit(Text{inlineText(raw[start:i])})
				start = i + 1
				stack = append(stack, nil)
			case ']':
				m := langClose.FindSubmatch(raw[i:])
				if m == nil || len(stack) == 1 {
					continue
				}
				emit(Text{inlineText(raw[start:i])})
				inner, ok := b.low.resolveMarkers(mergeText(stack[len(stack)-1]))
				if !ok {
					b.failed = true
				}
				stack = stack[:len(stack)-1]
				emit(Lang{Tag: string(m[1]), Inlines: inner})
				i += len(m[0]) - 1
				start = i + 1
			}
		}
		emit(Text{inlineText(raw[start:])})
		if t.HardLineBreak() {
			emit(HardBreak{})
		} else if t.SoftLineBreak() {
			emit(SoftBreak{})
		}
	}
	// A "[" nothing closed is the text it was.
	for len(stack) > 1 {
		inner := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		emit(Text{"["})
		emit(inner...)
	}
	return stack[0]
}
