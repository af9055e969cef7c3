package editor

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
)

const either = "For {{if .client}}our client{{else}}companies{{end}}, today.\n"

// Offsets in either: where the conditional starts, where its text
// meets its otherwise's, and where it ends.
const (
	eitherStart = len("For ")
	eitherMeet  = eitherStart + len("our client")
	eitherEnd   = eitherMeet + len("companies")
)

func clientLabel(e *Editor) {
	e.opts.Label = func(n string) string {
		return map[string]string{"client": "Client", "audience": "Audience"}[n]
	}
	e.Relabel()
}

// What prints otherwise reads as text after an "otherwise:" marker,
// the field as a chip: never as code, brackets or a note.
func TestOtherwiseReadsAsMarkedText(t *testing.T) {
	e, _ := open(t, "")
	clientLabel(e)
	e.SetBody(sectiontext.Parse("For {{if .client}}{{.client}}{{else}}companies that supply AI{{end}}, and {{if .client}}for them{{else}}for all{{end}}.\n"))
	drawnText(t, e, "if filled:")
	drawnText(t, e, "Client")
	drawnText(t, e, "if Client:")
	otherwise := drawnText(t, e, "otherwise:")
	words := drawnText(t, e, "companies that supply AI")
	for _, x := range drawn(e) {
		if strings.ContainsAny(x.Text, "[]{}·") || strings.Contains(x.Text, "only if") {
			t.Errorf("drawn %q", x.Text)
		}
	}
	if otherwise.Position().X >= words.Position().X || otherwise.TextSize >= words.TextSize {
		t.Errorf("the marker is not a small note before the text: %v, %v", otherwise.Position(), otherwise.TextSize)
	}
	if n := len(rects(e, rCond)); n != 4 {
		t.Errorf("%d marker pills, want 4", n)
	}
	if n := len(e.blocks[0].atoms); n != len("For C, and for themfor all.")+len("companies that supply AI") {
		t.Errorf("%d atoms: the conditional is not text", n)
	}
}

// Typed inside its text or its otherwise's, a character is theirs; where
// the two meet it goes on the text before it; after the end it is the
// sentence's, as after a link.
func TestTypingInAConditionalWithAnOtherwise(t *testing.T) {
	e, _ := open(t, either)
	e.collapse(pos{0, eitherStart + len("our")})
	typeText(e, " dear")
	want(t, e, "For {{if .client}}our dear client{{else}}companies{{end}}, today.")
	e.collapse(pos{0, eitherMeet + len(" dear") + len("compan")})
	typeText(e, "-ish compan")
	want(t, e, "For {{if .client}}our dear client{{else}}compan-ish companies{{end}}, today.")
	e.collapse(pos{0, eitherMeet + len(" dear")})
	typeText(e, "s")
	want(t, e, "For {{if .client}}our dear clients{{else}}compan-ish companies{{end}}, today.")
	ctrl(e, fyne.KeyEnd, false)
	e.collapse(pos{0, len(e.blocks[0].atoms) - len(", today.")})
	typeText(e, " too")
	want(t, e, "For {{if .client}}our dear clients{{else}}compan-ish companies{{end}} too, today.")
}

// With its otherwise's words deleted it is text shown only when the
// field is filled; Undo gives them back.
func TestDeletingAllOfTheOtherwise(t *testing.T) {
	e, _ := open(t, either)
	e.collapse(pos{0, eitherEnd})
	for range eitherEnd - eitherMeet {
		key(e, fyne.KeyBackspace)
	}
	want(t, e, "For {{if .client}}our client{{end}}, today.")
	e.Undo()
	want(t, e, either)
	e.anchor, e.cursor = pos{0, eitherMeet}, pos{0, eitherEnd}
	key(e, fyne.KeyDelete)
	want(t, e, "For {{if .client}}our client{{end}}, today.")
}

// With its text deleted, the otherwise still prints only when the field
// is empty, and says so; text typed before it is the sentence's, and
// Undo gives the text back.
func TestDeletingAllOfTheText(t *testing.T) {
	e, _ := open(t, either)
	clientLabel(e)
	e.anchor, e.cursor = pos{0, eitherStart}, pos{0, eitherMeet}
	key(e, fyne.KeyDelete)
	want(t, e, "For {{if .client}}{{else}}companies{{end}}, today.")
	drawnText(t, e, "if Client is empty:")
	typeText(e, "all ")
	want(t, e, "For all {{if .client}}{{else}}companies{{end}}, today.")
	e.Undo()
	e.Undo()
	want(t, e, either)
	// Deleted letter by letter, and opened so.
	e.collapse(pos{0, eitherMeet})
	for range eitherMeet - eitherStart {
		key(e, fyne.KeyBackspace)
	}
	want(t, e, "For {{if .client}}{{else}}companies{{end}}, today.")
	e.SetBody(sectiontext.Parse("For {{if .client}}{{else}}companies{{end}}, today.\n"))
	drawnText(t, e, "if Client is empty:")
	e.collapse(pos{0, eitherStart + 3})
	typeText(e, "-")
	want(t, e, "For {{if .client}}{{else}}com-panies{{end}}, today.")
}

