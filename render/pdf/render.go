package pdf

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/briefsmith/briefsmith/render/layout"
	"io"

	"codeberg.org/go-pdf/fpdf"
)

// Render lays doc out and writes the PDF to w. Nothing is written unless
// the whole document rendered, so w never receives half a file.
func Render(doc *layout.Document, w io.Writer) (layout.Info, error) {
	return render(doc, w, true)
}

// RenderUncompressed is Render without compressing the page content, for
// tests and fuzzing, where instrumented zlib costs seconds per input.
func RenderUncompressed(doc *layout.Document, w io.Writer) (layout.Info, error) {
	return render(doc, w, false)
}

// PDF is a laid-out document not yet written: what Prepare returns.
type PDF struct {
	pdf      *fpdf.Fpdf
	tags     *tagger
	pages    int
	compress bool
}

// Prepare lays doc out, every page drawn, without writing the file: a
// caller that saves to a file streams it there with WriteTo and never
// holds the whole file in memory (at 5,000 sections 23 MB, most of it
// made only as it goes out). Layout's failures, the page limit among
// them, happen here.
func Prepare(doc *layout.Document) (*PDF, layout.Info, error) {
	return prepare(doc, true)
}

// WriteTo writes the PDF to w, once; it implements io.WriterTo. Nothing
// reaches w unless the whole file can be made, so a failure other than
// w's own leaves w untouched.
func (p *PDF) WriteTo(w io.Writer) (n int64, err error) {
	cw := &countingWriter{w: bufio.NewWriterSize(w, 64<<10)}
	defer func() {
		if v := recover(); v != nil {
			err = layout.Recovered(v, "writing PDF")
		}
		// What went into the buffer, whichever way this returns.
		n = int64(cw.n)
	}()
	pdf := p.pdf
	if pdf == nil {
		return 0, errors.New("writing PDF: written already")
	}
	// The fpdf document (every page's content, and the file it writes)
	// and the structure go with this call.
	tags := p.tags
	p.pdf, p.tags = nil, nil
	sink := &pdfSink{process: func(b []byte) error { return tags.write(cw, b, p.pages, p.compress) }}
	if err := pdf.Output(sink); err != nil {
		return 0, fmt.Errorf("writing PDF: %w", err)
	}
	if err := sink.finish(); err != nil {
		return 0, err
	}
	if err := cw.w.Flush(); err != nil {
		return 0, fmt.Errorf("writing PDF: %w", err)
	}
	return 0, nil
}

func render(doc *layout.Document, out io.Writer, compress bool) (layout.Info, error) {
	p, info, err := prepare(doc, compress)
	if err != nil {
		return info, err
	}
	if _, err := p.WriteTo(out); err != nil {
		return layout.Info{}, err
	}
	return info, nil
}

func prepare(doc *layout.Document, compress bool) (p *PDF, info layout.Info, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = layout.Recovered(v, "rendering failed")
		}
	}()
	pdf := newPDF(doc)
	// Page contents are compressed after output, with a reused writer
	// (compress.go).
	pdf.SetCompression(false)
	s := newPDFSurface(pdf)
	if logo := doc.Settings.Logo; logo != nil {
		// Layout keeps the logo's own size (only its shape matters
		// there); the file gets it resampled to print resolution.
		data, tp, err := doc.LogoForPrint().Encode()
		if err != nil {
			return nil, info, fmt.Errorf("logo: %w", err)
		}
		s.registerLogo(data, tp)
	}
	if info, err = layout.Print(doc, s); err != nil {
		return nil, info, err
	}
	// Marked content never outlives its page.
	s.tags.endPage()
	if err := pdf.Error(); err != nil {
		return nil, info, fmt.Errorf("rendering failed: %w", err)
	}
	// What the PDF keeps is fpdf's document and the structure, not the
	// layouts nor the document laid out: they can go before fpdf writes
	// its file, the largest step.
	return &PDF{pdf: pdf, tags: s.tags, pages: info.Pages, compress: compress}, info, nil
}
