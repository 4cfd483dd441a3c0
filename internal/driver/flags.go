package driver

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Flags are the standalone driver's settings. Their names, defaults and
// usage texts are multichecker's (x/tools go/analysis/internal/checker and
// analysisflags), so scripts and go vet see the same command line; -sarif
// and -V are maplint's.
type Flags struct {
	JSON, SARIF bool
	Context     int // -c
	Fix, Diff   bool
	FixAnywhere bool // -fix-outside-module: for scratch copies of GOROOT or of dependencies
	Tests       bool // -test
	Cache       bool // -cache (and MAPLINT_CACHE, see cacheDir)
	Debug       string
	CPUProfile  string
	MemProfile  string
	Trace       string
	Verbose     bool // the legacy -v: an alias for -debug=v
}

// register adds the standalone flags to fs: one -NAME flag per analyzer
// (tri-state: -NAME runs only the named ones, -NAME=false all but those),
// -NAME.flag for each analyzer flag, and the driver's own. It returns the
// analyzers' enable flags.
func register(fs *flag.FlagSet, analyzers []*analysis.Analyzer, f *Flags) map[*analysis.Analyzer]*triState {
	enabled := make(map[*analysis.Analyzer]*triState, len(analyzers))
	for _, a := range analyzers {
		ts := new(triState)
		fs.Var(ts, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		enabled[a] = ts
		a.Flags.VisitAll(func(af *flag.Flag) {
			fs.Var(af.Value, a.Name+"."+af.Name, af.Usage)
		})
	}
	fs.Bool("flags", false, "print analyzer flags in JSON") // handled by vet mode (see Main)
	if fs.Lookup("V") == nil {
		fs.Var(versionFlag{}, "V", versionUsage)
	}
	fs.BoolVar(&f.JSON, "json", false, "emit JSON output")
	fs.BoolVar(&f.SARIF, "sarif", false, "emit SARIF 2.1.0 output (for GitHub code scanning; see docs/sarif.md)")
	fs.IntVar(&f.Context, "c", -1, `display offending line with this many lines of context`)
	fs.BoolVar(&f.Fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&f.Diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.BoolVar(&f.FixAnywhere, "fix-outside-module", false, "with -fix, also write files outside the main modules (GOROOT, the module cache, replaced modules, vendor): for scratch copies only")

	// vet's legacy flags, accepted and ignored as multichecker does.
	_ = fs.Bool("source", false, "no effect (deprecated)")
	fs.BoolVar(&f.Verbose, "v", false, "no effect (deprecated)")
	_ = fs.Bool("all", false, "no effect (deprecated)")
	_ = fs.String("tags", "", "no effect (deprecated)")

	fs.StringVar(&f.Debug, "debug", "", `debug flags, any subset of "fpstv"`)
	fs.StringVar(&f.CPUProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&f.MemProfile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&f.Trace, "trace", "", "write trace log to this file")
	fs.BoolVar(&f.Tests, "test", true, "indicates whether test files should be analyzed, too")
	fs.BoolVar(&f.Cache, "cache", true, "keep results across runs in $MAPLINT_CACHE (default: maplint in the user cache directory; MAPLINT_CACHE=off disables it)")
	return enabled
}

// selectAnalyzers applies the -NAME flags: if any is true, only those run;
// otherwise those set to false are dropped.
func selectAnalyzers(analyzers []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	var hasTrue, hasFalse bool
	for _, ts := range enabled {
		hasTrue = hasTrue || *ts == setTrue
		hasFalse = hasFalse || *ts == setFalse
	}
	var keep []*analysis.Analyzer
	for _, a := range analyzers {
		if hasTrue && *enabled[a] == setTrue || !hasTrue && *enabled[a] != setFalse {
			keep = append(keep, a)
		}
	}
	return keep
}

// triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Get() any { return *ts == setTrue }

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return fmt.Errorf("want true or false") // flag adds "invalid boolean value"
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}

func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts triState) IsBoolFlag() bool { return true }

// cacheDir returns the directory of the results kept across runs, or ""
// for none: -cache=false or MAPLINT_CACHE=off turn it off, MAPLINT_CACHE
// names another directory (as GOCACHE does), and the default is maplint
// under os.UserCacheDir.
func cacheDir(f Flags) string {
	env := os.Getenv("MAPLINT_CACHE")
	if !f.Cache || env == "off" {
		return ""
	}
	if env != "" {
		return env
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "" // no home: run without a cache
	}
	return filepath.Join(dir, "maplint")
}

// DefaultCacheDir is cacheDir without flags (-cache's default): the
// directory the language server keeps dependency facts in.
func DefaultCacheDir() string { return cacheDir(Flags{Cache: true}) }
