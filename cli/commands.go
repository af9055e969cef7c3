package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"text/tabwriter"

	"github.com/briefsmith/briefsmith/briefing"
	"github.com/briefsmith/briefsmith/render/markdown"
	"github.com/spf13/afero"
)

func runExport(env Env, args []string) int {
	fs := newFlags(env, "export")
	out := fs.String("o", "", "write to `OUT.pdf` (or OUT.docx, OUT.md; - for standard output; required)")
	pageSize := fs.String("page-size", "", "override the packet's page size: "+briefing.PageSizeNames(" or "))
	audience := fs.String("audience", "", "override the packet's audience: "+briefing.AudienceNames(", "))
	lang := langFlag{}
	fs.Var(&lang, "lang", "override the packet's language, a `TAG` such as en-US or fr-CA")
	all := fs.Bool("all-audiences", false, "write one PDF (or Word document) per audience into the folder -o names")
	format := fs.String("format", "", "output format: pdf, docx for a Word document, or md for one Markdown file (default: by the -o name's ending, .docx or .md, otherwise pdf)")
	tdir := fs.String("templates", env.TemplatesDir, "user templates `DIR`")
	sets := setFlag{}
	fs.Var(sets, "set", "set a variable, `name=value` (repeatable)")
	fit := fs.Bool("fit", false, "tighten the layout (leading, spacing, margins, type by at most 0.5 pt) to fit the packet's page limit, and say what changed")
	pos, err := parse(fs, args)
	if err != nil {
		return parseStatus(err)
	}
	name, ok := onePacketArg(env, "export", pos)
	if !ok {
		return ExitUsage
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "briefsmith export: -o OUT.pdf is required (with --all-audiences, -o DIR)")
		return ExitUsage
	}
	if _, ok := briefing.ParseAudience(*audience); *audience != "" && !ok {
		fmt.Fprintf(env.Stderr, "briefsmith export: --audience must be one of %s, not %q\n", briefing.AudienceNames(", "), *audience)
		return ExitUsage
	}
	if *format == "" {
		// A Word document or Markdown is asked for by its name, as a
		// user names the file they want ("-o notes.md").
		*format = "pdf"
		switch ext := filepath.Ext(*out); {
		case *all:
		case strings.EqualFold(ext, ".docx"):
			*format = "docx"
		case strings.EqualFold(ext, ".md"):
			*format = "md"
		}
	}
	if _, ok := formatNames[*format]; !ok {
		fmt.Fprintf(env.Stderr, "briefsmith export: --format must be pdf, docx or md, not %q\n", *format)
		return ExitUsage
	}
	if *format == "md" && *all {
		fmt.Fprintln(env.Stderr, "briefsmith export: --all-audiences writes PDFs or Word documents only")
		return ExitUsage
	}
	if *out == stdoutName && *all {
		fmt.Fprintln(env.Stderr, "briefsmith export: --all-audiences writes one file per audience into the folder -o names; -o - (standard output) takes one document")
		return ExitUsage
	}
	if *all && *audience != "" {
		fmt.Fprintln(env.Stderr, "briefsmith export: --audience and --all-audiences cannot be used together")
		return ExitUsage
	}
	if lang.set {
		tag, err := briefing.ParseLanguage(lang.tag)
		switch {
		case strings.TrimSpace(lang.tag) == "":
			fmt.Fprintf(env.Stderr, "briefsmith export: --lang needs %s\n", briefing.LanguageExamples)
			return ExitUsage
		case err != nil:
			fmt.Fprintf(env.Stderr, "briefsmith export: --lang %s: write %s\n", err, briefing.LanguageExamples)
			return ExitUsage
		}
		lang.tag = tag
	}
	if *pageSize != "" && !briefing.PageSize(*pageSize).Valid() {
		fmt.Fprintf(env.Stderr, "briefsmith export: --page-size must be %s, not %q\n", briefing.PageSizeNames(" or "), *pageSize)
		return ExitUsage
	}
	if msg := outputNameProblem(env, name, *out, *format, *all); msg != "" {
		fmt.Fprintln(env.Stderr, "briefsmith export: "+printable(msg))
		return ExitInput
	}
	lib, err := loadLibrary(env, *tdir)
	if err != nil {
		return fail(env, "export", err)
	}
	p, pname, err := loadPacket(env, name)
	if err != nil {
		return fail(env, "export", err)
	}
	if *pageSize != "" {
		p.Style.PageSize = briefing.PageSize(*pageSize)
	}
	if *audience != "" {
		p.PrintFor(briefing.Audience(*audience))
	}
	if lang.set {
		p.Language = lang.tag
	}
	if *fit {
		p.Style.FitToLimit = true
	}
	warnUnusedSets(env, lib, p, sets)
	for k, v := range sets {
		p.Variables[k] = v
	}
	tuneGC(env, p)
	if *all {
		return exportAll(env, lib, p, pname, name, *out, *format)
	}
	if *format == "md" {
		return exportMarkdown(env, lib, p, pname, name, *out)
	}
	export := briefing.Export
	if *format == "docx" {
		export = briefing.ExportDocx
	}
	if *out == stdoutName {
		export = func(_ afero.Fs, _ string, lib *briefing.Library, p *briefing.Packet, name string) (briefing.Result, error) {
			return exportToStdout(env, lib, p, name, *format)
		}
	}
	said := successTo(env, *out)
	res, err := export(env.Fs, *out, lib, p, pname)
	if res.Fit != nil {
		fmt.Fprintln(env.Stderr, "briefsmith export: fit: "+res.Fit.Report)
	} else if *fit && p.PageLimit <= 0 && *format == "pdf" {
		// Saying nothing would look like a fit that changed nothing.
		fmt.Fprintln(env.Stderr, "briefsmith export: fit: the packet has no page limit; nothing to fit")
	}
	for _, w := range res.Warnings {
		if w.Severity == briefing.Warning {
			fmt.Fprintln(env.Stderr, w)
		}
	}
	if err != nil {
		var probs briefing.Problems
		if errors.As(err, &probs) {
			for _, pr := range probs {
				fmt.Fprintln(env.Stderr, pr)
			}
			fmt.Fprintf(env.Stderr, "briefsmith export: nothing written: %d error(s)\n", len(probs))
			return ExitInput
		}
		return fail(env, "export", err)
	}
	if *format == "docx" {
		fmt.Fprintf(said, "%s: Word document\n", printable(outputName(*out)))
	} else {
		fmt.Fprintf(said, "%s: %d pages\n", printable(outputName(*out)), res.Info.Pages)
	}
	return ExitOK
}

