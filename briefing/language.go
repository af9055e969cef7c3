package briefing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/language"
)

// DefaultLanguage is the language of a new packet, and of a packet file
// written before packets had one: every built-in template is in American
// English.
const DefaultLanguage = "en-US"

// LanguageExamples ends every message about a language, so a user who
// does not know what a language tag is sees what to write.
const LanguageExamples = "a tag such as en-US, en-GB, es-US or fr-CA"

// ParseLanguage checks that tag is a BCP 47 language tag naming a known
// language ("en-US", "fr-CA", "es-419") and returns it in canonical form
// ("en-us" gives "en-US"), as the PDF's /Lang entry wants it. The error
// says in words what is wrong — the tag is empty, malformed, or well-formed
// but naming no language a screen reader could use (undetermined, private
// use, or one of the codes for no or many languages) — and the caller says
// where to fix it.
func ParseLanguage(tag string) (string, error) {
	t := strings.TrimSpace(tag)
	if t == "" {
		return "", errors.New("no language is set")
	}
	parsed, err := language.Parse(t)
	var unknown interface{ Subtag() string } // language.ValueError
	switch {
	case errors.As(err, &unknown):
		if strings.EqualFold(unknown.Subtag(), t) {
			return "", fmt.Errorf("%q is not a language or region code", t)
		}
		return "", fmt.Errorf("%q in %q is not a language or region code", unknown.Subtag(), t)
	case err != nil:
		return "", fmt.Errorf("%q is not a language tag", t)
	}
	if why := noLanguage(parsed); why != "" {
		return "", fmt.Errorf("%q names no known language (%s)", t, why)
	}
	return parsed.String(), nil
}

// noLanguage says why a well-formed tag still names no language a
// screen reader could speak, or "" when it names one. The parser fills
// an undetermined language in by guessing ("und" reads as English), so
// only a language the tag itself gives counts (Base's Exact confidence).
func noLanguage(tag language.Tag) string {
	base, conf := tag.Base()
	switch {
	case conf != language.Exact && strings.HasPrefix(tag.String(), "x-"):
		return "x- starts a private-use tag, which means whatever its writer agreed with its reader"
	case conf != language.Exact:
		return "und is the code for an undetermined language"
	case base.IsPrivateUse():
		return "qaa to qtz are codes reserved for private use"
	}
	switch base.String() {
	case "mis":
		return "mis is the code for a language that has no code"
	case "mul":
		return "mul is the code for several languages at once"
	case "zxx":
		return "zxx is the code for text in no language"
	}
	return ""
}

// topLevelKeyLine is the line on which the packet file data gives its
// top-level key, 0 if it does not. It reads the whole file, so it is
// asked only when there is something to point at.
func topLevelKeyLine(data []byte, key string) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	depth, keyNext := 0, false
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return 0
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				depth++
				keyNext = t == '{' && depth == 1
			} else {
				depth--
				keyNext = depth == 1
			}
			continue
		case string:
			if depth == 1 && keyNext && t == key {
				line, _ := lineCol(data, off+int64(bytes.IndexByte(data[off:], '"')))
				return line
			}
		}
		if depth == 1 {
			keyNext = !keyNext
		}
	}
}

// passageLang finds the language of each passage in another language,
// "[…]{lang=fr}", in a line of section text.
var passageLang = regexp.MustCompile(`\]\{lang=([^}\s]*)\}`)

// languageFaults reports each passage whose language is not one a screen
// reader can use, with its line: an export would tag it with a language
// nobody speaks.
func languageFaults(body string) []shapeFault {
	var faults []shapeFault
	for n, line := range strings.Split(body, "\n") {
		if !strings.Contains(line, "]{lang=") {
			continue
		}
		for _, m := range passageLang.FindAllStringSubmatchIndex(line, -1) {
			if m[0] > 0 && line[m[0]-1] == '\\' {
				continue // an escaped bracket: text, not a passage
			}
			tag := line[m[2]:m[3]]
			if _, err := ParseLanguage(tag); err != nil {
				faults = append(faults, shapeFault{n + 1, fmt.Sprintf("the language of the passage marked {lang=%s}: %s; use a code such as %s", tag, err, LanguageExamples)})
			}
		}
	}
	return faults
}
