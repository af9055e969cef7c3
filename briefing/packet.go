package briefing

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"
)

// PacketVersion is the file format version this program writes and reads.
const PacketVersion = 1

// PacketExt is the file name extension of packet files.
const PacketExt = ".briefing"

// Packet is a briefing packet: who it is for, what it says (an ordered list
// of sections drawn from templates) and how it looks. It is stored as JSON.
type Packet struct {
	Version      int      `json:"version"`
	Title        string   `json:"title"`
	Subtitle     string   `json:"subtitle,omitempty"`
	Audience     Audience `json:"audience"`
	Author       string   `json:"author,omitempty"`
	Organization string   `json:"organization,omitempty"`
	PreparedFor  string   `json:"prepared_for,omitempty"`
	// Date is YYYY-MM-DD. It is printed on the cover and is also the PDF's
	// creation date, so the same packet always gives the same bytes.
	Date string `json:"date,omitempty"`
	// Marking is the handling marking printed at the top and bottom of
	// every page, e.g. "UNCLASSIFIED".
	Marking   string `json:"marking,omitempty"`
	Watermark string `json:"watermark,omitempty"`
	// PageLimit, when above zero, is the most pages the export should have.
	PageLimit int `json:"page_limit,omitempty"`
	// Language is the BCP 47 tag of the language the packet is written in
	// ("en-US"): screen readers pick their voice and pronunciation by it.
	// A file without it is DefaultLanguage. It is always written, even
	// empty, so an empty language survives a save and is warned about
	// rather than silently becoming the default again.
	Language string `json:"language"`
	// LanguageLine is the line of the file's "language" when that names
	// no language, so the warning about it points there; 0 otherwise.
	LanguageLine int `json:"-"`
	// WrittenFor is the audience the packet was written for while an
	// export prints it for another (PrintFor): its own fields — Prepared
	// for, above all — are worded for that one. "" for the packet's own.
	WrittenFor Audience          `json:"-"`
	Variables  map[string]string `json:"variables,omitempty"`
	// Fields are the packet's own fields, declared in the app's
	// Variables tab (name, label, "to verify"); their values are in
	// Variables like any other.
	Fields   []Variable   `json:"fields,omitempty"`
	Sections []SectionRef `json:"sections"`
	Style    Style        `json:"style"`

	// Extra holds top-level fields this version does not know (written by
	// a newer Briefsmith, say): kept and written back on save.
	Extra map[string]json.RawMessage `json:"-"`
	// Notes are warnings found while loading, such as unknown fields;
	// Resolve reports them with the packet's other problems.
	Notes Problems `json:"-"`
}

// SectionRef places one template in a packet.
type SectionRef struct {
	Template string `json:"template"`
	// Title, when set, replaces the template's title.
	Title string `json:"title,omitempty"`
	// Body, when not nil, replaces the template's body (placeholders are
	// still filled).
	Body     *string `json:"body,omitempty"`
	Included bool    `json:"included"`
	// Language, when set, is the section's language where it is not the
	// packet's (a BCP 47 tag such as fr or es-MX): a bilingual handout's
	// French section is read with a French voice.
	Language string `json:"language,omitempty"`
	// Line is where the section starts in the file it was loaded from, for
	// messages; 0 for sections made in this session.
	Line int `json:"-"`
}

// UnmarshalJSON makes a section included unless the file says otherwise,
// so hand-written packets need not repeat "included": true.
func (s *SectionRef) UnmarshalJSON(data []byte) error {
	type plain SectionRef
	v := plain{Included: true}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*s = SectionRef(v)
	return nil
}

// Style is how the packet looks.
type Style struct {
	PageSize PageSize `json:"page_size"`
	// FontSize is the body text size in points.
	FontSize float64 `json:"font_size"`
	// Accent is a "#RRGGBB" colour for headings and rules.
	Accent string `json:"accent"`
	// Logo holds the image bytes (PNG or JPEG) so the packet stays
	// self-contained; JSON stores them as base64.
	Logo []byte `json:"logo,omitempty"`
	// LogoDescription is the logo's alternative text ("Example Consulting
	// logo"), what a screen reader says in place of the image.
	LogoDescription string `json:"logo_description,omitempty"`
	Cover           bool   `json:"cover"`
	TOC             bool   `json:"toc"`
	// FitToLimit tightens the layout, within bounds a reader will not
	// notice, when the PDF runs over the page limit (see Fit). Omitted
	// when off, so packets written before it existed save unchanged.
	FitToLimit bool `json:"fit_to_limit,omitempty"`
}

