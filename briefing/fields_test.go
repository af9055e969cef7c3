package briefing

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// testFields are the fields of a packet with two declared variables.
func testFields() Fields {
	f := Fields{label: map[string]string{}, name: map[string]string{}}
	f.add("order_number", "Order number")
	f.add("signing_date", "Signing date")
	f.add("prepared_for", "Prepared for")
	return f
}

// execBody fills source with vals, as export does.
func execBody(t testing.TB, source string, vals map[string]any) string {
	t.Helper()
	tm, err := parseBody("body", source)
	if err != nil {
		t.Fatalf("source does not parse: %v\n%s", err, source)
	}
	tmpl := &Template{ID: "body", File: "t", tmpl: tm}
	out, err := tmpl.Execute(vals)
	if err != nil {
		t.Fatalf("source does not run: %v\n%s", err, source)
	}
	return out
}

// valueSets are the fields empty, filled, and each alone.
var valueSets = []map[string]any{
	{"order_number": "", "signing_date": "", "prepared_for": ""},
	{"order_number": "14999", "signing_date": "1 May", "prepared_for": "the Member"},
	{"order_number": "14999", "signing_date": "", "prepared_for": ""},
	{"order_number": "", "signing_date": "1 May", "prepared_for": "x"},
}

func TestPlainFormReadsLikeText(t *testing.T) {
	f := testFields()
	for _, tc := range []struct{ source, plain string }{
		{"an order{{if .order_number}} ({{.order_number}}){{end}}{{if .signing_date}}, dated {{.signing_date}},{{end}} that", "an order[if Order number:  ([Order number])][if Signing date: , dated [Signing date],] that"},
		{"For {{.prepared_for}}.", "For [Prepared for]."},
		{"{{if .order_number}}a{{else if .signing_date}}b{{else}}c{{end}}", "[if Order number: a | else if Signing date: b | else: c]"},
		{`Braces {{"{{"}}x}} stay; a [link](https://x.org) and [Order number] typed.`, `Braces {{x}} stay; a [link](https://x.org) and \[Order number] typed.`},
		{"{{if .order_number}}a]b|c\\d{{end}}", `[if Order number: a\]b\|c\\d]`},
	} {
		plain, ok := f.ToPlain(tc.source)
		if !ok || plain != tc.plain {
			t.Errorf("ToPlain(%q) = %q, %v; want %q", tc.source, plain, ok, tc.plain)
			continue
		}
		back := f.FromPlain(plain)
		for _, vals := range valueSets {
			if got, want := execBody(t, back, vals), execBody(t, tc.source, vals); got != want {
				t.Errorf("%q: back from plain prints %q, the source %q", tc.source, got, want)
			}
		}
	}
	// What plain form cannot show stays as it is.
	for _, src := range []string{`{{range .x}}{{end}}`, `{{if eq .order_number "1"}}a{{end}}`, `{{.unknown}}`, "a\\{{.order_number}}"} {
		if _, ok := f.ToPlain(src); ok {
			t.Errorf("ToPlain(%q) claims a plain form", src)
		}
	}
}

