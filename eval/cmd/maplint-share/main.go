// Command maplint-share measures what each analyzer of the maplint suite
// costs on a set of packages, in one process: it loads the packages the
// way the checker does (go/packages, tests included, all syntax only when
// the suite uses facts), runs every analyzer of analyzers.All() with
// checker.Analyze sequentially, and prints a JSON object with the load
// time and the time spent in each analyzer (its own actions, prerequisites
// such as inspect counted under their own names).
//
//	maplint-share [-cpuprofile f] [-memprofile f] [-only a,b] packages...
//
// It is part of the evaluation harness (eval/README.md); -cpuprofile is
// how the analyzers are profiled on the largest set.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/suite"
)

var (
	cpuprofile = flag.String("cpuprofile", "", "write a CPU profile of the analysis phase (not loading) to this file")
	memprofile = flag.String("memprofile", "", "write an allocation profile after the analysis to this file")
	only       = flag.String("only", "", "comma-separated analyzer names (default: all)")
	tests      = flag.Bool("test", true, "include test packages, like maplint's default")
)

type result struct {
	Packages        int                `json:"packages"`
	LoadSeconds     float64            `json:"load_seconds"`
	AnalysisSeconds float64            `json:"analysis_seconds"`
	Analyzers       map[string]float64 `json:"analyzers"` // seconds per analyzer (own actions)
	Errors          []string           `json:"errors,omitempty"`
	AllocMB         float64            `json:"alloc_mb_during_analysis"`
}

func main() {
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("maplint-share: ")
	as := analyzers.All()
	if *only != "" {
		want := map[string]bool{}
		for _, n := range strings.Split(*only, ",") {
			want[n] = true
		}
		var sel []*analysis.Analyzer
		for _, a := range as {
			if want[a.Name] {
				sel = append(sel, a)
			}
		}
		as = sel
	}
	res := result{Analyzers: map[string]float64{}}
	if len(as) == 0 {
		json.NewEncoder(os.Stdout).Encode(res)
		return
	}

	mode := packages.LoadSyntax
	if suite.NeedFacts(as) {
		mode = packages.LoadAllSyntax
	}
	start := time.Now()
	pkgs, err := packages.Load(&packages.Config{Mode: mode | packages.NeedModule, Tests: *tests}, flag.Args()...)
	if err != nil {
		log.Fatal(err)
	}
	res.LoadSeconds = time.Since(start).Seconds()
	res.Packages = len(pkgs)

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
	}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	start = time.Now()
	graph, err := checker.Analyze(as, pkgs, &checker.Options{Sequential: true})
	res.AnalysisSeconds = time.Since(start).Seconds()
	runtime.ReadMemStats(&ms1)
	res.AllocMB = float64(ms1.TotalAlloc-ms0.TotalAlloc) / (1 << 20)
	if *cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		log.Fatal(err)
	}
	for act := range graph.All() {
		res.Analyzers[act.Analyzer.Name] += act.Duration.Seconds()
		if act.Err != nil {
			res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", act, act.Err))
		}
	}
	sort.Strings(res.Errors)
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
		f.Close()
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(res)
}
