// Command maplint-factload is the measurement prototype of issue 15's
// loading step: maplint's suite through go/analysis/checker on packages
// loaded like a fact-free linter (packages.LoadSyntax: roots from source,
// dependencies from export data), with newmap's facts computed by
// internal/factload. Its -json output has the shape of cmd/maplint's, so
// "maplint-eval speed -bin factload=<this binary>" times it beside
// maplint and the floor and checks that the findings are the same.
//
//	maplint-factload [-json] [-test=false] [-stats] [-cache dir] [-own-facts-only] packages...
//
// -cache defaults to $MAPLINT_FACTLOAD_CACHE, so that the speed script
// (which passes every binary the same flags) can time it cold (-clean
// that directory) and warm.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"

	"golang.org/x/tools/go/analysis"
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
	carriers  = flag.Bool("carriers", false, "measurement: load the packages from export data and list those that could carry a newmap fact")
	cacheDir  = flag.String("cache", os.Getenv("MAPLINT_FACTLOAD_CACHE"), "keep dependency facts across runs in this `directory` (default $MAPLINT_FACTLOAD_CACHE)")
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

	if *carriers {
		listCarriers(as, patterns)
		return
	}
	pkgs, err := packages.Load(&packages.Config{Mode: factload.Mode, Tests: *tests}, patterns...)
	if err != nil {
		log.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		os.Exit(1)
	}
	opts := factload.Options{MayCarry: factload.MaplintMayCarry, OwnFactsOnly: *ownFacts, CacheDir: *cacheDir}
	if *allFacts {
		opts.MayCarry = nil
	}
	p, err := factload.New(as, pkgs, opts)
	if err != nil {
		log.Fatal(err)
	}
	graph, err := checker.Analyze(p.Analyzers(), pkgs, nil)
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

// listCarriers prints, for the packages matched (no test variants), which
// ones declare in their export data a function that could carry a fact.
func listCarriers(as []*analysis.Analyzer, patterns []string) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, patterns...)
	if err != nil {
		log.Fatal(err)
	}
	var facts []*analysis.Analyzer
	for _, a := range as {
		for _, r := range a.Requires {
			if len(r.FactTypes) > 0 {
				facts = append(facts, r)
			}
		}
	}
	n := 0
	for _, pkg := range pkgs {
		if pkg.Types != nil && factload.PackageMayCarry(pkg.Types, facts, factload.MaplintMayCarry) {
			n++
			fmt.Println(pkg.PkgPath)
		}
	}
	fmt.Fprintf(os.Stderr, "%d of %d packages could carry a fact\n", n, len(pkgs))
}
