// Package wordimport reads a Word document (.docx) into section text: a
// document's Heading 1 paragraphs start sections, and what lies under each
// becomes a sectiontext.Body — paragraphs, headings, bold, italic, links,
// lists (nesting kept), tables and footnotes. What has no place in a
// section's text (a text box, an image, an equation, a chart, SmartArt, a
// comment) is listed with where it was, never dropped silently.
//
// A .docx is a zip archive of XML parts, and one from outside is read as
// hostile: sizes and compression ratios are checked before anything is
// inflated, XML is read as a stream with its depth bounded, and part names
// that climb out of the archive are refused. It reads with archive/zip and
// encoding/xml from the standard library; no third-party OOXML library in
// Go reads documents within such bounds and without their own file access.
package wordimport

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits a document must keep within; a file over them is refused before
// it is inflated.
const (
	// MaxTotal is the most all parts may hold together, inflated.
	MaxTotal = 500 << 20
	// MaxPart is the most one XML part may hold, inflated.
	MaxPart = 200 << 20
	// MaxRatio is how many times larger than its compressed size a part
	// may inflate: a zip bomb inflates thousands of times.
	MaxRatio = 200
	// MaxParts is the most parts an archive may list.
	MaxParts = 10000
	// MaxDepth is how deeply XML elements may nest.
	MaxDepth = 256
)

// Error is a reason a file cannot be read, in words a user understands.
type Error struct {
	File string
	Msg  string
}

func (e *Error) Error() string { return e.File + ": " + e.Msg }

// archive is a document's parts by name, checked but not yet inflated.
type archive struct {
	name  string
	parts map[string]*zip.File
}

// openArchive checks a zip archive's directory against the limits.
func openArchive(name string, r io.ReaderAt, size int64) (*archive, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{name, "this is not a Word document (.docx): it is not a zip archive, which every .docx is; if it is an older .doc, open it in Word or LibreOffice and save it as .docx"}
	}
	if len(zr.File) > MaxParts {
		return nil, &Error{name, fmt.Sprintf("the archive lists %d parts; a Word document has a few dozen (the limit is %d)", len(zr.File), MaxParts)}
	}
	a := &archive{name: name, parts: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		n := f.Name
		if strings.Contains(n, "\\") || strings.HasPrefix(n, "/") || path.Clean(n) != n || n == ".." || strings.HasPrefix(n, "../") {
			return nil, &Error{name, fmt.Sprintf("the archive holds a part named %q, which points outside the document; the file may have been made to attack programs that read it", n)}
		}
		total += f.UncompressedSize64
		if total > MaxTotal {
			return nil, &Error{name, fmt.Sprintf("its parts would take more than %d MB inflated; the limit is %d MB", MaxTotal>>20, MaxTotal>>20)}
		}
		if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > MaxRatio {
			return nil, &Error{name, fmt.Sprintf("part %s inflates %d times its size, as a zip bomb does; the limit is %d", n, f.UncompressedSize64/f.CompressedSize64, MaxRatio)}
		}
		a.parts[strings.ToLower(n)] = f
	}
	if a.parts["[content_types].xml"] == nil || a.parts["word/document.xml"] == nil {
		return nil, &Error{name, "this zip archive is not a Word document: it has no word/document.xml (a .docx saved by Word, LibreOffice or Google Docs has one)"}
	}
	return a, nil
}

// open opens part n for reading, at most its declared size and MaxPart:
// a directory's sizes can lie, so the stream is capped as it inflates.
// A missing part is nil, no error.
func (a *archive) open(n string) (io.ReadCloser, error) {
	f := a.parts[strings.ToLower(n)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > MaxPart {
		return nil, &Error{a.name, fmt.Sprintf("part %s holds %d MB; the limit is %d MB", n, f.UncompressedSize64>>20, MaxPart>>20)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{a.name, fmt.Sprintf("part %s cannot be read: the archive is damaged", n)}
	}
	return &capped{rc: rc, left: int64(min(f.UncompressedSize64, MaxPart)) + 1, name: a.name, part: n}, nil
}

// capped stops a part that inflates past its declared size.
type capped struct {
	rc         io.ReadCloser
	left       int64
	name, part string
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, &Error{c.name, fmt.Sprintf("part %s inflates past the size its archive declares: the file is damaged or made to attack", c.part)}
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.rc.Read(p)
	c.left -= int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, &Error{c.name, fmt.Sprintf("part %s cannot be read: the archive is damaged", c.part)}
	}
	return n, err
}

func (c *capped) Close() error { return c.rc.Close() }
