package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func samplePacket() *Packet {
	p := NewPacket("staff")
	p.Title = "Test packet"
	p.Author = "A. Author"
	p.Date = "2026-11-25"
	p.Marking = "UNCLASSIFIED"
	p.Variables["agency"] = "DOE"
	body := "Edited **body**."
	p.Sections = []SectionRef{
		{Template: "summary", Included: true},
		{Template: "provisions", Title: "What it says", Body: &body, Included: true},
		{Template: "scope", Included: false},
	}
	p.Style.Logo = []byte{1, 2, 3}
	return p
}

func TestSaveLoadRoundTrip(t *testing.T) {
	fs := afero.NewMemMapFs()
	p := samplePacket()
	if err := SavePacket(fs, "/work/p.briefing", p); err != nil {
		t.Fatal(err)
	}
	got, err := LoadPacket(fs, "/work/p.briefing")
	if err != nil {
		t.Fatal(err)
	}
	for i := range got.Sections {
		got.Sections[i].Line = 0
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip changed the packet:\n got %+v\nwant %+v", got, p)
	}
	// Saving again gives the same bytes: packets diff cleanly in git.
	var a, b bytes.Buffer
	_ = WritePacket(&a, p)
	_ = WritePacket(&b, got)
	if a.String() != b.String() {
		t.Error("second save differs from the first")
	}
	if entries, _ := afero.ReadDir(fs, "/work"); len(entries) != 1 {
		t.Errorf("folder holds %d files after save, want 1 (no temp files left)", len(entries))
	}
}

