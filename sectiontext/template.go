package sectiontext

import (
	"strconv"
	"strings"
	"text/template/parse"
)

// Template code is read before Markdown, as printing runs it before
// Markdown: each action the model can show (a field, a field
// conditional's {{if}}, {{else}} and {{end}}) becomes a marker — a word of
// private-use characters Markdown treats like letters — and the Markdown
// parse then finds the markers in inline text, where they become Field and
// Conditional runs. A marker anywhere else (in code, a link's address, or
// with its {{end}} in another paragraph) means the body's template code
// lies outside the model.

// action is what one marker stands for.
type action struct {
	kind  actionKind
	field string
}

// actionKind is the kind of template action a marker stands for.
type actionKind int

const (
	actField actionKind = iota
	actIf
	actElse
	actEnd
)

// lowered is a body with its template code replaced by markers.
type lowered struct {
	markdown string
	mark     rune // the private-use character that brackets every marker
	actions  []action
}

// lowerTemplate reads body's template code; ok is false when it uses
// anything the model cannot show, or does not parse.
func lowerTemplate(body string) (l lowered, ok bool) {
	l.mark = unusedMark(body)
	if l.mark == 0 {
		return l, false
	}
	if !strings.Contains(body, "{{") {
		l.markdown = body
		return l, true
	}
	t := parse.New("body")
	t.Mode = parse.ParseComments | parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(body, "", "", trees); err != nil || len(trees) != 1 || t.Root == nil {
		return l, false
	}
	var b strings.Builder
	if !l.lower(&b, t.Root) {
		return l, false
	}
	l.markdown = b.String()
	return l, true
}

// unusedMark picks a private-use character body does not hold, so a
// marker can never be confused with the author's text; 0 if every one is
// taken (a body nobody writes by hand).
func unusedMark(body string) rune {
	used := map[rune]bool{}
	for _, r := range body {
		if r >= 0xE000 && r <= 0xF8FF {
			used[r] = true
		}
	}
	for r := rune(0xE000); r <= 0xF8FF; r++ {
		if !used[r] {
			return r
		}
	}
	return 0
}

// lower writes list as Markdown with markers.
func (l *lowered) lower(b *strings.Builder, list *parse.ListNode) bool {
	if list == nil {
		return true
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			b.Write(n.Text)
		case *parse.ActionNode:
			if s, ok := stringLiteral(n.Pipe); ok {
				// {{"{{"}} prints its text, which Markdown then reads.
				b.WriteString(s)
				continue
			}
			name, ok := fieldOf(n.Pipe)
			if !ok {
				return false
			}
			l.marker(b, action{kind: actField, field: name})
		case *parse.IfNode:
			name, ok := fieldOf(n.Pipe)
			if !ok {
				return false
			}
			l.marker(b, action{kind: actIf, field: name})
			if !l.lower(b, n.List) {
				return false
			}
			if n.ElseList != nil {
				l.marker(b, action{kind: actElse})
				if !l.lower(b, n.ElseList) {
					return false
				}
			}
			l.marker(b, action{kind: actEnd})
		default:
			return false
		}
	}
	return true
}

// marker writes the marker of a, numbered by its place in l.actions.
func (l *lowered) marker(b *strings.Builder, a action) {
	b.WriteRune(l.mark)
	b.WriteString(strconv.Itoa(len(l.actions)))
	b.WriteRune(l.mark)
	l.actions = append(l.actions, a)
}

// fieldOf reports whether pipe is exactly one field of the packet's
// values (".name"), and its name.
func fieldOf(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// stringLiteral reports whether pipe is a quoted string alone, the way
// template text writes characters that would otherwise be template code.
func stringLiteral(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	s, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// token is a piece of inline text split at markers: either text or the
// action at index act.
type token struct {
	text string
	act  int // -1 for text
}

// splitMarkers splits s at the markers of l.
func (l *lowered) splitMarkers(s string) []token {
	var out []token
	m := string(l.mark)
	for {
		i := strings.Index(s, m)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+len(m):], m)
		if j < 0 {
			break
		}
		num := s[i+len(m) : i+len(m)+j]
		k, err := strconv.Atoi(num)
		if err != nil || k < 0 || k >= len(l.actions) || strconv.Itoa(k) != num {
			break
		}
		if i > 0 {
			out = append(out, token{text: s[:i], act: -1})
		}
		out = append(out, token{act: k})
		s = s[i+2*len(m)+j:]
	}
	if s != "" {
		out = append(out, token{text: s, act: -1})
	}
	return out
}

// resolveMarkers turns the markers in a sequence of inlines into Field and
// Conditional runs; ok is false when a conditional does not open and close
// within the sequence.
func (l *lowered) resolveMarkers(in []Inline) ([]Inline, bool) {
	if len(l.actions) == 0 {
		return in, true
	}
	// frame is an open conditional: what it holds so far, and whether
	// its else has been seen.
	type frame struct {
		c      Conditional
		inElse bool
		outer  []Inline
	}
	var stack []frame
	var cur []Inline
	for _, x := range in {
		t, isText := x.(Text)
		if !isText {
			cur = append(cur, x)
			continue
		}
		for _, tok := range l.splitMarkers(t.Text) {
			if tok.act < 0 {
				cur = append(cur, Text{tok.text})
				continue
			}
			a := l.actions[tok.act]
			switch a.kind {
			case actField:
				cur = append(cur, Field{Name: a.field})
			case actIf:
				stack = append(stack, frame{c: Conditional{Field: a.field}, outer: cur})
				cur = nil
			case actElse:
				if len(stack) == 0 || stack[len(stack)-1].inElse {
					return nil, false
				}
				f := &stack[len(stack)-1]
				f.c.Then, f.inElse, cur = cur, true, nil
			case actEnd:
				if len(stack) == 0 {
					return nil, false
				}
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if f.inElse {
					f.c.Else = cur
				} else {
					f.c.Then = cur
				}
				cur = append(f.outer, f.c)
			}
		}
	}
	if len(stack) != 0 {
		return nil, false
	}
	return cur, true
}
