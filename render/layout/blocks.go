package layout

// Block is one block of a section: the closed set of types below. Blocks
// are built once, from the Markdown, by ParseMarkdown.
type Block interface{ isBlock() }

// Heading is a heading inside a section body, with its real level (1–6,
// as written; the section title sits above all of them).
type Heading struct {
	Level int
	Text  []Run
}

// Paragraph is running text.
type Paragraph struct{ Text []Run }

// List is a bullet or numbered list.
type List struct {
	Ordered bool
	// Start is the first number of an ordered list; Delimiter is '.' or
	// ')' as written.
	Start     int
	Delimiter byte
	// Tight lists have no space between items.
	Tight bool
	Items []ListItem
}

// ListItem is one item: its first paragraph sits beside the marker,
// anything else under it.
type ListItem struct{ Blocks []Block }

// Table is a table with wrapped cells; header rows repeat on each page.
type Table struct {
	// Align has one entry per column.
	Align []Align
	// Rows each have exactly len(Align) cells.
	Rows []TableRow
}

// Align is a table column's alignment.
type Align int

// The column alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// TableRow is one row; Header rows are the table's column headings.
type TableRow struct {
	Header bool
	Cells  []TableCell
}

// TableCell is one cell's text.
type TableCell struct{ Text []Run }

// Quote is a block quote.
type Quote struct{ Blocks []Block }

// Callout is a shaded box with a label ("Key takeaway").
type Callout struct {
	Label string
	// Lead is the text on the marker's line, after the marker.
	Lead   []Run
	Blocks []Block
}

// Code is preformatted text printed as written, indentation kept; raw
// HTML is printed this way too, since dropping it would lose what the
// author typed.
type Code struct {
	Language string
	Text     string
}

// Rule is a horizontal rule.
type Rule struct{}

// AnswerLines are ruled lines for a student to write on.
type AnswerLines struct{ Count int }

// Glossary is a list of terms and their definitions.
type Glossary struct{ Entries []GlossaryEntry }

// GlossaryEntry is a term and what defines it; Term is nil for
// definitions that follow no term.
type GlossaryEntry struct {
	Term        []Run
	Definitions [][]Block
}

// PageBreak starts a new page unless the page is still empty.
type PageBreak struct{}

// Cover is the title page: logo, kicker, title, subtitle and who the
// document is from and for, from the Metadata.
type Cover struct{}

// MemoHeading opens the first page when there is no cover.
type MemoHeading struct{}

// Contents is the table of contents: one entry per section.
type Contents struct{}

// SourceList is the numbered list of cited documents.
type SourceList struct{ Items []Source }

// Source is a document the text rests on. ID is what a citation
// ("[@eo14110]") names it by; empty when nothing may cite it.
type Source struct{ ID, Title, Publisher, Date, URL string }

// Notes are a section's footnotes, in the order of their first
// reference; they print at the foot of the page that first refers to
// each, numbered through the whole document.
type Notes struct{ Items []Note }

// Note is one footnote: the label it was written with ("[^1]") and its
// text.
type Note struct {
	Label  string
	Blocks []Block
}

func (Heading) isBlock()     {}
func (Paragraph) isBlock()   {}
func (List) isBlock()        {}
func (Table) isBlock()       {}
func (Quote) isBlock()       {}
func (Callout) isBlock()     {}
func (Code) isBlock()        {}
func (Rule) isBlock()        {}
func (AnswerLines) isBlock() {}
func (Glossary) isBlock()    {}
func (PageBreak) isBlock()   {}
func (Cover) isBlock()       {}
func (MemoHeading) isBlock() {}
func (Contents) isBlock()    {}
func (SourceList) isBlock()  {}
func (Notes) isBlock()       {}

// RunKind is what a run of inline text is.
type RunKind int

// The kinds of run.
const (
	// RunText is text in its styles.
	RunText RunKind = iota
	// RunSoftBreak is a line end in the source: a space when printed.
	RunSoftBreak
	// RunHardBreak forces a new line.
	RunHardBreak
	// RunImage is an image, printed as its description; Text is the
	// description and Target the image's address.
	RunImage
	// RunFootnoteRef refers to a footnote: Note is its place (from 1)
	// in the section's Notes; Text is that number.
	RunFootnoteRef
	// RunCitation cites sources by id: Text is the ids, separated by
	// ";" ("eo14110;omb-m-24-10"). Layout prints the sources' numbers,
	// linked to the Sources list; an id the document has no source for
	// prints as written.
	RunCitation
)

// Run is a stretch of inline text in one set of styles.
type Run struct {
	Kind RunKind
	Text string
	// Strong, Emphasis and Code are the inline styles, nested as written.
	Strong, Emphasis, Code bool
	// Link is the address of a clickable link (http, https or mailto
	// only); the runs of one link share it.
	Link string
	// Target is an image's address.
	Target string
	// Note is the footnote a RunFootnoteRef refers to.
	Note int
	// Lang is the language of a passage in another language than the
	// document's (a BCP 47 tag), "" for the document's own.
	Lang string
}
