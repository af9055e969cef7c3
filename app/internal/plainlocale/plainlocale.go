// Package plainlocale makes a C.UTF-8 or POSIX.UTF-8 locale — the default on
// many minimal Debian installs and containers — read as English to Fyne.
//
// Fyne's lang package reads the locale in its own init: it strips the
// encoding, cannot parse "C" as a language tag and logs "Fyne error: Error
// parsing user locale C" on every start, which looks like a failure to a new
// user. For such a locale it consults LANGUAGE first, so this package sets
// LANGUAGE=en. It must be initialised before fyne.io/fyne/v2/lang: Go
// initialises packages in import-path order as soon as their imports are
// ready, and this one imports only the standard library and sorts before
// github.com/jeandeaual/go-locale, which lang needs.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if k, v := Fix(os.Getenv); k != "" {
		_ = os.Setenv(k, v)
	}
}

// Fix returns the environment variable to set, and its value, or "" when
// the locale needs nothing.
func Fix(getenv func(string) string) (key, value string) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if (strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.")) && getenv("LANGUAGE") == "" {
			return "LANGUAGE", "en"
		}
		return "", ""
	}
	return "", ""
}
