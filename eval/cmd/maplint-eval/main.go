// Command maplint-eval is maplint's evaluation harness (issue 8): it
// prepares pinned sets of real Go code, runs maplint over them beside a
// no-op "floor" analyzer and peer linters, checks that maplint -fix keeps
// every set building and vetting, and writes a JSON result and a markdown
// table. See eval/README.md.
//
//	go run ./eval/cmd/maplint-eval prepare            # fetch the sets into the cache
//	go run ./eval/cmd/maplint-eval run                # full run, all sets, peers, fixes
//	go run ./eval/cmd/maplint-eval smoke              # std only, one run each, no peers (CI)
//	go run ./eval/cmd/maplint-eval precision          # precision from eval/verdicts/*.md
//	go run ./eval/cmd/maplint-eval speed std          # maplint vs the fact-free floor (issue 15)
//	go run ./eval/cmd/maplint-eval payoff -set pebble -pkg ./sstable -bench .  # what the fixes buy (issue 17)
//
// Run it from the repository root. It fails (exit 1) on any analyzer panic
// or error and on any fix that breaks a build.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

var (
	flagCache   = flag.String("cache", defaultCache(), "cache directory for sources, tools and scratch copies (outside the repository)")
	flagSets    = flag.String("sets", "", "comma-separated set names (default: all for prepare/run, std for smoke)")
	flagRuns    = flag.Int("runs", 3, "timed runs of the floor and of maplint per set (alternating)")
	flagFloor   = flag.Bool("floor", true, "time the no-op floor beside maplint (speed ratios)")
	flagPeers   = flag.Bool("peers", true, "also run prealloc and staticcheck")
	flagFix     = flag.Bool("fix", true, "check that maplint -fix keeps each set building and vetting")
	flagShare   = flag.Bool("share", true, "measure each analyzer's share in-process (maplint-share)")
	flagOut     = flag.String("out", "", "directory for result.json and result.md (default: <cache>/results/<date>)")
	flagVerdict = flag.String("verdicts", "eval/verdicts", "directory of verdict files")
	flagCurrent = flag.String("current", "", "precision: also tally only the judged findings still reported in these result.json files (comma-separated)")
	flagSample  = flag.Int("sample", 25, "findings per analyzer written to sample-<analyzer>.md for verdicts")
	flagQuick   = flag.Bool("quick-fix-check", false, "build and vet only the packages the fix changed (smoke default)")
	flagV       = flag.Bool("v", false, "verbose: print every command")
)

func defaultCache() string {
	if c := os.Getenv("MAPLINT_EVAL_CACHE"); c != "" {
		return c
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".cache", "maplint-eval")
	}
	return filepath.Join(os.TempDir(), "maplint-eval")
}

func usage() {
	fmt.Fprintf(os.Stderr, `usage: maplint-eval [flags] prepare|run|smoke|precision

  prepare    fetch every set (pinned versions) into -cache and check it loads
  run        measure every set: findings, floor vs maplint time and memory,
             peers, fix safety; writes result.json and result.md
  smoke      run -sets=std -runs=1 -floor=false -peers=false -share=false -quick-fix-check
  precision  print precision per analyzer from -verdicts
  speed      time maplint against the fact-free floor, alternating, and
             print the ratios (maplint-eval speed -h)
  payoff     profile a package's benchmarks, apply the hot and the cold
             fixes to copies, benchmark old vs each (maplint-eval payoff -h)

flags:
`)
	flag.PrintDefaults()
}

func main() {
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() > 0 && (flag.Arg(0) == "speed" || flag.Arg(0) == "payoff") {
		sub := speedMain
		if flag.Arg(0) == "payoff" {
			sub = payoffMain
		}
		if err := sub(flag.Args()[1:]); err != nil {
			fmt.Fprintf(os.Stderr, "maplint-eval: FAIL: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 1 {
		usage()
		os.Exit(2)
	}
	var err error
	switch cmd := flag.Arg(0); cmd {
	case "prepare":
		err = prepareAll(selectedSets(false))
	case "run":
		err = runAll(selectedSets(false), false)
	case "smoke":
		*flagRuns = 1
		*flagPeers = false
		*flagFloor = false
		*flagShare = false
		*flagQuick = true
		*flagSample = 0
		if *flagSets == "" {
			*flagSets = "std"
		}
		err = runAll(selectedSets(true), true)
	case "precision":
		var p map[string]*precision
		p, err = readVerdicts(*flagVerdict)
		if err == nil {
			printPrecision(os.Stdout, p)
		}
		if err == nil && *flagCurrent != "" {
			var keep func(analyzer, set, posn string) bool
			var sets []string
			keep, sets, err = currentFindings(strings.Split(*flagCurrent, ","))
			if err == nil {
				p, err = readVerdictsKept(*flagVerdict, keep)
			}
			if err == nil {
				fmt.Printf("\nOnly the judged findings that the runs in -current still report (sets %s):\n\n", strings.Join(sets, ", "))
				printPrecision(os.Stdout, p)
			}
		}
	default:
		usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "maplint-eval: FAIL: %v\n", err)
		os.Exit(1)
	}
}

func selectedSets(smoke bool) []set {
	if *flagSets == "" {
		return sets
	}
	var out []set
	for _, name := range strings.Split(*flagSets, ",") {
		s, ok := findSet(strings.TrimSpace(name))
		if !ok {
			fmt.Fprintf(os.Stderr, "maplint-eval: unknown set %q\n", name)
			os.Exit(2)
		}
		out = append(out, s)
	}
	return out
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "[maplint-eval] "+format+"\n", args...)
}

func machine() string {
	return fmt.Sprintf("%s/%s, %d cores", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
}