// stdoutName is what -o takes for standard output, as most tools do.
const stdoutName = "-"

// exportToStdout writes the packet as a PDF or (format "docx") a Word
// document to standard output.
func exportToStdout(env Env, lib *briefing.Library, p *briefing.Packet, name, format string) (briefing.Result, error) {
	if format == "docx" {
		data, res, err := briefing.RenderPacketDocx(lib, p, name)
		if err != nil {
			return res, err
		}
		return res, stdoutError(writeAll(env.Stdout, data))
	}
	w := &watchedWriter{w: env.Stdout}
	res, err := briefing.ExportTo(w, lib, p, name)
	if w.err != nil {
		return res, stdoutError(w.err) // made, but not written
	}
	return res, err
}

// watchedWriter keeps the first error writing to w, to tell a failure to
// write from a failure to make what is written.
type watchedWriter struct {
	w   io.Writer
	err error
}

func (ww *watchedWriter) Write(p []byte) (int, error) {
	n, err := ww.w.Write(p)
	if err != nil && ww.err == nil {
		ww.err = err
	}
	return n, err
}

func writeAll(w io.Writer, data []byte) error {
	_, err := w.Write(data)
	return err
}

// stdoutError says in words that standard output could not be written.
func stdoutError(err error) error {
	if err == nil {
		return nil
	}
	why := briefing.PlainFileError(err).Error()
	if errors.Is(err, syscall.EPIPE) {
		why = "the program reading it stopped reading"
	}
	return fmt.Errorf("standard output could not be written: %s", why)
}

// successTo is where the line saying what was written goes: standard
// error when the document itself goes to standard output, or to a device
// or pipe that may be it (-o /dev/stdout), so the line never lands in
// the middle of what a pipe carries; standard output otherwise.
func successTo(env Env, out string) io.Writer {
	if out == stdoutName {
		return env.Stderr
	}
	if info, err := env.Fs.Stat(out); err == nil && (info.Mode()&os.ModeNamedPipe != 0 || info.Mode()&os.ModeCharDevice != 0) {
		return env.Stderr
	}
	return env.Stdout
}

// outputName is how the success line names an output.
func outputName(out string) string {
	if out == stdoutName {
		return "standard output"
	}
	return out
}

// formatNames are the export formats, as --format takes them, and how
// messages call what each writes; exportFormats lists them in the order
// usage lines give them.
var (
	formatNames   = map[string]string{"pdf": "a PDF", "docx": "a Word document", "md": "Markdown"}
	exportFormats = []string{"pdf", "docx", "md"}
)

