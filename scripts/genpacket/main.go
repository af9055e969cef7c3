// Command genpacket writes a staff packet of N sections, cycling through
// the built-in staff templates with cover and contents on: the large input
// for benchmarks and peer comparisons.
//
//	go run ./scripts/genpacket -n 1000 -o big.briefing
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefsmith/briefsmith/assets"
	"github.com/briefsmith/briefsmith/briefing"
	"github.com/spf13/afero"
)

func main() {
	n := flag.Int("n", 1000, "number of sections")
	out := flag.String("o", "big.briefing", "packet file to write")
	flag.Parse()
	lib, err := briefing.LoadLibrary(assets.Templates, nil, "")
	if err == nil {
		var p *briefing.Packet
		if p, err = briefing.DecodePacket("sample", assets.Sample()); err == nil {
			p = briefing.Synthetic(lib, p, *n)
			err = briefing.SavePacket(afero.NewOsFs(), *out, p)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genpacket:", err)
		os.Exit(1)
	}
}
