package briefing

import (
	"sort"
	"strings"
	"text/template/parse"
)

// People editing a section never see template code. The editor shows a
// section's text in plain form, where a placeholder is its field's label
// in square brackets and text that depends on a field reads as a
// sentence:
//
//	{{.order_number}}                          [Order number]
//	{{if .order_number}} ({{.order_number}}){{end}}
//	                                           [if Order number: ([Order number])]
//	{{if .a}}x{{else if .b}}y{{else}}z{{end}}  [if A: x | else if B: y | else: z]
//
// Anything else typed is text: braces become literal braces in the
// template ({{"{{"}}), so typing can never make a template error. The
// mapping is exact both ways: FromPlain(ToPlain(s)) prints what s prints
// for every value of every field, and ToPlain(FromPlain(p)) == p.
//
// A backslash is an escape only where plain form needs one: before a "["
// that would otherwise start a field ("\[Order number]" is those
// characters), and inside a conditional before "]", "|" or "\". Every
// other backslash is the user's (Markdown's) own.

// Fields are the fields a packet's sections can use, by name and by the
// label people see.
type Fields struct {
	label map[string]string // name → label
	name  map[string]string // label → name
}

// builtinLabels are how the fields filled from the packet's own settings
// (builtinVariables, which says which there are) read in plain form; one
// without a label here reads as its name.
var builtinLabels = map[string]string{
	"title": "Title", "subtitle": "Subtitle", "audience": "Audience", "author": "Author",
	"organization": "Organization", "prepared_for": "Prepared for", "date": "Date", "marking": "Marking",
	"client_name": "Client",
}

// FieldsOf are the fields of p: the packet's settings, the variables its
// sections' templates declare (left-out sections' too: their text is
// edited in plain form as well) and the packet's own fields. Settings
// are labelled as the packet's audience names them (a handout's author
// is "Teacher"), so a chip reads as the Settings field it comes from.
func FieldsOf(lib *Library, p *Packet) Fields {
	f := Fields{label: map[string]string{}, name: map[string]string{}}
	builtins := builtinVariables(&Packet{})
	names := make([]string, 0, len(builtins))
	for n := range builtins {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		l := p.Audience.FieldLabel(n)
		if l == "" {
			l = builtinLabels[n]
		}
		f.add(n, l)
	}
	for _, ref := range p.Sections {
		if t, ok := lib.Get(ref.Template); ok {
			for _, v := range t.Variables {
				f.add(v.Name, v.Label)
			}
		}
	}
	for _, v := range p.Fields {
		f.add(v.Name, v.Label)
	}
	return f
}

// add names a field; a label that is empty, taken or cannot be read back
// gives way to the field's name, and a field with neither stays out of
// plain form (its placeholders show as template code).
func (f Fields) add(name, label string) {
	if _, ok := f.label[name]; ok {
		return
	}
	for _, l := range []string{strings.TrimSpace(label), name} {
		if _, taken := f.name[l]; !taken && plainLabel(l) {
			f.label[name], f.name[l] = l, name
			return
		}
	}
}

// plainLabel reports whether l can be a label: read back unambiguously
// between "[" and "]" and after "if ".
func plainLabel(l string) bool {
	return l != "" && !strings.ContainsAny(l, "[]|:\\{}\n") && l == strings.TrimSpace(l) && !strings.HasPrefix(l, "if ")
}

// Label is how the field name reads, "" for none.
func (f Fields) Label(name string) string { return f.label[name] }

// Labels lists the labels in order, for a menu of fields to insert.
func (f Fields) Labels() []string {
	out := make([]string, 0, len(f.name))
	for l := range f.name {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Token is the plain form of a placeholder for the field labelled label.
func Token(label string) string { return "[" + label + "]" }

// ToPlain returns source in plain form; ok is false when it uses more
// of the template language than plain form shows (a template author's
// range or comparison), and the editor shows the source as it is.
func (f Fields) ToPlain(source string) (plain string, ok bool) {
	trees, err := parse.Parse("body", source, "", "", builtinFuncs)
	if err != nil || len(trees) != 1 {
		return "", false
	}
	var b strings.Builder
	if !f.writePlain(&b, trees["body"].Root, 0) {
		return "", false
	}
	return b.String(), true
}

// builtinFuncs lets the parser accept the functions templates may call;
// plain form shows none of them, so their values never matter here.
var builtinFuncs = map[string]any{"eq": 0, "ne": 0, "lt": 0, "le": 0, "gt": 0, "ge": 0, "and": 0, "or": 0, "not": 0}

// writePlain writes list in plain form; depth is the conditionals
// around it.
func (f Fields) writePlain(b *strings.Builder, list *parse.ListNode, depth int) bool {
	if list == nil {
		return true
	}
	// Text and printed braces are gathered and written together, so
	// escapes see the whole run of text up to the next field.
	var text strings.Builder
	flush := func(beforeField bool) bool {
		ok := f.writeText(b, text.String(), depth, beforeField)
		text.Reset()
		return ok
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			text.Write(n.Text)
		case *parse.ActionNode:
			if s, ok := literal(n.Pipe); ok {
				text.WriteString(s)
				continue
			}
			label, ok := f.fieldOf(n.Pipe)
			if !ok || !flush(true) {
				return false
			}
			b.WriteString(Token(label))
		case *parse.IfNode:
			if !flush(true) || !f.writeIf(b, n, depth) {
				return false
			}
		default:
			return false
		}
	}
	return flush(false)
}

// writeIf writes a conditional on a field, with its else-if chain.
func (f Fields) writeIf(b *strings.Builder, n *parse.IfNode, depth int) bool {
	label, ok := f.fieldOf(n.Pipe)
	if !ok {
		return false
	}
	b.WriteString("[if " + label + ": ")
	for {
		if !f.writePlain(b, n.List, depth+1) {
			return false
		}
		if n.ElseList == nil {
			break
		}
		if len(n.ElseList.Nodes) == 1 {
			if next, chained := n.ElseList.Nodes[0].(*parse.IfNode); chained {
				if label, ok = f.fieldOf(next.Pipe); !ok {
					return false
				}
				b.WriteString(" | else if " + label + ": ")
				n = next
				continue
			}
		}
		b.WriteString(" | else: ")
		if !f.writePlain(b, n.ElseList, depth+1) {
			return false
		}
		break
	}
	b.WriteString("]")
	return true
}

// fieldOf is the label of a pipeline that is one field, {{.name}}.
func (f Fields) fieldOf(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	fn, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(fn.Ident) != 1 {
		return "", false
	}
	label, ok := f.label[fn.Ident[0]]
	return label, ok
}

// literal is the text of a pipeline that is one string constant, as
// FromPlain writes braces: {{"{{"}}.
func literal(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	s, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}
