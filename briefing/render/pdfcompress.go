package render

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

// fpdf compresses each page's content stream with a zlib writer of its
// own, and a new zlib writer allocates and clears about 1 MB of tables:
// at 400 pages that was half of everything an export allocated and a
// good share of its time. So the document is written uncompressed and
// its page contents are compressed here, with one writer reset for each
// stream (and kept for the next export), at fpdf's level. The bytes are
// the ones fpdf would have written: same stream dictionary, same deflate
// output, same object order; only the cross-reference table is built
// again for the new offsets. SetCompression(false) changes nothing else
// fpdf writes for our documents: its other switchable stream is a paletted
// image's palette, and logos reach it as RGB(A) (logo.go). Fonts fpdf
// always compresses itself; its API has no way round that.

// zlibWriters keeps writers across exports.
var zlibWriters = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level cannot fail
	return zw
}}

// compressContents returns the PDF fpdf wrote uncompressed as fpdf would
// have written it compressed. content reports whether an object number is
// a page's content stream.
func compressContents(pdf []byte, content func(n int) bool) ([]byte, error) {
	f, err := parsePDF(pdf)
	if err != nil {
		return nil, err
	}
	type object struct{ n, off int }
	objs := make([]object, 0, len(f.offsets))
	for n, off := range f.offsets {
		objs = append(objs, object{n, off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	if len(objs) == 0 {
		return nil, fmt.Errorf("compressing: no objects")
	}
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	out.Write(pdf[:objs[0].off])
	offsets := make(map[int]int, len(objs))
	for i, o := range objs {
		end := f.xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		obj := pdf[o.off:end]
		offsets[o.n] = out.Len()
		if !content(o.n) {
			out.Write(obj)
			continue
		}
		data, ok := uncompressedStream(obj, o.n)
		if !ok {
			return nil, fmt.Errorf("compressing: object %d is not an uncompressed stream", o.n)
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(data); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.n, z.Len())
		out.Write(z.Bytes())
		out.WriteString("\nendstream\nendobj\n")
	}
	// The trailer names no offsets, so it is kept as it is.
	trailer := bytes.Index(pdf[f.xref:], []byte("trailer\n"))
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if trailer < 0 || sx < f.xref+trailer {
		return nil, fmt.Errorf("compressing: no trailer")
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", f.size)
	var line []byte
	for n := 1; n < f.size; n++ {
		line = strconv.AppendInt(line[:0], int64(offsets[n]), 10)
		out.WriteString("0000000000"[:max(0, 10-len(line))])
		out.Write(line)
		out.WriteString(" 00000 n \n")
	}
	out.Write(pdf[f.xref+trailer : sx])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// uncompressedStream returns the data of obj, object n as fpdf writes an
// uncompressed stream: "n 0 obj\n<</Length L>>\nstream\n" L bytes
// "\nendstream\nendobj\n".
func uncompressedStream(obj []byte, n int) ([]byte, bool) {
	head := strconv.Itoa(n) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return nil, false
	}
	rest := obj[len(head):]
	i := bytes.IndexByte(rest, '>')
	if i < 0 {
		return nil, false
	}
	l, err := strconv.Atoi(string(rest[:i]))
	rest = rest[i:]
	if err != nil || !bytes.HasPrefix(rest, []byte(">>\nstream\n")) {
		return nil, false
	}
	rest = rest[len(">>\nstream\n"):]
	if l < 0 || l > len(rest) || !bytes.Equal(rest[l:], []byte("\nendstream\nendobj\n")) {
		return nil, false
	}
	return rest[:l], true
}

// pdfSink takes fpdf's output and passes it through process. fpdf hands
// over its whole buffer in one Write, which is processed there and then,
// so the uncompressed file is never copied; output written in pieces is
// gathered first and processed by result.
type pdfSink struct {
	process func([]byte) ([]byte, error)
	pieces  []byte
	out     []byte
	done    bool
	err     error
}

func (s *pdfSink) Write(p []byte) (int, error) {
	switch {
	case s.done:
		s.err = fmt.Errorf("writing PDF: output continued after its end")
	case len(s.pieces) == 0 && bytes.HasPrefix(p, []byte("%PDF-")) && bytes.HasSuffix(p, []byte("%%EOF\n")):
		s.out, s.err = s.process(p)
		s.done = true
	default:
		s.pieces = append(s.pieces, p...)
	}
	return len(p), nil
}

// result is the processed file.
func (s *pdfSink) result() ([]byte, error) {
	if !s.done && s.err == nil {
		s.out, s.err = s.process(s.pieces)
		s.pieces, s.done = nil, true
	}
	return s.out, s.err
}