// Both runs wrap like any words, within the width.
func TestLongOtherwiseWraps(t *testing.T) {
	e, w := open(t, "For {{if .client}}our client, who asked for this briefing in the spring{{else}}companies that supply AI to government and its contractors{{end}}, our assessment.\n")
	w.Resize(fyne.NewSize(260, 400))
	e.Refresh()
	meet := len("For our client, who asked for this briefing in the spring")
	_, then, _ := e.view.caret(pos{0, len("For ") + 1})
	_, other, _ := e.view.caret(pos{0, meet + 1})
	_, end, _ := e.view.caret(pos{0, meet + len("companies that supply AI to government and its contractors")})
	if lines := len(e.view.lay(0).lines); !(then < other && other < end) || lines < 5 {
		t.Errorf("text at y %v, otherwise from %v to %v, %d lines: it does not wrap", then, other, end, lines)
	}
	withinWidth(t, e, 0)
}

// The "otherwise:" marker holds no cursor position: a click on its left
// half lands where the text before it ends, one between letters after it
// between them.
func TestClickAfterTheOtherwiseMarker(t *testing.T) {
	clickAroundMarker(t, "Signed{{if .num}}Xyz{{else}}Abc order{{end}}.\n", "otherwise:", "Abc order", len("SignedXyz"))
}

// Copied whole, a conditional pastes as one of its own with its
// otherwise; an otherwise copied alone still prints only otherwise; text
// pasted into an otherwise joins it.
func TestCopiedOtherwiseStaysConditional(t *testing.T) {
	e, _ := open(t, either)
	c := test.NewClipboard()
	e.anchor, e.cursor = pos{0, eitherStart}, pos{0, eitherEnd}
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	e.collapse(pos{0, eitherEnd})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "For {{if .client}}our client{{else}}companies{{end}}{{if .client}}our client{{else}}companies{{end}}, today.")
	e.SetBody(sectiontext.Parse(either))
	e.anchor, e.cursor = pos{0, eitherMeet}, pos{0, eitherEnd}
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
	e.collapse(pos{0, len(e.blocks[0].atoms) - 1})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
	want(t, e, "For {{if .client}}our client{{else}}companies{{end}}, today{{if .client}}{{else}}companies{{end}}.")
	e.collapse(pos{0, eitherMeet + 3})
	e.PasteText(" and")
	want(t, e, "For {{if .client}}our client{{else}}com andpanies{{end}}, today{{if .client}}{{else}}companies{{end}}.")
}

// An else-if chain is text too, each part after its marker; its middle
// deleted, what follows still prints only when both fields are empty.
func TestElseIfChainIsMarkedText(t *testing.T) {
	src := "For {{if .client}}you{{else if .audience}}them{{else}}all{{end}}.\n"
	e, _ := open(t, src)
	clientLabel(e)
	drawnText(t, e, "if Client:")
	drawnText(t, e, "otherwise, if Audience:")
	drawnText(t, e, "otherwise:")
	e.collapse(pos{0, len("For youthem")})
	typeText(e, "!")
	want(t, e, "For {{if .client}}you{{else if .audience}}them!{{else}}all{{end}}.")
	e.anchor, e.cursor = pos{0, len("For you")}, pos{0, len("For youthem!")}
	key(e, fyne.KeyDelete)
	want(t, e, "For {{if .client}}you{{else if .audience}}{{else}}all{{end}}.")
	drawnText(t, e, "otherwise, if Audience is empty:")
	if got := md(e); !strings.Contains(got, "{{else if .audience}}{{else}}all") {
		t.Errorf("stored %q", got)
	}
}

// Opened and stored unedited, conditionals with an otherwise change no
// byte; rebuilt from what the editor holds, they are what was opened.
func TestUneditedOtherwiseChangesNoByte(t *testing.T) {
	src := "For {{if .client_name}}{{.client_name}}{{else}}companies that supply AI to government and its contractors{{end}}, our assessment.\n\n" +
		"A {{if .a}}one{{else if .b}}*two*{{else}}three {{.c}}{{end}}, {{if .d}}{{else}}four{{end}} and {{if .e}}five{{else}}{{if .f}}six{{end}} seven{{end}}.\n\n" +
		"| A | B{{if .g}} and [@src]{{else}} alone{{end}} |\n|---|---|\n| x | y |\n"
	e, _ := open(t, src)
	if got := md(e); got != src {
		t.Fatalf("stored\n%q\nopened\n%q", got, src)
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

// A field inserted into conditional text or its otherwise is part of it,
// as a typed word is.
func TestFieldInsertedIntoConditionalTextIsPartOfIt(t *testing.T) {
	e, _ := open(t, either)
	e.collapse(pos{0, eitherMeet + len("compan")})
	e.InsertBody(sectiontext.Parse("{{.client}}\n"))
	want(t, e, "For {{if .client}}our client{{else}}compan{{.client}}ies{{end}}, today.")
	e.collapse(pos{0, eitherStart + len("our ")})
	e.InsertBody(sectiontext.Parse("{{.client}}\n"))
	want(t, e, "For {{if .client}}our {{.client}}client{{else}}compan{{.client}}ies{{end}}, today.")
}
