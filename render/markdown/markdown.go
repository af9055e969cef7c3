package markdown

import (
	"cmp"
	"github.com/briefsmith/briefsmith/render/layout"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WriteMarkdown writes doc as one Markdown file: title block, every
// section, and the numbered sources. It pastes into email as it is, and
// it is the common input when Briefsmith is compared with other tools.
//
// Each section is written from its parsed blocks, not copied from the
// text they were parsed from. Copied text carries whatever it leaves
// open (a code fence, an HTML comment) over every later section, and its
// headings come in forms (underlined, indented, a tab after the #) that
// no line-by-line rewrite catches all of. Written from the blocks, a
// section closes what it opens, each of its headings sits below the
// section's own, and a Markdown reader gets the document the PDF prints:
// raw HTML as the text the PDF shows, links only where the PDF has them.
func WriteMarkdown(w io.Writer, doc *layout.Document) error {
	m := &doc.Meta
	var b strings.Builder
	b.WriteString(strings.TrimRight("# "+mdPlain(m.Title, true), " ") + "\n\n")
	if sub := mdPlain(m.Subtitle, false); sub != "" {
		b.WriteString("*" + sub + "*\n\n")
	}
	var meta []string
	for _, kv := range [][2]string{
		{"Prepared for", m.PreparedFor}, {"Prepared by", strings.Join(layout.NonEmpty(m.Author, m.Organization), ", ")},
		{"Date", m.Date}, {"Handling", m.Marking},
	} {
		if v := mdPlain(kv[1], false); v != "" {
			meta = append(meta, "**"+kv[0]+":** "+v)
		}
	}
	if len(meta) > 0 {
		// A backslash at a line's end breaks the line, as two spaces
		// do, without depending on spaces an editor may strip.
		b.WriteString(strings.Join(meta, "\\\n") + "\n\n")
	}
	mw := &mdWriter{}
	for _, s := range doc.Sections {
		heading := strings.TrimRight("## "+mdPlain(s.Title, true), " ")
		if s.Lang != "" {
			// A section in another language, as Pandoc writes a
			// heading's attributes.
			heading += " {lang=" + s.Lang + "}"
		}
		b.WriteString(heading + "\n\n")
		mw.headingLevel = 2
		if body := mw.blocks(s.Blocks, false); body != "" {
			b.WriteString(body + "\n\n")
		}
		mw.noteBase += sectionNotes(s.Blocks)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdPlain is a plain-text value (a title, a setting) as Markdown text on
// one line: a line break inside a title would end its heading and start
// a paragraph, or a heading of its own.
func mdPlain(s string, heading bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' {
			return ' '
		}
		return r
	}, s))
	if s == "" {
		return ""
	}
	mode := inPara
	if heading {
		mode = inHeading
	}
	return inlineMarkdown([]layout.Run{{Text: s}}, mode, 0, false)
}

// sectionNotes counts a section's footnotes.
func sectionNotes(bs []layout.Block) int {
	n := 0
	for _, b := range bs {
		if ns, ok := b.(layout.Notes); ok {
			n += len(ns.Items)
		}
	}
	return n
}

// mdWriter writes blocks as Markdown. Footnotes are numbered through the
// whole file, as the PDF numbers them: Markdown's labels are global, so
// two sections that both say "[^1]" would otherwise share one note.
type mdWriter struct {
	noteBase int // footnotes in the sections before this one
	inList   int // list items the block being written is inside
	// headingLevel is the level of the last heading written (2 for the
	// section's own), so a body heading never skips a level.
	headingLevel int
}

