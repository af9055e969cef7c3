package pdfua

import (
	"fmt"
	"strings"
)

// pages checks every page's marks and annotations against the tree: each
// painting operator tagged or an artifact, each MCID and annotation
// mapped by the parent tree to the element that holds it, /Tabs /S.
func (c *checker) pages(root map[string]any, t *node) {
	o := c.o
	parents := map[int]any{}
	var nums func(v any)
	nums = func(v any) {
		d := o.dict(v)
		if d == nil {
			return
		}
		a := o.array(d["/Nums"])
		for i := 0; i+1 < len(a); i += 2 {
			if k, ok := a[i].(float64); ok {
				parents[int(k)] = a[i+1]
			}
		}
		for _, kid := range o.array(d["/Kids"]) {
			nums(kid)
		}
	}
	nums(root["/ParentTree"])
	holder := map[mcidRef]*node{}
	annotHolder := map[string]*node{}
	t.walk(func(n *node) {
		for _, m := range n.mcids {
			holder[m] = n
		}
		for _, a := range n.objrs {
			annotHolder[a] = n
		}
	})
	for i, page := range o.pages {
		where := fmt.Sprintf("page %d", i+1)
		pd := o.dict(page)
		if pd["/Tabs"] != "/S" {
			c.fail(Tabs, where, "/Tabs is %v, not /S (structure order)", pd["/Tabs"])
		}
		var content strings.Builder
		switch v := pd["/Contents"].(type) {
		case string:
			content.WriteString(o.data(v))
		case []any:
			for _, r := range v {
				s, _ := r.(string)
				content.WriteString(o.data(s) + "\n")
			}
		}
		counts := walkContent(content.String())
		c.r.Counts.Tagged += counts.Tagged
		c.r.Counts.Artifact += counts.Artifact
		c.r.Counts.Untagged += counts.Untagged
		if counts.Untagged > 0 {
			c.fail(ContentTagged, where, "%d painting operators are neither tagged content nor artifacts, the first: %s", counts.Untagged, counts.firstUntagged)
		}
		sp, hasSP := pd["/StructParents"].(float64)
		if len(counts.mcids) > 0 && !hasSP {
			c.fail(ParentTree, where, "marked content but no /StructParents")
			continue
		}
		arr := o.array(parents[int(sp)])
		for _, mcid := range counts.mcids {
			if mcid >= len(arr) {
				c.fail(ParentTree, where, "MCID %d has no entry in the parent tree", mcid)
				continue
			}
			ref, _ := arr[mcid].(string)
			if h := holder[mcidRef{page, mcid}]; h == nil || h.ref != ref {
				c.fail(ParentTree, where, "MCID %d maps to %v, which does not hold it", mcid, arr[mcid])
			}
		}
		for _, a := range o.array(pd["/Annots"]) {
			ref, _ := a.(string)
			ad := o.dict(a)
			if ad["/Subtype"] == "/Link" && strings.TrimSpace(text(ad["/Contents"])) == "" {
				c.fail(Links, ref, "a link annotation without /Contents")
			}
			k, ok := ad["/StructParent"].(float64)
			h := annotHolder[ref]
			if !ok || h == nil {
				c.fail(ParentTree, ref, "an annotation no structure element holds (no /StructParent or no OBJR)")
				continue
			}
			if p, _ := parents[int(k)].(string); p != h.ref {
				c.fail(ParentTree, ref, "the parent tree gives %v for the annotation, held by %s", parents[int(k)], h.where())
			}
		}
	}
}

