// Package cli is Briefsmith's command line: export, validate, new,
// templates and version. It is a thin front end over package briefing and
// touches files only through the afero.Fs it is given.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

// Exit statuses, as documented in the README.
const (
	ExitOK    = 0
	ExitInput = 1 // bad input: a packet, template or file problem
	ExitUsage = 2 // the command line itself is wrong
)

// Env is what a command may use of the outside world, so tests can run
// commands on memory with a fixed clock.
type Env struct {
	Fs     afero.Fs
	Stdout io.Writer
	Stderr io.Writer
	// TemplatesDir is the user templates folder used when --templates is
	// not given; empty means none.
	TemplatesDir string
	Now          func() time.Time
	// Signals makes Run catch SIGINT, SIGTERM and SIGHUP while it works:
	// the unfinished output is removed, files already in place stay as
	// they were, and the process exits with 128 plus the signal number,
	// as shells expect. Only the real process sets it; tests that run
	// commands in-process must not.
	Signals bool
	// OwnsGC lets a command tune the garbage collector for its one job;
	// only the real process sets it (see tuneGC).
	OwnsGC bool
}

// OSEnv is the real environment: the disk, the terminal and the clock.
func OSEnv() Env {
	return Env{Fs: afero.NewOsFs(), Stdout: os.Stdout, Stderr: os.Stderr,
		TemplatesDir: briefing.DefaultTemplatesDir(), Now: time.Now, Signals: true, OwnsGC: true}
}

// tuneGC sets the garbage collector for the export of p. A memo-sized
// export allocates about 34 MB, most of it fpdf's font tables, and is over
// in tens of milliseconds: collecting every few megabytes cost 9
// collections and about 4 ms of a 45 ms process, so it runs with GOGC 400.
// A longer packet's heap holds its whole document, and the default would
// let it grow to twice that before collecting: a soft memory limit of
// 32 MiB plus 24 KiB a section (above what such a document keeps live)
// holds the peak near what is live, 1,000 sections in 75 MiB instead of
// 90 for 10 % more time. Up to the 5,000-section cap the limit (149 MiB
// there) stays well above the most an export keeps live (about 95 MiB,
// since the PDF streams to its file), so the collector seldom has to work
// harder for it: the cap's peak goes from 203 MiB to 165 MiB for about
// 2 % more CPU and no measurable wall time; without the limit, the heap's
// headroom and fragmentation leave the peak at the 200 MiB target.
func tuneGC(env Env, p *briefing.Packet) {
	if !env.OwnsGC {
		return
	}
	percent, limit := gcSettings(p)
	if percent > 0 {
		debug.SetGCPercent(percent)
	}
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
}

// gcSettings is tuneGC's choice for p: a GOGC percentage and a soft memory
// limit in bytes (the limit also counting eight bytes for each byte of the
// packet's own text), zero for the default.
func gcSettings(p *briefing.Packet) (percent int, limit int64) {
	const small, text = 60, 64 << 10
	n := 0
	for _, s := range p.Sections {
		if s.Body != nil {
			n += len(*s.Body)
		}
	}
	if len(p.Sections) <= small && n <= text {
		return 400, 0
	}
	return 0, 32<<20 + int64(len(p.Sections))*24<<10 + int64(n)*8
}

// command is one subcommand.
type command struct {
	name, args, help string
	run              func(env Env, args []string) int
}

func commands() []command {
	return []command{
		{"export", "[PACKET] -o OUT.pdf [--audience A | --all-audiences] [--format " + strings.Join(exportFormats, "|") + "] [--fit] [--page-size letter|a4] [--lang TAG] [--set name=value]... [--templates DIR]",
			"render a packet (default: the built-in sample) to PDF, Word or Markdown", runExport},
		{"validate", "[PACKET] [--templates DIR]", "list every problem, one per line, file:line: message", runValidate},
		{"new", "-o PACKET [--audience staff|classroom|client]", "write a new packet with the built-in sections", runNew},
		{"import", "FILE.docx [-o PACKET] [--audience staff|classroom|client] [--force]", "make a new packet from a Word document: each Heading 1 starts a section", runImport},
		{"templates", "[--json] [--templates DIR]", "list the template library: id, kind, title, origin", runTemplates},
		{"version", "", "print the version", runVersion},
	}
}

