package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/briefsmith/briefsmith/sectiontext"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// Variable is a value a template asks the packet for.
type Variable struct {
	Name     string `yaml:"name" json:"name"`
	Label    string `yaml:"label,omitempty" json:"label"`
	Default  string `yaml:"default,omitempty" json:"default,omitempty"`
	Required bool   `yaml:"required,omitempty" json:"required,omitempty"`
	Help     string `yaml:"help,omitempty" json:"help,omitempty"`
	// Example is a value as the user would type it, shown in the empty
	// field: how much to type ("14365", not "EO 14365") when the text
	// around the field already says the rest.
	Example string `yaml:"example,omitempty" json:"example,omitempty"`
	// Verify marks a fact the source article does not give (a signing date,
	// an order number): the text reads naturally without it, and validation
	// lists it as "to verify" until the user fills it in.
	Verify bool `yaml:"verify,omitempty" json:"verify,omitempty"`
}

// Source is a public document a template's statements rest on.
type Source struct {
	// ID is what a citation in the text names the source by
	// ("[@eo14110]"); sources without one cannot be cited.
	ID        string `yaml:"id,omitempty" json:"id,omitempty"`
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	Date      string `yaml:"date,omitempty" json:"date,omitempty"`
}

// Template is one section template: front matter plus a Markdown body with
// text/template placeholders over the packet's variables.
type Template struct {
	ID        string     `yaml:"id" json:"id"`
	Title     string     `yaml:"title" json:"title"`
	Kind      Kind       `yaml:"kind" json:"kind"`
	Summary   string     `yaml:"summary,omitempty" json:"summary"`
	Audiences []Audience `yaml:"audiences,omitempty" json:"audiences,omitempty"`
	// Titles gives the title for particular audiences ("client":
	// "Executive Summary"); Title serves the rest.
	Titles    map[Audience]string `yaml:"titles,omitempty" json:"titles,omitempty"`
	Variables []Variable          `yaml:"variables,omitempty" json:"variables,omitempty"`
	Sources   []Source            `yaml:"sources,omitempty" json:"sources,omitempty"`
	// ExcludedByDefault starts the section switched off in new packets:
	// a teacher's answer key must not print in the students' copies
	// unless the teacher asks for it.
	ExcludedByDefault bool `yaml:"excluded_by_default,omitempty" json:"excluded_by_default,omitempty"`

	// Body is the Markdown after the front matter, placeholders unfilled.
	Body string `yaml:"-" json:"-"`
	// Origin is "built-in" or the path of the user's file.
	Origin string `yaml:"-" json:"origin"`
	// File names the file for messages; BodyLine is the file line on which
	// Body starts, so placeholder errors point into the file.
	File     string `yaml:"-" json:"-"`
	BodyLine int    `yaml:"-" json:"-"`

	tmpl *template.Template
	// models holds the body read into the text model for each audience,
	// read once: a template never changes once read, and the app resolves
	// the packet on every keystroke. nil for a template not from
	// ParseTemplate, which then reads it each time.
	models *sync.Map // Audience → sectiontext.Body
}

// OriginBuiltIn is the Origin of templates embedded in the program.
const OriginBuiltIn = "built-in"

// Suits reports whether the template lists audience, or lists none (and so
// suits every audience).
func (t *Template) Suits(audience Audience) bool {
	if len(t.Audiences) == 0 {
		return true
	}
	for _, a := range t.Audiences {
		if a == audience {
			return true
		}
	}
	return false
}

// TitleFor returns the template's title for audience.
func (t *Template) TitleFor(audience Audience) string {
	if s := t.Titles[audience]; s != "" {
		return s
	}
	return t.Title
}

