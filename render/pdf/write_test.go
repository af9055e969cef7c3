package pdf

import (
	"bytes"
	"errors"
	"github.com/briefsmith/briefsmith/render/internal/rendertest"
	"testing"
	"time"
)

// failingWriter takes n bytes and then fails.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// A prepared PDF streams the very bytes Render writes, once, and reports
// a writer's failure wherever it happens in the stream.
func TestPreparedPDFWritesRendersBytesOnce(t *testing.T) {
	doc := rendertest.Doc("A paragraph with a [link](https://example.org/) and a note[^n].\n\n[^n]: The note.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n")
	// Dated, or fpdf dates each file by the clock.
	doc.Meta.Created = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	var want bytes.Buffer
	info, err := Render(doc, &want)
	if err != nil {
		t.Fatal(err)
	}
	p, pinfo, err := Prepare(doc)
	if err != nil {
		t.Fatal(err)
	}
	if pinfo.Pages != info.Pages {
		t.Errorf("Prepare: %d pages, Render: %d", pinfo.Pages, info.Pages)
	}
	var got bytes.Buffer
	n, err := p.WriteTo(&got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) || n != int64(got.Len()) {
		t.Fatalf("WriteTo: %d bytes (said %d), Render: %d bytes, not the same", got.Len(), n, want.Len())
	}
	if _, err := p.WriteTo(&got); err == nil {
		t.Error("a second WriteTo did not fail")
	}
	for _, at := range []int{0, 100, want.Len() / 3, want.Len() - 10} {
		p, _, err := Prepare(doc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.WriteTo(&failingWriter{n: at}); err == nil {
			t.Errorf("a writer failing after %d bytes: no error", at)
		}
	}
}
