package app

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// A glossary is edited as rows of a term and what it means — no colons
// or any other syntax — with rows to add and remove. As with a table, a
// row's text left alone keeps its formatting; text typed is literal.

// glossaryRow is one term and its definition as plain text; from is the
// entry it came from (-1 for a row added), so a row left alone keeps its
// formatting wherever rows were added or removed around it.
type glossaryRow struct {
	term, definition string
	from             int
}

// editGlossary opens glossary g, the box selected, to edit.
func (s *sectionPanel) editGlossary(g sectiontext.Glossary) {
	s.w.ui.editGlossary(glossaryRows(g), func(rows []glossaryRow) {
		if rows != nil {
			s.replaceBox(g, withGlossaryRows(g, rows))
		}
	})
}

// glossaryRows is g as rows of plain text.
func glossaryRows(g sectiontext.Glossary) []glossaryRow {
	out := make([]glossaryRow, len(g.Entries))
	for i, en := range g.Entries {
		out[i] = glossaryRow{term: cellText(en.Term), definition: definitionText(en.Definitions), from: i}
	}
	return out
}

// definitionText is a term's definitions as plain text, a blank line
// between paragraphs (and between definitions).
func definitionText(defs [][]sectiontext.Block) string {
	var paras []string
	for _, d := range defs {
		for _, b := range d {
			switch b := b.(type) {
			case sectiontext.Paragraph:
				paras = append(paras, strings.ReplaceAll(cellText(b.Inlines), "\n", " "))
			case sectiontext.Heading:
				paras = append(paras, cellText(b.Inlines))
			default:
				paras = append(paras, "…")
			}
		}
	}
	return strings.Join(paras, "\n\n")
}

// blankLine splits typed text into paragraphs.
var blankLine = regexp.MustCompile(`\n[ \t]*\n\s*`)

// withGlossaryRows is g with the rows typed: a term or definition whose
// text is as it was keeps its formatting; one changed is the text typed,
// literally, a blank line starting a new paragraph. Empty rows go.
func withGlossaryRows(g sectiontext.Glossary, rows []glossaryRow) sectiontext.Glossary {
	var out sectiontext.Glossary
	for _, r := range rows {
		term, def := strings.TrimSpace(r.term), strings.TrimSpace(r.definition)
		if term == "" && def == "" {
			continue
		}
		var en sectiontext.GlossaryEntry
		var old *sectiontext.GlossaryEntry
		if r.from >= 0 && r.from < len(g.Entries) {
			old = &g.Entries[r.from]
		}
		if old != nil && cellText(old.Term) == r.term {
			en.Term = old.Term
		} else {
			en.Term = []sectiontext.Inline{sectiontext.Text{Text: strings.Join(strings.Fields(term), " ")}}
		}
		if old != nil && definitionText(old.Definitions) == r.definition {
			en.Definitions = old.Definitions
		} else if def != "" {
			var d []sectiontext.Block
			for _, p := range blankLine.Split(def, -1) {
				d = append(d, sectiontext.Paragraph{Inlines: []sectiontext.Inline{sectiontext.Text{Text: p}}})
			}
			en.Definitions = [][]sectiontext.Block{d}
		}
		out.Entries = append(out.Entries, en)
	}
	return out
}

// glossaryForm is the glossary editor's content: a row of fields per
// term, the term beside what it means.
type glossaryForm struct {
	rows    []glossaryRow
	terms   []*dialogEntry
	defs    []*dialogEntry
	list    *fyne.Container
	add     *widget.Button
	removes []*widget.Button
	w       *mainWindow
}

func newGlossaryForm(w *mainWindow, rows []glossaryRow) *glossaryForm {
	f := &glossaryForm{rows: append([]glossaryRow(nil), rows...), list: container.NewVBox(), w: w}
	if len(f.rows) == 0 {
		f.rows = []glossaryRow{{from: -1}}
	}
	f.add = widget.NewButton("Add row", func() { f.read(); f.rows = append(f.rows, glossaryRow{from: -1}); f.build() })
	f.build()
	return f
}

// read takes what was typed into rows.
func (f *glossaryForm) read() {
	for i := range f.terms {
		f.rows[i].term, f.rows[i].definition = f.terms[i].Text, f.defs[i].Text
	}
}

// build lays the rows out again after one was added or removed.
func (f *glossaryForm) build() {
	f.list.Objects = nil
	f.terms, f.defs, f.removes = nil, nil, nil
	head := widget.NewLabelWithStyle("Term", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.list.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(220, head.MinSize().Height), head), nil,
		widget.NewLabelWithStyle("What it means", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
	for i, r := range f.rows {
		term := newDialogEntry(f.w)
		term.SetText(r.term)
		term.SetPlaceHolder("Term")
		// Enter in a term does not press OK: a row is filled in with
		// Tab, and a stray Enter would close it half done.
		term.OnSubmitted = nil
		def := newDialogEntry(f.w)
		def.MultiLine, def.Wrapping = true, fyne.TextWrapWord
		// Shift+Enter in a field of several lines would press OK; Enter
		// there is a new line, and Ctrl+Enter is OK (dialogEntry).
		def.OnSubmitted = nil
		def.SetMinRowsVisible(3)
		def.SetText(r.definition)
		def.SetPlaceHolder("What the term means")
		remove := widget.NewButton("Remove row", func() {
			f.read()
			if len(f.rows) > 1 {
				f.rows = append(f.rows[:i:i], f.rows[i+1:]...)
				f.build()
			}
		})
		if len(f.rows) == 1 {
			remove.Disable()
		}
		f.terms, f.defs, f.removes = append(f.terms, term), append(f.defs, def), append(f.removes, remove)
		f.list.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(220, term.MinSize().Height), term), remove, def))
	}
	f.list.Refresh()
}

// showGlossaryEditor is the real glossary editor.
func (w *mainWindow) showGlossaryEditor(rows []glossaryRow, done func([]glossaryRow)) {
	f := newGlossaryForm(w, rows)
	hint := widget.NewLabel("A term and what it means on each row. Ctrl+Enter is OK, Esc cancels.")
	hint.Importance = widget.LowImportance
	content := container.NewBorder(nil, container.NewVBox(container.NewHBox(f.add), hint), nil, nil, container.NewVScroll(f.list))
	d := dialog.NewCustomConfirm("Edit glossary", "OK", "Cancel", content, func(ok bool) {
		if !ok {
			done(nil)
			return
		}
		f.read()
		done(f.rows)
	}, w.win)
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-80, 820), min(size.Height-80, 560)))
	w.withKeys(d, d.Confirm, d.Hide)
	if len(f.terms) > 0 {
		w.win.Canvas().Focus(f.terms[0])
	}
}
