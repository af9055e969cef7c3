package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/briefsmith/briefsmith/sectiontext"
)

func TestFieldIsOneChipWithItsLabel(t *testing.T) {
	e, _ := open(t, "For {{.client}} now\n")
	e.opts.Label = func(n string) string { return map[string]string{"client": "Prepared for"}[n] }
	e.SetBody(sectiontext.Parse("For {{.client}} now\n"))
	chip := drawnText(t, e, "Prepared for")
	if len(rects(e, rChip)) != 1 {
		t.Errorf("%d chip boxes", len(rects(e, rChip)))
	}
	_ = chip
	for range 5 {
		key(e, fyne.KeyRight)
	}
	if e.cursor != (pos{0, 5}) {
		t.Errorf("five steps right: %v (the chip is one step)", e.cursor)
	}
	key(e, fyne.KeyBackspace)
	want(t, e, "For  now")
	e.Undo()
	want(t, e, "For {{.client}} now")
	// Shift+→ over it selects it whole.
	e.collapse(pos{0, 4})
	shiftKey(e, fyne.KeyRight)
	if got := selected(e); got != "Prepared for" {
		t.Errorf("selected %q", got)
	}
	key(e, fyne.KeyDelete)
	want(t, e, "For  now")
}

func TestCitationChip(t *testing.T) {
	e, _ := open(t, "Reported [@a; @b].\n")
	drawnText(t, e, "[a; b]")
	ctrl(e, fyne.KeyEnd, false)
	key(e, fyne.KeyBackspace)
	key(e, fyne.KeyBackspace)
	want(t, e, "Reported")
}

func TestFootnoteRefDeletesItsNoteAndUndoBringsBoth(t *testing.T) {
	src := "Text[^1] more.\n\n[^1]: The note.\n"
	e, _ := open(t, src)
	drawnText(t, e, "The note.")
	drawnText(t, e, "1")
	e.collapse(pos{0, 5})
	key(e, fyne.KeyBackspace)
	if got := md(e); strings.Contains(got, "[^1]") || strings.Contains(got, "The note") {
		t.Errorf("the note is still stored:\n%s", got)
	}
	e.Undo()
	want(t, e, src)
}

func TestTemplateCodeIsRefused(t *testing.T) {
	e, _ := open(t, "")
	b := sectiontext.Parse("{{range .x}}a{{end}}\n")
	if !b.TemplateCode {
		t.Skip("the model now shows this code")
	}
	if err := e.SetBody(b); err != ErrTemplateCode || !e.ReadOnly() {
		t.Fatalf("SetBody: %v, read-only %v", err, e.ReadOnly())
	}
	typeText(e, "x")
	if len(e.blocks) != 1 || len(e.blocks[0].atoms) != 0 {
		t.Error("typing changed a read-only editor")
	}
}

// A citation shows the number the page prints, not the source's id; an
// id that names no source shows as the page prints it, and new numbers
// show after Relabel.
func TestCitationShowsItsPrintedNumber(t *testing.T) {
	e, _ := open(t, "")
	nums := map[string]string{"a": "2"}
	e.opts.CitationLabel = func(id string) string { return nums[id] }
	e.SetBody(sectiontext.Parse("Reported [@a; @b] and [@a].\n"))
	drawnText(t, e, "[2, @b]")
	drawnText(t, e, "[2]")
	nums["a"] = "1"
	e.Relabel()
	drawnText(t, e, "[1, @b]")
	want(t, e, "Reported [@a; @b] and [@a].")
}

// A double click on the chip of text shown only when a field is filled,
// set inside a link, asks the app to edit its words, with the chip
// selected; what comes back replaces it as one undo step.
func TestDoubleClickEditsConditionalText(t *testing.T) {
	src := "Signed [here{{if .num}} as order {{.num}}{{else}} unnumbered{{end}}](https://example.com).\n"
	e, _ := open(t, src)
	var got sectiontext.Conditional
	asked := false
	e.OnEditConditional = func(c sectiontext.Conditional) { got, asked = c, true }
	doubleClick := func(o int) {
		x, y, _ := e.view.caret(pos{0, o})
		click := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x+6, y+4)}, Button: desktop.MouseButtonPrimary}
		e.view.MouseDown(click)
		e.view.MouseUp(click)
		e.view.MouseDown(click)
		e.view.MouseUp(click)
	}
	doubleClick(len("Signed here"))
	if !asked || got.Field != "num" {
		t.Fatalf("asked %v with %+v", asked, got)
	}
	got.Then = []sectiontext.Inline{sectiontext.Text{Text: " as Executive Order "}, sectiontext.Field{Name: "num"}}
	if !e.ReplaceSelectedConditional(got) {
		t.Fatal("the conditional was not selected")
	}
	want(t, e, "Signed [here{{if .num}} as Executive Order {{.num}}{{else}} unnumbered{{end}}](https://example.com).")
	e.Undo()
	if md(e) != src {
		t.Errorf("after Undo: %q", md(e))
	}
	// One with no words at all is a chip too, so it is not lost; given
	// words, it is text to edit in place.
	e, _ = open(t, "Signed{{if .num}}{{end}}.\n")
	e.OnEditConditional = func(c sectiontext.Conditional) { asked = true }
	asked = false
	doubleClick(len("Signed"))
	if !asked {
		t.Fatal("a double click on an empty conditional asks nobody")
	}
	got.Else = nil
	if !e.ReplaceSelectedConditional(got) {
		t.Fatal("the conditional was not selected")
	}
	if n := len(e.blocks[0].atoms); n != len("Signed as Executive Order .")+1 {
		t.Errorf("%d atoms: the conditional is still one chip", n)
	}
	want(t, e, "Signed{{if .num}} as Executive Order {{.num}}{{end}}.")
}

// A citation sits close to the full stop after it, as the page prints
// "[1]."; a footnote's number has a tint of its own, so it is seen.
func TestCitationsAndFootnoteNumbersReadAsPrinted(t *testing.T) {
	e, _ := open(t, "Agencies must act [@eo].")
	label, stop := drawnText(t, e, "[eo]"), drawnText(t, e, ".")
	end := label.Position().X + e.measr.width("[eo]", font{size: label.TextSize})
	if gap := stop.Position().X - end; gap > 2.5 {
		t.Errorf("%.1f pixels between the citation and the full stop: it reads \"[eo] .\"", gap)
	}
	e, _ = open(t, "A claim.[^1]\n\n[^1]: Where it comes from.\n")
	num := drawnText(t, e, "1")
	tinted := false
	for _, r := range rects(e, rChip) {
		if r.Position().X <= num.Position().X && r.Position().X+r.Size().Width >= num.Position().X+1 && r.Position().Y <= num.Position().Y+1 {
			tinted = true
		}
	}
	if !tinted || !num.TextStyle.Bold {
		t.Errorf("the footnote number is not on a tint (%v) or not bold (%v)", tinted, num.TextStyle.Bold)
	}
}