func TestTypedTextIsNeverTemplateCode(t *testing.T) {
	f := testFields()
	for _, typed := range []string{
		"function {{the}} not defined", "unexpected {{", "{{", "}}", "{", "{{{{", "a{{.order_number}}b",
		`{{"{{"}}`, "[if Order number: unclosed", "[if Nobody: x]", "[Nobody]", `\`, `a\`, "{[Order number]",
		"[if Order number: {]", "[if Order number: a | else: b | else: c]",
	} {
		src := f.FromPlain(typed)
		out := execBody(t, src, valueSets[1])
		if !strings.ContainsAny(typed, "[\\") && out != typed {
			t.Errorf("%q prints %q", typed, out)
		}
		if again := f.FromPlain(mustPlain(t, f, src)); again != src {
			t.Errorf("%q: source %q reads back as %q", typed, src, again)
		}
	}
}

func mustPlain(t testing.TB, f Fields, src string) string {
	t.Helper()
	p, ok := f.ToPlain(src)
	if !ok {
		t.Fatalf("FromPlain wrote source plain form cannot show: %q", src)
	}
	return p
}

// randomSource builds template source from the pieces plain form shows,
// with text full of the characters it escapes.
func randomSource(rng *rand.Rand, depth int) string {
	texts := []string{"a", " ", "[", "]", "|", `\`, "{", "}", "{{\"{{\"}}", ":", "if ", " | else: ", "[Order number]", "[if Signing date: ", "\n"}
	fields := []string{"order_number", "signing_date", "prepared_for"}
	var b strings.Builder
	for n := rng.IntN(8); n > 0; n-- {
		switch k := rng.IntN(10); {
		case k < 6:
			b.WriteString(texts[rng.IntN(len(texts))])
		case k < 8:
			b.WriteString("{{." + fields[rng.IntN(3)] + "}}")
		case depth < 3:
			b.WriteString("{{if ." + fields[rng.IntN(3)] + "}}" + randomSource(rng, depth+1))
			if rng.IntN(2) == 0 {
				b.WriteString("{{else if ." + fields[rng.IntN(3)] + "}}" + randomSource(rng, depth+1))
			}
			if rng.IntN(2) == 0 {
				b.WriteString("{{else}}" + randomSource(rng, depth+1))
			}
			b.WriteString("{{end}}")
		}
	}
	return b.String()
}

// FuzzPlainFields checks the mapping both ways: any typed text is valid
// source that reads back the same, and any source plain form can show
// prints the same after a trip through it.
func FuzzPlainFields(f *testing.F) {
	for _, s := range []string{"", "[if Order number: ([Order number])]", "{{", `\[Order number]`, "[if Order number: a | else: b]"} {
		f.Add(s, uint64(1))
	}
	fs := testFields()
	f.Fuzz(func(t *testing.T, typed string, seed uint64) {
		src := fs.FromPlain(typed)
		for _, vals := range valueSets {
			execBody(t, src, vals)
		}
		if again := fs.FromPlain(mustPlain(t, fs, src)); again != src {
			t.Fatalf("%q: source %q reads back as %q", typed, src, again)
		}
		gen := randomSource(rand.New(rand.NewPCG(seed, seed>>7)), 0)
		plain, ok := fs.ToPlain(gen)
		if !ok {
			return // a backslash before a field: shown as source
		}
		back := fs.FromPlain(plain)
		for _, vals := range valueSets {
			if got, want := execBody(t, back, vals), execBody(t, gen, vals); got != want {
				t.Fatalf("source %q via plain %q prints %q, want %q", gen, plain, got, want)
			}
		}
	})
}

// Every built-in template reads in plain form for every audience: no one
// editing a section of ours meets template code.
func TestEveryBuiltinTemplateReadsInPlainForm(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket(Staff)
	for _, tm := range lib.Templates() {
		p.Sections = append(p.Sections, SectionRef{Template: tm.ID, Included: true})
	}
	f := FieldsOf(lib, p)
	for _, tm := range lib.Templates() {
		for _, a := range Audiences() {
			src := tm.BodyFor(a)
			plain, ok := f.ToPlain(src)
			if !ok || strings.Contains(plain, "{{") {
				t.Errorf("%s for %s has no plain form:\n%s", tm.ID, a, src)
				continue
			}
			if back := f.FromPlain(plain); back != src {
				for _, vals := range valueSets {
					if execBody(t, back, vals) != execBody(t, src, vals) {
						t.Errorf("%s for %s prints differently after a trip through plain form", tm.ID, a)
						break
					}
				}
			}
		}
	}
}

// LabelSpans finds every place a field is named in plain form, and only
// those: a bracket escaped or naming no field is text.
func TestLabelSpans(t *testing.T) {
	lib := builtinLibrary(t)
	p := NewPacket(Staff)
	p.Sections = []SectionRef{{Template: "summary", Included: true}}
	f := FieldsOf(lib, p)
	plain := `Order [Executive order number] \[Executive order number] [not a field] [if Executive order number: (x) | else if Date the order was signed: y | else: z]`
	var got []string
	for _, s := range f.LabelSpans(plain) {
		got = append(got, plain[s[0]:s[1]])
	}
	want := []string{"[Executive order number]", "[if Executive order number: ", " | else if Date the order was signed: "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spans %q, want %q", got, want)
	}
}

// A handout's settings are its Teacher, School and Header text: its
// fields read so, where a memo's read Author, Organization and Marking,
// as each one's Settings name them.
func TestFieldsAreNamedAsTheAudienceNamesTheSettings(t *testing.T) {
	lib := builtinLibrary(t)
	for a, want := range map[Audience][3]string{
		Staff:     {"Author", "Organization", "Marking"},
		Classroom: {"Teacher", "School", "Header text"},
	} {
		f := FieldsOf(lib, NewPacket(a))
		got := [3]string{f.Label("author"), f.Label("organization"), f.Label("marking")}
		if got != want {
			t.Errorf("%s: fields read %q, want %q", a, got, want)
		}
		if f.FromPlain("By ["+want[0]+"]") != "By {{.author}}" {
			t.Errorf("%s: [%s] is not the author field", a, want[0])
		}
	}
}
