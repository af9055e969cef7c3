package briefing

import (
	"bytes"
	"fmt"
	"io"

	"github.com/briefsmith/briefsmith/render/docx"
	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/briefsmith/briefsmith/render/pdf"
	"github.com/spf13/afero"
)

// Validate lists every problem with p, as the command line's validate and
// the app's Problems panel show them: template and variable problems,
// characters no font can print, and a page limit exceeded (which needs a
// real layout, so it is checked only when nothing else is wrong).
func Validate(lib *Library, p *Packet, name string) Problems {
	return Analyze(lib, p, name).Problems
}

// Analysis is what the app shows live beside a packet: its problems and,
// when it can be rendered, its page count.
type Analysis struct {
	Pages    int // 0 when errors prevent rendering
	Problems Problems
	// Fit is what fitting to the page limit did, nil when the packet
	// does not ask for it.
	Fit *FitResult
}

// Analyze resolves and lays out p to count its pages and list its
// problems; the layout is the real one, so the count is the PDF's.
func Analyze(lib *Library, p *Packet, name string) Analysis {
	doc, fit, probs := resolveForExport(lib, p, name)
	if probs.HasErrors() {
		return Analysis{Problems: probs}
	}
	info, err := layout.Paginate(doc)
	if err != nil {
		return Analysis{Problems: append(probs, layoutProblem(name, err))}
	}
	if pr, over := pageLimitProblem(p, name, info.Pages); over {
		probs = append(probs, fitReport(pr, fit))
	}
	return Analysis{Pages: info.Pages, Problems: probs, Fit: fit}
}

// resolveForExport is Resolve, fitted to the page limit when the packet
// asks for it (fit is nil otherwise): what Analyze counts and Export
// prints are the same document.
func resolveForExport(lib *Library, p *Packet, name string) (*layout.Document, *FitResult, Problems) {
	if !p.Style.FitToLimit || p.PageLimit <= 0 {
		doc, probs := Resolve(lib, p, name)
		return doc, nil, probs
	}
	doc, fr, probs := Fit(lib, p, name)
	if doc == nil {
		// Errors: Resolve again for a document to report them against.
		d, _ := Resolve(lib, p, name)
		return d, nil, probs
	}
	return doc, &fr, probs
}

// ExportDocument is the document an export of p prints: resolved, and
// fitted to the page limit when the packet asks for it. The app's page
// view lays out this one, so it shows the fitted type and margins the
// PDF gets, not the packet as set. Do not lay the document out when
// probs has errors.
func ExportDocument(lib *Library, p *Packet, name string) (*layout.Document, Problems) {
	doc, _, probs := resolveForExport(lib, p, name)
	return doc, probs
}

// fitReport adds, to the warning that the PDF is over its limit, what the
// fitting found, so the user knows what to cut.
func fitReport(pr Problem, fit *FitResult) Problem {
	if fit != nil && !fit.Fits {
		pr.Message += " (" + fit.Report + ")"
	}
	return pr
}

func pageLimitProblem(p *Packet, name string, pages int) (Problem, bool) {
	if p.PageLimit <= 0 || pages <= p.PageLimit {
		return Problem{}, false
	}
	over := pages - p.PageLimit
	unit := "pages"
	if over == 1 {
		unit = "page"
	}
	return Problem{Severity: Warning, Section: -1, File: name,
		Message: fmt.Sprintf("the PDF has %d pages, %d %s over the packet's limit of %d", pages, over, unit, p.PageLimit)}, true
}

// Result says what an export produced and what to tell the user.
type Result struct {
	Info layout.Info
	// Errors are the problems that stopped the export; empty when it
	// succeeded.
	Errors Problems
	// Warnings are problems that did not stop it: print them, export anyway.
	Warnings Problems
	// Fit is what fitting to the page limit did, nil when the export
	// was not asked to fit.
	Fit *FitResult
	// OverLimit says how far the document runs over the packet's page
	// limit (and, fitted, what to cut), "" when it is within it: what the
	// app's "Export finished" message repeats.
	OverLimit string
}

// newResult sorts probs into errors and warnings.
func newResult(info layout.Info, probs Problems, fit *FitResult) Result {
	r := Result{Info: info, Fit: fit}
	for _, p := range probs {
		if p.Severity == Error {
			r.Errors = append(r.Errors, p)
		} else {
			r.Warnings = append(r.Warnings, p)
		}
	}
	return r
}

