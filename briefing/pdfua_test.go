package briefing

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/briefsmith/briefsmith/internal/pdfua"
)

// stressBody holds every block type a section can have, once each, with
// a note and a citation: repeated, it makes the long document the PDF/UA
// check runs on beside the samples.
const stressBody = `An opening paragraph with **bold**, *italic*, ` + "`code`" + `, a [link](https://example.org/a) and a note.[^n] It cites the article [@article].

# A heading

Text under it.

## A subheading

- A bullet
- Another, with a nested list:
  - inner
    - innermost

1. First
2. Second

| Column | Value |
|---|--:|
| One | 1 |
| Two | 2 |

> [!TAKEAWAY]
> A key takeaway.

> [!WARNING]
> A warning.

> A plain quotation.

` + "```lines 3\n```" + `

Term
: Its definition.

Another term
: Another definition.

` + "```\ncode   kept as written\n```" + `

---

[^n]: The note's text.
`

// longTable runs over a page break, so its header row, which holds a
// link, is repeated as an artifact on the next page.
var longTable = "| [Source](https://example.org/s) | Value |\n|---|---|\n" + strings.Repeat("| A row of the long table | 1 |\n", 70)

// stressPacket is the client sample (cover, contents, logo with its
// description, marking) with its sections replaced by sections of every
// block type, past 30 pages, and a watermark.
func stressPacket(t *testing.T) *Packet {
	p := loadSampleNamed(t, "client.briefing")
	p.Watermark = "DRAFT"
	p.PageLimit = 0
	body := strings.Repeat(stressBody+"\n<!-- pagebreak -->\n\n", 3) + longTable
	p.Sections = nil
	for range 12 {
		b := body
		p.Sections = append(p.Sections, SectionRef{Template: "blank", Title: "Every block", Included: true, Body: &b})
	}
	p.Sections = append(p.Sections, SectionRef{Template: "background", Included: true})
	return p
}

// The exports meet every PDF/UA checkpoint pdfua checks: the three
// samples, and a document of every block type over 30 pages.
func TestExportsPassThePDFUAChecks(t *testing.T) {
	lib := builtinLibrary(t)
	cases := map[string]*Packet{"stress": stressPacket(t)}
	for _, n := range []string{"staff", "classroom", "client"} {
		cases[n] = loadSampleNamed(t, n+".briefing")
	}
	for name, p := range cases {
		t.Run(name, func(t *testing.T) {
			data, res, err := RenderPacket(lib, p, name+".briefing")
			if err != nil {
				t.Fatal(err)
			}
			if name == "stress" && res.Info.Pages < 30 {
				t.Fatalf("the stress document has %d pages, want 30 or more", res.Info.Pages)
			}
			r, err := pdfua.CheckFile(writePDF(t, data))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range r.Failures {
				t.Error(f)
			}
			if r.Counts.Tagged == 0 || r.Counts.Artifact == 0 {
				t.Errorf("counts %+v", r.Counts)
			}
			want := []string{"H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Link", "Table", "TH", "TD"}
			if name == "stress" || name == "client" {
				want = append(want, "Figure", "TOC", "TOCI")
			}
			if name == "stress" {
				want = append(want, "H3", "Note", "BlockQuote", "Code")
			}
			for _, e := range want {
				if r.Elements[e] == 0 {
					t.Errorf("no %s element: the check did not see what it checks (%v)", e, r.Elements)
				}
			}
		})
	}
}

// Each check fails on a file broken on purpose in what it checks — and
// only that check, so each is known to look at what it names.
func TestEachPDFUACheckFailsOnABrokenFile(t *testing.T) {
	lib := builtinLibrary(t)
	data, _, err := RenderPacket(lib, stressPacket(t), "stress.briefing")
	if err != nil {
		t.Fatal(err)
	}
	// qpdf's update does not reach objects inside object streams, where
	// the structure elements are: the file is broken from a copy without
	// them, which must pass first.
	good := filepath.Join(t.TempDir(), "flat.pdf")
	tool(t, "qpdf", "--object-streams=disable", writePDF(t, data), good)
	if r, err := pdfua.CheckFile(good); err != nil || len(r.Failures) > 0 {
		t.Fatalf("the unbroken file fails: %v %v", err, r.Failures)
	}
	objs := qpdfObjects(t, good)
	elem := func(s string) string { // the first structure element of type s
		for _, ref := range objs.sorted() {
			if v := objs.value(ref); v["/S"] == s {
				return ref
			}
		}
		t.Fatalf("no %s element", s)
		return ""
	}
	catalog := objs.trailer["/Root"].(string)
	page1 := objs.pages[0]
	var linkAnnot, type0 string
	for _, ref := range objs.sorted() {
		v := objs.value(ref)
		if v["/Subtype"] == "/Link" && linkAnnot == "" {
			linkAnnot = ref
		}
		if v["/Subtype"] == "/Type0" && type0 == "" {
			type0 = ref
		}
	}
	breaks := map[pdfua.Check]func() map[string]any{
		pdfua.Marked:        func() map[string]any { return objs.with(catalog, "/MarkInfo", map[string]any{"/Marked": false}) },
		pdfua.DisplayTitle:  func() map[string]any { return objs.with(catalog, "/ViewerPreferences", map[string]any{}) },
		pdfua.Language:      func() map[string]any { return objs.with(catalog, "/Lang", nil) },
		pdfua.Tabs:          func() map[string]any { return objs.with(page1, "/Tabs", nil) },
		pdfua.ParentTree:    func() map[string]any { return objs.with(page1, "/StructParents", 9999) },
		pdfua.StandardTypes: func() map[string]any { return objs.with(elem("/P"), "/S", "/Para") },
		pdfua.FigureAlt:     func() map[string]any { return objs.with(elem("/Figure"), "/Alt", nil) },
		pdfua.Headings:      func() map[string]any { return objs.with(elem("/H2"), "/S", "/H4") },
		pdfua.TableHeaders:  func() map[string]any { return objs.with(elem("/TH"), "/A", nil) },
		pdfua.Lists:         func() map[string]any { return objs.with(elem("/L"), "/A", nil) },
		pdfua.Notes:         func() map[string]any { return objs.with(elem("/Note"), "/ID", nil) },
		pdfua.Links:         func() map[string]any { return objs.with(linkAnnot, "/Contents", nil) },
		pdfua.Fonts:         func() map[string]any { return objs.with(type0, "/ToUnicode", nil) },
		pdfua.Contents:      func() map[string]any { return objs.with(elem("/TOCI"), "/S", "/P") },
		pdfua.Identification: func() map[string]any {
			return objs.streamData(objs.value(catalog)["/Metadata"].(string), func(x string) string {
				return strings.ReplaceAll(x, "<pdfuaid:part>1</pdfuaid:part>", "")
			})
		},
		pdfua.ContentTagged: func() map[string]any {
			return objs.streamData(objs.value(page1)["/Contents"].(string), func(x string) string {
				return x + "\n0 0 m 10 10 l S\n"
			})
		},
	}
	for _, check := range pdfua.Checks {
		t.Run(string(check), func(t *testing.T) {
			mutate, ok := breaks[check]
			if !ok {
				t.Fatalf("no broken file for the check %q", check)
			}
			broken := qpdfUpdate(t, objs, good, mutate())
			r, err := pdfua.CheckFile(broken)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.FailedChecks(); !slices.Equal(got, []pdfua.Check{check}) {
				t.Errorf("failed checks %v, want only %s: %v", got, check, r.Failures)
			}
		})
	}
}

