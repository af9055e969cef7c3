package sectiontext

// Inline is one run of text inside a block: the closed set of types
// below. Styled runs hold inlines, so styles nest as written.
type Inline interface{ isInline() }

// Text is literal text: every character prints as itself.
type Text struct{ Text string }

// Bold is strong emphasis ("**…**").
type Bold struct{ Inlines []Inline }

// Italic is emphasis ("*…*").
type Italic struct{ Inlines []Inline }

// Strike is struck-through text ("~~…~~"). It prints as plain text today;
// it is kept so that an edit does not lose the author's mark.
type Strike struct{ Inlines []Inline }

// Code is inline code, printed in a fixed-width face exactly as written.
type Code struct{ Text string }

// Link is a link: its text and where it goes. Printing decides whether
// the destination may be clickable; the model keeps what was written.
type Link struct {
	Destination string
	Inlines     []Inline
}

// Autolink is an address written as itself ("<https://…>", a bare
// "www.…" or an e-mail address), which is both its text and its link.
type Autolink struct{ Address string }

// Image is an image reference. Only its description prints today, so the
// description is plain text.
type Image struct{ Alt, Destination string }

// SoftBreak is a line end inside a paragraph: a space when printed.
type SoftBreak struct{}

// HardBreak forces a new line.
type HardBreak struct{}

// FootnoteRef refers to the footnote defined with Label.
type FootnoteRef struct{ Label string }

// Citation cites sources by id ("[@a; @b]"); printing turns it into the
// sources' numbers.
type Citation struct{ IDs []string }

// Field is a placeholder ("{{.name}}") that prints the field's value, as
// literal text.
type Field struct{ Name string }

// Conditional is text shown only when a field is filled ("{{if .name}}…
// {{else}}…{{end}}"). An else-if chain is an Else holding exactly one
// Conditional.
type Conditional struct {
	Field string
	Then  []Inline
	Else  []Inline
}

// Lang is a passage in another language than the document's ("[Bonjour
// à tous]{lang=fr}", as Pandoc writes a span): printing tags it so a
// screen reader speaks it with that language's voice.
type Lang struct {
	Tag     string // a BCP 47 tag, such as fr or es-MX
	Inlines []Inline
}

// nested is the inlines a styled run holds — bold, italic, struck
// through, a link's text, a passage in another language — and nil for
// every other kind: what a walk over a block's text descends into.
func nested(x Inline) []Inline {
	switch x := x.(type) {
	case Bold:
		return x.Inlines
	case Italic:
		return x.Inlines
	case Strike:
		return x.Inlines
	case Link:
		return x.Inlines
	case Lang:
		return x.Inlines
	}
	return nil
}

func (Text) isInline()        {}
func (Lang) isInline()        {}
func (Bold) isInline()        {}
func (Italic) isInline()      {}
func (Strike) isInline()      {}
func (Code) isInline()        {}
func (Link) isInline()        {}
func (Autolink) isInline()    {}
func (Image) isInline()       {}
func (SoftBreak) isInline()   {}
func (HardBreak) isInline()   {}
func (FootnoteRef) isInline() {}
func (Citation) isInline()    {}
func (Field) isInline()       {}
func (Conditional) isInline() {}
