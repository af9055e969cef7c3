package sectiontext

// Fill resolves a body's fields for printing: each Field becomes its
// value as plain text and each Conditional the branch its field chooses
// (filled when the value is not empty, as a template's {{if}} reads it).
// A value is literal text, never Markdown, so a "*" typed into a field
// prints as "*".
//
// value reports a field's value and whether the field is known. An unknown
// field's placeholder is left in place (the caller reports it: printing
// refuses a body that names a field nothing sets) and counts as empty in
// a conditional. A body of template code is returned as it is: its
// fields can only be filled by running it. The result is normalized, so
// a value merges with the text around it.
func Fill(b Body, value func(name string) (string, bool)) Body {
	if b.TemplateCode || !holdsFields(b) {
		// Nothing to fill: the body as it is, shared, not copied.
		return b
	}
	f := filler{value: value}
	out := Body{Blocks: f.blocks(b.Blocks)}
	for _, n := range b.Notes {
		out.Notes = append(out.Notes, Footnote{Label: n.Label, Blocks: f.blocks(n.Blocks)})
	}
	return Normalize(out)
}

type filler struct {
	value func(string) (string, bool)
}

func (f filler) blocks(in []Block) []Block {
	if in == nil {
		return nil
	}
	out := make([]Block, len(in))
	for i, x := range in {
		out[i] = f.block(x)
	}
	return out
}

func (f filler) block(x Block) Block {
	switch x := x.(type) {
	case Paragraph:
		return Paragraph{f.inlines(x.Inlines)}
	case Heading:
		return Heading{Level: x.Level, Inlines: f.inlines(x.Inlines)}
	case List:
		l := x
		l.Items = make([]Item, len(x.Items))
		for i, it := range x.Items {
			l.Items[i] = Item{f.blocks(it.Blocks)}
		}
		return l
	case Table:
		t := Table{Align: x.Align, Rows: make([]Row, len(x.Rows))}
		for i, r := range x.Rows {
			row := Row{Header: r.Header, Cells: make([]Cell, len(r.Cells))}
			for j, c := range r.Cells {
				row.Cells[j] = Cell{f.inlines(c.Inlines)}
			}
			t.Rows[i] = row
		}
		return t
	case Callout:
		return Callout{Kind: x.Kind, Lead: f.inlines(x.Lead), Blocks: f.blocks(x.Blocks)}
	case Glossary:
		g := Glossary{Entries: make([]GlossaryEntry, len(x.Entries))}
		for i, e := range x.Entries {
			ge := GlossaryEntry{Term: f.inlines(e.Term)}
			for _, d := range e.Definitions {
				ge.Definitions = append(ge.Definitions, f.blocks(d))
			}
			g.Entries[i] = ge
		}
		return g
	case Quote:
		return Quote{f.blocks(x.Blocks)}
	}
	return x
}

func (f filler) inlines(in []Inline) []Inline {
	var out []Inline
	for _, x := range in {
		switch x := x.(type) {
		case Field:
			if v, ok := f.value(x.Name); ok {
				out = append(out, Text{v})
			} else {
				out = append(out, x)
			}
		case Conditional:
			if v, _ := f.value(x.Field); v != "" {
				out = append(out, f.inlines(x.Then)...)
			} else {
				out = append(out, f.inlines(x.Else)...)
			}
		case Bold:
			out = append(out, Bold{f.inlines(x.Inlines)})
		case Italic:
			out = append(out, Italic{f.inlines(x.Inlines)})
		case Strike:
			out = append(out, Strike{f.inlines(x.Inlines)})
		case Link:
			out = append(out, Link{Destination: x.Destination, Inlines: f.inlines(x.Inlines)})
		case Lang:
			out = append(out, Lang{Tag: x.Tag, Inlines: f.inlines(x.Inlines)})
		default:
			out = append(out, x)
		}
	}
	return out
}

// holdsFields reports whether any text of b is a field or a conditional.
func holdsFields(b Body) bool {
	found := false
	var inl func(in []Inline)
	inl = func(in []Inline) {
		for _, x := range in {
			switch x.(type) {
			case Field, Conditional:
				found = true
			default:
				inl(nested(x))
			}
		}
	}
	eachText(b.Blocks, inl)
	for _, n := range b.Notes {
		eachText(n.Blocks, inl)
	}
	return found
}
