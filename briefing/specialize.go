package briefing

import (
	"strings"
	"text/template"
	"text/template/parse"
)

// BodyFor returns the template's body as one audience reads it: every
// {{if}} that only tests .audience is replaced by the branch that audience
// gets, and everything else — other placeholders and conditions — is kept
// as written. The editor shows this, so a staffer editing a section sees the
// memo's text rather than three audiences' text interleaved with template
// code, and a copy made by typing still fills its placeholders on export.
//
// Executing BodyFor(a) gives the same text as executing Body for audience a.
// A body this cannot rewrite safely (it defines sub-templates or declares
// variables, or does not parse) is returned unchanged.
func (t *Template) BodyFor(audience Audience) string {
	return specializeBody(t.Body, string(audience))
}

func specializeBody(body, audience string) string {
	// A variable declared inside a branch is scoped to it; lifting the
	// branch out would let it shadow one outside, so such bodies are left.
	if !strings.Contains(body, "audience") || strings.Contains(body, ":=") {
		return body
	}
	tm, err := template.New("body").Parse(body)
	if err != nil || tm.Tree == nil || len(tm.Templates()) != 1 {
		return body
	}
	var b strings.Builder
	writeSpecialized(&b, tm.Tree.Root, audience)
	return b.String()
}

// writeSpecialized writes the nodes of list back as template source,
// resolving audience tests. Inside range and with, dot is something else,
// so those are written untouched.
func writeSpecialized(b *strings.Builder, list *parse.ListNode, audience string) {
	if list == nil {
		return
	}
	for _, n := range list.Nodes {
		ifn, ok := n.(*parse.IfNode)
		if !ok {
			b.WriteString(n.String())
			continue
		}
		if holds, known := audienceTest(ifn.Pipe, audience); known {
			if holds {
				writeSpecialized(b, ifn.List, audience)
			} else {
				writeSpecialized(b, ifn.ElseList, audience)
			}
			continue
		}
		b.WriteString("{{if " + ifn.Pipe.String() + "}}")
		writeSpecialized(b, ifn.List, audience)
		// An else left empty by the audience (else if eq .audience …) goes.
		var other strings.Builder
		writeSpecialized(&other, ifn.ElseList, audience)
		if other.Len() > 0 {
			b.WriteString("{{else}}" + other.String())
		}
		b.WriteString("{{end}}")
	}
}

// audienceTest reports whether pipe is `eq .audience "a" ["b" …]`,
// `eq "a" .audience` or `ne .audience "a"`, and if so whether it holds.
func audienceTest(pipe *parse.PipeNode, audience string) (holds, known bool) {
	if pipe == nil || len(pipe.Decl) != 0 || len(pipe.Cmds) != 1 {
		return false, false
	}
	args := pipe.Cmds[0].Args
	if len(args) < 3 {
		return false, false
	}
	fn, ok := args[0].(*parse.IdentifierNode)
	if !ok || (fn.Ident != "eq" && fn.Ident != "ne") {
		return false, false
	}
	isAudience := func(n parse.Node) bool {
		f, ok := n.(*parse.FieldNode)
		return ok && len(f.Ident) == 1 && f.Ident[0] == "audience"
	}
	var words []string
	switch {
	case isAudience(args[1]):
		for _, a := range args[2:] {
			s, ok := a.(*parse.StringNode)
			if !ok {
				return false, false
			}
			words = append(words, s.Text)
		}
	case len(args) == 3 && isAudience(args[2]):
		s, ok := args[1].(*parse.StringNode)
		if !ok {
			return false, false
		}
		words = []string{s.Text}
	default:
		return false, false
	}
	if fn.Ident == "ne" {
		if len(words) != 1 {
			return false, false
		}
		return words[0] != audience, true
	}
	for _, w := range words {
		if w == audience {
			return true, true
		}
	}
	return false, true
}

// fieldsFor lists the fields audience's version of the body refers to,
// printed or tested: a "to verify" fact that this audience's text never
// mentions is not worth a warning. One walk of the parse tree answers for
// every variable, where running the body once per variable took a
// minute for a template declaring thousands.
func (t *Template) fieldsFor(audience Audience) map[string]bool {
	out := map[string]bool{}
	tm, err := template.New("body").Parse(t.BodyFor(audience))
	if err != nil || tm.Tree == nil {
		return out
	}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.FieldNode:
			out[n.Ident[0]] = true
		case *parse.VariableNode:
			if len(n.Ident) > 1 {
				out[n.Ident[1]] = true // $.name
			}
		}
	}
	walk(tm.Tree.Root)
	return out
}
