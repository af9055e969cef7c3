package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// Kinds lists the section kinds a template may declare, in the order the
// library groups them.
var Kinds = []string{"summary", "provisions", "background", "scope", "international", "context",
	"implications", "outlook", "questions", "activity", "glossary", "appendix", "custom"}

// Audiences lists the readers a packet can be written for.
var Audiences = []string{"staff", "classroom", "client"}

// Variable is a value a template asks the packet for.
type Variable struct {
	Name     string `yaml:"name" json:"name"`
	Label    string `yaml:"label,omitempty" json:"label"`
	Default  string `yaml:"default,omitempty" json:"default,omitempty"`
	Required bool   `yaml:"required,omitempty" json:"required,omitempty"`
	Help     string `yaml:"help,omitempty" json:"help,omitempty"`
	// Verify marks a fact the source article does not give (a signing date,
	// an order number): the text reads naturally without it, and validation
	// lists it as "to verify" until the user fills it in.
	Verify bool `yaml:"verify,omitempty" json:"verify,omitempty"`
}

// Source is a public document a template's statements rest on.
type Source struct {
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	Date      string `yaml:"date,omitempty" json:"date,omitempty"`
}

// Template is one section template: front matter plus a Markdown body with
// text/template placeholders over the packet's variables.
type Template struct {
	ID        string   `yaml:"id" json:"id"`
	Title     string   `yaml:"title" json:"title"`
	Kind      string   `yaml:"kind" json:"kind"`
	Summary   string   `yaml:"summary,omitempty" json:"summary"`
	Audiences []string `yaml:"audiences,omitempty" json:"audiences,omitempty"`
	// Titles gives the title for particular audiences ("client":
	// "Executive Summary"); Title serves the rest.
	Titles    map[string]string `yaml:"titles,omitempty" json:"titles,omitempty"`
	Variables []Variable        `yaml:"variables,omitempty" json:"variables,omitempty"`
	Sources   []Source          `yaml:"sources,omitempty" json:"sources,omitempty"`
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
}

// OriginBuiltIn is the Origin of templates embedded in the program.
const OriginBuiltIn = "built-in"

// Suits reports whether the template lists audience, or lists none (and so
// suits every audience).
func (t *Template) Suits(audience string) bool {
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
func (t *Template) TitleFor(audience string) string {
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
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
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

	t := &Template{File: name, BodyLine: bodyLine, Body: body}
	if line, col, tag := findTag(front); tag != "" {
		return nil, fail(line, col, "front matter: YAML tags such as %q are not supported; remove it or quote the value", tag)
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

// findTag returns the position (in file lines, front matter starting on
// line 2) of the first YAML tag in front. Tags have no use in front matter
// and go-yaml v1.19.2 dereferences nil on a tag over a scalar decoded into a
// list (goccy/go-yaml#735, fixed upstream after that release), so they are
// refused before decoding.
func findTag(front string) (line, col int, tag string) {
	for _, tk := range lexer.Tokenize(front) {
		if tk.Type == token.TagType {
			if tk.Position != nil {
				line, col = tk.Position.Line+1, tk.Position.Column
			}
			return line, col, tk.Value
		}
	}
	return 0, 0, ""
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

// maxRangeRepeats bounds how often nested ranges over numbers may repeat
// their body. Output is capped by size, but a range that prints nothing
// would otherwise spin for minutes.
const maxRangeRepeats = 10_000

// parseBody parses a template body and refuses ranges that would repeat
// beyond maxRangeRepeats.
func parseBody(id, body string) (*template.Template, error) {
	tm, err := template.New(id).Option("missingkey=error").Parse(body)
	if err != nil {
		return nil, err
	}
	for _, t := range tm.Templates() {
		if t.Tree == nil {
			continue
		}
		if err := checkRanges(t.Tree, t.Tree.Root, 1); err != nil {
			return nil, err
		}
	}
	return tm, nil
}

func checkRanges(tree *parse.Tree, n parse.Node, repeats int64) error {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := checkRanges(tree, c, repeats); err != nil {
				return err
			}
		}
	case *parse.RangeNode:
		times := int64(1)
		if cmds := n.Pipe.Cmds; len(cmds) == 1 && len(cmds[0].Args) == 1 {
			if num, ok := cmds[0].Args[0].(*parse.NumberNode); ok && num.IsInt {
				times = max(num.Int64, 1)
			}
		}
		if repeats*times > maxRangeRepeats || times > maxRangeRepeats {
			// Report it as text/template reports its own errors, with the
			// template name and line, so it reads like any other.
			loc, _ := tree.ErrorContext(n)
			return fmt.Errorf("template: %s: range repeats %d times; the limit is %d", loc, times, maxRangeRepeats)
		}
		if err := checkRanges(tree, n.List, repeats*times); err != nil {
			return err
		}
		return checkRanges(tree, n.ElseList, repeats)
	case *parse.IfNode:
		if err := checkRanges(tree, n.List, repeats); err != nil {
			return err
		}
		return checkRanges(tree, n.ElseList, repeats)
	case *parse.WithNode:
		if err := checkRanges(tree, n.List, repeats); err != nil {
			return err
		}
		return checkRanges(tree, n.ElseList, repeats)
	}
	return nil
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
	if !contains(Kinds, t.Kind) {
		return fmt.Errorf("front matter: kind %q is not one of %s", t.Kind, strings.Join(Kinds, ", "))
	}
	for _, a := range t.Audiences {
		if !contains(Audiences, a) {
			return fmt.Errorf("front matter: audience %q is not one of %s", a, strings.Join(Audiences, ", "))
		}
	}
	for a := range t.Titles {
		if !contains(Audiences, a) {
			return fmt.Errorf("front matter: titles: audience %q is not one of %s", a, strings.Join(Audiences, ", "))
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
		seen[v.Name] = true
	}
	for i, s := range t.Sources {
		if strings.TrimSpace(s.Title) == "" {
			return fmt.Errorf("front matter: source %d has no title", i+1)
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
		p.Message = "placeholder: " + startedAt.ReplaceAllString(p.Message, "started on line $1")
	}
	return p
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
