package briefing

import (
	"fmt"
	"text/template/parse"
)

// Templates arrive from strangers, so a body may use only the part of
// text/template that fills in fields and chooses text: fields (.name),
// if / else if / else, with, comparisons and logic, literals. That part
// cannot loop, recurse, build strings or call out, so filling a template
// takes time and memory proportional to its text and the packet's values,
// whatever it says. Everything else (range, define/template/block,
// variables, print/printf/println, call, …) is refused when the template
// is read, with its line and a plain message.

// allowedFuncs are the functions a template may call: each is cheap and
// returns a small value.
var allowedFuncs = map[string]bool{
	"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"and": true, "or": true, "not": true,
}

// allowedFuncList is allowedFuncs for messages, in a fixed order.
const allowedFuncList = "eq, ne, lt, le, gt, ge, and, or, not"

// checkSubset returns an error locating the first construct of tree
// outside the allowed subset.
func checkSubset(tree *parse.Tree) error {
	var walk func(n parse.Node) error
	// inWith counts the enclosing {{with}}s: only there is "." one value;
	// elsewhere it is every value of the packet at once.
	inWith := 0
	refuse := func(n parse.Node, format string, args ...any) error {
		loc, _ := tree.ErrorContext(n)
		// Reported as text/template reports its own errors, "template:
		// NAME:LINE:COL: …", so templateProblem locates it in the file.
		return fmt.Errorf("template: %s: %s", loc, fmt.Sprintf(format, args...))
	}
	checkPipe := func(n parse.Node, p *parse.PipeNode) error {
		if p == nil {
			return nil
		}
		if len(p.Decl) > 0 {
			return refuse(n, "variables (%s) are not supported in templates; use the field itself, such as {{.name}}", p.Decl[0].Ident[0])
		}
		for _, cmd := range p.Cmds {
			for _, arg := range cmd.Args {
				if err := checkArg(refuse, n, arg, inWith > 0); err != nil {
					return err
				}
			}
		}
		return nil
	}
	walk = func(n parse.Node) error {
		switch n := n.(type) {
		case nil:
			return nil
		case *parse.ListNode:
			if n == nil {
				return nil
			}
			for _, c := range n.Nodes {
				if err := walk(c); err != nil {
					return err
				}
			}
		case *parse.TextNode, *parse.CommentNode:
		case *parse.ActionNode:
			return checkPipe(n, n.Pipe)
		case *parse.IfNode:
			return walkBranch(walk, checkPipe, n, &n.BranchNode)
		case *parse.WithNode:
			if err := checkPipe(n, n.Pipe); err != nil {
				return err
			}
			inWith++
			err := walk(n.List)
			inWith--
			if err != nil {
				return err
			}
			return walk(n.ElseList)
		case *parse.RangeNode:
			return refuse(n, "range (repeating text) is not supported in templates")
		case *parse.TemplateNode:
			return refuse(n, "{{template}} is not supported in templates")
		case *parse.BreakNode, *parse.ContinueNode:
			return refuse(n, "break and continue are not supported in templates")
		default:
			return refuse(n, "this construct is not supported in templates")
		}
		return nil
	}
	return walk(tree.Root)
}

// walkBranch checks an if or with: its condition and both branches.
func walkBranch(walk func(parse.Node) error, checkPipe func(parse.Node, *parse.PipeNode) error, n parse.Node, b *parse.BranchNode) error {
	if err := checkPipe(n, b.Pipe); err != nil {
		return err
	}
	if err := walk(b.List); err != nil {
		return err
	}
	return walk(b.ElseList)
}

// checkArg checks one argument of a command, reporting at the action;
// dotIsValue is true inside {{with}}, where "." is the value tested.
func checkArg(refuse func(parse.Node, string, ...any) error, at parse.Node, arg parse.Node, dotIsValue bool) error {
	switch a := arg.(type) {
	case *parse.FieldNode, *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return nil
	case *parse.DotNode:
		if !dotIsValue {
			return refuse(at, "{{.}} on its own prints every value of the packet; name the field, such as {{.title}}")
		}
		return nil
	case *parse.IdentifierNode:
		if !allowedFuncs[a.Ident] {
			return refuse(at, "%s is not supported in templates; the functions allowed are %s", a.Ident, allowedFuncList)
		}
		return nil
	case *parse.VariableNode:
		if a.Ident[0] == "$" && len(a.Ident) > 1 {
			return nil // $.name: a field of the packet's values
		}
		if a.Ident[0] == "$" {
			return refuse(at, "{{$}} on its own prints every value of the packet; name the field, such as {{$.title}}")
		}
		return refuse(at, "variables (%s) are not supported in templates; use the field itself", a.Ident[0])
	case *parse.ChainNode:
		return checkArg(refuse, at, a.Node, dotIsValue)
	case *parse.PipeNode:
		if len(a.Decl) > 0 {
			return refuse(at, "variables are not supported in templates")
		}
		for _, cmd := range a.Cmds {
			for _, x := range cmd.Args {
				if err := checkArg(refuse, at, x, dotIsValue); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return refuse(at, "this expression is not supported in templates")
}
