package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/briefsmith/briefsmith/briefing"
)

// problemsPanel lists what `briefsmith validate` would say, live;
// selecting a problem selects the section it concerns, or the setting.
type problemsPanel struct {
	w       *mainWindow
	list    *widget.List
	summary *widget.Label
	items   briefing.Problems
	content fyne.CanvasObject
}

func newProblemsPanel(w *mainWindow) *problemsPanel {
	p := &problemsPanel{w: w}
	p.summary = widget.NewLabel("Checking…")
	p.list = &widget.List{
		Length: func() int { return len(p.items) },
		CreateItem: func() fyne.CanvasObject {
			text := widget.NewLabel("")
			text.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, text)
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			text, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
			pr := p.items[id]
			if pr.Severity == briefing.Error {
				icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			} else {
				icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			}
			text.SetText(pr.Shown())
			p.list.SetItemHeight(id, text.MinSize().Height)
		},
		OnSelected: func(id widget.ListItemID) {
			switch pr := p.items[id]; {
			case pr.Variable != "":
				// The section that needs it, and the field that fills it.
				if pr.Section >= 0 {
					p.w.selectSection(pr.Section)
				}
				p.w.tabs.SelectIndex(2)
				p.w.variables.focus(pr.Variable)
			case pr.Section >= 0:
				p.w.selectSection(pr.Section)
				p.w.tabs.SelectIndex(0)
			case pr.Setting != briefing.SettingNone:
				p.w.tabs.SelectIndex(1)
				p.w.settings.show(pr.Setting)
			}
			p.list.Unselect(id)
		},
	}
	p.list.ExtendBaseWidget(p.list)
	p.content = container.NewBorder(p.summary, nil, nil, nil, p.list)
	return p
}

// show replaces the list and updates the tab title with the count.
func (p *problemsPanel) show(probs briefing.Problems) {
	p.items = probs
	errs := len(probs.Errors())
	warns := len(probs) - errs
	switch {
	case len(probs) == 0:
		p.summary.SetText("No problems: the packet is ready to export.")
	case errs == 0:
		p.summary.SetText(fmt.Sprintf("%s: the PDF can be exported; check these first.", plural(warns, "warning")))
	default:
		p.summary.SetText(fmt.Sprintf("%s and %s: fix the errors to export.", plural(errs, "error"), plural(warns, "warning")))
	}
	title := "Problems"
	if len(probs) > 0 {
		title = fmt.Sprintf("Problems (%d)", len(probs))
	}
	p.w.tabs.Items[3].Text = title
	p.w.tabs.Refresh()
	p.list.Refresh()
}
