package editor

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// Text shown only when a field is filled ("{{if .order_number}} (Executive
// Order {{.order_number}}){{end}}") is the user's text like any other,
// each character carrying the condition (style.cond), as a passage in
// another language carries its language: it wraps, and is typed, selected,
// found and copied as words. A small marker before it says when it
// prints; the marker is drawn, never text, so the cursor goes before it
// or after the first letter it marks, and text typed before it or just
// after the conditional's last letter is not part of it (see typedStyle),
// as with a link. What prints otherwise follows it the same way, after an
// "otherwise:" marker, so a consultant reads and writes both as sentences
// ("For [if Client:] Acme [otherwise:] companies that supply AI"); a
// character typed where the two meet goes on the first, as it takes the
// style of the one before it. Conditional text inside a link, a passage
// in another language or other conditional text stays one chip (see
// expands), whose words the app edits in a dialog (OnEditConditional).

// condStart reports whether as[i] begins conditional text: where its
// marker is drawn.
func condStart(as []atom, i int) bool {
	c := as[i].st.cond
	return c != nil && (i == 0 || as[i-1].st.cond != c)
}

// runMarker is the marker of the conditional text starting at as[i]:
// "if" and the field's label, or only "if filled:" when the text shows
// the field itself, which says which field it is; "otherwise:" right
// after the text it is the otherwise of. An otherwise whose text before
// it was deleted names the conditions it still waits on ("if Client is
// empty:"), since it prints only then.
func (e *Editor) runMarker(as []atom, i int) string {
	c := as[i].st.cond
	var prev *condRef
	if i > 0 && c.follows(as[i-1].st.cond) {
		prev = as[i-1].st.cond
	}
	var conds []string
	for n := c.elseOf; n != nil && n != prev; n = n.elseOf {
		conds = append([]string{e.label(n.field) + " is empty"}, conds...)
	}
	if c.field != "" {
		switch {
		case len(conds) > 0:
			conds = append(conds, e.label(c.field)+" is filled")
		case showsField(as, i):
			conds = append(conds, "filled")
		default:
			conds = append(conds, e.label(c.field))
		}
	}
	s := "if " + strings.Join(conds, " and ")
	if prev != nil {
		s = "otherwise"
		if len(conds) > 0 {
			s += ", if " + strings.Join(conds, " and ")
		}
	}
	return s + ":"
}

// showsField reports whether the run of conditional text starting at
// as[i] shows the field it depends on.
func showsField(as []atom, i int) bool {
	c := as[i].st.cond
	for k := i; k < len(as) && as[k].st.cond == c; k++ {
		if f, ok := as[k].obj.(sectiontext.Field); ok && f.Name == c.field {
			return true
		}
	}
	return false
}

// markerPrims draws a conditional text's marker at (x, y), the top of a
// piece of text fh high, as a pill; base is the block's text.
func (e *Editor) markerPrims(p piece, x, y, fh float32, base textBase) []prim {
	mf := markerFont(base.f)
	mh := e.measr.height(mf)
	return []prim{
		{k: pRect, x: x + chipPad/2, y: y + (fh-mh)/2 - 1, w: p.lead - chipPad, h: mh + 2, col: rCond, radius: mh / 2},
		{k: pText, x: x + chipPad*3/2, y: y + (fh-mh)/2, text: p.marker, f: mf, col: rMarker},
	}
}

// adopt readies copied atoms for a paste at the cursor: copied
// conditional text becomes a conditional of its own (put beside the one
// it came from it would have joined it), unless it goes back inside the
// one it came from; other atoms pasted inside conditional text become
// part of it, as typed ones do. Copied text and otherwise stay one
// conditional; an otherwise copied alone still prints only otherwise.
func (e *Editor) adopt(as []atom) []atom {
	in := e.typedStyle().cond
	fresh := map[*condRef]*condRef{}
	var anew func(c *condRef) *condRef
	anew = func(c *condRef) *condRef {
		if c == nil {
			return nil
		}
		if fresh[c] == nil {
			fresh[c] = &condRef{field: c.field, elseOf: anew(c.elseOf)}
		}
		return fresh[c]
	}
	out := make([]atom, len(as))
	for k, a := range as {
		switch c := a.st.cond; {
		case c == nil:
			a.st.cond = in
		case c != in:
			a.st.cond = anew(c)
		}
		out[k] = a
	}
	return out
}

// condMarker is the small note a conditional's chip carries after its
// text: when it prints, and what prints otherwise.
func (e *Editor) condMarker(x sectiontext.Conditional) string {
	s := "only if " + e.label(x.Field) + " is filled"
	if slices.ContainsFunc(x.Then, func(in sectiontext.Inline) bool { f, ok := in.(sectiontext.Field); return ok && f.Name == x.Field }) {
		// The text shows the field itself: naming it again made a chip
		// too wide for a line ("(Executive Order [Executive order
		// number]) only if Executive order number is filled").
		s = "only if filled"
	}
	if len(x.Else) > 0 {
		s += " · otherwise: " + strings.TrimSpace(e.condText(x.Else))
	}
	return s
}

// markerFont is the face of a conditional's marker, smaller than the
// text it follows.
func markerFont(f font) font {
	return font{size: f.size * 0.75, ts: fyne.TextStyle{Italic: true}}
}

// condText is conditional text as its chip shows it, fields in brackets.
func (e *Editor) condText(in []sectiontext.Inline) string {
	var sb strings.Builder
	for _, a := range atomsOf(in, style{}, nil) {
		switch o := a.obj.(type) {
		case nil:
			sb.WriteRune(a.r)
		case sectiontext.Field:
			sb.WriteString("[" + e.label(o.Name) + "]")
		default:
			sb.WriteString(e.objText(o))
		}
	}
	return sb.String()
}
