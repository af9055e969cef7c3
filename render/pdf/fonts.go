package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"sort"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// fpdf embeds only the glyphs a document uses but names each font after
// its family key ("utf8liberationserifB"), so tools report the fonts as
// whole and a reader cannot tell a subset from the font it came from.
// ISO 32000-1 (9.6.4) names a subset with a tag of six capital letters,
// a plus sign and the font's PostScript name ("KMQZTA+LiberationSerif-Bold").
// fpdf has no option for the name, so the update that adds the tags
// (tag.go) also writes the font dictionaries again with it.

// postScriptName is the PostScript name of the face fpdf calls key, ""
// for none. It looks the face up when a document is written, not at
// start-up: parsing all fourteen faces cost every process, even one that
// prints none of them, most of a millisecond.
func postScriptName(key string) string {
	for _, f := range layout.Faces() {
		if fontKey(f) != key {
			continue
		}
		var buf sfnt.Buffer
		ps, err := f.Parsed().Name(&buf, sfnt.NameIDPostScript)
		if err != nil || ps == "" {
			ps = f.Family
		}
		return ps
	}
	return ""
}

// subsetNames writes again, with write, every font dictionary of f that
// names an embedded face, under its subset name. The tag comes from the
// glyphs the subset holds (the descendant font's width array lists them),
// so the same document always gets the same tags and two subsets of one
// face in different documents get different ones.
func subsetNames(f *pdfFile, write func(n int, body string)) error {
	nums := make([]int, 0, len(f.offsets))
	for n := range f.offsets {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	fonts := map[int]string{} // object → its dictionary, for font objects
	tags := map[string]string{}
	for _, n := range nums {
		off := f.offsets[n]
		head := f.data[off:min(len(f.data), off+80)]
		if !bytes.Contains(head, []byte("/Type /Font")) {
			continue
		}
		d, err := f.dict(n)
		if err != nil {
			return err
		}
		fonts[n] = d
		if strings.Contains(d, "/Subtype /CIDFontType2") {
			if m := fontNameRe.FindStringSubmatch(d); m != nil {
				sum := sha256.Sum256([]byte(d))
				var tag [6]byte
				for i := range tag {
					tag[i] = 'A' + sum[i]%26
				}
				tags[m[2]] = string(tag[:])
			}
		}
	}
	for _, n := range nums {
		d, ok := fonts[n]
		if !ok {
			continue
		}
		changed := false
		d = fontNameRe.ReplaceAllStringFunc(d, func(s string) string {
			m := fontNameRe.FindStringSubmatch(s)
			tag, ps := tags[m[2]], postScriptName(m[2])
			if tag == "" || ps == "" {
				return s
			}
			changed = true
			return fmt.Sprintf("/%s /%s+%s", m[1], tag, ps)
		})
		if changed {
			write(n, d)
		}
	}
	return nil
}
