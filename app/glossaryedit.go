package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/app/editor"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// A glossary is edited as rows of a term and what it means — no colons
// or any other syntax — with rows to add and remove: the term in a
// field, what it means in a formatted editor of its own, as a call-out's
// text is.

// glossaryRow is one term, as plain text, and its definition, as the
// blocks a formatted editor edits (so a citation stays a citation and
// italics stay italic); from is the entry it came from (-1 for a row
// added), so a row left alone keeps its formatting wherever rows were
// added or removed around it.
type glossaryRow struct {
	term       string
	definition []sectiontext.Block
	from       int
}

// editGlossary opens glossary g, the box selected, to edit.
func (s *sectionPanel) editGlossary(g sectiontext.Glossary) {
	s.w.ui.editGlossary(glossaryRows(g), s.richOptions(), func(rows []glossaryRow) {
		if rows != nil {
			s.replaceBox(g, withGlossaryRows(g, rows))
		}
	})
}

// glossaryRows is g as rows to edit.
func glossaryRows(g sectiontext.Glossary) []glossaryRow {
	out := make([]glossaryRow, len(g.Entries))
	for i, en := range g.Entries {
		out[i] = glossaryRow{term: cellText(en.Term), definition: slices.Concat(en.Definitions...), from: i}
	}
	return out
}

// withGlossaryRows is g with the rows edited: a term whose text is as it
// was keeps its formatting, one changed is the text typed, literally; a
// definition left alone keeps its form (several definitions stay
// several). Empty rows go.
func withGlossaryRows(g sectiontext.Glossary, rows []glossaryRow) sectiontext.Glossary {
	var out sectiontext.Glossary
	for _, r := range rows {
		term := strings.Join(strings.Fields(r.term), " ")
		def := sectiontext.Write(sectiontext.Body{Blocks: r.definition})
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
			en.Term = []sectiontext.Inline{sectiontext.Text{Text: term}}
		}
		if old != nil && sectiontext.Write(sectiontext.Body{Blocks: slices.Concat(old.Definitions...)}) == def {
			en.Definitions = old.Definitions
		} else if def != "" {
			en.Definitions = [][]sectiontext.Block{r.definition}
		}
		out.Entries = append(out.Entries, en)
	}
	return out
}

// glossaryForm is the glossary editor's content: a row per term, its
// field beside a formatted editor of what it means.
type glossaryForm struct {
	rows    []glossaryRow
	terms   []*dialogEntry
	defs    []*editor.Editor
	list    *fyne.Container
	add     *widget.Button
	removes []*widget.Button
	w       *mainWindow
	opts    editor.Options
	// submit and cancel are the dialog's OK and Cancel, for Ctrl+Enter
	// and Esc in a definition.
	submit, cancel func()
}

func newGlossaryForm(w *mainWindow, rows []glossaryRow, opts editor.Options) *glossaryForm {
	f := &glossaryForm{rows: append([]glossaryRow(nil), rows...), list: container.NewVBox(), w: w, opts: opts}
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
		f.rows[i].term, f.rows[i].definition = f.terms[i].Text, f.defs[i].Body().Blocks
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
		def := editor.NewWithOptions(f.opts)
		_ = def.SetBody(sectiontext.Body{Blocks: r.definition})
		def.OnSubmit = func() { f.submit() }
		def.OnEscape = func() { f.cancel() }
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
		top := container.NewVBox(container.NewGridWrap(fyne.NewSize(220, term.MinSize().Height), term))
		rm := container.NewVBox(remove)
		// Tab follows the objects' order: the term, what it means, then
		// Remove row (NewBorder puts the middle first, so Tab went from
		// the term to Remove row, and a space pressed it).
		f.list.Add(container.New(layout.NewBorderLayout(nil, nil, top, rm), top, editorFrame(def, 5*theme.TextSize()+2*theme.InnerPadding()), rm))
	}
	f.list.Refresh()
}

// showGlossaryEditor is the real glossary editor.
func (w *mainWindow) showGlossaryEditor(rows []glossaryRow, opts editor.Options, done func([]glossaryRow)) {
	f := newGlossaryForm(w, rows, opts)
	hint := widget.NewLabel("A term and what it means on each row; Enter starts a new paragraph. Ctrl+Enter is OK, Esc cancels.")
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
	f.submit, f.cancel = d.Confirm, d.Hide
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-80, 900), min(size.Height-80, 600)))
	w.withKeys(d, d.Confirm, d.Hide)
	if len(f.terms) > 0 {
		w.win.Canvas().Focus(f.terms[0])
	}
}
