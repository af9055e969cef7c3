package sectiontext_test

import (
	"reflect"
	"testing"

	st "github.com/briefsmith/briefsmith/sectiontext"
)

func TestFill(t *testing.T) {
	values := map[string]string{"order": "EO *14110*", "empty": ""}
	value := func(n string) (string, bool) { v, ok := values[n]; return v, ok }
	for _, c := range []struct{ body, want string }{
		{"The order{{if .order}} ({{.order}}){{end}} directs.\n", "The order (EO \\*14110\\*) directs.\n"},
		{"{{if .empty}}yes{{else}}no{{end}}\n", "no\n"},
		{"{{if .missing}}a{{else if .order}}b{{else}}c{{end}}\n", "b\n"},
		{"**For {{.order}}:** text\n", "**For EO \\*14110\\*:** text\n"},
		{"Keep {{.unknown}}.\n", "Keep {{.unknown}}.\n"},
	} {
		got := st.Fill(st.Parse(c.body), value)
		if w := st.Write(got); w != c.want {
			t.Errorf("Fill(%q) = %q, want %q", c.body, w, c.want)
		}
		if want := st.Parse(c.want); !reflect.DeepEqual(got, want) {
			t.Errorf("Fill(%q) = %#v, want %#v", c.body, got, want)
		}
	}
}
