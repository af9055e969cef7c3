package app

import (
	"github.com/briefsmith/briefsmith/render/layout"
	"image/color"
	"maps"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// The section's text is edited as formatted text (app/editor) — headings,
// lists, tables and fields drawn as the page shows them, never as
// Markdown — and stored as the text model's canonical Markdown after
// every change. The Markdown source stays one click away (View ›
// Markdown Source), and is what a section shows whose template code the
// model cannot show. Find and Replace finds in whichever the section
// shows (findrich.go).

// newRichText makes the formatted editor and the stack that shows it or
// the source editor.
func (s *sectionPanel) newRichText(source fyne.CanvasObject) fyne.CanvasObject {
	s.rich = editor.NewWithOptions(s.richOptions())
	s.rich.OnChanged = s.storeRich
	s.rich.OnEditBox = s.editBox
	s.rich.OnEditConditional = s.editConditional
	s.rich.OnEditNote = s.editNote
	s.rich.OnRedoKey = s.redoKey
	s.rich.Hide()
	return container.NewStack(s.rich, source)
}

// fieldLabel is what a field's chip says: the label the packet's fields
// give it (Settings and the Variables tab name it so).
func (s *sectionPanel) fieldLabel(name string) string {
	if l := s.fields.Label(name); l != "" {
		return l
	}
	return name
}

// citationLabel is what a citation of the source id shows: the number
// the page prints for it, "" for an id that names no source.
func (s *sectionPanel) citationLabel(id string) string {
	if n, ok := s.citeNums[id]; ok {
		return strconv.Itoa(n)
	}
	return ""
}

// accent is the packet's accent colour, nil when it names none the page
// can print (the page then uses its default, as the editor its text's
// colour).
func (s *sectionPanel) accent() color.Color {
	if s.w.doc == nil {
		return nil
	}
	rgb, err := layout.ParseColor(s.w.doc.packet.Style.Accent)
	if err != nil {
		return nil
	}
	return color.NRGBA{R: uint8(rgb.R), G: uint8(rgb.G), B: uint8(rgb.B), A: 0xff}
}

// richOn reports whether the section's text is shown formatted.
func (s *sectionPanel) richOn() bool { return s.rich.Visible() }

// showRich shows body, the selected section's text as stored, in the
// formatted editor when it can, and reports whether it did. The editor
// keeps its cursor, selection and history while the text it holds is
// the text stored (after its own edits); text changed from outside (an
// Undo, Replace All) is shown again with the cursor where it was.
func (s *sectionPanel) showRich(body string, prevKey sectionKey) bool {
	if s.sourceView {
		s.setRichOn(false)
		return false
	}
	if nums := briefing.SourceNumbers(s.w.lib, s.w.doc.packet); !maps.Equal(nums, s.citeNums) {
		// Sources added, removed or moved: citations show new numbers.
		s.citeNums = nums
		s.rich.Relabel()
	}
	if a := s.accent(); a != s.rich.Accent() {
		// Headings in the packet's accent, as the page sets them.
		s.rich.SetAccent(a)
	}
	if s.rich.Visible() && s.key == prevKey && body == s.richWritten {
		s.richInfo()
		return true
	}
	model := briefing.TextModel(body)
	if model.TemplateCode {
		s.setRichOn(false)
		return false
	}
	s.fields = briefing.FieldsOf(s.w.lib, s.w.doc.packet)
	off := -1
	if s.key == prevKey && s.rich.Visible() {
		off = s.rich.CursorOffset()
	}
	_ = s.rich.SetBody(model)
	traceEvent("show", len(body))
	s.richWritten = body
	if off >= 0 {
		s.rich.SetCursorOffset(off)
	}
	s.setRichOn(true)
	s.richInfo()
	return true
}

// How the note under the text says what fields look like: in the source,
// a label in brackets; in the formatted view, shaded words.
const (
	fieldsNoteSource = "Words in square brackets, such as [Prepared for], are fields"
	fieldsNoteRich   = "Shaded words, such as Prepared for, are fields"
)

// richInfo words the note under the text for the formatted view.
func (s *sectionPanel) richInfo() {
	s.info.SetText(strings.Replace(s.info.Text, fieldsNoteSource, fieldsNoteRich, 1))
}

// setRichOn shows the formatted editor or the source field.
func (s *sectionPanel) setRichOn(on bool) {
	if on == s.rich.Visible() {
		return
	}
	if on {
		s.src.Hide()
		s.rich.Show()
	} else {
		s.rich.Hide()
		s.src.Show()
		// The source field shows the text again from the packet.
		s.richWritten = ""
	}
}

// storeRich stores the formatted editor's text as the section's, as one
// typing burst with the edits around it.
func (s *sectionPanel) storeRich() {
	text := sectiontext.Write(s.rich.Body())
	before := s.richWritten
	if text == before {
		return
	}
	s.richWritten = text
	s.typing = true
	s.w.doc.setBody(s.key, before, text)
	s.typing = false
	s.richVersion = s.w.doc.version
}

// richUndo undoes in the editor showing the text (formatted or source)
// when the latest change to the packet is its own — the editor then puts
// back the cursor and selection too, and a smart quote comes back
// straight — and reports whether it did.
func (s *sectionPanel) richUndo(redo bool) bool {
	ed, version := s.rich, s.richVersion
	if !s.richOn() {
		ed, version = s.src, s.srcVersion
	}
	if s.w.doc.version != version || s.w.win.Canvas().Focused() != ed {
		return false
	}
	if redo {
		if !ed.CanRedo() {
			return false
		}
		ed.Redo()
	} else {
		if !ed.CanUndo() {
			return false
		}
		ed.Undo()
	}
	return true
}

// redoKey is Ctrl+Shift+Z in either editor: the window's Redo, which
// redoes the editor's own change or, after an Undo of the packet (a
// Replace All, a change made elsewhere), the packet's.
func (s *sectionPanel) redoKey() {
	if !s.w.dialogOpen() {
		s.w.onRedo()
	}
}

// insertRich puts source text (plain form, fields as their labels in
// brackets) at the cursor of the formatted editor, in place of the
// selection.
func (s *sectionPanel) insertRich(text string) {
	s.rich.InsertBody(sectiontext.Parse(s.fields.FromPlain(text)))
	s.focusBody()
}

// newNoteRich asks for a new footnote's text in a formatted editor of its
// own, as an existing note is edited, and adds it at the cursor.
func (s *sectionPanel) newNoteRich() {
	s.w.ui.editBody(bodyEdit{title: "Footnote", opts: s.richOptions()}, func(r *bodyEdit) {
		if r != nil && len(r.blocks) > 0 {
			s.footnoteRich(r.blocks)
		}
	})
}

// newCalloutRich asks for a new call-out's kind and text, the selection
// its text to start with, as a call-out is edited, and puts it at the
// cursor in place of the selection.
func (s *sectionPanel) newCalloutRich() {
	labels := make([]string, 0, len(sectiontext.CalloutKinds))
	for _, k := range sectiontext.CalloutKinds {
		labels = append(labels, k.Label())
	}
	var blocks []sectiontext.Block
	if sel := s.rich.SelectedText(); sel != "" {
		for _, line := range strings.Split(sel, "\n") {
			blocks = append(blocks, sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.Text{Text: line}}})
		}
	}
	req := bodyEdit{title: "Call-out box", kinds: labels, kind: labels[0], blocks: blocks, opts: s.richOptions()}
	s.w.ui.editBody(req, func(r *bodyEdit) {
		if r == nil {
			return
		}
		kind := sectiontext.CalloutKinds[0]
		for _, k := range sectiontext.CalloutKinds {
			if k.Label() == r.kind {
				kind = k
			}
		}
		s.rich.InsertBody(sectiontext.Body{Blocks: []sectiontext.Block{withCalloutBlocks(kind, r.blocks)}})
		s.focusBody()
	})
}

