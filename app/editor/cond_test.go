package editor

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
)

const signed = "Signed{{if .num}} as order {{.num}}{{end}}.\n"

// The conditional's offsets in signed: where it starts (before its
// marker) and ends (after the field's chip).
const (
	signedStart = len("Signed")
	signedEnd   = len("Signed as order ") + 1
)

// Text shown only when a field is filled reads as text after a marker
// naming the field by its label: never as code, nor with the field in
// brackets.
func TestConditionalTextReadsAsMarkedText(t *testing.T) {
	e, _ := open(t, "")
	e.opts.Label = func(n string) string {
		return map[string]string{"num": "Executive order number", "date": "Signing date"}[n]
	}
	e.SetBody(sectiontext.Parse("Signed{{if .date}} on a date{{end}}{{if .num}} as order {{.num}}{{end}}.\n"))
	marker := drawnText(t, e, "if Signing date:")
	words := drawnText(t, e, " on a date")
	// The text shows the field: the marker does not name it again.
	drawnText(t, e, "if filled:")
	drawnText(t, e, " as order ")
	drawnText(t, e, "Executive order number")
	for _, x := range drawn(e) {
		if strings.ContainsAny(x.Text, "[]{}") {
			t.Errorf("drawn %q", x.Text)
		}
	}
	if marker.Position().X >= words.Position().X || marker.TextSize >= words.TextSize {
		t.Errorf("the marker is not a small note before the text: %v, %v", marker.Position(), marker.TextSize)
	}
	if n := len(rects(e, rCond)); n != 2 {
		t.Errorf("%d marker pills, want 2", n)
	}
	if len(rects(e, rCondText)) == 0 {
		t.Error("the conditional text is not tinted")
	}
}

func TestTypingInsideConditionalTextExtendsIt(t *testing.T) {
	e, _ := open(t, signed)
	e.collapse(pos{0, len("Signed as")})
	typeText(e, " executive")
	want(t, e, "Signed{{if .num}} as executive order {{.num}}{{end}}.")
	// A word replaced by Find stays inside it.
	i := strings.Index(e.ShownText(), "executive")
	if i < 0 {
		t.Fatalf("Find does not see the words: %q", e.ShownText())
	}
	e.ReplaceRanges([][2]int{{i, i + len("executive")}}, []string{"presidential"})
	want(t, e, "Signed{{if .num}} as presidential order {{.num}}{{end}}.")
}

// Typed before the marker or just after the conditional's end, as after
// a link, a word is the sentence's.
func TestTypingAtConditionalTextsEndsDoesNotExtendIt(t *testing.T) {
	e, _ := open(t, signed)
	e.collapse(pos{0, signedEnd})
	typeText(e, ",")
	want(t, e, "Signed{{if .num}} as order {{.num}}{{end}},.")
	e.collapse(pos{0, signedStart})
	typeText(e, "!")
	want(t, e, "Signed!{{if .num}} as order {{.num}}{{end}},.")
	// At the paragraph's end too.
	e.SetBody(sectiontext.Parse("Signed{{if .num}} as order{{end}}\n"))
	ctrl(e, fyne.KeyEnd, false)
	typeText(e, ".")
	want(t, e, "Signed{{if .num}} as order{{end}}.")
}

func TestDeletingConditionalTextsWordsRemovesIt(t *testing.T) {
	e, _ := open(t, signed)
	e.collapse(pos{0, signedEnd})
	for range signedEnd - signedStart {
		key(e, fyne.KeyBackspace)
	}
	want(t, e, "Signed.")
	e.Undo()
	want(t, e, signed)
	// Selected whole and deleted, with a word either side.
	e.anchor, e.cursor = pos{0, signedStart - 2}, pos{0, signedEnd + 1}
	key(e, fyne.KeyDelete)
	want(t, e, "Sign")
}

// A long conditional wraps like any words.
func TestLongConditionalTextWraps(t *testing.T) {
	e, w := open(t, "The order{{if .num}} (Executive Order {{.num}}, signed by the President in the autumn and published the week after){{end}} directs agencies.\n")
	w.Resize(fyne.NewSize(260, 400))
	e.Refresh()
	n := len(e.blocks[0].atoms)
	var first, last float32
	_, first, _ = e.view.caret(pos{0, len("The order") + 1})
	_, last, _ = e.view.caret(pos{0, n - len(" directs agencies.")})
	if lines := len(e.view.lay(0).lines); last <= first || lines < 3 {
		t.Errorf("the conditional runs from y %v to %v, the paragraph has %d lines: it does not wrap", first, last, lines)
	}
	withinWidth(t, e, 0)
}

// The marker takes room in the line and holds no cursor position: a
// click on its left half lands before it, a click between letters after
// it lands between them, and the cursor is drawn where the letters are.
func TestClickAfterTheMarkerLandsInTheText(t *testing.T) {
	clickAroundMarker(t, "Signed{{if .num}}Xyz order{{end}}.\n", "if num:", "Xyz order", signedStart)
}

// Opened and stored unedited, conditional text changes no byte; rebuilt
// from what the editor holds, it is what was opened (a conditional in
// bold comes back as bold in a conditional, which prints the same); two
// side by side stay two.
func TestUneditedConditionalTextChangesNoByte(t *testing.T) {
	src := "The order{{if .order_number}} (Executive Order {{.order_number}}){{end}}{{if .signing_date}}, dated {{.signing_date}},{{end}} directs agencies.\n\n" +
		"For {{if .client}}{{.client}}{{else}}companies{{end}}, {{if .a}}one *{{if .b}}two{{end}}*{{end}} [three {{if .c}}four{{end}}](https://example.com).\n\n" +
		"| A | B{{if .d}} and [@src]{{end}} |\n|---|---|\n| x | y |\n"
	bold := "\n- Act **now{{if .x}} or later{{end}}**.\n"
	e, _ := open(t, src+bold)
	if got := md(e); got != src+bold {
		t.Fatalf("stored\n%q\nopened\n%q", got, src+bold)
	}
	b := sectiontext.Parse(src)
	bs := load(b)
	for _, x := range bs {
		x.orig, x.from = nil, nil
	}
	got := sectiontext.Normalize(sectiontext.Body{Blocks: build(bs)})
	if !reflect.DeepEqual(got, sectiontext.Normalize(b)) {
		t.Errorf("rebuilt\n%s\nopened\n%s", sectiontext.Write(got), sectiontext.Write(b))
	}
}

// Copied and pasted within Briefsmith, conditional text is still
// conditional, a conditional of its own; plain text pasted inside it is
// part of it.
func TestCopiedConditionalTextStaysConditional(t *testing.T) {
	e, _ := open(t, signed)
	e.anchor, e.cursor = pos{0, signedStart}, pos{0, signedEnd}
	c := test.NewClipboard()
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	e.collapse(pos{0, signedEnd})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "Signed{{if .num}} as order {{.num}}{{end}}{{if .num}} as order {{.num}}{{end}}.")
	e.collapse(pos{0, len("Signed as")})
	e.PasteText(" executive")
	want(t, e, "Signed{{if .num}} as executive order {{.num}}{{end}}{{if .num}} as order {{.num}}{{end}}.")
	// Copied from outside it, pasted inside it.
	e.anchor, e.cursor = pos{0, 0}, pos{0, len("Signed")}
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	e.collapse(pos{0, len("Signed as ")})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "Signed{{if .num}} as Signedexecutive order {{.num}}{{end}}{{if .num}} as order {{.num}}{{end}}.")
}
