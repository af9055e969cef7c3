package pdf

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

// fileObject is an object of the file fpdf wrote: its number, where it
// lies, and for a page's content stream its data.
type fileObject struct {
	n, off, end int
	content     bool
	data        []byte
}

// fileObjects lists the objects of pdf in file order, checking that each
// one content names is an uncompressed stream, and finds the trailer
// (the part after the cross-reference table, up to startxref): every check
// writeCompressed needs is done before it writes a byte.
func fileObjects(pdf []byte, f *pdfFile, content func(n int) bool) (objs []fileObject, trailer []byte, err error) {
	objs = make([]fileObject, 0, len(f.offsets))
	for n, off := range f.offsets {
		objs = append(objs, fileObject{n: n, off: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	if len(objs) == 0 {
		return nil, nil, fmt.Errorf("compressing: no objects")
	}
	for i := range objs {
		o := &objs[i]
		o.end = f.xref
		if i+1 < len(objs) {
			o.end = objs[i+1].off
		}
		if o.content = content(o.n); o.content {
			data, ok := uncompressedStream(pdf[o.off:o.end], o.n)
			if !ok {
				return nil, nil, fmt.Errorf("compressing: object %d is not an uncompressed stream", o.n)
			}
			o.data = data
		}
	}
	// The trailer names no offsets, so it is kept as it is.
	t := bytes.Index(pdf[f.xref:], []byte("trailer\n"))
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if t < 0 || sx < f.xref+t {
		return nil, nil, fmt.Errorf("compressing: no trailer")
	}
	return objs, pdf[f.xref+t : sx], nil
}

// writeCompressed writes pdf, the file fpdf wrote uncompressed (parsed as
// f), as fpdf would have written it compressed, and returns where its
// cross-reference table starts. content reports whether an object number
// is a page's content stream. Each stream is compressed into a buffer of
// its own (its length comes before it), the rest is copied, so the
// compressed file is never whole in memory.
func writeCompressed(w *countingWriter, pdf []byte, f *pdfFile, content func(n int) bool) (int, error) {
	objs, trailer, err := fileObjects(pdf, f, content)
	if err != nil {
		return 0, err
	}
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	w.Write(pdf[:objs[0].off])
	offsets := make([]int, max(f.size, 1))
	for _, o := range objs {
		if o.n < len(offsets) {
			offsets[o.n] = w.n
		}
		if !o.content {
			w.Write(pdf[o.off:o.end])
			continue
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(o.data); err != nil {
			return 0, err
		}
		if err := zw.Close(); err != nil {
			return 0, err
		}
		fmt.Fprintf(w, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.n, z.Len())
		w.Write(z.Bytes())
		w.WriteString("\nendstream\nendobj\n")
	}
	xref := w.n
	fmt.Fprintf(w, "xref\n0 %d\n0000000000 65535 f \n", f.size)
	var line []byte
	for n := 1; n < f.size; n++ {
		line = strconv.AppendInt(line[:0], int64(offsets[n]), 10)
		w.WriteString("0000000000"[:max(0, 10-len(line))])
		w.Write(line)
		w.WriteString(" 00000 n \n")
	}
	w.Write(trailer)
	fmt.Fprintf(w, "startxref\n%d\n%%%%EOF\n", xref)
	return xref, nil
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

// pdfSink takes fpdf's output and passes it to process. fpdf hands over
// its whole buffer in one Write, which is processed there and then, so the
// uncompressed file is never copied; output written in pieces is gathered
// first and processed by finish.
type pdfSink struct {
	process func([]byte) error
	pieces  []byte
	done    bool
	err     error
}

func (s *pdfSink) Write(p []byte) (int, error) {
	switch {
	case s.done:
		s.err = fmt.Errorf("writing PDF: output continued after its end")
	case len(s.pieces) == 0 && bytes.HasPrefix(p, []byte("%PDF-")) && bytes.HasSuffix(p, []byte("%%EOF\n")):
		s.err = s.process(p)
		s.done = true
	default:
		s.pieces = append(s.pieces, p...)
	}
	return len(p), nil
}

// finish processes output that came in pieces, and reports what
// processing returned.
func (s *pdfSink) finish() error {
	if !s.done && s.err == nil {
		s.err = s.process(s.pieces)
		s.pieces, s.done = nil, true
	}
	return s.err
}