func TestSectionsAreIncludedUnlessSaidOtherwise(t *testing.T) {
	p, err := DecodePacket("p", []byte(`{"version":1,"title":"T","audience":"staff","sections":[
  {"template":"summary"},
  {"template":"scope","included":false}
]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Sections[0].Included || p.Sections[1].Included {
		t.Errorf("included = %v, %v; want true, false", p.Sections[0].Included, p.Sections[1].Included)
	}
	if p.Sections[0].Line != 2 || p.Sections[1].Line != 3 {
		t.Errorf("section lines = %d, %d; want 2, 3", p.Sections[0].Line, p.Sections[1].Line)
	}
	if p.Style.PageSize != "letter" || !p.Style.Cover || p.Style.FontSize != 11 {
		t.Errorf("defaults not applied: %+v", p.Style)
	}
}

func TestDecodePacketErrorsCarryLineAndColumn(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line, col  int
		want       string
	}{
		{"syntax", "{\n  \"version\": 1,\n  \"title\": \"x\"\n  \"audience\": \"staff\"\n}", 4, 3, "damaged or incomplete here (unexpected '\"')"},
		{"truncated", "{\n  \"version\": 1,\n  \"sections\": [", 3, 15, "ends too soon"},
		{"wrong type", "{\n  \"version\": 1,\n  \"title\": 42\n}", 3, 14, `"title" should be text`},
		{"version", "{\"version\": 7}", 1, 1, "unsupported packet version 7"},
		{"no version", "{}", 1, 1, "p.briefing is not a Briefsmith packet"},
		{"text file", "Memo to staff", 1, 1, "p.briefing is not a Briefsmith packet"},
		{"pdf", "%PDF-1.4\n%\xb5\xb6\n1 0 obj", 1, 1, "p.briefing is a PDF document, not a Briefsmith packet"},
		{"word", "PK\x03\x04\x14\x00", 1, 1, "p.briefing is a zip file (a Word document, say), not a Briefsmith packet"},
		{"nul byte", "{\"version\":1,\"title\":\"a\x00\"}", 1, 24, "NUL byte"},
		{"invalid utf-8", "{\n\"title\":\"\xff\"}", 2, 10, "not valid UTF-8"},
		// The same invalid text written as JSON escapes: half of a
		// UTF-16 surrogate pair, without its other half.
		{"lone high surrogate", "{\n\"version\": 1,\n\"title\": \"a\\ud800b\"}", 3, 12, `\ud800 is half of a character code (a UTF-16 surrogate) without its other half`},
		{"lone low surrogate", "{\"version\": 1, \"title\": \"\\uDFFF\"}", 1, 26, `\uDFFF is half of a character code`},
		{"pair reversed", "{\"version\": 1, \"title\": \"\\udc00\\ud800\"}", 1, 26, `\udc00 is half`},
		{"high then not low", "{\"version\": 1, \"title\": \"\\ud83d\\u0041\"}", 1, 26, `\ud83d is half`},
		{"high at the end", "{\"version\": 1, \"title\": \"\\\\\\ud83d\"}", 1, 28, `\ud83d is half`},
		{"in a key", "{\"version\": 1, \"\\ud800\": 1}", 1, 17, `\ud800 is half`},
		{"in a body", "{\"version\": 1, \"sections\": [\n{\"template\": \"scope\",\n \"body\": \"ok \\n \\\"\\udbff\\\"\"}]}", 3, 19, `\udbff is half`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodePacket("p.briefing", []byte(tc.text))
			var p Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %v is not a Problem", err)
			}
			if p.File != "p.briefing" || p.Line != tc.line || p.Col != tc.col || !strings.Contains(p.Message, tc.want) {
				t.Errorf("got %q, want %d:%d and %q", p.String(), tc.line, tc.col, tc.want)
			}
		})
	}
}

// TestDecodePacketKeepsWholeEscapedCharacters: a surrogate pair written
// as two escapes is one character, and an escaped backslash before
// "ud800" is text.
func TestDecodePacketKeepsWholeEscapedCharacters(t *testing.T) {
	p, err := DecodePacket("p.briefing", []byte(`{"version": 1, "title": "\ud83d\ude00 \\ud800 \u00e9", "audience": "staff", "sections": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "😀 \\ud800 é" {
		t.Errorf("title %q", p.Title)
	}
}

func TestSaveIsAtomicUnderEveryFault(t *testing.T) {
	for _, step := range []string{"create", "write", "sync", "close", "chmod", "rename"} {
		t.Run(step, func(t *testing.T) {
			mem := afero.NewMemMapFs()
			old := samplePacket()
			if err := SavePacket(mem, "/d/p.briefing", old); err != nil {
				t.Fatal(err)
			}
			before, _ := afero.ReadFile(mem, "/d/p.briefing")
			changed := samplePacket()
			changed.Title = "Changed title that must not half-appear"
			err := SavePacket(faultFs{Fs: mem, failOn: step}, "/d/p.briefing", changed)
			if !errors.Is(err, errInjected) {
				t.Fatalf("save error = %v, want the injected fault", err)
			}
			if !strings.Contains(err.Error(), "/d/p.briefing") {
				t.Errorf("error %q does not name the file", err)
			}
			after, _ := afero.ReadFile(mem, "/d/p.briefing")
			if !bytes.Equal(before, after) {
				t.Error("the previous file changed after a failed save")
			}
			if entries, _ := afero.ReadDir(mem, "/d"); len(entries) != 1 {
				t.Errorf("%d files in the folder, want 1: temporary file left behind", len(entries))
			}
		})
	}
}

func TestCloneIsDeep(t *testing.T) {
	p := samplePacket()
	c := p.Clone()
	c.Variables["agency"] = "changed"
	c.Sections[0].Title = "changed"
	*c.Sections[1].Body = "changed"
	c.Style.Logo[0] = 9
	if p.Variables["agency"] != "DOE" || p.Sections[0].Title != "" || *p.Sections[1].Body != "Edited **body**." || p.Style.Logo[0] != 1 {
		t.Error("changing the clone changed the original")
	}
}

// Every field of a packet, filled by reflection so a field added later is
// covered too, must be copied, equal, and share no memory with the original.
func TestCloneCoversEveryField(t *testing.T) {
	var p Packet
	fill(reflect.ValueOf(&p).Elem())
	c := p.Clone()
	if !reflect.DeepEqual(&p, c) {
		t.Fatalf("clone differs:\n%+v\n%+v", p, *c)
	}
	if path := shared(reflect.ValueOf(p), reflect.ValueOf(*c), "Packet"); path != "" {
		t.Errorf("clone shares %s with the original", path)
	}
}

// fill sets every field reachable from v to a non-zero value.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int64:
		v.SetInt(7)
	case reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Uint8:
		v.SetUint(9)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		v.SetMapIndex(k, e)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

// shared returns the path of the first slice, map or pointer that a and b
// have in common, or "".
func shared(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.Pointer() == b.Pointer() {
			return path
		}
		return shared(a.Elem(), b.Elem(), "*"+path)
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return path
		}
		for i := range a.Len() {
			if p := shared(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	case reflect.Map:
		if a.Pointer() == b.Pointer() {
			return path
		}
		for _, k := range a.MapKeys() {
			if p := shared(a.MapIndex(k), b.MapIndex(k), fmt.Sprintf("%s[%v]", path, k)); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				if p := shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// Every way the program writes a file goes through WriteFileAtomic; this
// checks each caller keeps the previous file under every injected fault.
func TestEverySaverIsAtomic(t *testing.T) {
	lib := builtinLibrary(t)
	tm, _ := lib.Get("outlook")
	savers := map[string]struct {
		path string
		save func(fs afero.Fs) error
	}{
		"recovery": {"/d/recovery-7.json", func(fs afero.Fs) error {
			return SaveRecovery(fs, "/d", Recovery{Path: "/x", Owner: Owner{PID: 7}, Packet: samplePacket()})
		}},
		"template": {"/d/outlook-2.md", func(fs afero.Fs) error {
			c := *tm
			_, err := SaveUserTemplate(fs, "/d", lib, &c)
			return err
		}},
		"export": {"/d/out.pdf", func(fs afero.Fs) error {
			p := NewPacket("staff")
			p.Sections = []SectionRef{{Template: "scope", Included: true}}
			_, err := Export(fs, "/d/out.pdf", lib, p, "p")
			return err
		}},
	}
	for name, sv := range savers {
		for _, step := range []string{"create", "write", "sync", "close", "chmod", "rename"} {
			t.Run(name+"/"+step, func(t *testing.T) {
				if step == "chmod" && name == "template" {
					// A template is always saved under a new name, and a
					// new file takes its mode from the umask: no chmod.
					t.Skip("no chmod step for a new file")
				}
				mem := afero.NewMemMapFs()
				_ = afero.WriteFile(mem, sv.path, []byte("previous contents"), 0o644)
				err := sv.save(faultFs{Fs: mem, failOn: step})
				if !errors.Is(err, errInjected) {
					t.Fatalf("error = %v, want the injected fault", err)
				}
				if got, _ := afero.ReadFile(mem, sv.path); string(got) != "previous contents" {
					t.Errorf("previous file changed: %.40q", got)
				}
				if entries, _ := afero.ReadDir(mem, "/d"); len(entries) != 1 {
					t.Errorf("%d files left in the folder, want 1", len(entries))
				}
			})
		}
	}
}

func TestUnknownFieldsAreKeptAndWarned(t *testing.T) {
	data := []byte(`{"version": 1, "title": "T", "audience": "staff",
  "reviewers": ["a", "b"],
  "sections": [{"template": "scope", "note": "x"}],
  "style": {"page_size": "a4", "font_size": 11, "accent": "#1F4E79", "cover": true, "toc": true, "margins": 3}}`)
	p, err := DecodePacket("new.briefing", data)
	if err != nil {
		t.Fatal(err)
	}
	got := p.Notes.Error()
	for _, want := range []string{`new.briefing:2:3: warning: unknown field "reviewers"`, `unknown field "sections[0].note"`, `unknown field "style.margins"`} {
		if !strings.Contains(got, want) {
			t.Errorf("notes lack %q:\n%s", want, got)
		}
	}
	var buf bytes.Buffer
	if err := WritePacket(&buf, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\"reviewers\": [\n    \"a\",\n    \"b\"\n  ]\n}") {
		t.Errorf("unknown top-level field not kept on save:\n%s", buf.String())
	}
	_, probs := Resolve(builtinLibrary(t), p, "new.briefing")
	if !strings.Contains(probs.Error(), "reviewers") || probs.HasErrors() {
		t.Errorf("Resolve problems = %v", probs)
	}
}

// Windows editors save UTF-8 with a byte order mark: the packet still loads.
func TestPacketWithAByteOrderMarkLoads(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePacket(&buf, samplePacket()); err != nil {
		t.Fatal(err)
	}
	p, err := DecodePacket("bom.briefing", append([]byte("\ufeff"), buf.Bytes()...))
	if err != nil || p.Title != samplePacket().Title {
		t.Fatalf("packet with a BOM: %v", err)
	}
}
