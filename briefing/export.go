package briefing

import (
	"bytes"
	"fmt"

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
}

// Analyze resolves and lays out p to count its pages and list its
// problems; the layout is the real one, so the count is the PDF's.
func Analyze(lib *Library, p *Packet, name string) Analysis {
	doc, probs := Resolve(lib, p, name)
	if probs.HasErrors() {
		return Analysis{Problems: probs}
	}
	info, err := Paginate(doc)
	if err != nil {
		return Analysis{Problems: append(probs, Problem{Severity: Error, Section: -1, File: name, Message: err.Error()})}
	}
	if pr, over := pageLimitProblem(p, name, info.Pages); over {
		probs = append(probs, pr)
	}
	return Analysis{Pages: info.Pages, Problems: probs}
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

// ExportResult says what an export produced and what to tell the user.
type ExportResult struct {
	Info RenderInfo
	// Warnings are problems that did not stop the export.
	Warnings Problems
}

// RenderPacket resolves and renders p into memory. It refuses, returning
// the problems as the error, when any problem is an Error.
func RenderPacket(lib *Library, p *Packet, name string) ([]byte, ExportResult, error) {
	doc, probs := Resolve(lib, p, name)
	if probs.HasErrors() {
		return nil, ExportResult{Warnings: probs}, probs.Errors()
	}
	var buf bytes.Buffer
	info, err := Render(doc, &buf)
	if err != nil {
		return nil, ExportResult{Warnings: probs}, err
	}
	if pr, over := pageLimitProblem(p, name, info.Pages); over {
		probs = append(probs, pr)
	}
	return buf.Bytes(), ExportResult{Info: info, Warnings: probs}, nil
}

// Export renders p and writes the PDF to out on fsys atomically: a failed
// export leaves no file, or the previous one, at out. When name is the
// packet's file, out may not be that file (NotOver).
func Export(fsys afero.Fs, out string, lib *Library, p *Packet, name string) (ExportResult, error) {
	pdf, res, err := RenderPacket(lib, p, name)
	if err != nil {
		return res, err
	}
	if err := WriteFileAtomic(fsys, out, pdf, NotOver(name)); err != nil {
		return res, err
	}
	return res, nil
}
