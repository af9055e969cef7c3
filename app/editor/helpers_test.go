package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// open shows Markdown in an editor in a test window with the keyboard.
func open(t testing.TB, md string) (*Editor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	_ = a
	e := NewWithOptions(Options{})
	if err := e.SetBody(sectiontext.Parse(md)); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(e)
	w.Resize(fyne.NewSize(500, 400))
	w.Canvas().Focus(e)
	t.Cleanup(w.Close)
	return e, w
}

// md is what the app would store.
func md(e *Editor) string { return sectiontext.Write(e.Body()) }

func key(e *Editor, k fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: k}) }

func shiftKey(e *Editor, k fyne.KeyName) {
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, k)
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func ctrl(e *Editor, k fyne.KeyName, shift bool) {
	m := fyne.KeyModifierControl
	if shift {
		m |= fyne.KeyModifierShift
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m})
}

func typeText(e *Editor, s string) {
	for _, r := range s {
		if r == '\n' {
			key(e, fyne.KeyReturn)
			continue
		}
		e.TypedRune(r)
	}
}

// want fails unless the stored Markdown is w's canonical form.
func want(t *testing.T, e *Editor, w string) {
	t.Helper()
	w = sectiontext.Write(sectiontext.Parse(w))
	if got := md(e); got != w {
		t.Errorf("stored\n%q\nwant\n%q", got, w)
	}
}

// selected is the plain text selected.
func selected(e *Editor) string {
	c := test.NewClipboard()
	e.copySelection(c)
	return c.Content()
}

// drawn is every text the page draws.
func drawn(e *Editor) []*canvas.Text {
	e.view.Refresh()
	var out []*canvas.Text
	for _, o := range test.WidgetRenderer(e.view).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t)
		}
	}
	return out
}

// drawnText finds the drawn text s.
func drawnText(t *testing.T, e *Editor, s string) *canvas.Text {
	t.Helper()
	for _, x := range drawn(e) {
		if x.Text == s {
			return x
		}
	}
	var all []string
	for _, x := range drawn(e) {
		all = append(all, x.Text)
	}
	t.Fatalf("%q not drawn; drawn: %q", s, all)
	return nil
}

// rects is every rectangle the page draws with the colour of role r.
func rects(e *Editor, r role) []*canvas.Rectangle {
	e.view.Refresh()
	c := colorOf(r, e.opts)
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(e.view).Objects() {
		if x, ok := o.(*canvas.Rectangle); ok && x.FillColor == c {
			out = append(out, x)
		}
	}
	return out
}

// at is where the cursor at q is drawn, on the canvas (for taps).
func at(e *Editor, q pos) fyne.Position {
	return onCanvas(e, pagePos(e, q))
}

// pagePos is where the cursor at q is drawn, on the page.
func pagePos(e *Editor, q pos) fyne.Position {
	x, y, h := e.view.caret(q)
	return fyne.NewPos(x+1, y+h/2)
}

// onCanvas turns a point on the page into one on the canvas.
func onCanvas(e *Editor, p fyne.Position) fyne.Position {
	return p.Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(e.view))
}

// plainBlocks is the text of each editor block, as the user sees it.
func plainBlocks(e *Editor) []string {
	var out []string
	for _, b := range e.blocks {
		out = append(out, e.plain(b.atoms))
	}
	return out
}

// withinWidth fails for any piece of block i's lines that reaches past
// the editor's width.
func withinWidth(t *testing.T, e *Editor, i int) {
	t.Helper()
	for _, ln := range e.view.lay(i).lines {
		for _, p := range ln.pieces {
			if p.x+p.w > e.view.width()+1 {
				t.Errorf("%q reaches %v, past the width %v", p.text, p.x+p.w, e.view.width())
			}
		}
	}
}

// clickAroundMarker opens src, in which the drawn text words follows the
// marker drawn as marker and begins at step start of the first block: a
// click after words' first three letters lands three steps on, a click
// on the marker's left edge at start (the marker holds no cursor
// position), and the cursor there is drawn where the letters end.
func clickAroundMarker(t *testing.T, src, marker, words string, start int) {
	t.Helper()
	e, w := open(t, src)
	m, text := drawnText(t, e, marker), drawnText(t, e, words)
	three := string([]rune(words)[:3])
	x3 := text.Position().X + fyne.MeasureText(three, text.TextSize, text.TextStyle).Width
	y := text.Position().Y + text.Size().Height/2
	tap := func(x float32) pos {
		test.TapCanvas(w.Canvas(), onCanvas(e, fyne.NewPos(x, y)))
		return e.cursor
	}
	if got := tap(x3 + 1); got != (pos{0, start + 3}) {
		t.Errorf("a click after %q put the cursor at %v", three, got)
	}
	if got := tap(m.Position().X + 1); got != (pos{0, start}) {
		t.Errorf("a click on the marker's start put the cursor at %v", got)
	}
	if x, _, _ := e.view.caret(pos{0, start + 3}); x < x3-1 || x > x3+1 {
		t.Errorf("the cursor after %q is drawn at %v, the letters end at %v", three, x, x3)
	}
}