// qpdfJSON is a file's objects as qpdf's JSON (version 2) has them, for
// writing a changed copy of a few with qpdf --update-from-json.
type qpdfJSON struct {
	// header is qpdf's own first element: an update must repeat it
	// (without calledgetallpages, qpdf ignored changes to pages).
	header  json.RawMessage
	raw     map[string]json.RawMessage
	trailer map[string]any
	pages   []string
}

func qpdfObjects(t *testing.T, path string) *qpdfJSON {
	out, err := exec.Command("qpdf", "--json", "--json-stream-data=inline", "--decode-level=all", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Qpdf  []json.RawMessage `json:"qpdf"`
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	q := &qpdfJSON{header: doc.Qpdf[0]}
	if err := json.Unmarshal(doc.Qpdf[1], &q.raw); err != nil {
		t.Fatal(err)
	}
	var tr struct {
		Value map[string]any `json:"value"`
	}
	_ = json.Unmarshal(q.raw["trailer"], &tr)
	q.trailer = tr.Value
	for _, p := range doc.Pages {
		q.pages = append(q.pages, p.Object)
	}
	return q
}

// sorted is the object references in a fixed order.
func (q *qpdfJSON) sorted() []string {
	var out []string
	for k := range q.raw {
		if strings.HasPrefix(k, "obj:") {
			out = append(out, strings.TrimPrefix(k, "obj:"))
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		x, _ := strconv.Atoi(strings.Fields(a)[0])
		y, _ := strconv.Atoi(strings.Fields(b)[0])
		return x - y
	})
	return out
}

// value is a plain object's dictionary (nil for streams).
func (q *qpdfJSON) value(ref string) map[string]any {
	var v struct {
		Value map[string]any `json:"value"`
	}
	_ = json.Unmarshal(q.raw["obj:"+ref], &v)
	return v.Value
}

// data is stream ref's decoded data.
func (q *qpdfJSON) data(ref string) string {
	var v struct {
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	_ = json.Unmarshal(q.raw["obj:"+ref], &v)
	b, _ := base64.StdEncoding.DecodeString(v.Stream.Data)
	return string(b)
}

// with is the update setting key of ref's dictionary to v (nil removes it).
func (q *qpdfJSON) with(ref, key string, v any) map[string]any {
	d := q.value(ref)
	if d == nil {
		panic("not a dictionary: " + ref)
	}
	if v == nil {
		delete(d, key)
	} else {
		d[key] = v
	}
	return map[string]any{"obj:" + ref: map[string]any{"value": d}}
}

// streamData is the update replacing stream ref's data with change of
// its decoded data, stored unfiltered.
func (q *qpdfJSON) streamData(ref string, change func(string) string) map[string]any {
	var v struct {
		Stream struct {
			Dict map[string]any `json:"dict"`
			Data string         `json:"data"`
		} `json:"stream"`
	}
	_ = json.Unmarshal(q.raw["obj:"+ref], &v)
	b, _ := base64.StdEncoding.DecodeString(v.Stream.Data)
	d := v.Stream.Dict
	delete(d, "/Filter")
	delete(d, "/DecodeParms")
	delete(d, "/Length")
	return map[string]any{"obj:" + ref: map[string]any{"stream": map[string]any{
		"dict": d, "data": base64.StdEncoding.EncodeToString([]byte(change(string(b))))}}}
}

// qpdfUpdate writes a copy of path with objects replaced, and returns
// its path.
func qpdfUpdate(t *testing.T, q *qpdfJSON, path string, objects map[string]any) string {
	dir := t.TempDir()
	update, _ := json.Marshal(map[string]any{"qpdf": []any{q.header, objects}})
	if err := os.WriteFile(filepath.Join(dir, "update.json"), update, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "broken.pdf")
	if b, err := exec.Command("qpdf", path, "--update-from-json="+filepath.Join(dir, "update.json"), out).CombinedOutput(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Fatalf("qpdf --update-from-json: %v\n%s", err, b)
		}
	}
	return out
}