// ParseTemplate reads a template file. name is used in messages and as the
// template's Origin-independent file name. Problems carry file and line.
func ParseTemplate(name string, data []byte) (*Template, error) {
	fail := func(line, col int, format string, args ...any) error {
		return Problem{Severity: Error, Section: -1, File: name, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
	}
	if !utf8.Valid(data) {
		return nil, fail(0, 0, "file is not valid UTF-8 text")
	}
	// Lines end as the editor that wrote the file ends them: LF, CRLF
	// (Windows) or a CR alone (old Mac editors). Each becomes one LF,
	// so every line, and every line number, is the same whichever.
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") {
		return nil, fail(1, 1, "missing front matter: the file must start with a line \"---\"")
	}
	rest := text[len("---\n"):]
	end := strings.Index(rest, "\n---\n")
	endLen := len("\n---\n")
	if end < 0 && strings.HasSuffix(rest, "\n---") {
		end, endLen = len(rest)-len("\n---"), len("\n---")
	}
	if end < 0 {
		return nil, fail(1, 1, "front matter is not closed: add a line \"---\" after it")
	}
	front := rest[:end]
	body := rest[end+endLen:]
	// Front matter starts on line 2; the body starts after the closing line.
	bodyLine := 2 + strings.Count(front, "\n") + 2

	t := &Template{File: name, BodyLine: bodyLine, Body: body, models: &sync.Map{}}
	if line, col, msg := refusedYAML(front); msg != "" {
		return nil, fail(line, col, "front matter: %s", msg)
	}
	if err := decodeFront(front, t); err != nil {
		line, col, msg := 0, 0, err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				line, col = tk.Position.Line+1, tk.Position.Column
			}
		}
		return nil, fail(line, col, "front matter: %s", msg)
	}
	if err := t.check(); err != nil {
		return nil, fail(2, 0, "%s", err)
	}
	// Leading newlines make text/template's line numbers equal the file's.
	tm, err := parseBody(t.ID, strings.Repeat("\n", bodyLine-1)+body)
	if err != nil {
		return nil, templateProblem(name, err)
	}
	t.tmpl = tm
	return t, nil
}

// maxFrontDepth bounds how deeply front matter may nest: real front
// matter nests three levels (a list of sources, each a map of fields).
const maxFrontDepth = 16

// refusedYAML finds the first thing in front matter that is refused
// before go-yaml decodes it, with its position in file lines (front
// matter starting on line 2) and a message; msg is "" when there is none.
// Front matter needs none of these, and each is a way for a file from a
// stranger to hurt: tags make go-yaml v1.19.2 dereference nil
// (goccy/go-yaml#735); anchors and aliases let 600 bytes expand to
// gigabytes ("billion laughs"); deep nesting makes the decoder recurse
// until it runs out of memory. The lexer itself is linear, so this pass is
// cheap.
func refusedYAML(front string) (line, col int, msg string) {
	at := func(tk *token.Token) {
		if tk.Position != nil {
			line, col = tk.Position.Line+1, tk.Position.Column
		}
	}
	depth := 0
	for _, tk := range lexer.Tokenize(front) {
		switch tk.Type {
		case token.TagType:
			at(tk)
			return line, col, fmt.Sprintf("YAML tags such as %s are not supported; remove it or quote the value", QuoteUntrusted(tk.Value))
		case token.AnchorType, token.AliasType:
			at(tk)
			return line, col, "YAML anchors and aliases (& and *) are not supported; write the value out, or quote it if it starts with & or *"
		case token.SequenceStartType, token.MappingStartType:
			if depth++; depth > maxFrontDepth {
				at(tk)
				return line, col, fmt.Sprintf("lists and maps are nested more than %d deep", maxFrontDepth)
			}
		case token.SequenceEndType, token.MappingEndType:
			depth--
		}
		// Block nesting shows as indentation: each level indents further.
		if tk.Position != nil && tk.Position.Column > 2*maxFrontDepth+1 && startsLine(tk) {
			at(tk)
			return line, col, fmt.Sprintf("lists and maps are nested more than %d deep (indented %d columns)", maxFrontDepth, tk.Position.Column-1)
		}
	}
	return 0, 0, ""
}

// startsLine reports whether tk is the first token on its line.
func startsLine(tk *token.Token) bool {
	return tk.Prev == nil || tk.Prev.Position == nil || tk.Prev.Position.Line != tk.Position.Line
}

