package wordimport

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// OOXML namespaces, as the parts name them.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsM   = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// tokens reads a part's XML as a stream, refusing nesting deeper than
// MaxDepth (a file of a million open tags would otherwise grow without
// bound in whoever keeps a stack of them).
type tokens struct {
	d     *xml.Decoder
	depth int
	file  string
	part  string
}

func newTokens(file, part string, r io.Reader) *tokens {
	d := xml.NewDecoder(r)
	// Entities other than XML's five are refused by the decoder (Strict),
	// so no entity expansion can blow up.
	d.Strict = true
	return &tokens{d: d, file: file, part: part}
}

// next is the next start or end element or character data, nil at the
// end of the part.
func (t *tokens) next() (xml.Token, error) {
	for {
		tok, err := t.d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				return nil, err
			}
			return nil, &Error{t.file, fmt.Sprintf("part %s is not well-formed XML (%s); the file is damaged", t.part, plainXMLError(err))}
		}
		switch v := tok.(type) {
		case xml.StartElement:
			t.depth++
			if t.depth > MaxDepth {
				return nil, &Error{t.file, fmt.Sprintf("part %s nests elements more than %d deep; a Word document nests a few dozen", t.part, MaxDepth)}
			}
			return v.Copy(), nil
		case xml.EndElement:
			t.depth--
			return v, nil
		case xml.CharData:
			return v.Copy(), nil
		}
	}
}

// skip reads past the end of the element just started.
func (t *tokens) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := t.next()
		if err != nil {
			return err
		}
		if tok == nil {
			return &Error{t.file, fmt.Sprintf("part %s ends inside an element; the file is damaged", t.part)}
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// plainXMLError is the decoder's complaint without its Go wording.
func plainXMLError(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return "line " + strconv.Itoa(se.Line) + ": " + se.Msg
	}
	return "unexpected content"
}

// Raw tokens keep prefixes, not namespaces: a part's own prefix for
// WordprocessingML is almost always "w", but a document may bind any
// prefix, so elements are matched by local name within the parts that
// only hold one vocabulary, and attributes by local name.

// attr is the value of the attribute with local name n, "" for none.
func attr(e xml.StartElement, n string) string {
	for _, a := range e.Attr {
		if a.Name.Local == n {
			return a.Value
		}
	}
	return ""
}

// on reports whether a toggle property (<w:b/>, <w:b w:val="0"/>) is on.
func on(e xml.StartElement) bool {
	switch strings.ToLower(attr(e, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
