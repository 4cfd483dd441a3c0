package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The speed subcommand (issue 15) times any maplint binary against the
// fact-free floor: x/tools' multichecker with a no-op analyzer that
// requires inspect and declares no fact, so that the checker loads the
// root packages from source and every dependency from export data, as
// linters without facts do. Binaries run in turn on the same packages,
// -runs rounds; the table gives medians and their ratios to the floor.

const speedUsage = `usage: maplint-eval speed [flags] [packages]

Times the fact-free floor and maplint (built from this working tree, or
-maplint FILE) on the same packages, alternating, and prints the medians of
CPU (user+sys of the child and the go list it waits for), peak RSS
(ru_maxrss) and wall time, and their ratios to the floor's medians.

  maplint-eval speed std                               # GOROOT/src, pattern std
  maplint-eval speed -runs 5 go/... net/... encoding/...
  maplint-eval speed -set prometheus                   # a prepared set, its patterns
  maplint-eval speed -maplint /tmp/new/maplint -bin old=/tmp/old/maplint std
  maplint-eval speed -warm std                         # second runs: one untimed run first
  maplint-eval speed -clean ~/.cache/maplint std       # cold cache: remove it before each run

flags:
`

// speedBin is one binary in the alternation.
type speedBin struct {
	name, path string
	runs       []runStat
	findings   map[string]bool // analyzer \x00 posn \x00 message, from -json
	exitCodes  []int
}

func speedMain(args []string) error {
	fs := flag.NewFlagSet("speed", flag.ExitOnError)
	fs.Usage = func() { fmt.Fprint(os.Stderr, speedUsage); fs.PrintDefaults() }
	runs := fs.Int("runs", 3, "timed rounds (each binary once per round)")
	maplintBin := fs.String("maplint", "", "maplint binary to time (default: build ./cmd/maplint from the working tree)")
	floorBin := fs.String("floor", "", "floor binary (default: build ./eval/cmd/floor fact-free, with its inspect analyzer)")
	setName := fs.String("set", "", "time a set of the harness (its directory and patterns) instead of the packages given")
	dir := fs.String("C", "", "directory to run in (default: GOROOT/src for std and cmd patterns, else the current one)")
	warm := fs.Bool("warm", false, "run each binary once, untimed, before the timed rounds (warm caches)")
	clean := fs.String("clean", "", "remove this `directory` before every timed run (cold cache of a caching driver)")
	tests := fs.Bool("test", true, "pass -test (maplint's default) to every binary")
	var extra []string
	fs.Func("bin", "another `name=path` binary in the alternation (repeatable)", func(s string) error {
		if !strings.Contains(s, "=") {
			return fmt.Errorf("want name=path")
		}
		extra = append(extra, s)
		return nil
	})
	fs.Parse(args)
	patterns := fs.Args()
	runDir := *dir
	if *setName != "" {
		s, ok := findSet(*setName)
		if !ok {
			return fmt.Errorf("unknown set %q", *setName)
		}
		patterns, runDir = s.Patterns, setDir(s)
	}
	if len(patterns) == 0 {
		patterns = []string{"std"}
	}
	if runDir == "" {
		runDir = "."
		if slices.ContainsFunc(patterns, isGorootPattern) {
			runDir = filepath.Join(goroot(), "src")
		}
	}
	if *runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", *runs)
	}

	bin, err := os.MkdirTemp("", "maplint-speed-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(bin)
	bins, err := speedBins(bin, *floorBin, *maplintBin, extra)
	if err != nil {
		return err
	}

	env := goEnv()
	binArgs := append([]string{"-json", fmt.Sprintf("-test=%v", *tests)}, patterns...)
	commit := "?"
	if out, err := mustRun(".", os.Environ(), "git", "rev-parse", "--short", "HEAD"); err == nil {
		commit = strings.TrimSpace(string(out))
		if m, _ := run(".", os.Environ(), "git", "status", "--porcelain", "--untracked-files=no"); m != nil && len(bytes.TrimSpace(m.Stdout)) > 0 {
			commit += " (+ uncommitted changes)"
		}
	}
	// The floor's first run would otherwise pay for compiling the export
	// data (go list -export) that every later run finds in GOCACHE.
	listArgs := append([]string{"list", "-e", "-export", "-deps", fmt.Sprintf("-test=%v", *tests), "-f", "{{.ImportPath}}"}, patterns...)
	if _, err := mustRun(runDir, env, "go", listArgs...); err != nil {
		return err
	}
	load0 := loadavg()
	start := time.Now()
	if *warm {
		for _, b := range bins {
			logf("speed: warm-up run of %s", b.name)
			if _, err := run(runDir, env, b.path, binArgs...); err != nil {
				return err
			}
		}
	}
	for i := range *runs {
		for _, b := range bins {
			if *clean != "" {
				if err := os.RemoveAll(*clean); err != nil {
					return err
				}
			}
			m, err := run(runDir, env, b.path, binArgs...)
			if err != nil {
				return err
			}
			if crashed(m) {
				return fmt.Errorf("%s crashed:\n%s", b.name, tail(m.Stderr, 30))
			}
			st := stat(m)
			b.runs = append(b.runs, st)
			b.exitCodes = append(b.exitCodes, m.ExitCode)
			if b.findings == nil {
				b.findings = findingSet(m.Stdout, runDir)
			}
			logf("speed: round %d: %s cpu %.1fs rss %.0fMB wall %.1fs (load %s)", i+1, b.name, st.CPUSec, st.MaxRSSMB, st.WallSec, loadavg())
		}
	}
	printSpeed(os.Stdout, speedHeader{
		Date: start.UTC().Format("2006-01-02 15:04 UTC"), Commit: commit, Machine: machine(),
		Go: strings.TrimSpace(runtimeVersion()), Dir: runDir, Args: binArgs, Runs: *runs,
		Load: load0 + " → " + loadavg(), Warm: *warm, Clean: *clean,
	}, bins)
	return nil
}

