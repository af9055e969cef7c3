package pdfua

import (
	"strconv"
	"strings"
)

// node is a structure element with its children in reading order.
type node struct {
	ref  string // "12 0 R", or "" for a direct dictionary
	s    string // the structure type as written, without the slash
	std  string // the standard type it is or is role-mapped to
	d    map[string]any
	kids []*node
	// mcids are the marked-content sequences the element holds
	// directly, by page; objrs the annotations it holds.
	mcids []mcidRef
	objrs []string
}

type mcidRef struct {
	page string
	mcid int
}

// tree reads the structure tree below root in reading order.
func (c *checker) tree(root, roles map[string]any) *node {
	top := &node{s: "StructTreeRoot", std: "StructTreeRoot", d: root}
	seen := map[string]bool{}
	var kids func(n *node, k any, page string)
	kids = func(n *node, k any, page string) {
		switch k := k.(type) {
		case []any:
			for _, x := range k {
				kids(n, x, page)
			}
		case float64:
			n.mcids = append(n.mcids, mcidRef{page, int(k)})
		case string:
			if !isRef(k) || seen[k] {
				return
			}
			seen[k] = true
			if d := c.o.dict(k); d != nil {
				c.kid(n, k, d, page, roles, kids)
			}
		case map[string]any:
			c.kid(n, "", k, page, roles, kids)
		}
	}
	kids(top, root["/K"], "")
	return top
}

// kid adds to n what d is: a marked-content reference, an object
// reference or a child element.
func (c *checker) kid(n *node, ref string, d map[string]any, page string, roles map[string]any, kids func(*node, any, string)) {
	if p, ok := d["/Pg"].(string); ok {
		page = p
	}
	switch d["/Type"] {
	case "/MCR":
		if m, ok := d["/MCID"].(float64); ok {
			n.mcids = append(n.mcids, mcidRef{page, int(m)})
		}
		return
	case "/OBJR":
		if obj, ok := d["/Obj"].(string); ok {
			n.objrs = append(n.objrs, obj)
		}
		return
	}
	s := strings.TrimPrefix(text(d["/S"]), "/")
	e := &node{ref: ref, s: s, std: s, d: d}
	for i := 0; i < 10 && !standard[e.std]; i++ {
		mapped, ok := roles["/"+e.std].(string)
		if !ok {
			break
		}
		e.std = strings.TrimPrefix(mapped, "/")
	}
	n.kids = append(n.kids, e)
	kids(e, d["/K"], page)
}

// walk calls f for every element below n, parents first, in reading
// order.
func (n *node) walk(f func(*node)) {
	for _, k := range n.kids {
		f(k)
		k.walk(f)
	}
}

// where names an element in messages.
func (n *node) where() string {
	if n.ref != "" {
		return n.s + " " + n.ref
	}
	return n.s + " (direct)"
}

// headingLevel is 1–6 for H1…H6, 0 otherwise.
func headingLevel(std string) int {
	if len(std) == 2 && std[0] == 'H' && std[1] >= '1' && std[1] <= '6' {
		l, _ := strconv.Atoi(std[1:])
		return l
	}
	return 0
}
