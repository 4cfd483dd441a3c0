package driver

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/factload"
)

// LoadOptions says what Analyze loads and how it runs the analyzers.
type LoadOptions struct {
	Tests       bool      // -test: load test variants too
	Sequential  bool      // -debug=p
	SanityCheck bool      // -debug=s
	FactLog     io.Writer // -debug=f
	// CacheDir, if set, keeps results across runs: the facts of
	// dependencies analyzed from source (CacheDir/facts) and, if
	// Findings, the roots' findings (CacheDir/findings; see cache.go).
	CacheDir string
	Findings bool
	Verbose  io.Writer // -debug=v: what came from the cache; nil: nothing
	Log      io.Writer // notes (a corrupt cache entry, a fallback); nil: none
}

// Result is what the driver prints, fixes or exports: every unit of work
// (one analyzer on one package) and the packages matched.
type Result struct {
	// Initial are the packages the patterns matched (load errors are
	// printed from them; -fix reads their modules).
	Initial []*packages.Package
	// Roots are the units of the analyzers asked for on the initial
	// packages, analyzer by analyzer, package by package.
	Roots []*Unit
	// All are the roots and every unit they needed (the same analyzer on
	// dependencies, for facts; required analyzers), dependencies first:
	// the order output lists them in.
	All []*Unit
}

// A Unit is one analyzer run on one package.
type Unit struct {
	Analyzer    *analysis.Analyzer
	Package     *packages.Package // Fset, ID, Syntax, Types, Module
	IsRoot      bool
	Diagnostics []analysis.Diagnostic
	Err         error
	Duration    time.Duration
}

func (u *Unit) String() string { return fmt.Sprintf("%s@%s", u.Analyzer, u.Package) }

// Analyze loads the packages matching patterns and runs analyzers on them.
// It is the one place that decides how packages and dependencies' facts
// are obtained: everything after it (text, JSON, SARIF, -fix) reads only
// the Result. A test may replace this variable; any strategy must give
// the same findings for the same code.
var Analyze = analyzeWithFactload

// analyzeWithFactload loads like a fact-free linter (roots from source,
// dependencies from export data) and computes the facts the analyzers
// need with internal/factload: on the roots, and on the few dependencies
// whose API can carry one (docs/driver-speed.md). If factload cannot
// serve these analyzers, it falls back to analyzeFromSource.
func analyzeWithFactload(patterns []string, analyzers []*analysis.Analyzer, opts LoadOptions) (*Result, error) {
	// For measurements only (docs/driver-speed.md, "Same findings"): the
	// findings must equal those of loading every package from source.
	if os.Getenv("MAPLINT_FROM_SOURCE") == "1" {
		return analyzeFromSource(patterns, analyzers, opts)
	}
	// With -profile, findings carry a typed weight (-json "hot") that
	// internal/hot keeps for this run only: no findings cache then.
	if f := flag.CommandLine.Lookup("profile"); f != nil && f.Value.String() != "" {
		return analyzeFresh(patterns, analyzers, opts)
	}
	if opts.CacheDir != "" && opts.Findings {
		return analyzeCached(patterns, analyzers, opts)
	}
	return analyzeFresh(patterns, analyzers, opts)
}

// analyzeFresh analyzes the packages (the dependencies' facts may still
// come from the cache).
func analyzeFresh(patterns []string, analyzers []*analysis.Analyzer, opts LoadOptions) (*Result, error) {
	if !needFacts(analyzers) {
		return analyzeFromSource(patterns, analyzers, opts) // already loads like the floor
	}
	initial, err := load(patterns, factload.Mode, opts.Tests)
	if err != nil {
		return nil, err
	}
	fixCompilerErrors(initial)
	fopts := factload.Options{MayCarry: factload.MaplintMayCarry, Warn: opts.Log}
	if fopts.Warn == nil {
		fopts.Warn = io.Discard
	}
	if opts.CacheDir != "" {
		fopts.CacheDir = filepath.Join(opts.CacheDir, "facts")
	}
	p, err := factload.New(analyzers, initial, fopts)
	if err != nil {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "%v; loading every package from source\n", err)
		}
		return analyzeFromSource(patterns, analyzers, opts)
	}
	graph, err := checker.Analyze(p.Analyzers(), initial, checkerOptions(opts))
	if err != nil {
		return &Result{Initial: initial}, err
	}
	return fromGraph(initial, graph, p.Original), nil
}

