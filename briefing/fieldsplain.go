package briefing

import "strings"

// This file reads plain form back into template source (see fields.go
// for the notation) and writes text into plain form with the escapes the
// reading needs.

// writeText writes template text in plain form at depth conditionals,
// before a field or not. At depth 0 only a "[" that would start a field
// is escaped; inside a conditional "\", "]" and "|" are too, since they
// end or divide it.
func (f Fields) writeText(b *strings.Builder, text string, depth int, beforeField bool) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case depth > 0 && (c == '\\' || c == ']' || c == '|'):
			b.WriteByte('\\')
		case c == '[' && f.tokenAt(text, i):
			b.WriteByte('\\')
		case depth == 0 && c == '\\' && i == len(text)-1 && beforeField:
			// A backslash ending the text before a field would read as
			// escaping it; plain form cannot say this, so the source is
			// shown as it is. (A backslash ending the section is fine.)
			return false
		}
		b.WriteByte(c)
	}
	return true
}

// tokenAt reports whether s[i:] starts with what FromPlain reads as a
// field or the start of a conditional: "[Label]" or "[if Label: ".
func (f Fields) tokenAt(s string, i int) bool {
	_, _, ok := f.fieldToken(s, i)
	if ok {
		return true
	}
	_, _, ok = f.ifToken(s, i, "[if ")
	return ok
}

// fieldToken reads "[Label]" at s[i:]: the field's name and where the
// token ends.
func (f Fields) fieldToken(s string, i int) (name string, end int, ok bool) {
	if i >= len(s) || s[i] != '[' {
		return "", 0, false
	}
	j := strings.IndexByte(s[i+1:], ']')
	if j < 0 {
		return "", 0, false
	}
	name, ok = f.name[s[i+1:i+1+j]]
	return name, i + j + 2, ok
}

// ifToken reads opener+"Label: " at s[i:] ("[if " or " | else if ").
func (f Fields) ifToken(s string, i int, opener string) (name string, end int, ok bool) {
	if !strings.HasPrefix(s[i:], opener) {
		return "", 0, false
	}
	rest := s[i+len(opener):]
	j := strings.Index(rest, ": ")
	if j < 0 {
		return "", 0, false
	}
	name, ok = f.name[rest[:j]]
	return name, i + len(opener) + j + 2, ok
}

// FromPlain returns the template source of plain text. It never fails:
// what is not a field or a whole conditional is text, braces included.
func (f Fields) FromPlain(plain string) string {
	r := plainReader{f: f, s: plain, conds: map[int]condResult{}}
	var w sourceWriter
	r.read(&w, 0, 0)
	return w.finish()
}

// plainReader reads plain form; conds remembers each conditional tried,
// so text with many unclosed "[if" is read in linear time.
type plainReader struct {
	f     Fields
	s     string
	conds map[int]condResult
}

// condResult is a conditional read at a position: its source and where
// it ends, or ok false when it never closes.
type condResult struct {
	src string
	end int
	ok  bool
}

// stop is what ends a run of plain text inside a conditional.
type stop int

const (
	stopEnd   stop = iota // the end of the text
	stopClose             // "]"
	stopElse              // " | else: "
	stopElif              // " | else if Label: "
)

// read writes plain text from i to w until what ends it at this depth,
// and returns that, where it is and where reading goes on after it.
func (r *plainReader) read(w *sourceWriter, i, depth int) (st stop, at, next int, elifName string) {
	s := r.s
	for i < len(s) {
		c := s[i]
		if depth > 0 {
			switch {
			case c == '\\' && i+1 < len(s):
				w.text(s[i+1 : i+2])
				i += 2
				continue
			case c == ']':
				return stopClose, i, i + 1, ""
			case strings.HasPrefix(s[i:], " | else: "):
				return stopElse, i, i + len(" | else: "), ""
			}
			if name, end, ok := r.f.ifToken(s, i, " | else if "); ok {
				return stopElif, i, end, name
			}
		} else if c == '\\' && r.f.tokenAt(s, i+1) {
			w.text("[")
			i += 2
			continue
		}
		if c == '[' {
			if name, end, ok := r.f.fieldToken(s, i); ok {
				w.action("{{." + name + "}}")
				i = end
				continue
			}
			if res := r.cond(i); res.ok {
				w.action(res.src)
				i = res.end
				continue
			}
		}
		w.text(s[i : i+1])
		i++
	}
	return stopEnd, i, i, ""
}

