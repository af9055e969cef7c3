package pdf

import (
	"bytes"
	"compress/zlib"
	"strconv"
)

// The update that tags a document is mostly small dictionaries: one per
// structure element (a memo has a few hundred), the parent tree, and new
// versions of the pages and fonts. Written as plain objects they were a
// third of the sample memo's file (38 of 136 KB, over the 120 KB issue 6
// allows). PDF 1.5 packs such objects into compressed object streams
// (ISO 32000-1, 7.5.7), listed by a cross-reference stream (7.5.8) whose
// /Prev points back at fpdf's classic table; the catalog the update
// rewrites already declares version 1.7. The catalog itself stays a plain
// object, which every reader can find without unpacking anything.

// objPerStream is how many objects one object stream holds: enough to
// compress well, few enough that a reader unpacks little to reach one.
const objPerStream = 200

// xrefEntry is where the cross-reference stream says an object is: at a
// byte offset (inStream false), or at index idx of object stream at.
type xrefEntry struct {
	at       int
	idx      int32
	inStream bool
	present  bool
}

// objPacker writes the update's objects, gathering dictionaries into
// object streams of objPerStream and recording where each object went.
type objPacker struct {
	w        *countingWriter
	compress bool
	entries  []xrefEntry // by object number
	nextStm  int         // number of the next object stream
	// The stream being filled: its objects' numbers and offsets in body.
	nums []int
	offs []int
	body []byte
	head []byte
	z    bytes.Buffer
}

// newObjPacker packs objects numbered below size; object streams take
// the numbers from firstStm on.
func newObjPacker(w *countingWriter, size, firstStm int, compress bool) *objPacker {
	return &objPacker{w: w, compress: compress, entries: make([]xrefEntry, size), nextStm: firstStm}
}

// pack adds object n with body dict to the object stream being filled.
func (p *objPacker) pack(n int, dict []byte) {
	p.nums = append(p.nums, n)
	p.offs = append(p.offs, len(p.body))
	p.body = append(append(p.body, dict...), '\n')
	if len(p.nums) == objPerStream {
		p.flush()
	}
}

// plain writes object n with body dict as an ordinary object.
func (p *objPacker) plain(n int, dict []byte) {
	p.entries[n] = xrefEntry{at: p.w.n, present: true}
	p.w.WriteString(strconv.Itoa(n) + " 0 obj\n")
	p.w.Write(dict)
	p.w.WriteString("\nendobj\n")
}

// flush writes the object stream being filled, if it holds anything.
func (p *objPacker) flush() {
	if len(p.nums) == 0 {
		return
	}
	stm := p.nextStm
	p.nextStm++
	p.head = p.head[:0]
	for i, n := range p.nums {
		p.entries[n] = xrefEntry{at: stm, idx: int32(i), inStream: true, present: true}
		p.head = strconv.AppendInt(p.head, int64(n), 10)
		p.head = append(strconv.AppendInt(append(p.head, ' '), int64(p.offs[i]), 10), ' ')
	}
	dict := "<</Type /ObjStm /N " + strconv.Itoa(len(p.nums)) + " /First " + strconv.Itoa(len(p.head))
	p.entries[stm] = xrefEntry{at: p.w.n, present: true}
	p.writeStream(stm, dict, p.head, p.body)
	p.nums, p.offs, p.body = p.nums[:0], p.offs[:0], p.body[:0]
}

// writeStream writes object n, a stream whose dictionary starts with
// dict (without its closing ">>") and whose data is the parts joined,
// compressed when the packer compresses.
func (p *objPacker) writeStream(n int, dict string, parts ...[]byte) {
	p.z.Reset()
	if p.compress {
		zw := zlibWriters.Get().(*zlib.Writer)
		zw.Reset(&p.z)
		for _, b := range parts {
			zw.Write(b) // a bytes.Buffer takes every write
		}
		zw.Close()
		zlibWriters.Put(zw)
		dict += " /Filter /FlateDecode"
	} else {
		for _, b := range parts {
			p.z.Write(b)
		}
	}
	p.w.WriteString(strconv.Itoa(n) + " 0 obj\n" + dict + " /Length " + strconv.Itoa(p.z.Len()) + ">>\nstream\n")
	p.w.Write(p.z.Bytes())
	p.w.WriteString("\nendstream\nendobj\n")
}

// finish writes the last object stream and the cross-reference stream
// (object number xrefNum, the last below size), whose trailer keys are
// trailer ("/Root 3 0 R /Info 4 0 R /Prev 1234"), and the end of file.
func (p *objPacker) finish(xrefNum int, trailer string) {
	p.flush()
	start := p.w.n
	p.entries[xrefNum] = xrefEntry{at: start, present: true}
	var index, rows []byte
	for i := 1; i < len(p.entries); {
		if !p.entries[i].present {
			i++
			continue
		}
		j := i
		for j+1 < len(p.entries) && p.entries[j+1].present {
			j++
		}
		index = strconv.AppendInt(append(index, ' '), int64(i), 10)
		index = strconv.AppendInt(append(index, ' '), int64(j-i+1), 10)
		for k := i; k <= j; k++ {
			e := p.entries[k]
			kind, a, b := byte(1), e.at, 0
			if e.inStream {
				kind, b = 2, int(e.idx)
			}
			rows = append(rows, kind, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(b>>8), byte(b))
		}
		i = j + 1
	}
	dict := "<</Type /XRef /Size " + strconv.Itoa(len(p.entries)) + " /Index [" + string(index[1:]) + "] /W [1 4 2] " + trailer
	p.writeStream(xrefNum, dict, rows)
	p.w.WriteString("startxref\n" + strconv.Itoa(start) + "\n%%EOF\n")
}
