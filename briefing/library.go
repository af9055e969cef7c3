package briefing

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// Library is the set of templates a packet can draw sections from: the
// built-in ones, overridden or extended by the user's templates folder.
type Library struct {
	byID map[string]*Template
	// sources maps each source id to the source it names and the
	// templates that list it: one id is one source in the whole library.
	sources map[string]sourceUse
	// Broken lists the template files that could not be read, each with
	// file, line and reason; the good templates are kept regardless.
	Broken Problems
}

// maxTemplateSize caps a template file; real ones are a few kilobytes.
const maxTemplateSize = 1 << 20

// LoadLibrary reads every "*.md" template at the top of builtin (the
// embedded assets) and then of userDir on user, whose templates override
// built-ins with the same id. builtin and user may be nil and userDir may not exist:
// a first run has no templates folder yet.
func LoadLibrary(builtin fs.FS, user afero.Fs, userDir string) (*Library, error) {
	lib := &Library{byID: map[string]*Template{}, sources: map[string]sourceUse{}}
	var names []string
	if builtin != nil {
		var err error
		if names, err = fs.Glob(builtin, "*.md"); err != nil {
			return nil, fmt.Errorf("built-in templates: %w", err)
		}
	}
	// The built-in templates are parsed side by side (their front matter
	// is most of the time a command-line export spends before layout),
	// then added in order, so the library is the same as from one by one.
	parsed := make([]parsedTemplate, len(names))
	for i, name := range names {
		data, err := fs.ReadFile(builtin, name)
		if err != nil {
			return nil, fmt.Errorf("built-in template %s: %w", name, err)
		}
		parsed[i].file, parsed[i].data = builtinName(name), data
	}
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), 4)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(parsed); i += workers {
				parsed[i].t, parsed[i].err = ParseTemplate(parsed[i].file, parsed[i].data)
			}
		})
	}
	wg.Wait()
	for _, pt := range parsed {
		lib.insert(pt.file, OriginBuiltIn, pt.data, pt.t, pt.err, false)
	}
	if user == nil || userDir == "" {
		return lib, nil
	}
	infos, err := afero.ReadDir(user, userDir)
	if errors.Is(err, os.ErrNotExist) {
		return lib, nil
	}
	if err != nil {
		return nil, fmt.Errorf("templates folder %s: %w", userDir, err)
	}
	for _, info := range infos {
		if info.IsDir() || !strings.HasSuffix(info.Name(), ".md") || strings.HasPrefix(info.Name(), ".") {
			continue
		}
		p := filepath.Join(userDir, info.Name())
		// The listing describes each entry itself (Lstat): a link may lead
		// to /dev/zero or to a file far over the limit, a FIFO would hang.
		if !info.Mode().IsRegular() {
			lib.Broken = append(lib.Broken, Problem{Severity: Warning, Section: -1, File: p,
				Message: "skipped: templates must be ordinary files, and this is " + fileKind(info.Mode()) + "; copy the template into the folder instead"})
			continue
		}
		data, _, err := readSmallFile(user, p, maxTemplateSize, "template")
		if err != nil {
			var prob Problem
			if !errors.As(err, &prob) {
				prob = Problem{Severity: Error, Section: -1, File: p, Message: err.Error()}
			}
			lib.Broken = append(lib.Broken, prob)
			continue
		}
		lib.add(p, p, data, true)
	}
	sortProblems(lib.Broken)
	return lib, nil
}

// add parses one file; a user file whose id another user file already took
// is reported rather than silently winning by directory order.
func (lib *Library) add(file, origin string, data []byte, user bool) {
	t, err := ParseTemplate(file, data)
	lib.insert(file, origin, data, t, err, user)
}

// parsedTemplate is a template file and what parsing it gave.
type parsedTemplate struct {
	file string
	data []byte
	t    *Template
	err  error
}

