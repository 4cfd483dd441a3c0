// Package driver is maplint's standalone command-line driver: it loads
// packages with go/packages, runs the analyzers with go/analysis/checker,
// and prints text, JSON or SARIF, or applies fixes safely. Invoked by the
// go command (go vet -vettool, go fix -fixtool: the -flags query and a
// single .cfg argument), it hands over to x/tools' multichecker, whose
// unitchecker speaks that protocol.
//
// The text and JSON output, flags and exit codes are multichecker's; what
// differs is -fix (atomic writes, only inside the main modules, CRLF and
// BOM kept, -fix -json), a correct -diff, -sarif and -V.
package driver

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/packages"
)

// Main is the command: it parses os.Args with flag.CommandLine (flags the
// caller registered there, such as -profile, are part of it) and exits.
func Main(analyzers []*analysis.Analyzer) {
	progname := filepath.Base(os.Args[0])
	log.SetFlags(0)
	log.SetPrefix(progname + ": ")

	flag.Var(versionFlag{}, "V", versionUsage) // before multichecker's, which then keeps it
	if vetMode(os.Args[1:]) {
		multichecker.Main(analyzers...)
		panic("unreachable")
	}

	if err := analysis.Validate(analyzers); err != nil {
		log.Fatal(err)
	}
	var f Flags
	enabled := register(flag.CommandLine, analyzers, &f)
	flag.Parse()

	args := flag.Args()
	if len(args) == 0 {
		fmt.Fprintf(os.Stderr, `%[1]s is a tool for static analysis of Go programs.

Usage: %[1]s [-flag] [package]

Run '%[1]s help' for more detail,
 or '%[1]s help name' for details and flags of a specific analyzer.
`, progname)
		os.Exit(1)
	}
	if args[0] == "help" {
		help(progname, analyzers, args[1:])
		os.Exit(0)
	}
	os.Exit(Run(args, selectAnalyzers(analyzers, enabled), f))
}

// vetMode reports whether the go command runs maplint as a vet or fix
// tool: it asks for -flags, or passes one .cfg file describing a package.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "--" {
			break
		}
		switch strings.TrimLeft(a, "-") {
		case "flags", "flags=true", "flags=1":
			return strings.HasPrefix(a, "-")
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Run analyzes the packages matching patterns and reports as f says. It
// returns the exit code: 0 clean, 3 findings (0 with -json or -sarif), 1
// errors.
func Run(patterns []string, analyzers []*analysis.Analyzer, f Flags) (exitcode int) {
	exitAtLeast := func(code int) { exitcode = max(exitcode, code) }
	if f.Verbose && !strings.Contains(f.Debug, "v") {
		f.Debug += "v"
	}
	dbg := func(b byte) bool { return strings.IndexByte(f.Debug, b) >= 0 }
	stop, err := startProfiles(f)
	defer stop()
	if err != nil {
		log.Print(err)
		return 1
	}
	if f.Fix && f.SARIF {
		log.Print("-sarif reports findings; it cannot be combined with -fix (use -fix -json)")
		return 1
	}

	if dbg('v') {
		log.SetPrefix("")
		log.SetFlags(log.Lmicroseconds)
		log.Printf("load %s", patterns)
	}
	opts := LoadOptions{Tests: f.Tests, Sequential: dbg('p'), SanityCheck: dbg('s'), CacheDir: cacheDir(f), Log: os.Stderr,
		Findings: !f.Fix} // -fix needs the syntax (generated files) and re-reads what it edits: always analyzed
	if dbg('f') {
		opts.FactLog = os.Stderr
	}
	if dbg('v') {
		opts.Verbose = os.Stderr
	}
	res, err := Analyze(patterns, analyzers, opts)
	if res != nil && packages.PrintErrors(res.Initial) > 0 {
		exitAtLeast(1)
	}
	if err != nil {
		log.Print(err)
		exitAtLeast(1)
		return
	}

	if f.Fix {
		out := Output{Stdout: os.Stdout, Stderr: os.Stderr}
		if err := applyFixes(res.Roots, f, out, dbg('v')); err != nil {
			log.Print(err)
			exitAtLeast(1)
		}
		return
	}

	switch {
	case f.SARIF:
		if err := printSARIF(os.Stdout, res, analyzers); err != nil {
			log.Print(err)
			exitAtLeast(1)
		}
	case f.JSON:
		if err := printJSON(os.Stdout, res); err != nil {
			exitAtLeast(1)
		}
	default:
		if err := printText(os.Stderr, res, f.Context); err != nil {
			exitAtLeast(1)
		}
		exitAtLeast(exitCode(res))
	}
	if dbg('t') {
		printTiming(os.Stderr, res, dbg('p'))
	}
	return
}

// startProfiles starts -cpuprofile and -trace and arranges -memprofile;
// stop writes them out.
func startProfiles(f Flags) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for _, s := range slices.Backward(stops) {
			s()
		}
	}
	if f.CPUProfile != "" {
		out, err := os.Create(f.CPUProfile)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			return stop, err
		}
		stops = append(stops, pprof.StopCPUProfile)
	}
	if f.Trace != "" {
		out, err := os.Create(f.Trace)
		if err != nil {
			return stop, err
		}
		if err := trace.Start(out); err != nil {
			return stop, err
		}
		stops = append(stops, trace.Stop)
	}
	if f.MemProfile != "" {
		out, err := os.Create(f.MemProfile)
		if err != nil {
			return stop, err
		}
		stops = append(stops, func() {
			runtime.GC()
			if err := pprof.WriteHeapProfile(out); err != nil {
				log.Printf("writing memory profile: %v", err)
			}
			out.Close()
		})
	}
	return stop, nil
}

// printTiming lists the units that took 90% of the time (-debug=t).
func printTiming(w io.Writer, res *Result, sequential bool) {
	if !sequential {
		log.Println("Warning: times are mostly GC/scheduler noise; use -debug=tp to disable parallelism")
	}
	list := slices.Clone(res.All)
	var total time.Duration
	for _, u := range list {
		total += u.Duration
	}
	slices.SortFunc(list, func(x, y *Unit) int { return int(y.Duration - x.Duration) })
	var sum time.Duration
	for _, u := range list {
		fmt.Fprintf(w, "%s\t%s\n", u.Duration, u)
		sum += u.Duration
		if sum >= total*9/10 {
			break
		}
	}
	if total > sum {
		fmt.Fprintf(w, "%s\tall others\n", total-sum)
	}
}
