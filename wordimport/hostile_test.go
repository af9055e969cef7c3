package wordimport

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// Hostile and broken files are refused with a message saying what is
// wrong, in plain words — never a panic, never inflated past the limits.
func TestHostileFilesAreRefusedClearly(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, _ := z.Create("[Content_Types].xml")
		_, _ = w.Write([]byte("<Types/>"))
		w, _ = z.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
		_, _ = w.Write(bytes.Repeat([]byte{' '}, 64<<20))
		_ = z.Close()
		return buf.Bytes()
	}
	deep := body(strings.Repeat("<w:sdt>", MaxDepth+10) + strings.Repeat("</w:sdt>", MaxDepth+10))
	many := map[string]string{"word/document.xml": body("")}
	for i := range MaxParts + 1 {
		many["x/"+strings.Repeat("a", 3)+string(rune('a'+i%26))+strings.Repeat("b", i%7)+"/"+strconv.Itoa(i)] = ""
	}
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"not a zip":        {[]byte("%PDF-1.7\n..."), "not a Word document (.docx): it is not a zip archive"},
		"no document part": {docx(t, map[string]string{"word/styles.xml": "<w:styles/>"}), "has no word/document.xml"},
		"path traversal":   {docx(t, map[string]string{"word/document.xml": body(""), "../../etc/passwd": "x"}), "points outside the document"},
		"zip bomb":         {bomb(), "inflates"},
		"deep nesting":     {docx(t, map[string]string{"word/document.xml": deep}), "nests elements more than 256 deep"},
		"broken XML":       {docx(t, map[string]string{"word/document.xml": body("<w:p><w:r>")[:60]}), "is not well-formed XML"},
		"too many parts":   {docx(t, many), "parts; a Word document has a few dozen"},
	} {
		_, err := Read("memo.docx", bytes.NewReader(c.data), int64(len(c.data)))
		if err == nil || !strings.HasPrefix(err.Error(), "memo.docx: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want %q", name, err, c.want)
		}
	}
}