// analyzeFromSource is multichecker's strategy: when any analyzer has
// facts, every dependency is parsed and type-checked from source so the
// analyzers can run on it too.
func analyzeFromSource(patterns []string, analyzers []*analysis.Analyzer, opts LoadOptions) (*Result, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(analyzers) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	initial, err := load(patterns, mode, opts.Tests)
	if err != nil {
		return nil, err
	}
	graph, err := checker.Analyze(analyzers, initial, checkerOptions(opts))
	if err != nil {
		return &Result{Initial: initial}, err
	}
	return fromGraph(initial, graph, nil), nil
}

func load(patterns []string, mode packages.LoadMode, tests bool) ([]*packages.Package, error) {
	initial, err := packages.Load(&packages.Config{Mode: mode, Tests: tests}, patterns...)
	if err == nil && len(initial) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err == nil && mode&packages.NeedTypesInfo != 0 {
		setFileVersions(initial, localGoVersion())
	}
	return initial, err
}

// fixCompilerErrors restates the compiler's errors that go list reports
// when it builds export data (the -export that loading dependencies from
// export data implies), as loading from source would report them: on a
// root, the type checker reports them already, with their positions, so
// they go; on a dependency, "# path" and lines of "file:line:col: msg"
// become one error per line, at that position (a line of another form
// keeps the error as it is).
func fixCompilerErrors(initial []*packages.Package) {
	wd, _ := os.Getwd()
	roots := make(map[*packages.Package]bool, len(initial))
	for _, r := range initial {
		roots[r] = true
	}
	packages.Visit(initial, nil, func(pkg *packages.Package) {
		typeErrs := slices.ContainsFunc(pkg.Errors, func(e packages.Error) bool {
			return e.Kind == packages.TypeError || e.Kind == packages.ParseError
		})
		var out []packages.Error
		for _, e := range pkg.Errors {
			lines := strings.Split(strings.TrimSpace(e.Msg), "\n")
			if e.Kind != packages.ListError || e.Pos != "" || !strings.HasPrefix(lines[0], "# ") {
				out = append(out, e)
				continue
			}
			if roots[pkg] && typeErrs {
				continue
			}
			var split []packages.Error
			for _, l := range lines[1:] {
				m := compilerLine.FindStringSubmatch(l)
				if m == nil {
					split = nil
					break
				}
				file := m[1]
				if !filepath.IsAbs(file) {
					file = filepath.Join(wd, file)
				}
				split = append(split, packages.Error{Pos: file + m[2], Msg: m[3], Kind: packages.TypeError})
			}
			if split == nil {
				split = []packages.Error{e}
			}
			out = append(out, split...)
		}
		pkg.Errors = out
	})
}

var compilerLine = regexp.MustCompile(`^(\S+\.go)(:\d+:\d+): (.*)$`)

func checkerOptions(opts LoadOptions) *checker.Options {
	return &checker.Options{Sequential: opts.Sequential, SanityCheck: opts.SanityCheck, FactLog: opts.FactLog}
}

// fromGraph flattens a checker graph in its printing order (depth-first
// postorder from the roots, as checker.Graph.PrintText walks it). original,
// if not nil, maps the analyzers the checker ran back to the caller's.
func fromGraph(initial []*packages.Package, g *checker.Graph, original func(*analysis.Analyzer) *analysis.Analyzer) *Result {
	if original == nil {
		original = func(a *analysis.Analyzer) *analysis.Analyzer { return a }
	}
	res := &Result{Initial: initial}
	units := make(map[*checker.Action]*Unit)
	unit := func(act *checker.Action) *Unit {
		u, ok := units[act]
		if !ok {
			u = &Unit{original(act.Analyzer), act.Package, act.IsRoot, act.Diagnostics, act.Err, act.Duration}
			units[act] = u
		}
		return u
	}
	var visit func([]*checker.Action)
	visit = func(acts []*checker.Action) {
		for _, act := range acts {
			if _, seen := units[act]; !seen {
				unit(act) // mark before the deps: the graph is acyclic, but shared
				visit(act.Deps)
				res.All = append(res.All, units[act])
			}
		}
	}
	visit(g.Roots)
	for _, act := range g.Roots {
		res.Roots = append(res.Roots, units[act])
	}
	return res
}

// needFacts reports whether any analyzer, or one it requires, has facts:
// then dependencies must be analyzed from source.
func needFacts(analyzers []*analysis.Analyzer) bool {
	return slices.ContainsFunc(factload.Closure(analyzers), func(a *analysis.Analyzer) bool { return len(a.FactTypes) > 0 })
}
