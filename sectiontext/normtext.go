package sectiontext

import "strings"

// normText normalizes a block's inline text (see Normalize); oneLine is
// set for text that cannot hold a line break.
func normText(in []Inline, oneLine bool) []Inline {
	s := normSeq(in, oneLine, nil)
	// A block's text neither starts nor ends with a break or spaces.
	for len(s) > 0 {
		switch x := s[0].(type) {
		case SoftBreak, HardBreak:
			s = s[1:]
			continue
		case Text:
			if t := strings.TrimLeft(x.Text, " \t"); t != x.Text {
				s = replaceFirst(s, t)
				continue
			}
		}
		break
	}
	for len(s) > 0 {
		switch x := s[len(s)-1].(type) {
		case SoftBreak, HardBreak:
			s = s[:len(s)-1]
			continue
		case Text:
			if t := strings.TrimRight(x.Text, " \t"); t != x.Text {
				s = replaceLast(s, t)
				continue
			}
		}
		break
	}
	if len(s) == 0 {
		return nil
	}
	return s
}

func replaceFirst(s []Inline, t string) []Inline {
	if t == "" {
		return s[1:]
	}
	return append([]Inline{Text{t}}, s[1:]...)
}

func replaceLast(s []Inline, t string) []Inline {
	out := append([]Inline{}, s[:len(s)-1]...)
	if t != "" {
		out = append(out, Text{t})
	}
	return out
}

// normSeq normalizes one sequence of inlines; style is the styled run it
// sits directly in (nil at the top), whose like inside it is unwrapped.
func normSeq(in []Inline, oneLine bool, style Inline) []Inline {
	var out []Inline
	brk := func(hard bool) {
		if oneLine {
			out = append(out, Text{" "})
		} else if hard {
			out = append(out, HardBreak{})
		} else {
			out = append(out, SoftBreak{})
		}
	}
	styled := func(kind Inline, kids []Inline, wrap func([]Inline) Inline) {
		kids = normSeq(kids, oneLine, kind)
		if sameStyle(kind, style) {
			out = append(out, kids...)
			return
		}
		// Spaces and breaks at the edges move outside.
		var before, after []Inline
		for len(kids) > 0 {
			if t, ok := kids[0].(Text); ok {
				if s := strings.TrimLeft(t.Text, " \t"); s != t.Text {
					before = append(before, Text{t.Text[:len(t.Text)-len(s)]})
					kids = replaceFirst(kids, s)
					continue
				}
			}
			if isBreak(kids[0]) {
				before = append(before, kids[0])
				kids = kids[1:]
				continue
			}
			break
		}
		for len(kids) > 0 {
			k := len(kids) - 1
			if t, ok := kids[k].(Text); ok {
				if s := strings.TrimRight(t.Text, " \t"); s != t.Text {
					after = append([]Inline{Text{t.Text[len(s):]}}, after...)
					kids = replaceLast(kids, s)
					continue
				}
			}
			if isBreak(kids[k]) {
				after = append([]Inline{kids[k]}, after...)
				kids = kids[:k]
				continue
			}
			break
		}
		out = append(out, before...)
		if len(kids) > 0 {
			out = append(out, wrap(kids))
		}
		out = append(out, after...)
	}
	for _, x := range in {
		switch x := x.(type) {
		case Text:
			for i, line := range strings.Split(x.Text, "\n") {
				if i > 0 {
					brk(false)
				}
				out = append(out, Text{line})
			}
		case SoftBreak:
			brk(false)
		case HardBreak:
			brk(true)
		case Bold:
			styled(x, x.Inlines, func(k []Inline) Inline { return Bold{k} })
		case Italic:
			styled(x, x.Inlines, func(k []Inline) Inline { return Italic{k} })
		case Strike:
			styled(x, x.Inlines, func(k []Inline) Inline { return Strike{k} })
		case Code:
			if x.Text != "" {
				out = append(out, Code{strings.ReplaceAll(x.Text, "\n", " ")})
			}
		case Link:
			out = append(out, Link{Destination: x.Destination, Inlines: nilIfEmpty(normSeq(x.Inlines, oneLine, nil))})
		case Lang:
			// An empty passage has nothing to say in any language.
			if in := normSeq(x.Inlines, oneLine, nil); len(in) > 0 {
				out = append(out, Lang{Tag: x.Tag, Inlines: in})
			}
		case Image:
			out = append(out, Image{Alt: strings.Join(strings.Fields(x.Alt), " "), Destination: x.Destination})
		case Conditional:
			out = append(out, Conditional{Field: x.Field,
				Then: nilIfEmpty(normSeq(x.Then, oneLine, nil)), Else: nilIfEmpty(normSeq(x.Else, oneLine, nil))})
		case Citation:
			out = append(out, Citation{append([]string(nil), x.IDs...)})
		case nil:
		default:
			out = append(out, x)
		}
	}
	return nilIfEmpty(tidy(out))
}

// tidy merges adjacent text and like styles, and settles line breaks:
// several in a row are one, and the spaces around them go (before a hard
// break they stay: its backslash keeps them).
func tidy(in []Inline) []Inline {
	for {
		var out []Inline
		changed := false
		for _, x := range in {
			k := len(out) - 1
			if t, ok := x.(Text); ok {
				if t.Text == "" {
					changed = true
					continue
				}
				if k >= 0 {
					if prev, ok := out[k].(Text); ok {
						out[k] = Text{prev.Text + t.Text}
						changed = true
						continue
					}
					if isBreak(out[k]) {
						if s := strings.TrimLeft(t.Text, " \t"); s != t.Text {
							changed = true
							if s == "" {
								continue
							}
							t = Text{s}
						}
					}
				}
				out = append(out, t)
				continue
			}
			if k >= 0 {
				if merged, ok := mergeStyled(out[k], x); ok {
					out[k] = merged
					changed = true
					continue
				}
				if isBreak(x) && isBreak(out[k]) {
					if _, hard := x.(HardBreak); hard {
						out[k] = x
					}
					changed = true
					continue
				}
				if _, soft := x.(SoftBreak); soft {
					if t, ok := out[k].(Text); ok {
						if s := strings.TrimRight(t.Text, " \t"); s != t.Text {
							out[k] = Text{s}
							changed = true
						}
					}
				}
			}
			out = append(out, x)
		}
		in = out
		if !changed {
			return out
		}
	}
}

// mergeStyled joins two adjacent runs of one style, which Markdown cannot
// keep apart ("**a****b**").
func mergeStyled(a, b Inline) (Inline, bool) {
	switch a := a.(type) {
	case Bold:
		if b, ok := b.(Bold); ok {
			return Bold{tidy(append(append([]Inline{}, a.Inlines...), b.Inlines...))}, true
		}
	case Italic:
		if b, ok := b.(Italic); ok {
			return Italic{tidy(append(append([]Inline{}, a.Inlines...), b.Inlines...))}, true
		}
	case Strike:
		if b, ok := b.(Strike); ok {
			return Strike{tidy(append(append([]Inline{}, a.Inlines...), b.Inlines...))}, true
		}
	case Code:
		// Their backticks would run together.
		if b, ok := b.(Code); ok {
			return Code{a.Text + b.Text}, true
		}
	}
	return nil, false
}

func sameStyle(a, b Inline) bool {
	switch a.(type) {
	case Bold:
		_, ok := b.(Bold)
		return ok
	case Italic:
		_, ok := b.(Italic)
		return ok
	case Strike:
		_, ok := b.(Strike)
		return ok
	}
	return false
}

func isBreak(x Inline) bool {
	switch x.(type) {
	case SoftBreak, HardBreak:
		return true
	}
	return false
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
