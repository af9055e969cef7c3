package pdfua

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
)

// objects is qpdf's JSON view of a PDF (qpdf 11, JSON version 2): every
// object by "N 0 R", the trailer, and the pages in order. Reading the
// file through qpdf rather than a parser of our own means the checks see
// what a conforming reader sees, object streams and filters resolved.
type objects struct {
	objs    map[string]json.RawMessage
	trailer map[string]any
	pages   []string
}

func load(path string) (*objects, error) {
	out, err := exec.Command("qpdf", "--json", "--json-stream-data=inline", "--decode-level=all", path).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
			// qpdf's exit status 3: warnings only, the JSON is complete.
		} else {
			return nil, fmt.Errorf("qpdf --json %s: %v", path, err)
		}
	}
	var doc struct {
		Qpdf  []map[string]json.RawMessage `json:"qpdf"`
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("qpdf --json %s: %v", path, err)
	}
	if len(doc.Qpdf) < 2 {
		return nil, fmt.Errorf("qpdf --json %s: no objects", path)
	}
	o := &objects{objs: map[string]json.RawMessage{}}
	for k, v := range doc.Qpdf[1] {
		if k == "trailer" {
			var t struct {
				Value map[string]any `json:"value"`
			}
			_ = json.Unmarshal(v, &t)
			o.trailer = t.Value
			continue
		}
		o.objs[strings.TrimPrefix(k, "obj:")] = v
	}
	for _, p := range doc.Pages {
		o.pages = append(o.pages, p.Object)
	}
	return o, nil
}

// dict is the dictionary v names: v itself when it is one, the object it
// refers to otherwise (a stream's dictionary for a stream); nil for
// anything else.
func (o *objects) dict(v any) map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return v
	case string:
		var x struct {
			Value  any `json:"value"`
			Stream struct {
				Dict map[string]any `json:"dict"`
			} `json:"stream"`
		}
		if json.Unmarshal(o.objs[v], &x) != nil {
			return nil
		}
		if d, ok := x.Value.(map[string]any); ok {
			return d
		}
		return x.Stream.Dict
	}
	return nil
}

// array is the array v is or refers to.
func (o *objects) array(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case string:
		var x struct {
			Value []any `json:"value"`
		}
		_ = json.Unmarshal(o.objs[v], &x)
		return x.Value
	}
	return nil
}

// data is a stream's decoded data.
func (o *objects) data(ref string) string {
	var v struct {
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	_ = json.Unmarshal(o.objs[ref], &v)
	b, _ := base64.StdEncoding.DecodeString(v.Stream.Data)
	return string(b)
}

// text is a PDF string as qpdf's JSON spells it ("u:…" for text, "b:…"
// for bytes in hex), decoded.
func text(v any) string {
	s, _ := v.(string)
	switch {
	case strings.HasPrefix(s, "u:"):
		return s[2:]
	case strings.HasPrefix(s, "b:"):
		return s[2:]
	}
	return s
}

// isRef reports whether v is an indirect reference ("12 0 R").
func isRef(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasSuffix(s, " R")
}