// isGorootPattern reports whether p names standard-library or toolchain
// packages (std, cmd, net/..., encoding/json): no dot in its first element.
func isGorootPattern(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return first != "" && !strings.Contains(first, ".")
}

// speedBins builds the floor and maplint unless given, and lists the
// binaries in the order they run in each round.
func speedBins(dir, floor, maplint string, extra []string) ([]*speedBin, error) {
	env := goEnv()
	if floor == "" {
		floor = filepath.Join(dir, "floor")
		// facts=0: the checker loads dependencies from export data.
		// inspect=1: a second no-op analyzer requires inspect, so the
		// inspector is built on the root packages, as any x/tools-style
		// analyzer needs.
		if _, err := mustRun(".", env, "go", "build", "-ldflags", "-X main.facts=0 -X main.inspect=1", "-o", floor, "./eval/cmd/floor"); err != nil {
			return nil, fmt.Errorf("build floor (run from the repository root): %v", err)
		}
	}
	if maplint == "" {
		maplint = filepath.Join(dir, "maplint")
		if _, err := mustRun(".", env, "go", "build", "-o", maplint, "./cmd/maplint"); err != nil {
			return nil, fmt.Errorf("build maplint (run from the repository root): %v", err)
		}
	}
	bins := []*speedBin{{name: "floor", path: floor}, {name: "maplint", path: maplint}}
	for _, e := range extra {
		name, path, _ := strings.Cut(e, "=")
		bins = append(bins, &speedBin{name: name, path: path})
	}
	for _, b := range bins {
		abs, err := filepath.Abs(b.path)
		if err != nil {
			return nil, err
		}
		b.path = abs
	}
	return bins, nil
}

// findingSet is the deduplicated set of findings of a -json run (nil if
// the output is not the checker's JSON, e.g. the floor's empty objects).
func findingSet(out []byte, base string) map[string]bool {
	fs, _, err := parseDriverJSON(out, base)
	if err != nil {
		return nil
	}
	set := make(map[string]bool, len(fs))
	for _, f := range fs {
		set[f.Analyzer+"\x00"+f.Posn+"\x00"+f.Message] = true
	}
	return set
}

// speedRatios returns the ratios of x's medians (CPU, peak RSS, wall) to
// base's; 0 when base has no runs.
func speedRatios(base, x []runStat) (cpu, rss, wall float64) {
	bw, br := medians(base)
	xw, xr := medians(x)
	bc, xc := medianCPU(base), medianCPU(x)
	div := func(a, b float64) float64 {
		if b <= 0 {
			return 0
		}
		return a / b
	}
	return div(xc, bc), div(xr, br), div(xw, bw)
}

type speedHeader struct {
	Date, Commit, Machine, Go, Dir, Load, Clean string
	Args                                        []string
	Runs                                        int
	Warm                                        bool
}

func printSpeed(w io.Writer, h speedHeader, bins []*speedBin) {
	fmt.Fprintf(w, "## speed: %s\n\n", strings.Join(h.Args, " "))
	fmt.Fprintf(w, "- date: %s; maplint commit %s; %s; %s\n", h.Date, h.Commit, h.Go, h.Machine)
	fmt.Fprintf(w, "- in %s; %d timed round(s), binaries alternating", h.Dir, h.Runs)
	if h.Warm {
		fmt.Fprint(w, ", after one untimed run of each (warm)")
	}
	if h.Clean != "" {
		fmt.Fprintf(w, ", %s removed before every run (cold)", h.Clean)
	}
	fmt.Fprintf(w, "\n- load average before → after: %s\n\n", h.Load)
	fmt.Fprintln(w, "| binary | CPU (median) | peak RSS (median) | wall (median) | **CPU / floor** | **RSS / floor** | wall / floor | findings | runs (CPU s / RSS MB) |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---|---|")
	floor := bins[0]
	var ref *speedBin // the first binary with findings: the others are compared with it
	for _, b := range bins {
		_, mr := medians(b.runs)
		mw, _ := medians(b.runs)
		cpu, rss, wall := speedRatios(floor.runs, b.runs)
		rs := make([]string, 0, len(b.runs))
		for _, r := range b.runs {
			rs = append(rs, fmt.Sprintf("%.1f / %.0f", r.CPUSec, r.MaxRSSMB))
		}
		fnd := "–"
		if b != floor && b.findings != nil {
			fnd = fmt.Sprint(len(b.findings))
			if ref == nil {
				ref = b
			} else {
				fnd += " (" + compareFindings(ref, b) + ")"
			}
		}
		if slices.ContainsFunc(b.exitCodes, func(c int) bool { return c != 0 }) {
			fnd += fmt.Sprintf("; exit codes %v", b.exitCodes)
		}
		fmt.Fprintf(w, "| %s | %.1f s | %.0f MB | %.1f s | %s | %s | %s | %s | %s |\n",
			b.name, medianCPU(b.runs), mr, mw, ratio(cpu), ratio(rss), ratio(wall), fnd, strings.Join(rs, ", "))
	}
}

// compareFindings says whether b reports exactly ref's findings.
func compareFindings(ref, b *speedBin) string {
	var only, missing int
	for k := range b.findings {
		if !ref.findings[k] {
			only++
		}
	}
	for k := range ref.findings {
		if !b.findings[k] {
			missing++
		}
	}
	if only == 0 && missing == 0 {
		return "same as " + ref.name
	}
	return fmt.Sprintf("DIFFERS from %s: %d more, %d missing", ref.name, only, missing)
}
