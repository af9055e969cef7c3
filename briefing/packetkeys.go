package briefing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// keyScan is what one pass over a packet file's keys finds, before the
// JSON decoder sees the file. Go's decoder matches keys without regard to
// case or Unicode folding ("TITLE", "mar\u212Aing" with a Kelvin sign) and
// keeps the last of duplicated keys, silently: in a file from a stranger
// either can change what a brief says while looking like a harmless
// unknown field. So keys are checked here first, exactly, with positions
// computed once as the file is read.
type keyScan struct {
	errs, warns Problems
	// sectionLines is the line each element of "sections" starts on.
	sectionLines []int
	// logoAt is the offset of the "logo" key in "style", 0 if none, so a
	// logo the decoder cannot read is reported on its own line.
	logoAt int64
}

// keyContext is the kind of object a key sits in, which decides what keys
// it may hold.
type keyContext int

const (
	ctxOther     keyContext = iota // inside a kept unknown field: not checked
	ctxPacket                      // the top-level object
	ctxStyle                       // "style"
	ctxSection                     // an element of "sections"
	ctxVariables                   // "variables": any name but a built-in one
)

// frame is one open object or array while scanning.
type frame struct {
	ctx     keyContext
	object  bool
	keyNext bool
	// child is the context a value opened next in this frame gets.
	child keyContext
	// seen maps each key already met in this object to its line.
	seen map[string]int
	// path names the object in messages ("style.", "sections[2]."); in an
	// array, n counts the elements opened so far.
	path    string
	n       int
	lastKey string
}

// scanPacketKeys checks every key of data (already known to be valid UTF-8
// text starting with "{") and finds where sections start.
func scanPacketKeys(name string, data []byte) keyScan {
	var s keyScan
	// lineCol counts from the start each time; positions are asked for in
	// file order, so a running line and column keep the whole scan linear,
	// also for a packet written on one line (the column is counted on from
	// the last position, never from the start of the line again).
	var lastOff int64
	lastLine, lastCol := 1, 1
	at := func(offset int64) (int, int) {
		if offset > int64(len(data)) {
			offset = int64(len(data))
		}
		if offset < lastOff {
			lastOff, lastLine, lastCol = 0, 1, 1
		}
		for i := lastOff; i < offset; {
			if data[i] == '\n' {
				lastLine, lastCol = lastLine+1, 1
				i++
				continue
			}
			_, n := utf8.DecodeRune(data[i:])
			lastCol++
			i += int64(n)
		}
		lastOff = offset
		return lastLine, lastCol
	}

	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return s // the decoder reports syntax errors with their position
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				ctx, path := ctxPacket, ""
				if top != nil {
					ctx = top.child
					if top.object {
						path = top.path + top.lastKey
					} else {
						path = fmt.Sprintf("%s[%d]", top.path, top.n)
						top.n++
					}
					if !top.object && top.ctx == ctxSection && d == '{' {
						// InputOffset is before any white space: find the brace.
						l, _ := at(off + int64(bytes.IndexByte(data[off:], '{')))
						s.sectionLines = append(s.sectionLines, l)
					}
					if top.object {
						top.keyNext = true
					}
				}
				if d == '{' && path != "" {
					path += "."
				}
				f := &frame{ctx: ctx, object: d == '{', keyNext: d == '{', seen: map[string]int{}, path: path}
				if !f.object {
					// The elements of "sections" are sections; of any other
					// array, nothing we check.
					f.child = ctxOther
					if ctx == ctxSection {
						f.child = ctxSection
					}
				}
				stack = append(stack, f)
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].keyNext = true
				}
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if !top.keyNext {
			top.keyNext = true // a plain value ends the member
			continue
		}
		top.keyNext = false
		key, _ := tok.(string)
		top.lastKey = key
		line, col := at(off + int64(bytes.IndexByte(data[off:], '"')))
		top.child = s.checkKey(name, top, key, line, col)
		if top.ctx == ctxStyle && key == "logo" && s.logoAt == 0 {
			s.logoAt = off + int64(bytes.IndexByte(data[off:], '"'))
		}
	}
}

// checkKey judges one key of an object and returns the context of its
// value.
func (s *keyScan) checkKey(name string, f *frame, key string, line, col int) keyContext {
	problem := func(sev Severity, format string, args ...any) {
		p := Problem{Severity: sev, Section: -1, File: name, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
		if sev == Error {
			s.errs = append(s.errs, p)
		} else {
			s.warns = append(s.warns, p)
		}
	}
	if f.ctx == ctxOther {
		return ctxOther
	}
	full := quoteKey(f.path + key)
	if first, dup := f.seen[key]; dup {
		problem(Error, "%s is given twice (lines %d and %d): remove one, so it is clear which is meant", full, first, line)
		return ctxOther
	}
	f.seen[key] = line
	var fields map[string]bool
	switch f.ctx {
	case ctxVariables:
		if builtinVariable(key) {
			problem(Error, "%s: %q is a built-in name, filled from the packet's own %s setting; rename this variable", full, key, key)
		}
		return ctxOther
	case ctxPacket:
		fields = packetFields
	case ctxStyle:
		fields = styleFields
	case ctxSection:
		fields = sectionFields
	}
	if fields[key] {
		switch {
		case f.ctx == ctxPacket && key == "style":
			return ctxStyle
		case f.ctx == ctxPacket && key == "sections":
			return ctxSection
		case f.ctx == ctxPacket && key == "variables":
			return ctxVariables
		}
		return ctxOther
	}
	for k := range fields {
		if strings.EqualFold(k, key) {
			problem(Error, "%s is not a field name; names are exact and lower case: write %q", full, f.path+k)
			return ctxOther
		}
	}
	what := "kept in the file, but this version of Briefsmith ignores it"
	if f.ctx != ctxPacket {
		what = "this version of Briefsmith ignores it, and it is not kept when the packet is saved"
	}
	problem(Warning, "unknown field %s: %s", full, what)
	return ctxOther
}

// quoteKey quotes a key from a file for a message, escaping anything that
// would act on a terminal (escape sequences) or hide (bidi controls).
func quoteKey(k string) string {
	const limit = 80
	if r := []rune(k); len(r) > limit {
		k = string(r[:limit]) + "…"
	}
	return QuoteUntrusted(k)
}