// blocks writes bs, separated by blank lines; tight (the items of a
// tight list) joins them with a line end alone where a reader still
// sees the same blocks, so the list stays tight.
func (w *mdWriter) blocks(bs []layout.Block, tight bool) string {
	var b strings.Builder
	var prev layout.Block
	for _, blk := range bs {
		if l, ok := blk.(layout.List); ok {
			if pl, ok := prev.(layout.List); ok && pl.Ordered == l.Ordered && mdDelimiter(pl) == mdDelimiter(l) {
				// Two lists in a row with one marker would read as one.
				l.Delimiter = otherDelimiter(mdDelimiter(l))
				blk = l
			}
		}
		s := w.block(blk)
		if s == "" {
			continue
		}
		if prev != nil {
			if tight && tightAfter(prev, blk) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(s)
		prev = blk
	}
	return b.String()
}

// tightAfter reports whether next may follow prev on the next line, with
// no blank line between, and still be read as a block of its own: after
// a paragraph only what interrupts one (an ordered list only from 1; a
// table or glossary would join the paragraph), after a heading, code or
// rule anything.
func tightAfter(prev, next layout.Block) bool {
	switch prev.(type) {
	case layout.Heading, layout.Code, layout.AnswerLines, layout.Rule, layout.PageBreak:
		return true
	case layout.Paragraph:
		switch n := next.(type) {
		case layout.Heading, layout.Code, layout.AnswerLines, layout.Rule, layout.Quote, layout.Callout, layout.PageBreak:
			return true
		case layout.List:
			return (!n.Ordered || n.Start == 1) && len(n.Items) > 0 && len(n.Items[0].Blocks) > 0
		}
	}
	return false
}

// mdDelimiter is a list's marker as written: '-', '*' or '+' for bullets,
// '.' or ')' after a number.
func mdDelimiter(l layout.List) byte {
	switch {
	case l.Ordered && l.Delimiter == ')':
		return ')'
	case l.Ordered:
		return '.'
	case l.Delimiter == '*' || l.Delimiter == '+':
		return l.Delimiter
	}
	return '-'
}

func otherDelimiter(d byte) byte {
	switch d {
	case '.':
		return ')'
	case ')':
		return '.'
	case '-':
		return '*'
	}
	return '-'
}

// block writes one block, without a line end after it.
func (w *mdWriter) block(blk layout.Block) string {
	switch b := blk.(type) {
	case layout.Heading:
		// Body headings sit two levels down, below the file's "#" title
		// and the section's "##", and never more than one level below
		// the heading before them: the levels the PDF tags them with and
		// Word styles them in, one down.
		level := min(b.Level+2, w.headingLevel+1, 6)
		w.headingLevel = level
		return strings.TrimRight(strings.Repeat("#", level)+" "+w.inline(b.Text, inHeading), " ")
	case layout.Paragraph:
		return w.inline(b.Text, inPara)
	case layout.List:
		return w.list(b)
	case layout.Quote:
		return prefixLines(w.blocks(b.Blocks, false), "> ", "> ", ">")
	case layout.Callout:
		s := "[!" + calloutKey(b.Label) + "]"
		if len(b.Lead) > 0 {
			s += "\n" + w.inline(b.Lead, inPara)
		}
		if rest := w.blocks(b.Blocks, false); rest != "" {
			s += "\n\n" + rest
		}
		return prefixLines(s, "> ", "> ", ">")
	case layout.Code:
		return codeFence(b.Language, b.Text)
	case layout.AnswerLines:
		return "```lines " + strconv.Itoa(b.Count) + "\n```"
	case layout.Rule:
		if w.inList > 0 {
			// "- ---" and "* * *" are rules themselves, not items.
			return "___"
		}
		return "---"
	case layout.Table:
		return w.table(b)
	case layout.Glossary:
		return w.glossary(b)
	case layout.PageBreak:
		return "<!-- pagebreak -->"
	case layout.Notes:
		var parts []string
		for i, n := range b.Items {
			parts = append(parts, prefixLines(w.blocks(n.Blocks, false), "[^"+strconv.Itoa(w.noteBase+i+1)+"]: ", "    ", ""))
		}
		return strings.Join(parts, "\n\n")
	case layout.SourceList:
		return writeSources(b)
	}
	return ""
}

// list writes a list's items, each item's blocks indented under its
// marker.
func (w *mdWriter) list(l layout.List) string {
	w.inList++
	defer func() { w.inList-- }()
	d := mdDelimiter(l)
	var b strings.Builder
	for i, it := range l.Items {
		marker := string(d)
		if l.Ordered {
			marker = strconv.Itoa(l.Start+i) + marker
		}
		body := w.blocks(it.Blocks, l.Tight)
		if i > 0 {
			// An empty item cannot interrupt a paragraph: under the
			// last line of one, its marker alone would join the text.
			if l.Tight && body != "" {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		if body == "" {
			b.WriteString(marker)
			continue
		}
		b.WriteString(prefixLines(body, marker+" ", strings.Repeat(" ", len(marker)+1), ""))
	}
	return b.String()
}

// table writes a table with one heading row, as Markdown tables have.
func (w *mdWriter) table(t layout.Table) string {
	if len(t.Rows) == 0 || len(t.Align) == 0 {
		return ""
	}
	row := func(r layout.TableRow) string {
		cells := make([]string, len(t.Align))
		for i := range cells {
			if i < len(r.Cells) {
				cells[i] = w.inline(r.Cells[i].Text, inCell)
			}
		}
		return "| " + strings.Join(cells, " | ") + " |"
	}
	lines := []string{row(t.Rows[0])}
	var rule []string
	for _, a := range t.Align {
		switch a {
		case layout.AlignCenter:
			rule = append(rule, ":-:")
		case layout.AlignRight:
			rule = append(rule, "--:")
		default:
			rule = append(rule, "---")
		}
	}
	lines = append(lines, "| "+strings.Join(rule, " | ")+" |")
	for _, r := range t.Rows[1:] {
		lines = append(lines, row(r))
	}
	return strings.Join(lines, "\n")
}

// glossary writes terms, each followed by its definitions (": …").
func (w *mdWriter) glossary(g layout.Glossary) string {
	var b strings.Builder
	for i, e := range g.Entries {
		var parts []string
		if len(e.Term) > 0 {
			parts = append(parts, w.inline(e.Term, inTerm))
		}
		for _, d := range e.Definitions {
			body := w.blocks(d, false)
			if len(parts) == 0 {
				// A definition with no term before it cannot be
				// written as one; its text is kept.
				parts = append(parts, body)
				continue
			}
			if body == "" {
				parts = append(parts, ": ") // ":" alone is text
				continue
			}
			parts = append(parts, prefixLines(body, ": ", "  ", ""))
		}
		if i > 0 {
			// Terms given together, one to a line, share what follows.
			if len(g.Entries[i-1].Definitions) == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(strings.Join(parts, "\n"))
	}
	return b.String()
}

// writeSources writes the numbered list of cited documents as the PDF
// prints it: the title in italics, publisher and date, the address,
// linked only when it is a web or mail address.
func writeSources(l layout.SourceList) string {
	var lines []string
	for i, s := range l.Items {
		line := strconv.Itoa(i+1) + ". *" + mdPlain(s.Title+".", false) + "*"
		if meta := strings.Join(layout.NonEmpty(s.Publisher, s.Date), ", "); meta != "" {
			line += " " + mdPlain(meta+".", false)
		}
		if u := strings.TrimSpace(s.URL); u != "" {
			switch {
			case layout.SafeLink(u) && autolink(u, u) && !strings.Contains(u, "&"):
				line += " <" + u + ">"
			case layout.SafeLink(u):
				line += " [" + mdPlain(u, false) + "](" + plainDestination(u) + ")"
			default:
				line += " " + mdPlain(u, false)
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// calloutKey is the marker word of a call-out's label ("Key takeaway"
// is TAKEAWAY).
func calloutKey(label string) string {
	if k, ok := layout.CalloutMarker(label); ok {
		return k
	}
	return "NOTE"
}

// codeFence writes code in a fence longer than any run of its fence
// character inside, so no line of the code can close it.
func codeFence(lang, text string) string {
	c := "`"
	if strings.ContainsAny(lang, "`") {
		c = "~" // an info string after backticks may not hold one
	}
	longest, run := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] == c[0] {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat(c, max(3, longest+1))
	open := fence + lang
	if strings.HasPrefix(lang, c) {
		open = fence + " " + lang // else the fence would grow by the language's own
	}
	if text == "" {
		return open + "\n" + fence
	}
	return open + "\n" + text + "\n" + fence
}

// prefixLines puts first before s's first line and rest before each
// other; a blank line gets blank instead (a quote's ">").
func prefixLines(s, first, rest, blank string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		switch {
		case i == 0:
			lines[i] = strings.TrimRight(first+l, " ")
		case l == "":
			lines[i] = blank
		default:
			lines[i] = rest + l
		}
	}
	return strings.Join(lines, "\n")
}

// inlineMode is where inline text is written: a paragraph's lines, or a
// heading, glossary term or table cell, which are one line each.
type inlineMode int

const (
	inPara inlineMode = iota
	inHeading
	inTerm
	inCell
)

func (w *mdWriter) inline(runs []layout.Run, mode inlineMode) string {
	return inlineMarkdown(runs, mode, w.noteBase, true)
}

// mark is an open emphasis or link.
type mark struct {
	kind byte   // '*' emphasis, '2' strong, '[' link, 'l' a passage in another language
	url  string // a link's address, a passage's language
}

// mdToken is a piece of inline Markdown before it is written: text to
// escape, a line break, or a mark opened or closed.
type mdToken struct {
	kind byte // 't' text, 'n' soft break, 'h' hard break, 'o' open, 'c' close, 'r' ready-made
	text string
	mark mark
}

// inlineMarkdown writes runs as Markdown: every character a reader would
// take for syntax escaped, styles and links as delimiters around the
// runs that have them. noteBase numbers footnote references; links
// makes web and mail links clickable (the PDF's rule: any other address
// stays the text it already is).
func inlineMarkdown(runs []layout.Run, mode inlineMode, noteBase int, links bool) string {
	runs = mergeRuns(runs)
	var toks []mdToken
	var stack []mark
	// sync closes the open marks a run does not have (and any opened
	// inside them) and opens the ones it adds, innermost last.
	sync := func(want []mark) {
		has := func(ms []mark, m mark) bool {
			for _, x := range ms {
				if x == m {
					return true
				}
			}
			return false
		}
		keep := 0
		for keep < len(stack) && has(want, stack[keep]) {
			keep++
		}
		for i := len(stack) - 1; i >= keep; i-- {
			toks = append(toks, mdToken{kind: 'c', mark: stack[i]})
		}
		stack = stack[:keep]
		for _, m := range want {
			if !has(stack, m) {
				toks = append(toks, mdToken{kind: 'o', mark: m})
				stack = append(stack, m)
			}
		}
	}
	// reach is how many runs from i on keep mark m: of the marks a run
	// opens, the one that goes on longest must be outermost, or it
	// would have to be closed and opened again where the others end.
	// It looks a bounded way ahead, so a long paragraph stays linear.
	reach := func(i int, m mark) int {
		j := i
		for j < len(runs) && j-i < maxReach && (runs[j].Kind == layout.RunSoftBreak || runs[j].Kind == layout.RunHardBreak || slices.Contains(runMarks(runs[j], links), m)) {
			j++
		}
		return j - i
	}
	oneLine := mode != inPara
	for i, r := range runs {
		switch r.Kind {
		case layout.RunSoftBreak, layout.RunHardBreak:
			if oneLine {
				toks = append(toks, mdToken{kind: 't', text: " "})
			} else if r.Kind == layout.RunSoftBreak {
				toks = append(toks, mdToken{kind: 'n'})
			} else {
				toks = append(toks, mdToken{kind: 'h'})
			}
			continue
		}
		if r.Text == "" && r.Kind == layout.RunText {
			continue
		}
		want := runMarks(r, links)
		if len(want) > 1 {
			slices.SortStableFunc(want, func(a, b mark) int {
				return cmp.Compare(reach(i, b), reach(i, a))
			})
		}
		if len(want) == 1 && want[0].kind == '[' && r.Kind == layout.RunText && !r.Code && autolink(r.Text, r.Link) {
			// An address shown as itself is written as readers write
			// it, "<https://…>".
			sync(nil)
			toks = append(toks, mdToken{kind: 'r', text: "<" + r.Text + ">"})
			continue
		}
		sync(want)
		switch {
		case r.Kind == layout.RunImage:
			if imageTarget(r.Target) {
				toks = append(toks, mdToken{kind: 'r', text: "![" + escapeMarkdown(r.Text, false, mode) + "](" + mdDestination(r.Target) + ")"})
			} else {
				toks = append(toks, mdToken{kind: 't', text: "[image: " + r.Text + "]"})
			}
		case r.Kind == layout.RunFootnoteRef:
			toks = append(toks, mdToken{kind: 'r', text: "[^" + strconv.Itoa(noteBase+r.Note) + "]"})
		case r.Kind == layout.RunCitation:
			toks = append(toks, mdToken{kind: 'r', text: "[@" + strings.Join(strings.Split(r.Text, ";"), "; @") + "]"})
		case r.Code:
			if s := codeSpan(r.Text, mode == inCell); s != "" {
				toks = append(toks, mdToken{kind: 'r', text: s})
			}
		default:
			toks = append(toks, mdToken{kind: 't', text: r.Text})
		}
	}
	sync(nil)
	toks = tidyMarks(toks)
	// A break before the first text or after the last shows as nothing
	// in print; written, a last "\" would show as itself.
	for len(toks) > 0 && (toks[0].kind == 'n' || toks[0].kind == 'h') {
		toks = toks[1:]
	}
	for len(toks) > 0 && (toks[len(toks)-1].kind == 'n' || toks[len(toks)-1].kind == 'h') {
		toks = toks[:len(toks)-1]
	}
	return writeTokens(toks, mode)
}

// mergeRuns joins neighbouring text runs of one style: two code spans
// side by side would run their backticks together into one fence, and
// fewer runs mean fewer marks.
func mergeRuns(runs []layout.Run) []layout.Run {
	out := make([]layout.Run, 0, len(runs))
	for _, r := range runs {
		if n := len(out); n > 0 && r.Kind == layout.RunText && out[n-1].Kind == layout.RunText {
			a, b := out[n-1], r
			a.Text, b.Text = "", ""
			if a == b {
				out[n-1].Text += r.Text
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// maxReach bounds how far ahead reach looks.
const maxReach = 64

// runMarks are the marks r is written inside: its link (when links
// are written), strong, emphasis.
func runMarks(r layout.Run, links bool) []mark {
	var ms []mark
	if r.Lang != "" {
		ms = append(ms, mark{kind: 'l', url: r.Lang})
	}
	if links && r.Link != "" && layout.SafeLink(r.Link) {
		ms = append(ms, mark{kind: '[', url: r.Link})
	}
	if r.Strong {
		ms = append(ms, mark{kind: '2'})
	}
	if r.Emphasis {
		ms = append(ms, mark{kind: '*'})
	}
	return ms
}

// tidyMarks moves emphasis marks off white space and line breaks: "**"
// before a space opens nothing and after one closes nothing, so a space
// or break at the edge of a styled run goes outside its marks. Marks
// left around nothing are dropped.
func tidyMarks(toks []mdToken) []mdToken {
	blank := func(t mdToken) bool {
		return t.kind == 'n' || t.kind == 'h' || t.kind == 't' && strings.TrimSpace(t.text) == ""
	}
	// Split text into its leading space, the rest, and trailing space,
	// so marks can move across the spaces alone.
	var split []mdToken
	for _, t := range toks {
		if t.kind != 't' || blank(t) {
			split = append(split, t)
			continue
		}
		core := strings.TrimSpace(t.text)
		i := strings.Index(t.text, core)
		if i > 0 {
			split = append(split, mdToken{kind: 't', text: t.text[:i]})
		}
		split = append(split, mdToken{kind: 't', text: core})
		if j := i + len(core); j < len(t.text) {
			split = append(split, mdToken{kind: 't', text: t.text[j:]})
		}
	}
	toks = split
	// Each pass is linear: opens move right, closes left, each as far
	// as it goes, then marks around nothing drop out, innermost first;
	// a dropped pair can leave an outer mark by a space again, so the
	// passes repeat, once for each mark at most.
	for changed := true; changed; {
		changed = false
		for i := 0; i+1 < len(toks); i++ {
			if a := toks[i]; a.kind == 'o' && a.mark.kind != '[' && a.mark.kind != 'l' && blank(toks[i+1]) {
				toks[i], toks[i+1] = toks[i+1], a
				changed = true
			}
		}
		for i := len(toks) - 1; i > 0; i-- {
			if b := toks[i]; b.kind == 'c' && b.mark.kind != '[' && b.mark.kind != 'l' && blank(toks[i-1]) {
				toks[i], toks[i-1] = toks[i-1], b
				changed = true
			}
		}
		out := toks[:0]
		for _, t := range toks {
			if n := len(out); n > 0 && t.kind == 'c' && out[n-1].kind == 'o' && out[n-1].mark == t.mark {
				out = out[:n-1]
				changed = true
				continue
			}
			out = append(out, t)
		}
		toks = out
	}
	return toks
}

// writeTokens writes tokens as Markdown text for mode.
func writeTokens(toks []mdToken, mode inlineMode) string {
	var b []byte
	lineStart := mode == inPara || mode == inTerm
	// endLine ends a line: spaces before it would make a hard break, or
	// be lost, so they are written as character references.
	endLine := func() {
		t := len(b)
		for t > 0 && (b[t-1] == ' ' || b[t-1] == '\t') {
			t--
		}
		tail := string(b[t:])
		b = b[:t]
		for _, c := range tail {
			b = append(b, "&#"+strconv.Itoa(int(c))+";"...)
		}
	}
	// bangBefore escapes a "!" just written (never escaped as text)
	// when what comes next opens with "[": the two would read as an
	// image.
	bangBefore := func(next string) {
		if strings.HasPrefix(next, "[") && len(b) > 0 && b[len(b)-1] == '!' {
			b = append(b[:len(b)-1], "\\!"...)
		}
	}
	for _, t := range toks {
		switch t.kind {
		case 't':
			b = append(b, escapeMarkdown(t.text, lineStart, mode)...)
			lineStart = false
		case 'n', 'h':
			endLine()
			switch {
			case t.kind == 'h' && len(b) > 0 && b[len(b)-1] == '\\':
				// After an escaped backslash the reader takes a
				// third for text; two spaces break the line there.
				b = append(b, "  "...)
			case t.kind == 'h':
				b = append(b, '\\')
			}
			b = append(b, '\n')
			lineStart = true
		case 'o', 'c':
			m := markText(t)
			bangBefore(m)
			b = append(b, m...)
			lineStart = false
		case 'r':
			bangBefore(t.text)
			b = append(b, t.text...)
			lineStart = false
		}
	}
	endLine()
	return string(b)
}

// markText is the Markdown for opening or closing a mark.
func markText(t mdToken) string {
	switch {
	case (t.mark.kind == '[' || t.mark.kind == 'l') && t.kind == 'o':
		return "["
	case t.mark.kind == 'l':
		// Pandoc's span, as section text writes it.
		return "]{lang=" + t.mark.url + "}"
	case t.mark.kind == '[':
		return "](" + mdDestination(t.mark.url) + ")"
	case t.mark.kind == '2':
		return "**"
	}
	return "*"
}

// escapeMarkdown writes text so that a Markdown reader shows exactly
// it: what would start emphasis, code, a link, HTML or a character
// reference is escaped, and so is what the typographer would turn into
// curly quotes and dashes (it has done so already where it should), and
// at a line's start what would begin a block.
func escapeMarkdown(s string, lineStart bool, mode inlineMode) string {
	var b strings.Builder
	rs := []rune(s)
	i := 0
	if lineStart {
		// Leading space would be dropped, or indent the line into code.
		for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t') {
			b.WriteString("&#" + strconv.Itoa(int(rs[i])) + ";")
			i++
		}
		j := i
		for j < len(rs) && j-i < 9 && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j > i && j < len(rs) && (rs[j] == '.' || rs[j] == ')') {
			// "1." or "1)" would number a list.
			b.WriteString(string(rs[i:j]) + "\\" + string(rs[j]))
			i = j + 1
		} else if i < len(rs) && strings.ContainsRune("#>-+=:", rs[i]) {
			b.WriteString("\\" + string(rs[i]))
			i++
		}
	}
	at := func(k int) rune {
		if k < 0 || k >= len(rs) {
			return 0
		}
		return rs[k]
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for ; i < len(rs); i++ {
		r := rs[i]
		esc := false
		switch r {
		case '\\', '`', '*', '[', ']', '<', '~', '|', '"', '\'', '@':
			esc = true
		case '_':
			esc = !alnum(at(i-1)) || !alnum(at(i+1))
		case '&':
			if entityAt(rs[i:]) {
				// The parser resolves references after escapes, so
				// only "&amp;" keeps one as text.
				b.WriteString("&amp;")
				continue
			}
		case '-':
			esc = at(i+1) == '-'
		case '.':
			esc = at(i+1) == '.' && at(i+2) == '.'
		case '>':
			esc = at(i+1) == '>'
		case '#':
			esc = mode == inHeading
		case ':':
			// After a footnote reference "[^1]:" would define a note;
			// in "https://" it would let the address become a link.
			esc = i == 0 || at(i+1) == '/' && at(i+2) == '/'
		case '\n', '\r':
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
			continue
		}
		if esc {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	// "www." becomes a link in most readers; on paper it is text here.
	return strings.ReplaceAll(b.String(), "www.", "www\\.")
}

// entityAt reports whether rs starts with what a reader takes for a
// character reference: "&name;", "&#123;" or "&#x1F;".
func entityAt(rs []rune) bool {
	i := 1
	hex := false
	if i < len(rs) && rs[i] == '#' {
		i++
		if i < len(rs) && (rs[i] == 'x' || rs[i] == 'X') {
			hex = true
			i++
		}
	}
	start := i
	for i < len(rs) && rs[i] < utf8.RuneSelf && (unicode.IsDigit(rs[i]) || (rs[1] != '#' || hex) && unicode.IsLetter(rs[i])) {
		i++
	}
	return i > start && i < len(rs) && rs[i] == ';'
}

// codeSpan writes s as inline code: the backtick fence is longer than
// any run of backticks inside, with a space each side where the text
// starts or ends with a backtick or with a space a reader would strip.
// In a table cell a "|" is escaped, which the cell reader removes again.
func codeSpan(s string, cell bool) string {
	if s == "" {
		return ""
	}
	// A line end in code is a space, as the reader takes it; kept, it
	// would put the closing fence on another line, and the opening one
	// at a line's start would open a code block.
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if cell {
		s = strings.ReplaceAll(s, "|", "\\|")
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// mdDestination writes a link's address as the parser read it from a
// Markdown body (escapes and references still in it, as the reader
// resolves them): bare where it can be, else between "<…>".
func mdDestination(raw string) string {
	depth, bare, escaped := 0, raw != "" && raw[0] != '<', false
	for _, r := range raw {
		switch {
		case escaped:
			escaped = false // "\(" is no parenthesis to balance
		case r == '\\':
			escaped = true
		case r == '(':
			depth++
		case r == ')':
			depth--
		}
		if r <= ' ' || r == 0x7f {
			bare = false
		}
		if depth < 0 {
			bare = false
		}
	}
	if bare && depth == 0 {
		if strings.HasSuffix(raw, "\\") {
			return raw + " " // else the backslash would escape the ")"
		}
		return raw
	}
	// Escapes already in the address stay as they are; a bracket that
	// is not escaped is, and so is a last lone backslash, which would
	// escape the closing ">".
	var b strings.Builder
	escaped = false
	for _, r := range raw {
		switch {
		case r == '\n' || r == '\r':
			continue
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case r == '<' || r == '>':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	if escaped {
		b.WriteByte('\\')
	}
	return "<" + b.String() + ">"
}

// plainDestination writes a plain address (a source's, from a template's
// front matter) as a link's: what a reader would resolve, escaped.
func plainDestination(u string) string {
	var b strings.Builder
	for _, r := range u {
		switch r {
		case '\\', '<', '>':
			b.WriteByte('\\')
		case '&':
			b.WriteString("&amp;")
			continue
		case '\n', '\r':
			continue
		}
		b.WriteRune(r)
	}
	return "<" + b.String() + ">"
}

// autolink reports whether a link whose text is text can be written as
// "<text>": the text is the address itself, or a mail address, and
// holds nothing an autolink may not.
func autolink(text, link string) bool {
	if text != link && "mailto:"+text != link || text == "" {
		return false
	}
	for _, r := range text {
		if r <= ' ' || r == '<' || r == '>' || r == 0x7f {
			return false
		}
	}
	return true
}

// imageTarget reports whether an image may be written as one: a web
// address or a relative path. Any other (a script, a local file) is
// written as the PDF prints every image, "[image: description]".
func imageTarget(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "":
		return true
	case "http", "https":
		return p.Host != ""
	}
	return false
}
