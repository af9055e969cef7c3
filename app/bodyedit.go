package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Text inside a box — a call-out's, a quote's, a footnote's — is edited
// in a formatted editor of its own, in a dialog: the same editor as the
// section's, so bold, lists and fields look as they do there and no one
// meets Markdown syntax. What comes back replaces the box (or the note)
// as one undo step.

// bodyEdit is what a nested editor's dialog edits: blocks of text and,
// for a call-out, its kind chosen from kinds (the labels it prints with).
type bodyEdit struct {
	title  string
	kinds  []string
	kind   string
	blocks []sectiontext.Block
	// opts are the section editor's options, so fields show as the
	// same chips.
	opts editor.Options
}

// richOptions are the formatted editor's options, the section's and the
// nested ones' alike.
func (s *sectionPanel) richOptions() editor.Options {
	return editor.Options{Label: s.fieldLabel, CitationLabel: s.citationLabel, SmartQuotes: true, Autoformat: true, Accent: s.accent()}
}

// showBodyEditor is the real nested editor: a kind to choose when there
// is one, the text below. Enter in the text starts a new paragraph, as
// in the section, so Ctrl+Enter presses OK; Esc cancels.
func (w *mainWindow) showBodyEditor(req bodyEdit, done func(*bodyEdit)) {
	ed := editor.NewWithOptions(req.opts)
	_ = ed.SetBody(sectiontext.Body{Blocks: req.blocks})
	var kind *widget.Select
	var top fyne.CanvasObject
	if len(req.kinds) > 0 {
		kind = widget.NewSelect(req.kinds, nil)
		kind.SetSelected(req.kind)
		top = container.NewBorder(nil, nil, widget.NewLabel("Kind of box"), nil, kind)
	}
	hint := widget.NewLabel("Enter starts a new paragraph. Ctrl+Enter is OK, Esc cancels.")
	hint.Importance = widget.LowImportance
	content := container.NewBorder(top, hint, nil, nil, editorFrame(ed, 0))
	d := dialog.NewCustomConfirm(req.title, "OK", "Cancel", content, func(ok bool) {
		if !ok {
			done(nil)
			return
		}
		out := req
		out.blocks = ed.Body().Blocks
		if kind != nil {
			out.kind = kind.Selected
		}
		done(&out)
	}, w.win)
	ed.OnSubmit, ed.OnEscape = d.Confirm, d.Hide
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-80, 720), min(size.Height-80, 460)))
	w.withKeys(d, nil, d.Hide)
	w.win.Canvas().Focus(ed)
}

// editorFrame sets a nested editor on the input colour inside a border,
// as a text field is, so it reads as the place to type, at least
// minHeight tall (the editor scrolls itself and asks for no height).
func editorFrame(ed *editor.Editor, minHeight float32) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = theme.InputBorderSize()
	bg.CornerRadius = theme.InputRadiusSize()
	bg.SetMinSize(fyne.NewSize(0, minHeight))
	return container.NewStack(bg, ed)
}