// layoutProblem is a layout failure as a problem of the whole packet.
func layoutProblem(name string, err error) Problem {
	return Problem{Severity: Error, Section: -1, File: name, Message: err.Error()}
}

// RenderPacket resolves and renders p into memory. It refuses, returning
// the errors (as Problems) as the error, when any problem is an Error.
func RenderPacket(lib *Library, p *Packet, name string) ([]byte, Result, error) {
	pdf, res, err := preparePacket(lib, p, name)
	if err != nil {
		return nil, res, err
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return nil, res, err
	}
	return buf.Bytes(), res, nil
}

// preparePacket resolves and renders p, ready to be written, with
// RenderPacket's refusals.
func preparePacket(lib *Library, p *Packet, name string) (*pdf.PDF, Result, error) {
	doc, fit, probs := resolveForExport(lib, p, name)
	if probs.HasErrors() {
		return nil, newResult(layout.Info{}, probs, fit), probs.Errors()
	}
	prepared, info, err := pdf.Prepare(doc)
	if err != nil {
		if layout.IsTooManyPages(err) {
			pr := layoutProblem(name, err)
			return nil, newResult(info, append(probs, pr), fit), Problems{pr}
		}
		return nil, newResult(info, probs, fit), err
	}
	over := ""
	if pr, ok := pageLimitProblem(p, name, info.Pages); ok {
		pr = fitReport(pr, fit)
		probs, over = append(probs, pr), pr.Message
	}
	res := newResult(info, probs, fit)
	res.OverLimit = over
	return prepared, res, nil
}

// Export renders p and writes the PDF to out on fsys atomically: a failed
// export leaves no file, or the previous one, at out. When name is the
// packet's file, out may not be that file (NotOver). The PDF goes to the
// file as it is written out, not through a copy of it in memory. An out
// that is a device or a pipe (a terminal, /dev/stdout) is written
// directly (AllowStreams).
func Export(fsys afero.Fs, out string, lib *Library, p *Packet, name string) (Result, error) {
	pdf, res, err := preparePacket(lib, p, name)
	if err != nil {
		return res, err
	}
	if err := WriteFilesAtomic(fsys, []OutputFile{{Name: out, From: pdf}}, NotOver(name), AllowStreams()); err != nil {
		return res, err
	}
	return res, nil
}

// ExportTo renders p and writes the PDF to w (standard output) as it is
// produced, with Export's refusals. There is no file to keep whole: a
// failure part way leaves what was written before it.
func ExportTo(w io.Writer, lib *Library, p *Packet, name string) (Result, error) {
	pdf, res, err := preparePacket(lib, p, name)
	if err != nil {
		return res, err
	}
	if _, err := pdf.WriteTo(w); err != nil {
		return res, err
	}
	return res, nil
}

// RenderPacketDocx resolves p and writes it as a Word document into
// memory, from the same layout.Document as the PDF. It refuses, as
// RenderPacket does, when any problem is an Error. Word lays out its own
// pages, so there is no page count and no page-limit warning.
func RenderPacketDocx(lib *Library, p *Packet, name string) ([]byte, Result, error) {
	// The fitted document, as the PDF prints it: a staffer fitting a
	// memo to three pages sends the boss the same type and margins.
	doc, _, probs := resolveForExport(lib, p, name)
	if probs.HasErrors() {
		return nil, newResult(layout.Info{}, probs, nil), probs.Errors()
	}
	var buf bytes.Buffer
	if err := docx.WriteDocx(doc, &buf); err != nil {
		return nil, newResult(layout.Info{}, probs, nil), err
	}
	return buf.Bytes(), newResult(layout.Info{}, probs, nil), nil
}

// ExportDocx writes p as a Word document to out on fsys atomically, with
// the same guarantees as Export.
func ExportDocx(fsys afero.Fs, out string, lib *Library, p *Packet, name string) (Result, error) {
	data, res, err := RenderPacketDocx(lib, p, name)
	if err != nil {
		return res, err
	}
	if err := WriteFileAtomic(fsys, out, data, NotOver(name), AllowStreams()); err != nil {
		return res, err
	}
	return res, nil
}
