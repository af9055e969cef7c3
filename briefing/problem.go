package briefing

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a Problem stops an export.
type Severity int

const (
	// Warning marks something to check (an unverified fact, a page limit
	// exceeded); the PDF is still produced.
	Warning Severity = iota
	// Error marks something that makes the PDF wrong or impossible.
	Error
)

// String returns "warning" or "error", as printed by the command line.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is one thing wrong with a packet or a template. The command line
// prints it and the app's Problems panel lists it, so both show the same
// words.
type Problem struct {
	Severity Severity
	// Section is the index into Packet.Sections the problem concerns, or -1.
	Section int
	// File, Line and Col locate the problem; Line and Col are 1-based and
	// 0 when unknown.
	File    string
	Line    int
	Col     int
	Message string
	// Setting is the packet setting the problem concerns, so the app can
	// show that field; SettingNone for problems about the text.
	Setting Setting
	// Variable is the name of the template variable the problem
	// concerns, "" for none: the message names it by its label, as the
	// Variables tab does, and the command line adds the name the packet
	// file uses (String); the app shows the variable's field.
	Variable string
	// InText is the message without the line of the section's text it
	// is at, "" when it names none: the line counts lines of the
	// section's Markdown, which the app's formatted view does not show.
	InText string
}

// Setting names a packet setting, as the packet file writes its key.
type Setting string

// The settings problems can point at.
const (
	SettingNone            Setting = ""
	SettingLanguage        Setting = "language"
	SettingLogoDescription Setting = "style.logo_description"
	SettingAccent          Setting = "style.accent"
)

// String formats the problem as "file:line:col: severity: message",
// leaving out the parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(printableMessage(p.File))
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Col > 0 {
				fmt.Fprintf(&b, ":%d", p.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Severity.String())
	b.WriteString(": ")
	b.WriteString(p.Text())
	if p.Variable != "" {
		fmt.Fprintf(&b, " (variable %q)", printableMessage(p.Variable))
	}
	return b.String()
}

// Text is the message made safe to print: messages may echo text from a
// file (a key, a value), and a control character there must not act on
// the user's terminal.
func (p Problem) Text() string { return printableMessage(p.Message) }

// Shown is the message as the app lists it: without a line of the
// section's Markdown, which the formatted view has no lines of.
func (p Problem) Shown() string {
	if p.InText != "" {
		return printableMessage(p.InText)
	}
	return p.Text()
}

// Problems is a list of problems with helpers the front ends share.
type Problems []Problem

// Errors returns only the problems of Error severity.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem is an Error.
func (ps Problems) HasErrors() bool { return len(ps.Errors()) > 0 }

// Error joins the problems into one message so that a list of problems can
// travel as an error value.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sortProblems orders problems by file and position so output is stable
// whatever order the checks ran in.
func sortProblems(ps Problems) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
