package briefing

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/afero"
)

// TemplateFile renders a template back to its file form, front matter and
// body, so the app can save an edited section as a new template.
func TemplateFile(t *Template) ([]byte, error) {
	front, err := yaml.MarshalWithOptions(t, yaml.IndentSequence(true))
	if err != nil {
		return nil, err
	}
	body := t.Body
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	data := []byte("---\n" + string(front) + "---\n" + body)
	// Check it reads back: a template we write must load.
	if _, err := ParseTemplate(t.ID+".md", data); err != nil {
		return nil, err
	}
	return data, nil
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// SlugID turns a title into a template id ("What's next?" → "what-s-next").
func SlugID(title string) string {
	s := strings.Trim(nonID.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if s == "" {
		s = "section"
	}
	return s
}

// SaveUserTemplate writes t into dir as "<id>.md", choosing a free id
// ("id-2", "id-3", …) when the library or the folder already has it, and
// returns the path written.
func SaveUserTemplate(fsys afero.Fs, dir string, lib *Library, t *Template) (string, error) {
	if dir == "" {
		return "", fmt.Errorf("no templates folder is set: choose one in Preferences")
	}
	base := SlugID(t.ID)
	id := base
	for n := 2; ; n++ {
		_, taken := lib.Get(id)
		exists, _ := afero.Exists(fsys, filepath.Join(dir, id+".md"))
		if !taken && !exists {
			break
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
	c := *t
	c.ID = id
	data, err := TemplateFile(&c)
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, id+".md")
	return name, WriteFileAtomic(fsys, name, data)
}