// footnoteRich adds a footnote at the cursor of the formatted editor: the
// number there, the note with the section's others.
func (s *sectionPanel) footnoteRich(note []sectiontext.Block) {
	used := map[string]bool{}
	for _, n := range s.rich.Body().Notes {
		used[n.Label] = true
	}
	label := "1"
	for k := 1; used[label]; k++ {
		label = strconv.Itoa(k + 1)
	}
	s.rich.InsertBody(sectiontext.Body{
		Blocks: []sectiontext.Block{sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.FootnoteRef{Label: label}}}},
		Notes:  []sectiontext.Footnote{{Label: label, Blocks: note}},
	})
	s.focusBody()
}

// selectedText is the selection in whichever view shows the text.
func (s *sectionPanel) selectedText() string {
	if s.richOn() {
		return s.rich.SelectedText()
	}
	return s.src.SelectedText()
}

// toggleSourceView switches between formatted text and the Markdown
// source, for this window.
func (s *sectionPanel) toggleSourceView() {
	s.sourceView = !s.sourceView
	s.show()
	s.focusBody()
}

// linkRich asks for a link's text and address in the formatted view:
// the link under the cursor shows its own, and can be removed (its words
// stay); otherwise the selection, or new text, becomes the link.
func (s *sectionPanel) linkRich() {
	text, addr, existing := s.rich.LinkAt()
	fields := []formField{{label: "Text", value: text}, {label: "Address", value: addr}}
	title := "Edit link"
	if existing {
		fields = append(fields, formField{label: "Remove the link", check: true, hint: "Its words stay, as plain text"})
	} else {
		title = "Link"
		fields[0].value, fields[1].value = s.rich.SelectedText(), "https://"
	}
	s.w.ui.askForm(title, fields, func(v []string) {
		if v == nil {
			return
		}
		defer s.focusBody()
		addr := strings.TrimSpace(v[1])
		if existing && (len(v) > 2 && v[2] == "true" || addr == "") {
			s.rich.RemoveLink()
			return
		}
		if addr == "" || addr == "https://" {
			s.w.ui.showError(errNoAddress)
			return
		}
		s.rich.SetLink(v[0], addr)
	})
}