// maxPacketSize caps what OpenPacket reads: logos and bodies included, a
// real packet is well under this.
const maxPacketSize = 64 << 20

// DecodePacket decodes a packet from data. name is used in messages; JSON
// errors carry line and column.
func DecodePacket(name string, data []byte) (*Packet, error) {
	fail := func(offset int64, format string, args ...any) error {
		line, col := lineCol(data, offset)
		return Problem{Severity: Error, Section: -1, File: name, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
	}
	if kind := otherFileKind(data); kind != "" {
		return nil, fail(0, "%s is %s, not a Briefsmith packet", filepath.Base(name), kind)
	}
	// Windows editors start UTF-8 files with an invisible byte order mark;
	// it is not part of the packet.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, fail(int64(invalidUTF8Offset(data)), "the file is not plain text from here on (it is not valid UTF-8), so it is not a Briefsmith packet, or it was damaged")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fail(int64(i), "file contains a NUL byte: it is not a packet")
	}
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fail(0, "%s", notAPacket(name, "it does not contain packet data"))
	}
	if at, esc := loneSurrogate(data); at >= 0 {
		return nil, fail(int64(at), "%s is half of a character code (a UTF-16 surrogate) without its other half, so it stands for no character: the file was damaged, or written by a faulty program; delete it, or write the character itself", esc)
	}
	// Keys are checked before decoding: the decoder would match them
	// loosely and keep the last of duplicates without a word.
	keys := scanPacketKeys(name, data)
	p := NewPacket("staff")
	p.Title, p.Version = "", 0
	if err := json.Unmarshal(data, p); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			// The offset counts the byte that broke the syntax.
			return nil, fail(se.Offset-1, "the file is damaged or incomplete here (%s); if it was edited by hand, look for a missing or extra comma, quote or bracket just before this point", jsonSyntaxProblem(se))
		case errors.As(err, &te):
			return nil, fail(te.Offset, "%q should be %s, not %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
		case errors.As(err, new(base64.CorruptInputError)):
			return nil, fail(keys.logoAt, "style.logo: the logo's data is damaged (it is not valid base64 text); choose the logo again in Settings")
		default:
			return nil, fail(0, "the packet could not be read: %s", printableMessage(err.Error()))
		}
	}
	if len(keys.errs) > 0 {
		sortProblems(keys.errs)
		return nil, keys.errs
	}
	if p.Version == 0 && !bytes.Contains(data, []byte(`"version"`)) {
		return nil, fail(0, "%s", notAPacket(name, "it has no packet version"))
	}
	if p.Version != PacketVersion {
		return nil, fail(0, "unsupported packet version %d: this program reads version %d", p.Version, PacketVersion)
	}
	if len(p.Sections) > MaxSections {
		return nil, fail(0, "packet has %d sections; the limit is %d", len(p.Sections), MaxSections)
	}
	p.Extra = unknownTopFields(data)
	p.Notes = keys.warns
	if _, err := ParseLanguage(p.Language); err != nil {
		p.LanguageLine = topLevelKeyLine(data, "language")
	}
	if p.Variables == nil {
		p.Variables = map[string]string{}
	}
	for i, line := range keys.sectionLines {
		if i < len(p.Sections) {
			p.Sections[i].Line = line
		}
	}
	return p, nil
}

// notAPacket says that name is some other kind of file: the message a
// user needs when they pick the wrong file, not a JSON parser's complaint.
func notAPacket(name, why string) string {
	return fmt.Sprintf("%s is not a Briefsmith packet: %s (it may be another program's file, or damaged)", filepath.Base(name), why)
}

// LooksLikePacket reports whether the start of a file reads like a
// Briefsmith packet, so the command line does not write an export over
// one by mistake.
func LooksLikePacket(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	return bytes.HasPrefix(t, []byte("{")) && bytes.Contains(head, []byte(`"version"`))
}

// otherFileKind names the common file types people pick by mistake, from
// their first bytes, or returns "".
func otherFileKind(data []byte) string {
	for _, k := range []struct{ magic, kind string }{
		{"%PDF-", "a PDF document"},
		{"PK\x03\x04", "a zip file (a Word document, say)"},
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"\xd0\xcf\x11\xe0", "an old-style Office document"},
		{"{\\rtf", "a rich-text document"},
	} {
		if bytes.HasPrefix(data, []byte(k.magic)) {
			return k.kind
		}
	}
	return ""
}

