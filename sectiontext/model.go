// Package sectiontext is the source-level model of a section body: the
// blocks and inline runs a person edits, before any field is filled. The
// editor shows this model as formatted text, Write stores it as canonical
// Markdown (the file format), and printing fills its fields (Fill) before
// the renderer sees it, so the editor, the file and the page agree on what
// a section holds.
//
// Text in the model is the characters as the user typed them: straight
// quotes stay straight and "--" stays two hyphens, because typographic
// substitution is a printing decision, and an editor that silently
// rewrote what was typed could not round-trip it.
//
// A body that uses template code the model cannot show as text (ranges,
// audience tests, conditionals spanning blocks, comparisons, …) is kept
// verbatim: Body.TemplateCode is set, Body.Source holds it, and Write
// returns it unchanged, so nothing the model does not understand is lost.
package sectiontext

// Body is one section body. Either it is a model (Blocks and Notes) or,
// when TemplateCode is set, only its Source, kept as written.
type Body struct {
	Blocks []Block
	// Notes are the footnote definitions. They sit apart from Blocks
	// because Markdown lets them be written anywhere yet prints them as
	// one list; the canonical file keeps them at the end of the body.
	Notes []Footnote
	// TemplateCode marks a body whose template code lies outside the
	// model; Source then holds the body as written.
	TemplateCode bool
	Source       string
}

// Block is one block of a body: the closed set of types below.
type Block interface{ isBlock() }

// Paragraph is running text.
type Paragraph struct{ Inlines []Inline }

// Heading is a heading inside the body, at the level written (1–6): the
// section's title sits above all of them.
type Heading struct {
	Level   int
	Inlines []Inline
}

// List is a bullet or numbered list.
type List struct {
	Ordered bool
	// Start is the first number of an ordered list, kept so a list split
	// by answer lines goes on counting where the one before stopped.
	Start     int
	Delimiter Delimiter
	// Tight lists print without space between items; it is a property
	// of the whole list in Markdown, so it is one here too.
	Tight bool
	Items []Item
}

// Delimiter is the mark after an ordered list's numbers. Bullet lists
// have none: the bullet character is a spelling, and Write picks one.
type Delimiter byte

// The delimiters of ordered lists.
const (
	NoDelimiter Delimiter = 0
	Period      Delimiter = '.'
	Paren       Delimiter = ')'
)

// Item is one list item: its first block sits beside the marker.
type Item struct{ Blocks []Block }

// Table is a table: one header row, then body rows, every row as wide as
// Align.
type Table struct {
	Align []Align
	Rows  []Row
}

// Align is a column's alignment as written. AlignNone and AlignLeft print
// alike but are kept apart, so a table's delimiter row survives editing.
type Align int

// The column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Row is one table row; Header marks the row of column headings.
type Row struct {
	Header bool
	Cells  []Cell
}

// Cell is one table cell's text.
type Cell struct{ Inlines []Inline }

// Callout is a shaded box ("> [!TAKEAWAY]"): Lead is the text of its
// first paragraph, Blocks whatever follows it in the box.
type Callout struct {
	Kind   CalloutKind
	Lead   []Inline
	Blocks []Block
}

// CalloutKind is the word in a call-out's marker, which chooses its
// printed label.
type CalloutKind string

// The call-out kinds; any other word makes an ordinary block quote.
const (
	Takeaway CalloutKind = "TAKEAWAY"
	Key      CalloutKind = "KEY"
	Note     CalloutKind = "NOTE"
	Tip      CalloutKind = "TIP"
	Warning  CalloutKind = "WARNING"
	Question CalloutKind = "QUESTION"
)

// CalloutKinds are the call-out kinds in the order a chooser offers
// them: the commonest first.
var CalloutKinds = []CalloutKind{Key, Note, Takeaway, Tip, Warning, Question}

// calloutLabels is the one table of call-out kinds and the labels they
// print with.
var calloutLabels = map[CalloutKind]string{
	Takeaway: "Key takeaway", Key: "Key point", Note: "Note", Tip: "Tip",
	Warning: "Warning", Question: "Question to consider",
}

// Valid reports whether k is one of the call-out kinds.
func (k CalloutKind) Valid() bool { _, ok := calloutLabels[k]; return ok }

// Label is the box's printed label ("Key takeaway"), "" for an unknown
// kind.
func (k CalloutKind) Label() string { return calloutLabels[k] }

// AnswerLines are ruled lines to write on ("```lines 4").
type AnswerLines struct{ Count int }

// Answer line counts: what a fence without a count gets, and the most a
// fence may ask for (more is printed as the most).
const (
	DefaultAnswerLines = 3
	MaxAnswerLines     = 40
)

// Glossary is a definition list.
type Glossary struct{ Entries []GlossaryEntry }

// GlossaryEntry is a term and its definitions, each a list of blocks.
type GlossaryEntry struct {
	Term        []Inline
	Definitions [][]Block
}

// Footnote is a footnote's definition: the label it is written with
// ("[^1]") and its text.
type Footnote struct {
	Label  string
	Blocks []Block
}

// CodeBlock is preformatted text, kept exactly.
type CodeBlock struct {
	Language string
	Text     string
}

// HTMLBlock is raw HTML as written. It prints as code today, since
// dropping it would lose what the author typed and obeying it would let
// a stranger's file draw anything.
type HTMLBlock struct{ Text string }

// PageBreak starts a new page ("<!-- pagebreak -->").
type PageBreak struct{}

// Rule is a thematic break, a horizontal line.
type Rule struct{}

// Quote is a block quote that is not a call-out.
type Quote struct{ Blocks []Block }

func (Paragraph) isBlock()   {}
func (Heading) isBlock()     {}
func (List) isBlock()        {}
func (Table) isBlock()       {}
func (Callout) isBlock()     {}
func (AnswerLines) isBlock() {}
func (Glossary) isBlock()    {}
func (CodeBlock) isBlock()   {}
func (HTMLBlock) isBlock()   {}
func (PageBreak) isBlock()   {}
func (Rule) isBlock()        {}
func (Quote) isBlock()       {}