// exportAll renders the packet once per audience, as PDFs or (format
// "docx") Word documents, and writes them only when every one rendered,
// as one set: a failure at any step, rendering or writing, leaves no
// half-set behind and earlier exports as they were.
func exportAll(env Env, lib *briefing.Library, p *briefing.Packet, pname, name, dir, format string) int {
	renderPacket := briefing.RenderPacket
	if format == "docx" {
		renderPacket = briefing.RenderPacketDocx
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if name == "" {
		base = briefing.SlugID(p.Title)
	}
	type result struct {
		path  string
		pdf   []byte
		pages int
	}
	var done []result
	failed := false
	for _, a := range briefing.Audiences() {
		c := p.Clone()
		c.PrintFor(a)
		pdf, res, err := renderPacket(lib, c, pname+" ("+string(a)+")")
		for _, w := range res.Warnings {
			if w.Severity == briefing.Warning {
				fmt.Fprintln(env.Stderr, w)
			}
		}
		if err != nil {
			failed = true
			fmt.Fprintf(env.Stderr, "briefsmith export: %s: %s\n", a, errText(err))
			continue
		}
		done = append(done, result{filepath.Join(dir, base+"-"+string(a)+"."+format), pdf, res.Info.Pages})
	}
	if failed {
		fmt.Fprintln(env.Stderr, "briefsmith export: nothing written")
		return ExitInput
	}
	files := make([]briefing.OutputFile, len(done))
	for i, r := range done {
		files[i] = briefing.OutputFile{Name: r.path, Data: r.pdf}
	}
	if err := briefing.WriteFilesAtomic(env.Fs, files, briefing.NotOver(name)); err != nil {
		fmt.Fprintf(env.Stderr, "briefsmith export: %s\nNothing was written.\n", errText(err))
		return ExitInput
	}
	for _, r := range done {
		if format == "docx" {
			fmt.Fprintf(env.Stdout, "%s: Word document\n", printable(r.path))
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: %d pages\n", printable(r.path), r.pages)
	}
	return ExitOK
}

// exportMarkdown writes the packet as one Markdown file, atomically.
func exportMarkdown(env Env, lib *briefing.Library, p *briefing.Packet, pname, name, out string) int {
	doc, probs := briefing.Resolve(lib, p, pname)
	for _, pr := range probs {
		fmt.Fprintln(env.Stderr, pr)
	}
	if probs.HasErrors() {
		fmt.Fprintf(env.Stderr, "briefsmith export: nothing written: %d error(s)\n", len(probs.Errors()))
		return ExitInput
	}
	var buf bytes.Buffer
	if err := markdown.WriteMarkdown(&buf, doc); err != nil {
		return fail(env, "export", err)
	}
	said := successTo(env, out)
	if out == stdoutName {
		if err := writeAll(env.Stdout, buf.Bytes()); err != nil {
			return fail(env, "export", stdoutError(err))
		}
	} else if err := briefing.WriteFileAtomic(env.Fs, out, buf.Bytes(), briefing.NotOver(name), briefing.AllowStreams()); err != nil {
		return fail(env, "export", err)
	}
	n := 0
	for _, s := range doc.Sections {
		if s.Index >= 0 { // not the Sources the document adds
			n++
		}
	}
	fmt.Fprintf(said, "%s: %d sections\n", printable(outputName(out)), n)
	return ExitOK
}

func runValidate(env Env, args []string) int {
	fs := newFlags(env, "validate")
	tdir := fs.String("templates", env.TemplatesDir, "user templates `DIR`")
	pos, err := parse(fs, args)
	if err != nil {
		return parseStatus(err)
	}
	name, ok := onePacketArg(env, "validate", pos)
	if !ok {
		return ExitUsage
	}
	lib, err := loadLibrary(env, *tdir)
	if err != nil {
		return fail(env, "validate", err)
	}
	p, pname, err := loadPacket(env, name)
	if err != nil {
		fmt.Fprintln(env.Stdout, errText(err))
		return ExitInput
	}
	probs := briefing.Validate(lib, p, pname)
	for _, pr := range probs {
		fmt.Fprintln(env.Stdout, pr)
	}
	errs := len(probs.Errors())
	fmt.Fprintf(env.Stderr, "%d error(s), %d warning(s)\n", errs, len(probs)-errs)
	if errs > 0 {
		return ExitInput
	}
	return ExitOK
}

func runNew(env Env, args []string) int {
	fs := newFlags(env, "new")
	out := fs.String("o", "", "write the new packet to `PACKET` (required)")
	audience := fs.String("audience", string(briefing.Staff), "who it is for: "+briefing.AudienceNames(", "))
	force := fs.Bool("force", false, "replace PACKET if it exists")
	pos, err := parse(fs, args)
	if err != nil {
		return parseStatus(err)
	}
	if len(pos) > 0 || *out == "" {
		fmt.Fprintln(env.Stderr, "briefsmith new: usage: briefsmith new -o PACKET [--audience staff|classroom|client]")
		return ExitUsage
	}
	aud, ok := audienceFlag(env, "new", *audience)
	if !ok {
		return ExitUsage
	}
	if _, err := env.Fs.Stat(*out); err == nil && !*force {
		return fail(env, "new", fmt.Errorf("%s already exists; choose another name or add --force", *out))
	}
	lib, err := loadLibrary(env, env.TemplatesDir)
	if err != nil {
		return fail(env, "new", err)
	}
	p := briefing.NewPacketFor(lib, aud, env.Now().Format("2006-01-02"), briefing.Defaults{})
	if err := briefing.SavePacket(env.Fs, *out, p); err != nil {
		return fail(env, "new", err)
	}
	fmt.Fprintf(env.Stdout, "%s: new %s packet with %d sections\n", printable(*out), *audience, len(p.Sections))
	return ExitOK
}

func runTemplates(env Env, args []string) int {
	fs := newFlags(env, "templates")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	tdir := fs.String("templates", env.TemplatesDir, "user templates `DIR`")
	pos, err := parse(fs, args)
	if err != nil {
		return parseStatus(err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "briefsmith templates: unexpected argument %q\n", pos[0])
		return ExitUsage
	}
	lib, err := loadLibrary(env, *tdir)
	if err != nil {
		return fail(env, "templates", err)
	}
	ts := lib.Templates()
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ts); err != nil {
			return fail(env, "templates", err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tTITLE\tORIGIN")
	for _, t := range ts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.ID, t.Kind, printable(t.Title), printable(t.Origin))
	}
	if err := tw.Flush(); err != nil {
		return fail(env, "templates", err)
	}
	return ExitOK
}

func runVersion(env Env, args []string) int {
	if len(args) > 0 && args[0] != "--help" && args[0] != "-h" {
		fmt.Fprintf(env.Stderr, "briefsmith version: unexpected argument %q\n", args[0])
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "briefsmith %s\n", briefing.Version)
	return ExitOK
}

// outputNameProblem refuses output names that would surprise: a PDF
// written over another packet (export replaced other.briefing without a
// word), a folder for --all-audiences named like an output file, and a
// name whose ending says another format than the one written (a PDF
// called report.docx would not open in Word). "" when the name is fine;
// writing over the packet being read is refused later, by Export.
func outputNameProblem(env Env, input, out, format string, all bool) string {
	if out == stdoutName {
		return ""
	}
	ext := strings.ToLower(filepath.Ext(out))
	_, known := formatNames[strings.TrimPrefix(ext, ".")]
	switch {
	case all && known:
		return fmt.Sprintf("%s looks like a file name, but with --all-audiences -o names the folder the files go into", out)
	case !all && known && ext != "."+format:
		return fmt.Sprintf("%s ends in %s, but this export writes %s; end the name in .%s", out, ext, formatNames[format], format)
	}
	if all || sameFile(env, input, out) {
		return ""
	}
	// Only a regular file can be a packet; a pipe would block the open.
	if info, err := env.Fs.Stat(out); err != nil || !info.Mode().IsRegular() {
		return ""
	}
	f, err := env.Fs.OpenFile(out, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if briefing.LooksLikePacket(head[:n]) {
		return fmt.Sprintf("%s is a Briefsmith packet; the export would replace it. Choose a name ending in .%s", out, format)
	}
	return ""
}

// sameFile reports whether a and b name one file, as far as can be told
// here (Export checks more carefully before writing).
func sameFile(env Env, a, b string) bool {
	if a == "" {
		return false
	}
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ia, err1 := env.Fs.Stat(a)
	ib, err2 := env.Fs.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// warnUnusedSets warns about --set names no included section uses: a typo
// there would otherwise vanish without a word.
func warnUnusedSets(env Env, lib *briefing.Library, p *briefing.Packet, sets setFlag) {
	declared := map[string]bool{}
	for _, v := range briefing.Declared(lib, p) {
		declared[v.Name] = true
	}
	names := make([]string, 0, len(sets))
	for k := range sets {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !declared[k] {
			fmt.Fprintf(env.Stderr, "briefsmith export: warning: --set %s: no section in this packet uses a variable named %q, so it changes nothing\n", printable(k), k)
		}
	}
}

// langFlag is --lang: whether it was given at all matters, since an empty
// tag given on purpose is refused rather than taken as "no override".
type langFlag struct {
	tag string
	set bool
}

func (f *langFlag) String() string { return f.tag }

func (f *langFlag) Set(v string) error {
	f.tag, f.set = v, true
	return nil
}

// audienceFlag reads an --audience value for cmd, saying what it must be
// when it is none of them.
func audienceFlag(env Env, cmd, value string) (briefing.Audience, bool) {
	aud, ok := briefing.ParseAudience(value)
	if !ok {
		fmt.Fprintf(env.Stderr, "briefsmith %s: --audience must be one of %s, not %q\n", cmd, briefing.AudienceNames(", "), value)
	}
	return aud, ok
}
