// Command maplint-factload is the measurement prototype of issue 15's
// loading step: maplint's suite through go/analysis/checker on packages
// loaded like a fact-free linter (packages.LoadSyntax: roots from source,
// dependencies from export data), with newmap's facts computed by
// internal/factload. Its -json output has the shape of cmd/maplint's, so
// "maplint-eval speed -bin factload=<this binary>" times it beside
// maplint and the floor and checks that the findings are the same.
//
//	maplint-factload [-json] [-test=false] [-stats] [-own-facts-only] packages...
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/factload"
	"github.com/maplint/maplint/internal/hot"
)

var (
	jsonOut   = flag.Bool("json", false, "print findings as JSON (cmd/maplint's -json shape)")
	tests     = flag.Bool("test", true, "include test packages, like maplint's default")
	stats     = flag.Bool("stats", false, "print factload's counts to stderr")
	ownFacts  = flag.Bool("own-facts-only", false, "experiment: no fact crosses a package boundary")
	allFacts  = flag.Bool("all-deps", false, "experiment: analyze every dependency (no export-data filter)")
	cpuprof   = flag.String("cpuprofile", "", "write a CPU profile to `file`")
	threshold = flag.Float64("hot-threshold", hot.DefaultThreshold, "as maplint's")
)

func main() {
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("maplint-factload: ")
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	patterns := flag.Args()
	hot.Config.Threshold = *threshold
	hot.Config.Patterns = func() []string { return patterns }
	hot.Config.Fatal = func(err error) { log.Fatal(err) }
	as := hot.WrapAll(analyzers.All())

	pkgs, err := packages.Load(&packages.Config{Mode: factload.Mode, Tests: *tests}, patterns...)
	if err != nil {
		log.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		os.Exit(1)
	}
	opts := factload.Options{MayCarry: factload.MaplintMayCarry, OwnFactsOnly: *ownFacts}
	if *allFacts {
		opts.MayCarry = nil
	}
	p, err := factload.New(as, pkgs, opts)
	if err != nil {
		log.Fatal(err)
	}
	undo := p.Install()
	graph, err := checker.Analyze(as, pkgs, nil)
	undo()
	if err != nil {
		log.Fatal(err)
	}
	if *stats {
		fmt.Fprintf(os.Stderr, "factload: %+v\n", p.Stats())
	}
	if *jsonOut {
		if err := graph.PrintJSON(os.Stdout); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := graph.PrintText(os.Stderr, -1); err != nil {
		log.Fatal(err)
	}
}
