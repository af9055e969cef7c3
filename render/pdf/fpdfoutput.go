package pdf

import (
	"bytes"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"regexp"
	"strconv"
	"strings"
)

// Everything Briefsmith relies on in the file fpdf writes lives in this
// file, so an fpdf upgrade that changes it fails one test
// (TestFpdfOutputIsAsTaggingReadsIt) with a message saying what moved,
// rather than producing untagged or broken PDFs:
//
//   - page n is object 2n+1 and its content stream 2n+2 (pageObject,
//     isContentObject): the pages tree is 1, resources 2;
//   - the file ends in a classic cross-reference table, one subsection,
//     and a trailer naming /Size, /Root and /Info (parsePDF);
//   - an embedded TrueType face is named "utf8" + its family in lower
//     case + its style letters (fontKey, fontNameRe).
//
// fpdf has no structure-tree API and offers no way to add keys to the page
// objects or the catalog it writes. Tagging therefore appends what PDF/UA
// needs as an incremental update (ISO 32000-1, 7.5.6): new versions of
// the pages and the catalog, the structure objects (packed into object
// streams, objstm.go), and a cross-reference stream pointing back at
// fpdf's table. This file reads just enough of fpdf's own output to do
// that: its classic cross-reference table, its trailer, and the
// dictionaries of the objects to be replaced.

// pageObject is the object number fpdf gives page n (from 1).
func pageObject(n int) int { return 2*n + 1 }

// isContentObject reports whether object n is a page's content stream in
// a document of pages pages.
func isContentObject(n, pages int) bool { return n%2 == 0 && n >= 4 && n <= 2*pages+2 }

// fontKey is fpdf's name for an embedded face ("utf8liberationserifB").
func fontKey(f layout.Face) string { return "utf8" + strings.ToLower(f.Family) + f.Style }

// fontNameRe finds the names fpdf gives its embedded TrueType fonts.
var fontNameRe = regexp.MustCompile(`/(BaseFont|FontName) /(utf8[A-Za-z0-9]+)`)

// pdfFile is what the update needs of the PDF fpdf wrote.
type pdfFile struct {
	data    []byte
	offsets map[int]int // object number → byte offset
	size    int         // the trailer's /Size
	root    int
	info    int
	xref    int // offset of the last xref section
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	trailerRe   = regexp.MustCompile(`/(Size|Root|Info)\s+(\d+)`)
)

func parsePDF(data []byte) (*pdfFile, error) {
	m := startxrefRe.FindSubmatch(data)
	if m == nil {
		return nil, fmt.Errorf("tagging: no startxref")
	}
	f := &pdfFile{data: data, offsets: map[int]int{}}
	f.xref, _ = strconv.Atoi(string(m[1]))
	sec := data[f.xref:]
	if !bytes.HasPrefix(sec, []byte("xref")) {
		return nil, fmt.Errorf("tagging: no xref table at %d", f.xref)
	}
	lines := strings.Split(string(sec), "\n")
	var first, count int
	if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &count); err != nil {
		return nil, fmt.Errorf("tagging: xref subsection: %v", err)
	}
	for i := 0; i < count; i++ {
		var off, gen int
		var kind string
		if _, err := fmt.Sscanf(lines[2+i], "%d %d %s", &off, &gen, &kind); err != nil {
			return nil, fmt.Errorf("tagging: xref entry %d: %v", first+i, err)
		}
		if kind == "n" {
			f.offsets[first+i] = off
		}
	}
	trailer := strings.Join(lines[2+count:], "\n")
	for _, tm := range trailerRe.FindAllStringSubmatch(trailer, -1) {
		n, _ := strconv.Atoi(tm[2])
		switch tm[1] {
		case "Size":
			f.size = n
		case "Root":
			f.root = n
		case "Info":
			f.info = n
		}
	}
	return f, nil
}

// dict returns the dictionary text of object n ("<<…>>").
func (f *pdfFile) dict(n int) (string, error) {
	off, ok := f.offsets[n]
	if !ok {
		return "", fmt.Errorf("tagging: no object %d", n)
	}
	rest := f.data[off:]
	start := bytes.Index(rest, []byte("<<"))
	end := bytes.Index(rest, []byte("endobj"))
	if start < 0 || end < start {
		return "", fmt.Errorf("tagging: object %d is not a dictionary", n)
	}
	return strings.TrimSpace(string(rest[start:end])), nil
}

// splitDicts splits "<<…>> <<…>>" (nested dictionaries allowed) into its
// dictionaries.
func splitDicts(s string) []string {
	var out []string
	depth, start := 0, -1
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '(':
			i = skipString(s, i) - 1
		case s[i] == '<' && s[i+1] == '<':
			if depth == 0 {
				start = i
			}
			depth++
			i++
		case s[i] == '>' && s[i+1] == '>':
			depth--
			i++
			if depth == 0 && start >= 0 {
				out = append(out, s[start:i+1])
				start = -1
			}
		}
	}
	return out
}

// literalEscaper escapes a PDF literal string; built once, as a replacer
// builds its tables on first use (at 1,000 sections, one per string was
// 58 MB of an export's allocations).
var literalEscaper = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)

// pdfString writes s as a PDF text string (UTF-16BE with a byte order mark
// when it is not plain ASCII).
func pdfString(s string) string {
	ascii := true
	for _, r := range s {
		if r > 126 || r < 32 {
			ascii = false
			break
		}
	}
	if ascii {
		return "(" + literalEscaper.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteString(">")
	return b.String()
}

// closingBracket returns the index in s of the "]" that closes the first
// "[", skipping nested arrays and literal strings; -1 if there is none.
func closingBracket(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			i = skipString(s, i) - 1
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// skipString returns the index just after the literal string that opens at
// s[i] ("(…)", with escapes and balanced parentheses), so brackets inside
// a string are not taken for structure.
func skipString(s string, i int) int {
	n := 1
	for i++; i < len(s) && n > 0; i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			n++
		case ')':
			n--
		}
	}
	return i
}
