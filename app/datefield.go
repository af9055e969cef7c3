package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// dateField is the packet's date as a person types it, read in the order
// of the packet's language (en-US: month/day) whatever the computer's
// locale, with the date as it will print shown beneath. Fyne's DateEntry
// reads the order of the system locale: under C.UTF-8 it took 11/07/2026
// in an American memo as 11 July, and refused 12/20/2026 with only a red
// mark while the old date silently stayed.
type dateField struct {
	entry    *dateEntry
	calendar *widget.Button
	hint     *widget.Label
	content  fyne.CanvasObject
	// order is the packet language's, set by show.
	order briefing.DateOrder
	// stored is the packet's date (YYYY-MM-DD or ""), as last shown.
	stored string
	// rejected is set while the text typed is not a date (and so not
	// stored).
	rejected bool
	// showing is set while show fills the field, so its changes are not
	// taken as the user's.
	showing bool
	// onDate stores a date the user typed or picked.
	onDate func(iso string)
	canvas func() fyne.Canvas
}

func newDateField(onDate func(iso string), canvas func() fyne.Canvas) *dateField {
	f := &dateField{onDate: onDate, canvas: canvas}
	f.entry = &dateEntry{left: f.left}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.OnChanged = f.typed
	f.entry.Validator = func(text string) error {
		_, err := briefing.ReadDate(text, f.order)
		return err
	}
	f.calendar = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.openCalendar)
	f.hint = widget.NewLabel("")
	f.hint.Wrapping = fyne.TextWrapWord
	f.hint.SizeName = theme.SizeNameCaptionText
	f.content = container.NewVBox(container.NewBorder(nil, nil, nil, f.calendar, f.entry), f.hint)
	return f
}

// typed reads what the user typed. A date is stored at once; an entry
// that is not (yet) a date is not stored, and the hint says why and which
// date the packet keeps.
func (f *dateField) typed(text string) {
	if f.showing {
		return
	}
	iso, err := briefing.ReadDate(text, f.order)
	f.rejected = err != nil
	if err == nil && iso == "" && f.stored != "" {
		// An emptied field is on its way to another date more often than
		// not (Select All, Delete, type): the date goes only when the user
		// leaves the field empty.
		f.rejected = true // not taken yet: show leaves it be
		f.hint.Importance = widget.MediumImportance
		f.hint.SetText("No date will be printed once you leave the field empty; the packet keeps " + f.order.Printed(f.stored) + " until then.")
		return
	}
	if err != nil {
		keeps := "no date"
		if f.stored != "" {
			keeps = f.order.Printed(f.stored)
		}
		f.hint.Importance = widget.DangerImportance
		f.hint.SetText("Not taken: " + err.Error() + ". The packet keeps " + keeps + ".")
		return
	}
	f.stored = iso
	f.showPrinted()
	f.onDate(iso)
}

// show fills the field from the packet, leaving the user's own text when
// it already reads as the packet's date (so typing is not rewritten under
// the cursor) and writing it in the language's order otherwise.
func (f *dateField) show(iso, lang string) {
	f.showing = true
	defer func() { f.showing = false }()
	order := briefing.DateOrderFor(lang)
	if order == f.order && iso == f.stored && f.rejected {
		// The user's text that is not a date yet stays, with its hint,
		// when something else in the packet changes.
		return
	}
	f.order = order
	f.entry.SetPlaceHolder(f.order.Layout())
	f.stored = iso
	if got, err := briefing.ReadDate(f.entry.Text, f.order); err != nil || got != iso {
		f.entry.SetText(f.order.Format(iso))
	}
	f.rejected = false
	if _, err := time.Parse(time.DateOnly, iso); iso != "" && err != nil {
		// A hand-edited file's date that is none: say so rather than
		// print it as it is without a word.
		f.hint.Importance = widget.DangerImportance
		f.hint.SetText("The packet's date \"" + iso + "\" is not a date and prints as it is; type the date as " + f.order.Layout() + ".")
		return
	}
	f.showPrinted()
}

// left is called when the field loses the keyboard: an empty field
// then means no date.
func (f *dateField) left() {
	if f.showing || strings.TrimSpace(f.entry.Text) != "" || f.stored == "" {
		return
	}
	f.stored = ""
	f.showPrinted()
	f.onDate("")
}

// dateEntry is the date's text field, telling the field when the user
// leaves it.
type dateEntry struct {
	widget.Entry
	left func()
}

// FocusLost implements fyne.Focusable.
func (e *dateEntry) FocusLost() {
	e.Entry.FocusLost()
	e.left()
}

func (f *dateField) showPrinted() {
	f.hint.Importance = widget.MediumImportance
	if f.stored == "" {
		f.hint.SetText("No date is printed. Type one as " + f.order.Layout() + " or as 7 November 2026.")
		return
	}
	f.hint.SetText("Prints as " + f.order.Printed(f.stored) + ". Dates in figures are read as " + f.order.Layout() + ".")
}

// openCalendar picks the date from a month's calendar, for those who
// would rather not type it.
func (f *dateField) openCalendar() {
	start := time.Now()
	if t, err := time.Parse(time.DateOnly, f.stored); err == nil {
		start = t
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		pop.Hide()
		f.entry.SetText(f.order.Format(t.Format(time.DateOnly)))
	})
	c := f.canvas()
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.entry)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, f.entry.Size().Height)))
}
