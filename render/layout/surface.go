package layout

// Surface is what layout draws on. Layout runs twice — once to learn the
// page of every section, once to print — and the first pass draws on
// NullSurface, so it skips everything only output needs: font embedding,
// content streams, subsetting and compression.
//
// Every drawing call is made inside BeginElement/EndElement (the block it
// belongs to) or BeginArtifact/EndArtifact (page furniture and decoration),
// so a surface that writes tagged PDF knows what each mark is. Elements
// nest and may span pages; an artifact may open inside an element (the
// header and footer are drawn when a block breaks across pages) but never
// the other way round; artifacts may nest (the page number inside the
// footer).
type Surface interface {
	AddPage()
	// HiddenText puts s on the page as text that is read (by a screen
	// reader, by copy and paste) but not seen: the watermark's word,
	// which is drawn as outlines, said to a listener.
	HiddenText(st Style, x, y float64, s string)
	// Text prints s with its baseline at y. space says whether a word
	// space follows s in the text (false where the next run continues
	// the same word, "bold" + "ness", or the line ends inside a word),
	// for outputs that carry the text as well as draw it.
	Text(st Style, x, y float64, s string, space bool)
	Line(x1, y1, x2, y2, width float64, c RGB, dashed bool)
	Fill(x, y, w, h float64, c RGB)
	Stroke(x, y, w, h, width float64, c RGB)
	// Logo draws the document's logo.
	Logo(x, y, w, h float64)
	LinkURL(x, y, w, h float64, url string)
	// LinkTo makes a clickable area that jumps to target; Target marks
	// where on the current page target is.
	LinkTo(x, y, w, h float64, target int)
	Target(target int, y float64)
	Bookmark(title string, level int, y float64)
	// Watermark prints st text rotated by deg about (cx, cy), multiplied
	// onto the page so the text beneath stays legible.
	Watermark(st Style, deg, cx, cy, x, y float64, s string)

	BeginElement(kind Element, attrs Attrs)
	EndElement()
	BeginArtifact(kind Artifact)
	EndArtifact()
}

// Element is the kind of document structure a drawing belongs to; the
// names follow PDF's standard structure types.
type Element int

// The structure elements layout opens.
const (
	ElemSection      Element = iota // Sect: a section, its title and body; Attrs.Lang if not the document's
	ElemTitle                       // the cover, memo heading or contents block (Div)
	ElemHeading                     // H1…H6: Attrs.Level (section titles are 1)
	ElemParagraph                   // P
	ElemList                        // L
	ElemListItem                    // LI
	ElemListLabel                   // Lbl: the bullet or number
	ElemListBody                    // LBody
	ElemTable                       // Table
	ElemTableHead                   // THead
	ElemTableBody                   // TBody
	ElemTableRow                    // TR
	ElemHeaderCell                  // TH: Attrs.Scope is "Column"
	ElemCell                        // TD
	ElemBlockQuote                  // BlockQuote
	ElemCallout                     // Aside: Attrs.Label
	ElemCode                        // Code
	ElemFigure                      // Figure: the logo, Attrs.Alt
	ElemContents                    // TOC
	ElemContentsItem                // TOCI: Attrs.Target is its section's link
	ElemReference                   // Reference: a contents entry's title
	ElemContentsPage                // NonStruct: a contents entry's page number
	ElemLink                        // Link: Attrs.URL or Attrs.Target
	ElemGlossary                    // the definition list (L)
	ElemTerm                        // a glossary term (Lbl)
	ElemDefinition                  // a definition (LBody)
	ElemSources                     // the numbered list of sources (L)
	ElemNote                        // Note: a footnote, Attrs.Target its link target
	// ElemHandling is how the document is to be handled — its marking and
	// its watermark's word — said once, first in reading order (P).
	ElemHandling
	// ElemSpan is a passage in another language (Span): Attrs.Lang.
	ElemSpan
)

// Attrs are an element's attributes; each kind uses the ones its comment
// names.
type Attrs struct {
	Level  int
	Alt    string
	Label  string
	Scope  string
	URL    string
	Target int
	// Numbering is a list's kind of label, as PDF's ListNumbering
	// attribute names it: Decimal, Disc, Circle.
	Numbering string
	// Lang is the language of a section or passage that is not in the
	// document's (a BCP 47 tag), so a screen reader changes its voice.
	Lang string
}

// Artifact is page furniture or decoration: drawn, but not part of the
// text a screen reader reads.
type Artifact int

// The artifacts layout draws.
const (
	ArtifactHeader         Artifact = iota // running header: marking, title, logo, rule
	ArtifactFooter                         // footer RuleGrey, note and marking
	ArtifactPageNumber                     // "Page N of M"
	ArtifactWatermark                      // the diagonal watermark
	ArtifactDecoration                     // rules, shading, boxes, quote bars, link underlines, leaders
	ArtifactAnswerLines                    // ruled lines to write on
	ArtifactRepeatedHeader                 // a table's header rows repeated on a later page
)

// NullSurface draws nothing: layout on it only measures. Embed it in a
// surface that needs only some of the calls.
type NullSurface struct{}

// AddPage implements Surface.
func (NullSurface) AddPage() {}

// Text implements Surface.
func (NullSurface) Text(Style, float64, float64, string, bool) {}

// HiddenText implements Surface.
func (NullSurface) HiddenText(Style, float64, float64, string) {}

// Line implements Surface.
func (NullSurface) Line(_, _, _, _, _ float64, _ RGB, _ bool) {}

// Fill implements Surface.
func (NullSurface) Fill(_, _, _, _ float64, _ RGB) {}

// Stroke implements Surface.
func (NullSurface) Stroke(_, _, _, _, _ float64, _ RGB) {}

// Logo implements Surface.
func (NullSurface) Logo(_, _, _, _ float64) {}

// LinkURL implements Surface.
func (NullSurface) LinkURL(_, _, _, _ float64, _ string) {}

// LinkTo implements Surface.
func (NullSurface) LinkTo(_, _, _, _ float64, _ int) {}

// Target implements Surface.
func (NullSurface) Target(int, float64) {}

// Bookmark implements Surface.
func (NullSurface) Bookmark(string, int, float64) {}

// Watermark implements Surface.
func (NullSurface) Watermark(Style, float64, float64, float64, float64, float64, string) {}

// BeginElement implements Surface.
func (NullSurface) BeginElement(Element, Attrs) {}

// EndElement implements Surface.
func (NullSurface) EndElement() {}

// BeginArtifact implements Surface.
func (NullSurface) BeginArtifact(Artifact) {}

// EndArtifact implements Surface.
func (NullSurface) EndArtifact() {}
