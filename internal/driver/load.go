package driver

import (
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// LoadOptions says what Analyze loads and how it runs the analyzers.
type LoadOptions struct {
	Tests       bool      // -test: load test variants too
	Sequential  bool      // -debug=p
	SanityCheck bool      // -debug=s
	FactLog     io.Writer // -debug=f
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
// the Result. A faster strategy (export data plus cached or tabled facts)
// replaces this variable; it must give the same Result for the same code.
var Analyze = analyzeFromSource

// analyzeFromSource is multichecker's strategy: when any analyzer has
// facts, every dependency is parsed and type-checked from source so the
// analyzers can run on it too.
func analyzeFromSource(patterns []string, analyzers []*analysis.Analyzer, opts LoadOptions) (*Result, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(analyzers) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	conf := packages.Config{Mode: mode, Tests: opts.Tests}
	initial, err := packages.Load(&conf, patterns...)
	if err == nil && len(initial) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		return nil, err
	}
	graph, err := checker.Analyze(analyzers, initial, &checker.Options{
		Sequential:  opts.Sequential,
		SanityCheck: opts.SanityCheck,
		FactLog:     opts.FactLog,
	})
	if err != nil {
		return &Result{Initial: initial}, err
	}
	return fromGraph(initial, graph), nil
}

// fromGraph flattens a checker graph in its printing order (depth-first
// postorder from the roots, as checker.Graph.PrintText walks it).
func fromGraph(initial []*packages.Package, g *checker.Graph) *Result {
	res := &Result{Initial: initial}
	units := make(map[*checker.Action]*Unit)
	unit := func(act *checker.Action) *Unit {
		u, ok := units[act]
		if !ok {
			u = &Unit{act.Analyzer, act.Package, act.IsRoot, act.Diagnostics, act.Err, act.Duration}
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
	seen := make(map[*analysis.Analyzer]bool)
	q := append([]*analysis.Analyzer(nil), analyzers...)
	for len(q) > 0 {
		a := q[0]
		q = q[1:]
		if !seen[a] {
			seen[a] = true
			if len(a.FactTypes) > 0 {
				return true
			}
			q = append(q, a.Requires...)
		}
	}
	return false
}
