package app

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// findBar finds and replaces text in the section being edited or in the
// whole packet: section titles and text as the editor shows them (plain
// form), so a search for "[Prepared for]" finds the field. It is a bar
// over the editor rather than a dialog, so the text stays visible and
// editable while searching.
type findBar struct {
	s         *sectionPanel
	what      *widget.Entry
	with      *widget.Entry
	wholeCase *widget.Check
	scope     *widget.RadioGroup
	status    *widget.Label
	content   *fyne.Container
}

// Scopes of a search, as the bar names them.
const (
	scopeSection = "This section"
	scopePacket  = "Whole packet"
)

func newFindBar(s *sectionPanel) *findBar {
	f := &findBar{s: s}
	f.what = widget.NewEntry()
	f.what.SetPlaceHolder("Find")
	f.what.OnSubmitted = func(string) { f.next() }
	f.with = widget.NewEntry()
	f.with.SetPlaceHolder("Replace with")
	f.wholeCase = widget.NewCheck("Match case", nil)
	f.scope = widget.NewRadioGroup([]string{scopeSection, scopePacket}, nil)
	f.scope.Horizontal = true
	f.scope.SetSelected(scopeSection)
	f.status = widget.NewLabel("")
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	closeBtn.Importance = widget.LowImportance
	buttons := container.NewHBox(widget.NewButton("Next", f.next), widget.NewButton("Replace", f.replace),
		widget.NewButton("Replace All", f.replaceAll), f.wholeCase, closeBtn)
	f.content = container.NewVBox(container.NewGridWithColumns(2, f.what, f.with), buttons,
		container.NewHBox(f.scope, f.status))
	f.content.Hide()
	return f
}

// open shows the bar with the selection, if any, as what to find.
func (f *findBar) open() {
	if sel := f.s.body.SelectedText(); sel != "" && !strings.Contains(sel, "\n") {
		f.what.SetText(sel)
	}
	f.content.Show()
	f.status.SetText("")
	if c := f.s.w.win.Canvas(); c != nil {
		c.Focus(f.what)
	}
}

func (f *findBar) close() {
	f.content.Hide()
	f.s.focusBody()
}

// pattern is what to find as a regular expression, nil when empty.
func (f *findBar) pattern() *regexp.Regexp {
	if f.what.Text == "" {
		return nil
	}
	p := regexp.QuoteMeta(f.what.Text)
	if !f.wholeCase.Checked {
		p = "(?i)" + p
	}
	return regexp.MustCompile(p)
}

// next selects the next match after the cursor: in this section, then,
// for the whole packet, in the sections after it (going round to the
// first).
func (f *findBar) next() {
	re := f.pattern()
	if re == nil {
		f.open()
		return
	}
	s := f.s
	if s.editable() {
		text := []rune(s.body.Text)
		from := min(max(s.body.CursorTextOffset(), 0), len(text))
		if loc := re.FindStringIndex(string(text[from:])); loc != nil {
			start := from + len([]rune(string(text[from:])[:loc[0]]))
			f.selectMatch(start, len([]rune(string(text[from:])[loc[0]:loc[1]])))
			return
		}
	}
	if f.scope.Selected == scopePacket {
		n := len(s.w.doc.packet.Sections)
		cur := s.w.doc.selectedIndex()
		for k := 1; k <= n; k++ {
			i := (cur + k + n) % n
			plain := f.s.plainText(i)
			if loc := re.FindStringIndex(plain); loc != nil {
				s.w.selectSection(i)
				f.selectMatch(len([]rune(plain[:loc[0]])), len([]rune(plain[loc[0]:loc[1]])))
				return
			}
		}
	} else if s.editable() && re.MatchString(s.body.Text) {
		// Go round to the start of the section.
		setCursorOffset(&s.body.Entry, 0)
		f.next()
		return
	}
	f.status.SetText("Not found.")
}

// selectMatch selects n runes of the body from rune offset start, as
// Shift and the arrow keys do: the field has no other way to select.
func (f *findBar) selectMatch(start, n int) {
	e := &f.s.body.Entry
	setCursorOffset(e, start)
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range n {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	e.Refresh()
	f.status.SetText("")
}

// replace replaces the selected match and finds the next.
func (f *findBar) replace() {
	re := f.pattern()
	if re == nil {
		return
	}
	if sel := f.s.body.SelectedText(); sel != "" && re.FindString(sel) == sel {
		if f.with.Text == "" {
			f.s.body.TypedShortcut(&fyne.ShortcutCut{Clipboard: textClip("")})
		} else {
			f.s.replaceSelection(f.with.Text)
		}
	}
	f.next()
}

// replaceAll replaces every match in scope as one undoable edit, and
// says how many it replaced where.
func (f *findBar) replaceAll() {
	re := f.pattern()
	if re == nil {
		return
	}
	with := strings.ReplaceAll(f.with.Text, "$", "$$")
	w := f.s.w
	if f.scope.Selected != scopePacket {
		if !f.s.editable() {
			return
		}
		n := len(re.FindAllStringIndex(f.s.body.Text, -1))
		if n > 0 {
			f.s.setBodyText(re.ReplaceAllString(f.s.body.Text, with), 0)
		}
		f.status.SetText(plural(n, "replacement"))
		return
	}
	fields := briefing.FieldsOf(w.lib, w.doc.packet)
	bodies, titles := map[int]string{}, map[int]string{}
	count, sections := 0, 0
	for i := range w.doc.packet.Sections {
		hits := 0
		if plain := f.s.plainText(i); re.MatchString(plain) {
			hits += len(re.FindAllStringIndex(plain, -1))
			replaced := re.ReplaceAllString(plain, with)
			if f.s.plainAt(i) {
				replaced = fields.FromPlain(replaced)
			}
			bodies[i] = replaced
		}
		if title := f.s.titleAt(i); re.MatchString(title) {
			hits += len(re.FindAllStringIndex(title, -1))
			titles[i] = re.ReplaceAllString(title, with)
		}
		if hits > 0 {
			count, sections = count+hits, sections+1
		}
	}
	if count > 0 {
		w.doc.replaceTexts(bodies, titles)
	}
	f.status.SetText(fmt.Sprintf("%s in %s", plural(count, "replacement"), plural(sections, "section")))
}