// decodeFront decodes front matter into t. A panic inside the decoder is a
// bug in go-yaml, but the user only sees a template that does not load, so
// it becomes an error rather than taking the app down.
func decodeFront(front string, t *Template) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("front matter could not be read (YAML decoder failure: %v)", r)
		}
	}()
	return yaml.UnmarshalWithOptions([]byte(front), t, yaml.DisallowUnknownField())
}

// parseBody parses a template body and refuses anything outside the subset
// of text/template that templates may use (see checkSubset).
func parseBody(id, body string) (*template.Template, error) {
	tm, err := template.New(id).Option("missingkey=error").Parse(body)
	if err != nil {
		return nil, err
	}
	// {{define}} or {{block}}: named sub-templates can call each other, so
	// they could recurse. The first in the file is reported, whatever order
	// the parser keeps them in.
	var first *parse.Tree
	for _, t := range tm.Templates() {
		if t.Name() != id && t.Tree != nil && t.Tree.Root != nil && (first == nil || t.Tree.Root.Pos < first.Root.Pos) {
			first = t.Tree
		}
	}
	if first != nil {
		loc, _ := first.ErrorContext(first.Root)
		return nil, fmt.Errorf("template: %s: {{define}} and {{block}} are not supported in templates", loc)
	}
	if tm.Tree != nil {
		if err := checkSubset(tm.Tree); err != nil {
			return nil, err
		}
	}
	return tm, nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (t *Template) check() error {
	switch {
	case t.ID == "":
		return errors.New(`front matter: "id" is required`)
	case !idPattern.MatchString(t.ID):
		return fmt.Errorf("front matter: id %q must be lower-case letters, digits and hyphens", t.ID)
	case strings.TrimSpace(t.Title) == "":
		return errors.New(`front matter: "title" is required`)
	}
	if !t.Kind.Valid() {
		return fmt.Errorf("front matter: kind %q is not one of %s", t.Kind, kindNames())
	}
	for _, a := range t.Audiences {
		if !a.Valid() {
			return fmt.Errorf("front matter: audience %q is not one of %s", a, AudienceNames(", "))
		}
	}
	for a := range t.Titles {
		if !a.Valid() {
			return fmt.Errorf("front matter: titles: audience %q is not one of %s", a, AudienceNames(", "))
		}
	}
	seen := map[string]bool{}
	for _, v := range t.Variables {
		if !varPattern.MatchString(v.Name) {
			return fmt.Errorf("front matter: variable name %q must be letters, digits and underscores, starting with a letter", v.Name)
		}
		if seen[v.Name] {
			return fmt.Errorf("front matter: variable %q is declared twice", v.Name)
		}
		if builtinVariable(v.Name) {
			return fmt.Errorf("front matter: variable %q is a built-in name, filled from the packet's own %s setting; use {{.%s}} without declaring it, or choose another name", v.Name, v.Name, v.Name)
		}
		seen[v.Name] = true
	}
	for i, s := range t.Sources {
		if strings.TrimSpace(s.Title) == "" {
			return fmt.Errorf("front matter: source %d has no title", i+1)
		}
		if s.ID != "" && len(sectiontext.CitationIDs("[@"+s.ID+"]")) != 1 {
			return fmt.Errorf("front matter: source %d has id %q; an id is letters, digits and the marks _ . : / - with no spaces, starting with a letter or digit, so the text can cite it as [@id]", i+1, s.ID)
		}
	}
	return nil
}

var varPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// maxSectionOutput bounds what one section's placeholders may expand to, so
// a runaway range in a hostile template cannot fill memory.
const maxSectionOutput = 4 << 20

// Execute fills the body's placeholders from vars. A missing variable is an
// error naming the file and line of the placeholder.
func (t *Template) Execute(vars map[string]any) (string, error) {
	if t.tmpl == nil {
		return "", fmt.Errorf("%s: template was not parsed", t.File)
	}
	var buf bytes.Buffer
	if err := t.tmpl.Execute(&limitedBuffer{buf: &buf, max: maxSectionOutput}, vars); err != nil {
		return "", templateProblem(t.File, err)
	}
	return strings.TrimLeft(buf.String(), "\n"), nil
}

type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

var errTooLong = fmt.Errorf("section text grew past %d MB while filling placeholders", maxSectionOutput>>20)

// Write fails once the buffer would pass its limit, which stops
// text/template's execution with an error.
func (l *limitedBuffer) Write(p []byte) (int, error) {
	if l.buf.Len()+len(p) > l.max {
		return 0, errTooLong
	}
	return l.buf.Write(p)
}

var tmplErrPattern = regexp.MustCompile(`^template: [^:]*:(\d+)(?::(\d+))?: (.*)$`)
var startedAt = regexp.MustCompile(`started at [^:\s]+:(\d+)`)
var missingKeyPattern = regexp.MustCompile(`map has no entry for key "([^"]*)"`)

// templateProblem turns a text/template error into a Problem located in
// file, rewording the messages users are most likely to meet.
func templateProblem(file string, err error) error {
	if errors.Is(err, errTooLong) {
		return Problem{Severity: Error, Section: -1, File: file, Message: errTooLong.Error()}
	}
	msg := err.Error()
	p := Problem{Severity: Error, Section: -1, File: file, Message: msg}
	if m := tmplErrPattern.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Col, _ = strconv.Atoi(m[2])
		p.Message = m[3]
	}
	if m := missingKeyPattern.FindStringSubmatch(p.Message); m != nil {
		p.Message = fmt.Sprintf("unknown variable %q in a placeholder: declare it under \"variables\" or set it in the packet", m[1])
	} else if strings.Contains(p.Message, "write: "+errTooLong.Error()) || strings.Contains(p.Message, errTooLong.Error()) {
		p.Message = errTooLong.Error()
	} else {
		p.Message = plainTemplateMessage(startedAt.ReplaceAllString(p.Message, "started on line $1"))
	}
	return p
}

