// Command maplint runs maplint's analyzers on Go packages.
//
//	maplint ./...                          report findings (exit 3 when there are some)
//	maplint -json ./...                    go/analysis JSON output (exit 0)
//	maplint -fix ./...                     apply suggested fixes (-diff to show them)
//	maplint -newmap=false ./...            switch an analyzer off
//	maplint -profile=cpu.pprof ./...       weigh loop findings by a CPU profile (docs/profile.md)
//	maplint -sarif ./... > maplint.sarif   SARIF 2.1.0 for code scanning (docs/sarif.md)
//	maplint -V                             print the module version and VCS revision
//	maplint -cache=false ./...             analyze every package again (results are cached; MAPLINT_CACHE=off)
//	maplint lsp                            language server on stdio (docs/editors.md)
//	go vet -vettool=$(command -v maplint) ./...
//	go fix -fixtool=$(command -v maplint) ./...
//
// Run "maplint help" for every flag.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/driver"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/internal/hot"
	"github.com/maplint/maplint/internal/lsp"
)

func main() {
	if err := goversion.Guard(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err) // one line, exit 1 (internal/goversion)
		os.Exit(1)
	}
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		os.Exit(lsp.Main(analyzers.All())) // settings come from the client
	}
	// Suite-wide flags, on flag.CommandLine before driver.Main
	// parses it (they also appear in -flags, so go vet passes them on).
	flag.StringVar(&hot.Config.Profile, "profile", "",
		"pprof CPU `file` that weighs hotmap and makecap findings (default: the default.pgo of the main packages linted; see docs/profile.md)")
	flag.Float64Var(&hot.Config.Threshold, "hot-threshold", hot.DefaultThreshold,
		"with a profile, drop loop findings whose variable grows in under this `percent` of CPU samples (0 keeps all)")
	hot.Config.Patterns = func() []string {
		args := flag.Args()
		if len(args) == 1 && strings.HasSuffix(args[0], ".cfg") {
			return nil // go vet: one package per process; pass -profile
		}
		return args
	}
	hot.Config.Fatal = func(err error) { log.Fatal(err) } // one line, exit 1
	hot.Config.Warn = func(msg string) { log.Print("warning: " + msg) }
	driver.Main(hot.WrapAll(analyzers.All()))
}