// jsonSyntaxProblem names what the JSON decoder met, in words: its own
// message ("invalid character 'M' looking for beginning of value") is for
// programmers.
func jsonSyntaxProblem(se *json.SyntaxError) string {
	msg := se.Error()
	switch {
	case strings.Contains(msg, "unexpected end of JSON input"):
		return "the file ends too soon, as if it was cut short"
	case strings.HasPrefix(msg, "invalid character"):
		if c, _, ok := strings.Cut(strings.TrimPrefix(msg, "invalid character "), " "); ok {
			return "unexpected " + c
		}
	}
	return "not valid JSON"
}

// MaxSections caps a packet's sections: far beyond any real briefing, and
// low enough that a hostile file cannot make layout run for minutes.
const MaxSections = 5000

// known lists the JSON field names of a struct type's fields.
func known(v any) map[string]bool {
	out := map[string]bool{}
	t := reflect.TypeOf(v)
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

var (
	packetFields  = known(Packet{})
	sectionFields = known(SectionRef{})
	styleFields   = known(Style{})
)

// unknownTopFields keeps the top-level fields this version does not know
// (written by a newer Briefsmith, say), to write them back on save.
func unknownTopFields(data []byte) map[string]json.RawMessage {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil
	}
	var extra map[string]json.RawMessage
	for k, v := range top {
		if !packetFields[k] {
			if extra == nil {
				extra = map[string]json.RawMessage{}
			}
			extra[k] = v
		}
	}
	return extra
}

// WritePacket encodes p as indented JSON, stable for diffs in git.
func WritePacket(w io.Writer, p *Packet) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if len(p.Extra) == 0 {
		enc.SetIndent("", "  ")
		if err := enc.Encode(p); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	if err := enc.Encode(p); err != nil {
		return err
	}
	data := bytes.TrimSpace(buf.Bytes())
	// Fields we do not know go after the ones we do, in a stable order.
	keys := make([]string, 0, len(p.Extra))
	for k := range p.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tail := []byte{}
	for _, k := range keys {
		kb, _ := json.Marshal(k)
		tail = append(append(append(append(tail, ','), kb...), ':'), p.Extra[k]...)
	}
	data = append(append(data[:len(data)-1:len(data)-1], tail...), '}')
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

// Clone returns a deep copy, so undo snapshots and background renders never
// share slices or maps with the packet being edited. The app clones on every
// keystroke, so this copies fields directly rather than going through JSON
// (which re-encoded the logo as base64 each time); TestCloneCoversEveryField
// fails when a field is added to Packet, SectionRef or Style without being
// handled here.
// PrintFor makes p print as audience a would read it (the command line's
// --audience and --all-audiences), remembering whom it was written for.
func (p *Packet) PrintFor(a Audience) {
	if p.WrittenFor == "" {
		p.WrittenFor = p.Audience
	}
	p.Audience = a
}

// writtenFor is the audience p's own fields are worded for.
func (p *Packet) writtenFor() Audience {
	if p.WrittenFor != "" {
		return p.WrittenFor
	}
	return p.Audience
}

func (p *Packet) Clone() *Packet {
	c := *p
	if p.Variables != nil {
		c.Variables = make(map[string]string, len(p.Variables))
		for k, v := range p.Variables {
			c.Variables[k] = v
		}
	}
	if p.Fields != nil {
		c.Fields = append([]Variable(nil), p.Fields...)
	}
	if p.Sections != nil {
		c.Sections = make([]SectionRef, len(p.Sections))
		for i, s := range p.Sections {
			if s.Body != nil {
				body := *s.Body
				s.Body = &body
			}
			c.Sections[i] = s
		}
	}
	c.Style.Logo = bytes.Clone(p.Style.Logo)
	if p.Extra != nil {
		c.Extra = make(map[string]json.RawMessage, len(p.Extra))
		for k, v := range p.Extra {
			c.Extra[k] = bytes.Clone(v)
		}
	}
	c.Notes = append(Problems(nil), p.Notes...)
	return &c
}

func jsonKind(k string) string {
	switch {
	case k == "string":
		return "text"
	case strings.HasPrefix(k, "int") || strings.HasPrefix(k, "float"):
		return "a number"
	case k == "bool":
		return "true or false"
	case k == "slice":
		return "a list"
	case k == "map" || k == "struct":
		return "an object"
	}
	return k
}

// lineCol converts the byte offset of a character into its 1-based line
// and column.
func lineCol(data []byte, offset int64) (int, int) {
	if offset <= 0 {
		return 1, 1
	}
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}