// templateWordings turn what text/template says about a mistake into
// what to do about it. Typing in the editor's plain form cannot make
// these (braces typed there are text); they come from template code a
// template author wrote, or a file edited by hand.
var templateWordings = []struct {
	re   *regexp.Regexp
	says string
}{
	{regexp.MustCompile(`function "([^"]*)" not defined`), `{{$1}} is neither a field nor something templates can do: a field is written {{.name}} (in the editor, [Label]); to print the braces themselves, write {{"{{"}}`},
	{regexp.MustCompile(`unexpected EOF`), `the text ends inside template code: an {{if}} or {{with}} has no {{end}}, or a {{ is not closed with }}`},
	{regexp.MustCompile(`unclosed action(.*)`), `a {{ is not closed with }}$1`},
	{regexp.MustCompile(`unexpected \{\{end\}\}`), `{{end}} has no {{if}} or {{with}} before it to end`},
	{regexp.MustCompile(`unexpected \{\{else\}\}`), `{{else}} is not inside an {{if}} or {{with}}`},
	{regexp.MustCompile(`missing value for (if|with)`), `{{$1}} needs a field to test, as {{$1 .name}}`},
	{regexp.MustCompile(`unexpected (.*) in (operand|command|if|with)`), `template code that is not written as templates need (unexpected $1): check the braces on this line`},
	{regexp.MustCompile(`bad character (.*)`), `template code holds a character it cannot (bad character $1): check the braces on this line`},
}

// plainTemplateMessage is msg in plain words, when it is one of the
// mistakes templateWordings know.
func plainTemplateMessage(msg string) string {
	for _, w := range templateWordings {
		if w.re.MatchString(msg) {
			return w.re.ReplaceAllString(msg, w.says)
		}
	}
	// The subset check's own messages already say what to do.
	return "placeholder: " + msg
}

// Error lets a Problem travel as an error value.
func (p Problem) Error() string { return p.String() }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