// insert adds t, parsed from file (whose text is data), or the problem
// err that parsing it found.
func (lib *Library) insert(file, origin string, data []byte, t *Template, err error, user bool) {
	if err != nil {
		var p Problem
		if !errors.As(err, &p) {
			p = Problem{Severity: Error, Section: -1, File: file, Message: err.Error()}
		}
		lib.Broken = append(lib.Broken, p)
		return
	}
	t.Origin = origin
	if old, ok := lib.byID[t.ID]; ok && (old.Origin != OriginBuiltIn || !user) {
		lib.Broken = append(lib.Broken, Problem{Severity: Error, Section: -1, File: file, Line: 2,
			Message: fmt.Sprintf("template id %q is already used by %s", t.ID, old.File)})
		return
	}
	replaced := lib.byID[t.ID]
	if p, bad := lib.sourceClash(t, replaced, file, data); bad {
		lib.Broken = append(lib.Broken, p)
		return
	}
	if replaced != nil {
		for _, s := range replaced.Sources {
			u, ok := lib.sources[s.ID]
			if !ok || s.ID == "" {
				continue
			}
			if delete(u.templates, replaced.ID); len(u.templates) == 0 {
				delete(lib.sources, s.ID)
				continue
			}
			for _, f := range u.templates {
				u.file = f // a file that still lists it
				break
			}
			lib.sources[s.ID] = u
		}
	}
	for _, s := range t.Sources {
		if s.ID == "" {
			continue
		}
		u, ok := lib.sources[s.ID]
		if !ok {
			u = sourceUse{source: s, file: file, templates: map[string]string{}}
			lib.sources[s.ID] = u
		}
		u.templates[t.ID] = file
	}
	lib.byID[t.ID] = t
}

// sourceUse is a source id's one source in the library: a file that
// gives it, for messages, and the templates that list it (id → file).
type sourceUse struct {
	source    Source
	file      string
	templates map[string]string
}

// sourceClash finds a source of t whose id the library (without the
// template t replaces), or t itself, already gives another source. A
// citation names a source by id alone, so a second source under an id
// would take over the citations of the first, in the text of a template
// that never listed it: a stranger's template could make the built-in
// Background's [@eo14110] link to the stranger's address. Listing the
// same source again is fine; the templates that share it say the same.
func (lib *Library) sourceClash(t, replaced *Template, file string, data []byte) (Problem, bool) {
	mine := map[string]int{} // id → index of its first source in t
	for i, s := range t.Sources {
		if s.ID == "" {
			continue
		}
		var other Source
		var where string
		if j, ok := mine[s.ID]; ok {
			other, where = t.Sources[j], file
		} else if u, ok := lib.sources[s.ID]; ok && !(replaced != nil && len(u.templates) == 1 && u.templates[replaced.ID] != "") {
			other, where = u.source, u.file
		} else {
			mine[s.ID] = i
			continue
		}
		if sameSource(s, other) {
			continue
		}
		what := QuoteUntrusted(other.Title)
		if other.URL != "" {
			what += " (" + other.URL + ")"
		}
		return Problem{Severity: Error, Section: -1, File: file, Line: sourceIDLine(data, s.ID, where == file),
			Message: fmt.Sprintf("source id %q is already the id of another source, %s in %s, and a citation [@%s] must name one source: give this source an id of its own, or list that source exactly as it is there",
				s.ID, what, where, s.ID)}, true
	}
	return Problem{}, false
}

// sameSource reports whether a and b are the same source, field for
// field.
func sameSource(a, b Source) bool {
	return a.Title == b.Title && a.Publisher == b.Publisher && a.URL == b.URL && a.Date == b.Date
}

// sourceIDLine finds the line of a template file that gives a source the
// id, for the message about it: the last such line when the file gives
// the id twice (the second is the clash), else the first. 0 when the
// file writes the id in a form this does not recognise.
func sourceIDLine(data []byte, id string, last bool) int {
	found := 0
	inSources := false
	for i, l := range strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(data)), "\n") {
		if strings.HasPrefix(l, "sources:") {
			inSources = true
			continue
		}
		f := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "-"))
		v, ok := strings.CutPrefix(f, "id:")
		if !inSources || !ok || strings.Trim(strings.TrimSpace(v), `"'`) != id {
			continue
		}
		found = i + 1
		if !last {
			break
		}
	}
	return found
}

// Get returns the template with id, if the library has it.
func (lib *Library) Get(id string) (*Template, bool) {
	t, ok := lib.byID[id]
	return t, ok
}

// Templates returns every template, grouped by kind in the order of Kinds,
// then by title.
func (lib *Library) Templates() []*Template {
	out := make([]*Template, 0, len(lib.byID))
	for _, t := range lib.byID {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := a.Kind.rank(), b.Kind.rank(); ra != rb {
			return ra < rb
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
	return out
}

// DefaultTemplatesDir is where the user's own templates live unless the
// command line or preferences say otherwise.
func DefaultTemplatesDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "briefsmith", "templates")
}

// builtinName strips directories so messages about embedded files read
// "assets/templates/x.md" consistently.
func builtinName(name string) string { return path.Join("assets/templates", name) }
