package app

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestAPacketsOwnFieldIsAddedUsedRenamedAndDeleted(t *testing.T) {
	fs := afero.NewMemMapFs()
	h := newHarness(t, fs)
	h.ui.forms = [][]string{{"School", "Hill Middle School"}}
	h.w.variables.own.onAdd()
	p := h.doc()
	if len(p.Fields) != 1 || p.Fields[0].Name != "school" || p.Fields[0].Label != "School" || p.Variables["school"] != "Hill Middle School" {
		t.Fatalf("fields %+v, values %v", p.Fields, p.Variables)
	}
	if _, ok := h.w.variables.entries["school"]; !ok {
		t.Error("the Variables form has no value field for it")
	}
	// Inserted into a section's text, it prints its value.
	s := setPlainBody(h, 1, "Welcome to .")
	s.src.SetCursorOffset(len("Welcome to "))
	h.ui.forms = [][]string{{"School"}}
	h.w.menuItem("Insert", "Field…").Action()
	if got := *h.doc().Sections[1].Body; got != "Welcome to {{.school}}." {
		t.Fatalf("stored %q", got)
	}
	h.ui.savePath = "/out/a.pdf"
	h.w.onExport()
	data, _ := afero.ReadFile(fs, "/out/a.pdf")
	if text := pdfText(t, data); !strings.Contains(text, "Welcome to Hill Middle School.") {
		t.Errorf("PDF lacks the value:\n%s", text)
	}
	// Renaming changes what the text shows, not what it means.
	h.w.variables.own.rename(0, "Our school")
	if got := h.w.section.src.Text(); got != "Welcome to [Our school]." {
		t.Errorf("after rename the editor shows %q", got)
	}
	if got := *h.doc().Sections[1].Body; got != "Welcome to {{.school}}." {
		t.Errorf("after rename the packet holds %q", got)
	}
	// A label that clashes is refused with a reason.
	h.w.variables.own.rename(0, "Prepared for")
	if len(h.ui.errors) != 1 || h.doc().Fields[0].Label != "Our school" {
		t.Fatalf("clash: errors %v, label %q", h.ui.errors, h.doc().Fields[0].Label)
	}
	// Deleting a field in use is refused; once unused it goes.
	h.w.variables.own.remove(0)
	if len(h.ui.errors) != 2 || len(h.doc().Fields) != 1 || !strings.Contains(h.ui.errors[1].Error(), "section 2") {
		t.Fatalf("delete in use: %v", h.ui.errors)
	}
	setPlainBody(h, 1, "Welcome.")
	h.w.variables.own.remove(0)
	if len(h.doc().Fields) != 0 || h.doc().Variables["school"] != "" {
		t.Fatalf("after delete: %+v %v", h.doc().Fields, h.doc().Variables)
	}
	h.w.onUndo()
	if len(h.doc().Fields) != 1 {
		t.Error("undo did not bring the field back")
	}
}

func TestFieldNamesAreMadeFromLabels(t *testing.T) {
	h := newHarness(t, nil)
	for label, want := range map[string]string{"School": "school", "Client's name": "client_s_name", "2026 budget": "field_2026_budget", "Title": "title_2"} {
		if got := fieldName(label, h.doc()); got != want {
			t.Errorf("fieldName(%q) = %q, want %q", label, got, want)
		}
	}
}

// The Variables tab shows what to type in an empty field: the template's
// example ("14365", the text saying "Executive Order" before it).
func TestVariablesShowAnExampleOfWhatToType(t *testing.T) {
	h := newHarness(t, nil)
	e, ok := h.w.variables.entries["order_number"]
	if !ok || e.PlaceHolder != "For example: 14365" {
		t.Fatalf("order number field: %v, placeholder %q", ok, e.PlaceHolder)
	}
}
