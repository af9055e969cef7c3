package briefing

import (
	"errors"
	"fmt"
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
// but naming no language a screen reader could use — and the caller says
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
	return parsed.String(), nil
}
