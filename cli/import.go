package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/briefing"
)

// runImport makes a new packet from a Word document: each Heading 1
// starts a section; what has no place in section text is listed as a
// warning, by kind, section and paragraph.
func runImport(env Env, args []string) int {
	fs := newFlags(env, "import")
	out := fs.String("o", "", "write the packet to `PACKET` (default: the document's name with .briefing)")
	audience := fs.String("audience", string(briefing.Staff), "who it is for: "+briefing.AudienceNames(", "))
	force := fs.Bool("force", false, "replace PACKET if it exists")
	pos, err := parse(fs, args)
	if err != nil {
		return parseStatus(err)
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, "briefsmith import: usage: briefsmith import FILE.docx [-o PACKET] [--audience staff|classroom|client]")
		return ExitUsage
	}
	aud, ok := audienceFlag(env, "import", *audience)
	if !ok {
		return ExitUsage
	}
	in := pos[0]
	if *out == "" {
		*out = strings.TrimSuffix(in, filepath.Ext(in)) + briefing.PacketExt
	}
	if strings.EqualFold(filepath.Ext(*out), ".docx") {
		fmt.Fprintf(env.Stderr, "briefsmith import: -o %s ends in .docx; the packet is a %s file\n", printable(*out), briefing.PacketExt)
		return ExitUsage
	}
	if _, err := env.Fs.Stat(*out); err == nil && !*force {
		return fail(env, "import", fmt.Errorf("%s already exists; choose another name with -o, or add --force", *out))
	}
	res, err := briefing.ImportWord(env.Fs, in, aud, env.Now().Format("2006-01-02"), briefing.Defaults{})
	if err != nil {
		return fail(env, "import", err)
	}
	for _, w := range res.LeftOut {
		fmt.Fprintln(env.Stderr, printable(w.String()))
	}
	if err := briefing.SavePacket(env.Fs, *out, res.Packet); err != nil {
		return fail(env, "import", err)
	}
	fmt.Fprintf(env.Stdout, "%s: %d sections from %s\n", printable(*out), len(res.Packet.Sections), printable(in))
	return ExitOK
}