// structure checks the elements: types, alternative text, headings,
// tables, lists, notes, links, contents, languages.
func (c *checker) structure(t *node) {
	level := 0
	ids := map[string]bool{}
	t.walk(func(n *node) {
		c.r.Elements[n.std]++
		if !standard[n.std] {
			c.fail(StandardTypes, n.where(), "the type %q is not standard and not role-mapped to one", n.s)
		}
		if l, ok := n.d["/Lang"]; ok && strings.TrimSpace(text(l)) == "" {
			c.fail(Language, n.where(), "an empty /Lang")
		}
		kidTypes := func() []string {
			var out []string
			for _, k := range n.kids {
				out = append(out, k.std)
			}
			return out
		}
		only := func(k Check, allowed ...string) {
			for _, s := range kidTypes() {
				if !contains(allowed, s) {
					c.fail(k, n.where(), "holds a %s; it may hold only %s", s, strings.Join(allowed, ", "))
				}
			}
		}
		switch std := n.std; {
		case std == "Figure":
			if strings.TrimSpace(text(n.d["/Alt"])) == "" && strings.TrimSpace(text(n.d["/ActualText"])) == "" {
				c.fail(FigureAlt, n.where(), "a figure without /Alt")
			}
		case headingLevel(std) > 0:
			l := headingLevel(std)
			if level == 0 && l != 1 {
				c.fail(Headings, n.where(), "the first heading is H%d, not H1", l)
			} else if l > level+1 {
				c.fail(Headings, n.where(), "H%d follows H%d: a level is skipped", l, level)
			}
			level = l
		case std == "TH":
			if !c.hasAttr(n, "/Scope") {
				c.fail(TableHeaders, n.where(), "a header cell without /Scope")
			}
		case std == "Table":
			only(TableHeaders, "TR", "THead", "TBody", "TFoot", "Caption")
		case std == "THead" || std == "TBody" || std == "TFoot":
			only(TableHeaders, "TR")
		case std == "TR":
			only(TableHeaders, "TH", "TD")
		case std == "L":
			only(Lists, "LI", "Caption")
			labelled := false
			for _, k := range n.kids {
				for _, kk := range k.kids {
					labelled = labelled || kk.std == "Lbl"
				}
			}
			if labelled && !c.hasAttr(n, "/ListNumbering") {
				c.fail(Lists, n.where(), "a list with labels but no /ListNumbering")
			}
		case std == "LI":
			only(Lists, "Lbl", "LBody")
		case std == "Note":
			id := text(n.d["/ID"])
			if id == "" || ids[id] {
				c.fail(Notes, n.where(), "the note's /ID %q is empty or another note's", id)
			}
			ids[id] = true
		case std == "Link":
			if len(n.objrs) == 0 {
				c.fail(Links, n.where(), "a link element without its annotation (OBJR)")
			}
		case std == "TOC":
			only(Contents, "TOCI", "Caption", "TOC")
		case std == "TOCI":
			only(Contents, "Lbl", "Reference", "NonStruct", "P", "TOC")
		}
	})
}

// hasAttr reports whether one of n's attribute objects has key.
func (c *checker) hasAttr(n *node, key string) bool {
	var objs []any
	switch a := n.d["/A"].(type) {
	case []any:
		objs = a
	case nil:
	default:
		objs = []any{a}
	}
	for _, a := range objs {
		if d := c.o.dict(a); d != nil && d[key] != nil {
			return true
		}
	}
	return false
}

// fonts checks every font a page uses is embedded and, for composite
// fonts, maps its glyphs to Unicode.
func (c *checker) fonts() {
	o := c.o
	seen := map[string]bool{}
	for i, page := range o.pages {
		res := o.dict(o.dict(page)["/Resources"])
		fonts := o.dict(res["/Font"])
		for name, f := range fonts {
			ref, _ := f.(string)
			if seen[ref] {
				continue
			}
			seen[ref] = true
			fd := o.dict(f)
			where := fmt.Sprintf("page %d font %s", i+1, name)
			desc := o.dict(fd["/FontDescriptor"])
			if fd["/Subtype"] == "/Type0" {
				if fd["/ToUnicode"] == nil {
					c.fail(Fonts, where, "a composite font without /ToUnicode")
				}
				if d := o.array(fd["/DescendantFonts"]); len(d) > 0 {
					desc = o.dict(o.dict(d[0])["/FontDescriptor"])
				}
			}
			if fd["/Subtype"] == "/Type3" {
				continue
			}
			if desc == nil || (desc["/FontFile"] == nil && desc["/FontFile2"] == nil && desc["/FontFile3"] == nil) {
				c.fail(Fonts, where, "the font %v is not embedded", fd["/BaseFont"])
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
