package briefing

import (
	"strings"
	"testing"
)

func TestBodyForKeepsOnlyTheAudiencesBranch(t *testing.T) {
	body := "{{if eq .audience \"classroom\" -}}\nFor class.\n{{- else if eq .audience \"client\" -}}\nFor {{.prepared_for}}.\n{{- else -}}\nMemo{{if .order_number}} ({{.order_number}}){{end}}.\n{{- end}}\n" +
		"{{if ne .audience \"staff\"}}Not staff.{{end}}{{if eq \"client\" .audience}} Client too.{{end}}" +
		"{{if eq .audience \"staff\" \"client\"}} Grown-ups.{{end}}\n" +
		"{{range .items}}{{if eq .audience \"x\"}}kept{{end}}{{end}}" +
		"{{if .signing_date}}, dated{{else if eq .audience \"client\"}}, undated{{end}}"
	want := map[string]string{
		"classroom": "For class.\nNot staff.\n{{range .items}}{{if eq .audience \"x\"}}kept{{end}}{{end}}{{if .signing_date}}, dated{{end}}",
		"client":    "For {{.prepared_for}}.\nNot staff. Client too. Grown-ups.\n{{range .items}}{{if eq .audience \"x\"}}kept{{end}}{{end}}{{if .signing_date}}, dated{{else}}, undated{{end}}",
		"staff":     "Memo{{if .order_number}} ({{.order_number}}){{end}}.\n Grown-ups.\n{{range .items}}{{if eq .audience \"x\"}}kept{{end}}{{end}}{{if .signing_date}}, dated{{end}}",
	}
	tm := &Template{Body: body}
	for aud, w := range want {
		if got := tm.BodyFor(Audience(aud)); got != w {
			t.Errorf("%s:\n got %q\nwant %q", aud, got, w)
		}
	}
}

func TestBodyForLeavesWhatItCannotRewrite(t *testing.T) {
	for _, body := range []string{
		"No placeholders at all.",
		"{{if eq .audience \"staff\"}}unclosed",
		"{{define \"x\"}}{{.audience}}{{end}}{{if eq .audience \"staff\"}}s{{end}}{{template \"x\" .}}",
	} {
		if got := (&Template{Body: body}).BodyFor("staff"); got != body {
			t.Errorf("%q rewritten to %q", body, got)
		}
	}
}

// What the editor shows must export exactly as the template would: every
// built-in, every audience, with variables left at their defaults and with
// every variable filled.
func TestBodyForExportsLikeTheTemplate(t *testing.T) {
	lib := builtinLibrary(t)
	rewritten := 0
	for _, tm := range lib.Templates() {
		for _, aud := range Audiences() {
			spec := tm.BodyFor(Audience(aud))
			if spec != tm.Body {
				rewritten++
				if strings.Contains(spec, ".audience") {
					t.Errorf("%s for %s still tests the audience:\n%s", tm.ID, aud, spec)
				}
			}
			parsed, err := parseBody(tm.ID, spec)
			if err != nil {
				t.Fatalf("%s for %s does not parse: %v\n%s", tm.ID, aud, err, spec)
			}
			for _, filled := range []bool{false, true} {
				vars := builtinVariables(&Packet{Audience: aud, Title: "T", Date: "2026-11-25", Marking: "M"})
				for _, v := range tm.Variables {
					vars[v.Name] = v.Default
					if filled {
						vars[v.Name] = "value of " + v.Name
					}
				}
				if filled {
					vars["prepared_for"], vars["organization"], vars["client_name"] = "Acme", "Org", "Acme"
				}
				want, err := tm.Execute(vars)
				if err != nil {
					t.Fatalf("%s: %v", tm.ID, err)
				}
				var b strings.Builder
				if err := parsed.Execute(&b, vars); err != nil {
					t.Fatalf("%s for %s: %v", tm.ID, aud, err)
				}
				if got := strings.TrimLeft(b.String(), "\n"); got != want {
					t.Errorf("%s for %s (filled %v) exports differently:\n got %q\nwant %q", tm.ID, aud, filled, got, want)
				}
			}
		}
	}
	if rewritten == 0 {
		t.Fatal("no built-in body was specialised; the test proves nothing")
	}
}
