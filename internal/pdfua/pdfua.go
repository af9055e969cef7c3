// Package pdfua checks a PDF file against the PDF/UA-1 (ISO 14289-1)
// checkpoints Briefsmith's exports must meet, as the Matterhorn Protocol
// words them: the machine-checkable ones, read through qpdf, so what is
// checked is what any conforming reader finds in the file. It is test
// equipment: the exports' tests run it on the samples and a stress
// document, and each check has a test that breaks a file on purpose and
// sees that check, and only it, fail.
package pdfua

import (
	"fmt"
	"strings"
)

// Check is one checkpoint; the closed set is below, each with the
// Matterhorn checkpoints it covers.
type Check string

// The checkpoints.
const (
	Marked         Check = "marked"         // 01-002..005: MarkInfo /Marked true, no /Suspects
	ContentTagged  Check = "content-tagged" // 01-001..004: every mark is tagged content or an artifact
	ParentTree     Check = "parent-tree"    // 01-00x, 28-011: each MCID and annotation maps back to its element
	StandardTypes  Check = "standard-types" // 02-001..004: structure types standard or role-mapped
	Identification Check = "identification" // 06-001..003: XMP with pdfuaid:part 1 and dc:title
	DisplayTitle   Check = "display-title"  // 07-001: /ViewerPreferences /DisplayDocTitle true
	Language       Check = "language"       // 11-001..006: /Lang on the catalog, never empty on an element
	FigureAlt      Check = "figure-alt"     // 13-004: a Figure has /Alt or /ActualText
	Headings       Check = "headings"       // 14-002, 14-003: first H1, levels never skipped
	TableHeaders   Check = "table-headers"  // 15-003: TH has a /Scope; rows sit in tables
	Lists          Check = "lists"          // 16-001..003: L holds LI, LI holds Lbl/LBody, ListNumbering
	Notes          Check = "notes"          // 19-003, 19-004: a Note has an /ID of its own
	Links          Check = "links"          // 28-009, 28-010: a Link element holds its annotation, which has /Contents
	Tabs           Check = "tabs"           // 28-002: pages with annotations (all pages here) have /Tabs /S
	Fonts          Check = "fonts"          // 31-001, 31-027: fonts embedded, with ToUnicode
	Contents       Check = "contents"       // ISO 32000-1 Table 333: TOC holds TOCI, TOCI its parts
)

// Checks lists every checkpoint, in a fixed order.
var Checks = []Check{Marked, ContentTagged, ParentTree, StandardTypes, Identification, DisplayTitle, Language,
	FigureAlt, Headings, TableHeaders, Lists, Notes, Links, Tabs, Fonts, Contents}

// Failure is one checkpoint not met, where and why.
type Failure struct {
	Check   Check
	Where   string // an object ("12 0 R"), a page or "catalog"
	Message string
}

func (f Failure) String() string { return fmt.Sprintf("%s: %s: %s", f.Check, f.Where, f.Message) }

// Report is what checking a file found.
type Report struct {
	Failures []Failure
	// Counts are the painting operators of every page, by how they are
	// marked.
	Counts Counts
	// Elements counts the structure elements by type ("P", "H1", …).
	Elements map[string]int
}

// Failed reports whether c failed anywhere.
func (r *Report) Failed(c Check) bool {
	for _, f := range r.Failures {
		if f.Check == c {
			return true
		}
	}
	return false
}

// FailedChecks lists the checks that failed, each once, in Checks order.
func (r *Report) FailedChecks() []Check {
	var out []Check
	for _, c := range Checks {
		if r.Failed(c) {
			out = append(out, c)
		}
	}
	return out
}

// CheckFile checks the PDF at path. The error is for a file qpdf cannot
// read at all; everything else is a Failure.
func CheckFile(path string) (*Report, error) {
	o, err := load(path)
	if err != nil {
		return nil, err
	}
	c := &checker{o: o, r: &Report{Elements: map[string]int{}}}
	c.run()
	return c.r, nil
}

type checker struct {
	o *objects
	r *Report
}

func (c *checker) fail(k Check, where, format string, args ...any) {
	c.r.Failures = append(c.r.Failures, Failure{k, where, fmt.Sprintf(format, args...)})
}

// standard are PDF 1.7's standard structure types (ISO 32000-1, 14.8.4).
var standard = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry
		Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standard[s] = true
	}
}

func (c *checker) run() {
	o := c.o
	catRef, _ := o.trailer["/Root"].(string)
	cat := o.dict(catRef)
	if cat == nil {
		c.fail(Marked, "trailer", "no catalog")
		return
	}
	if mi := o.dict(cat["/MarkInfo"]); mi == nil || mi["/Marked"] != true {
		c.fail(Marked, "catalog", "/MarkInfo /Marked is not true")
	} else if mi["/Suspects"] == true {
		c.fail(Marked, "catalog", "/MarkInfo /Suspects is true")
	}
	if vp := o.dict(cat["/ViewerPreferences"]); vp == nil || vp["/DisplayDocTitle"] != true {
		c.fail(DisplayTitle, "catalog", "/ViewerPreferences /DisplayDocTitle is not true")
	}
	if strings.TrimSpace(text(cat["/Lang"])) == "" {
		c.fail(Language, "catalog", "no /Lang")
	}
	c.metadata(cat)
	root := o.dict(cat["/StructTreeRoot"])
	if root == nil {
		c.fail(ContentTagged, "catalog", "no /StructTreeRoot: the file is not tagged")
		return
	}
	roles := o.dict(root["/RoleMap"])
	t := c.tree(root, roles)
	c.pages(root, t)
	c.structure(t)
	c.fonts()
}

// metadata checks the XMP packet identifies PDF/UA-1 and has a title.
func (c *checker) metadata(cat map[string]any) {
	ref, _ := cat["/Metadata"].(string)
	xmp := c.o.data(ref)
	if ref == "" || xmp == "" {
		c.fail(Identification, "catalog", "no XMP metadata stream")
		return
	}
	if !strings.Contains(xmp, "<pdfuaid:part>1</pdfuaid:part>") && !strings.Contains(xmp, `pdfuaid:part="1"`) {
		c.fail(Identification, ref, "the XMP does not claim pdfuaid:part 1")
	}
	if i := strings.Index(xmp, "<dc:title>"); i < 0 || !strings.Contains(xmp[i:], "<rdf:li") {
		c.fail(Identification, ref, "the XMP has no dc:title")
	}
}