// Run runs the command line args (without the program name) and returns
// the exit status.
func Run(args []string, env Env) int {
	if env.Signals {
		defer cleanUpOnSignal(env.Stderr)()
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "briefsmith: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return ExitUsage
}

// cleanUpOnSignal handles the signals that ask a command to stop, until
// the returned function is called. Without it the process would die with
// a save's temporary file (up to the size of the whole PDF) left beside
// the output. The handler never returns: it exits once the temporary
// files are gone.
func cleanUpOnSignal(stderr io.Writer) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			n := briefing.AbandonSaves()
			num := 0
			if s, ok := sig.(syscall.Signal); ok {
				num = int(s)
			}
			msg := fmt.Sprintf("briefsmith: stopped (%s)", sig)
			if n > 0 {
				msg += "; the unfinished output was removed and any file already there is unchanged"
			}
			fmt.Fprintln(stderr, msg)
			os.Exit(128 + num)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  briefsmith                 open the desktop app")
	for _, c := range commands() {
		fmt.Fprintf(w, "  briefsmith %s %s\n      %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "\nRun 'briefsmith COMMAND --help' for a command's flags.")
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(env Env, c string) *flag.FlagSet {
	fs := flag.NewFlagSet("briefsmith "+c, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	for _, cmd := range commands() {
		if cmd.name == c {
			fs.Usage = func() {
				fmt.Fprintf(env.Stderr, "Usage: briefsmith %s %s\n  %s\n\nFlags:\n", c, cmd.args, cmd.help)
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parse parses flags that may come before or after the positional
// arguments, which the standard flag package alone does not allow.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseStatus maps a flag parsing error to the exit status: --help is a
// success, anything else a usage error.
func parseStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	return ExitUsage
}

// setFlag collects repeated --set name=value flags.
type setFlag map[string]string

// String implements flag.Value; the default is empty.
func (s setFlag) String() string { return "" }

// Set implements flag.Value, taking one name=value.
func (s setFlag) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return fmt.Errorf("want name=value, got %q", v)
	}
	name = strings.TrimSpace(name)
	if briefing.IsBuiltinVariable(name) {
		return fmt.Errorf("%s is one of the packet's own settings, not a variable: change it in the packet (the app's Settings tab)", name)
	}
	s[name] = value
	return nil
}

// loadLibrary loads the built-ins and the user's templates, printing the
// broken ones as warnings: a bad file in the folder must not stop work.
func loadLibrary(env Env, dir string) (*briefing.Library, error) {
	lib, err := briefing.LoadLibrary(assets.Templates, env.Fs, dir)
	if err != nil {
		return nil, err
	}
	for _, p := range lib.Broken {
		p.Severity = briefing.Warning
		fmt.Fprintf(env.Stderr, "%s (template skipped)\n", p)
	}
	return lib, nil
}

// loadPacket reads the named packet, or the built-in sample when name is
// empty, returning the name to use in messages.
func loadPacket(env Env, name string) (*briefing.Packet, string, error) {
	if name == "" {
		p, err := briefing.DecodePacket("sample:"+assets.SampleName, assets.Sample())
		return p, "sample:" + assets.SampleName, err
	}
	p, err := briefing.LoadPacket(env.Fs, name)
	return p, name, err
}

func onePacketArg(env Env, cmd string, pos []string) (string, bool) {
	switch len(pos) {
	case 0:
		return "", true
	case 1:
		return pos[0], true
	}
	fmt.Fprintf(env.Stderr, "briefsmith %s: one packet at a time, got %d: %s\n", cmd, len(pos), printable(strings.Join(pos, " ")))
	return "", false
}

func fail(env Env, cmd string, err error) int {
	fmt.Fprintf(env.Stderr, "briefsmith %s: %s\n", cmd, errText(err))
	return ExitInput
}

// printable is text from outside (a file name, a template's title) made
// safe to print: a line break, an escape sequence or a bell in it is
// written as an escape, as problems print the names of packets, so it
// can neither act on the terminal nor forge a line of output.
func printable(s string) string { return briefing.PrintableText(s) }

// errText is an error as printed: problems one to a line, each already
// made safe by its String, anything else made safe whole (a message
// about a file names it).
func errText(err error) string {
	var probs briefing.Problems
	if errors.As(err, &probs) {
		return probs.Error()
	}
	return printable(err.Error())
}
