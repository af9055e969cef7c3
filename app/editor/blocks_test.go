package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// boxes are the blocks the editor shows read-only, each with a text it
// draws (tables are edited in place: tablecell_test.go).
var boxes = []struct{ name, md, shows string }{
	{"call-out", "> [!KEY]\n> Remember this.", "Key point"},
	{"answer lines", "```lines 4\n```", ""},
	{"glossary", "Term\n: Its meaning.", "Term"},
	{"code", "```\nx :=  1\n```", "x :=  1"},
	{"page break", "<!-- pagebreak -->", "Page break"},
	{"quote", "> Quoted words.", "Quoted words."},
	{"rule", "---", ""},
}

// TestBoxesSelectDeleteUndo: every box is drawn, selected by a click,
// deleted whole, and one Undo brings it back byte for byte; editing
// around it leaves it as it was.
func TestBoxesSelectDeleteUndo(t *testing.T) {
	for _, bx := range boxes {
		t.Run(bx.name, func(t *testing.T) {
			src := "Before\n\n" + bx.md + "\n\nAfter\n"
			e, w := open(t, src)
			stored := md(e)
			if bx.shows != "" {
				drawnText(t, e, bx.shows)
			}
			if e.blocks[1].kind != kBox {
				t.Fatalf("%s is not a box: %v", bx.name, e.blocks[1].kind)
			}
			x, y, _ := e.view.caret(pos{1, 0})
			test.TapCanvas(w.Canvas(), onCanvas(e, fyne.NewPos(x+40, y+4)))
			if e.anchor != (pos{1, 0}) || e.cursor != (pos{1, 1}) {
				t.Fatalf("a click on the box selected %v–%v", e.anchor, e.cursor)
			}
			if len(rects(e, rSel)) == 0 {
				t.Error("the selected box is not shaded")
			}
			key(e, fyne.KeyDelete)
			want(t, e, "Before\n\nAfter")
			e.Undo()
			if got := md(e); got != stored {
				t.Errorf("after Undo\n%s\nwant\n%s", got, stored)
			}
			// Typing before and after it leaves it alone.
			e.collapse(pos{0, 6})
			typeText(e, " it")
			e.collapse(pos{2, 0})
			typeText(e, "Just ")
			want(t, e, "Before it\n\n"+bx.md+"\n\nJust After")
			// Backspace after it selects it, a second deletes it.
			e.collapse(pos{2, 0})
			key(e, fyne.KeyBackspace)
			key(e, fyne.KeyBackspace)
			want(t, e, "Before it\n\nJust After")
		})
	}
}

func TestTableDrawnAsGridWithShadedHeader(t *testing.T) {
	e, _ := open(t, "| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n")
	if len(rects(e, rHeader)) != 1 {
		t.Errorf("%d shaded header rows", len(rects(e, rHeader)))
	}
	if !drawnText(t, e, "Name").TextStyle.Bold || drawnText(t, e, "a").TextStyle.Bold {
		t.Error("header cells are not bold, or body cells are")
	}
	if a, b := drawnText(t, e, "a").Position(), drawnText(t, e, "1").Position(); b.X <= a.X || b.Y != a.Y {
		t.Errorf("cells not side by side: %v %v", a, b)
	}
	for _, x := range drawn(e) {
		if x.Text == "|" || x.Text == "---" {
			t.Errorf("syntax drawn: %q", x.Text)
		}
	}
}

func TestGlossaryAndCalloutDrawn(t *testing.T) {
	e, _ := open(t, "Photosynthesis\n: How plants make food.\n\n> [!WARNING]\n> Hot.\n")
	term, def := drawnText(t, e, "Photosynthesis"), drawnText(t, e, "How plants make food.")
	if !term.TextStyle.Bold || def.Position().X <= term.Position().X {
		t.Errorf("term bold %v at %v, definition at %v", term.TextStyle.Bold, term.Position(), def.Position())
	}
	drawnText(t, e, sectiontext.Warning.Label())
	if len(rects(e, rBox)) != 1 {
		t.Error("the call-out has no shaded box")
	}
}

func TestCodeBlockIsMonoAndAnswerLinesRuled(t *testing.T) {
	e, _ := open(t, "```\nkeep   spaces\n```\n\n```lines 5\n```\n")
	if !drawnText(t, e, "keep   spaces").TextStyle.Monospace {
		t.Error("code not mono")
	}
	e.view.Refresh()
	lines := 0
	for _, o := range test.WidgetRenderer(e.view).Objects() {
		if l, ok := o.(interface{ Size() fyne.Size }); ok && l.Size().Height == 0 && l.Size().Width > 300 {
			lines++
		}
	}
	if lines != 5 {
		t.Errorf("%d ruled lines, want 5", lines)
	}
}