// cond reads a conditional starting at i, "[if Label: …]".
func (r *plainReader) cond(i int) condResult {
	if res, seen := r.conds[i]; seen {
		return res
	}
	res := r.readCond(i)
	r.conds[i] = res
	return res
}

func (r *plainReader) readCond(i int) condResult {
	name, pos, ok := r.f.ifToken(r.s, i, "[if ")
	if !ok {
		return condResult{}
	}
	var w sourceWriter
	w.action("{{if ." + name + "}}")
	for {
		st, _, next, elif := r.read(&w, pos, 1)
		switch st {
		case stopElif:
			w.action("{{else if ." + elif + "}}")
			pos = next
			continue
		case stopElse:
			w.action("{{else}}")
			if st, _, next, _ = r.readElse(&w, next); st == stopEnd {
				return condResult{} // never closed: the "[" is text
			}
		case stopEnd:
			return condResult{}
		}
		w.action("{{end}}")
		return condResult{src: w.finish(), end: next, ok: true}
	}
}

// readElse reads an else branch: like read inside a conditional, but
// " | else" there is text.
func (r *plainReader) readElse(w *sourceWriter, i int) (stop, int, int, string) {
	for {
		st, at, next, _ := r.read(w, i, 1)
		if st == stopClose || st == stopEnd {
			return st, at, next, ""
		}
		// The separator is text here: write its first character and
		// read on from the next.
		w.text(r.s[at : at+1])
		i = at + 1
	}
}

// sourceWriter builds template source: text is kept as text, with "{{"
// written as {{"{{"}} and a "{" just before an action as {{"{"}}, so no
// typed brace can start an action.
type sourceWriter struct {
	b       strings.Builder
	pending strings.Builder
}

func (w *sourceWriter) text(s string) { w.pending.WriteString(s) }

func (w *sourceWriter) action(a string) {
	t := escapeBraces(w.pending.String())
	if strings.HasSuffix(t, "{") {
		t = t[:len(t)-1] + `{{"{"}}`
	}
	w.b.WriteString(t)
	w.pending.Reset()
	w.b.WriteString(a)
}

func (w *sourceWriter) finish() string {
	w.b.WriteString(escapeBraces(w.pending.String()))
	w.pending.Reset()
	return w.b.String()
}

// escapeBraces writes every "{{" of text as an action printing it.
func escapeBraces(text string) string {
	return strings.ReplaceAll(text, "{{", `{{"{{"}}`)
}

// LabelSpans are the byte ranges of plain where a field is named — a
// "[Label]" token, or the "[if Label: " or " | else if Label: " that opens
// a branch — so a find and replace can leave them alone: replacing
// "order" in "[Executive order number]" would leave a label that names no
// field, printed as it stands. Escaped brackets are text.
func (f Fields) LabelSpans(plain string) [][2]int {
	var out [][2]int
	for i := 0; i < len(plain); i++ {
		switch plain[i] {
		case '\\':
			i++ // the next byte is text
		case '[':
			if _, end, ok := f.fieldToken(plain, i); ok {
				out = append(out, [2]int{i, end})
				i = end - 1
			} else if _, end, ok := f.ifToken(plain, i, "[if "); ok {
				out = append(out, [2]int{i, end})
				i = end - 1
			}
		case ' ':
			if _, end, ok := f.ifToken(plain, i, " | else if "); ok {
				out = append(out, [2]int{i, end})
				i = end - 1
			}
		}
	}
	return out
}
