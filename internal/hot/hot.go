// Package hot ranks and filters loop findings by a CPU profile (issue 9):
// a finding whose fix the profile shows saves little is dropped, the others
// get their weight appended and are reported by the share of the growth
// their fix removes, most first.
//
// # The loop of a finding
//
// An analyzer marks the loop a finding is about with a related-information
// entry made by loopmark.Related, spanning the loop statement (hotmap and
// makecap do); loopmark.Of finds it, whatever the wording. Findings without one
// (makecap's "made with length n and then appended to", a correctness
// mistake rather than a cost) are reported unchanged, after the weighed ones.
//
// # Weight
//
// A loop's weight is the share of the profile's samples whose stack has a
// frame in the loop: a frame of the loop's function (by its full symbol,
// "pkg/path.(*T).M", generics as "pkg.F[...]", closures "pkg.F.func1" also
// when inlined into a caller) in the same file (by base name) on a line
// between the loop's first and last line. Every frame of an inlined call
// counts (a pprof Location lists one Line per inlined frame). Cum counts a
// sample once if any frame is in the loop; flat counts it when the innermost
// frame is. When the profile's lines do not fit the source (the function
// starts on another line, or has samples past its end: a profile of an
// older build), the whole function is weighed and the message says so.
//
// Growth is the part of the loop's weight that the fix removes: samples in
// which a line of the loop grows the finding's own variable (see
// Weight.Growth). It is what the threshold applies to and what orders the
// findings: issue 17 measured loops at 10-12% of CPU whose fixes changed
// nothing (growth 0.0%), and a loop whose variable's growth had 13% whose
// fix saved 9.8% of the time.
//
// # Integration
//
// Wrap returns an analyzer that runs the original with an intercepted
// Report, so analyzers know nothing about profiles and analyzers.All()
// stays the plain registry; cmd/maplint and plugin/ wrap the loop
// analyzers (Loops). Without a profile the wrapper calls the original
// Run with the original Pass: output is unchanged byte for byte.
package hot

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loopmark"
)

// Loops are the names of the analyzers whose findings are about loops and
// that cmd/maplint and the plugin wrap.
var Loops = []string{"hotmap", "makecap"}

// Settings is the suite-wide configuration of profile weighing.
type Settings struct {
	// Profile is a pprof CPU profile file; "" means none, unless
	// Patterns finds default.pgo files.
	Profile string
	// Threshold is the minimum growth weight (Weight.Growth), in percent,
	// that a weighed finding needs to be reported; 0 keeps every finding.
	Threshold float64
	// Patterns, when not nil and Profile is "", returns the package
	// patterns of the run: the default.pgo of each main package they
	// match weighs that package and its dependencies, as with
	// go build -pgo=auto (see DefaultPGO). nil: no default.pgo lookup.
	Patterns func() []string
	// Fatal, when not nil, is called with a profile error instead of the
	// wrapped analyzer returning it (a CLI prints one line and exits
	// rather than one error per package).
	Fatal func(error)
	// Warn, when not nil, prints a one-line warning: a profile that
	// matches no function of the linted packages.
	Warn func(string)
}

// DefaultThreshold is the default of Settings.Threshold, in percent.
const DefaultThreshold = 0.5

// Config is the process's settings: cmd/maplint binds it to its flags
// (RegisterFlags), the plugin sets it from its settings. It is read when
// wrapped analyzers run, never while it is being set.
var Config = Settings{Threshold: DefaultThreshold}

// Wrap returns an analyzer identical to a (same name, doc, flags, facts,
// requirements and result) whose findings are weighed by the profile of
// Config, if any.
func Wrap(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a // Flags is copied by value but shares its flag.Values: -a.flag still sets a's options
	w.Run = func(pass *analysis.Pass) (any, error) { return run(a, pass) }
	return &w
}

// WrapAll returns all with the analyzers named in Loops wrapped.
func WrapAll(all []*analysis.Analyzer) []*analysis.Analyzer {
	out := slices.Clone(all)
	for i, a := range out {
		if slices.Contains(Loops, a.Name) {
			out[i] = Wrap(a)
		}
	}
	return out
}

func run(a *analysis.Analyzer, pass *analysis.Pass) (any, error) {
	cfg := Config
	if !ValidThreshold(cfg.Threshold) {
		return nil, fail(cfg, fmt.Errorf("hot-threshold %v: want a percentage between 0 and 100", cfg.Threshold))
	}
	var explicit *Profile
	switch {
	case cfg.Profile != "":
		p, err := Load(cfg.Profile) // even without findings: a bad file is an error
		if err != nil {
			return nil, fail(cfg, err)
		}
		explicit = p
	case cfg.Patterns == nil:
		return a.Run(pass) // no profile: untouched
	}

	var diags []analysis.Diagnostic
	inner := *pass
	inner.Report = func(d analysis.Diagnostic) { diags = append(diags, d) }
	res, err := a.Run(&inner)

	// The package list and default.pgo files are looked up only when
	// there is a loop to weigh: runs without findings pay nothing.
	hasLoop := slices.ContainsFunc(diags, func(d analysis.Diagnostic) bool { _, ok := loopmark.Of(d); return ok })
	var profiles []*Profile
	if explicit != nil {
		if !hasLoop || cfg.Patterns == nil || matchesLinted(explicit, cfg.Patterns()) {
			profiles = []*Profile{explicit}
		}
	} else if hasLoop {
		ps, lerr := DefaultPGO(cfg.Patterns(), pass.Pkg.Path())
		if lerr != nil {
			return nil, fail(cfg, lerr)
		}
		profiles = ps
	}
	if len(profiles) == 0 {
		for _, d := range diags {
			pass.Report(d)
		}
		return res, err
	}

	type weighed struct {
		d  analysis.Diagnostic
		w  Weight
		ok bool
	}
	var ws []weighed
	for _, d := range diags {
		loop, ok := loopmark.Of(d)
		if !ok {
			ws = append(ws, weighed{d: d})
			continue
		}
		w := weigh(pass, profiles, d.Pos, loop)
		if w.Growth*100 < cfg.Threshold {
			continue
		}
		d.Message += describe(w, len(profiles) > 1)
		weights.Store(weightKey{d.Pos, d.Message}, w)
		ws = append(ws, weighed{d, w, true})
	}
	slices.SortStableFunc(ws, func(x, y weighed) int {
		if x.ok != y.ok {
			if x.ok {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(y.w.Growth, x.w.Growth), cmp.Compare(y.w.Cum, x.w.Cum))
	})
	for _, x := range ws {
		pass.Report(x.d)
	}
	return res, err
}

// weights holds the weight of every finding this process annotated, so
// that printers can output it as data (-json's "hot") instead of parsing
// the message. A finding is known by its position and final message: one
// token.FileSet serves a whole run, and the message names the weight.
var weights sync.Map // weightKey -> Weight

type weightKey struct {
	pos token.Pos
	msg string
}

// WeightOf returns the weight a wrapped analyzer gave a reported finding;
// false for a finding that was not weighed (no profile, no loop).
func WeightOf(d analysis.Diagnostic) (Weight, bool) {
	w, ok := weights.Load(weightKey{d.Pos, d.Message})
	if !ok {
		return Weight{}, false
	}
	return w.(Weight), true
}

// ValidThreshold reports whether pct is a percentage, 0 to 100 (not NaN).
func ValidThreshold(pct float64) bool { return pct >= 0 && pct <= 100 }

// fatalOnce serializes Fatal: analyzers of several packages run at once and
// may all meet a bad profile; only the first may print before the exit.
var fatalOnce sync.Mutex

func fail(cfg Settings, err error) error {
	if cfg.Fatal != nil {
		fatalOnce.Lock() // held while Fatal runs; Fatal normally exits, so no one else prints
		cfg.Fatal(err)
		fatalOnce.Unlock()
	}
	return err
}

// weigh returns the heaviest weight of the loop among profiles; its growth
// is that of the variable of the finding at pos.
func weigh(pass *analysis.Pass, profiles []*Profile, pos token.Pos, loop analysis.RelatedInformation) Weight {
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= loop.Pos && loop.Pos < f.FileEnd {
			file = f
			break
		}
	}
	if file == nil {
		return Weight{}
	}
	fn := EnclosingFunc(pass.Fset, file, pass.Pkg.Path(), pass.Pkg.Name(), loop.Pos)
	start, end := line(pass.Fset, loop.Pos), line(pass.Fset, loop.End)
	v, lines := variableLines(pass, file, pos, loop)
	var best Weight
	for i, p := range profiles {
		w := p.Weigh(fn, start, end, lines...)
		if i == 0 || cmp.Or(cmp.Compare(w.Growth, best.Growth), cmp.Compare(w.Cum, best.Cum)) > 0 {
			best = w
		}
	}
	if len(lines) > 0 {
		best.GrowthOf = v.Name()
	}
	return best
}

// variableLines returns the variable a loop finding at pos is about (the
// name at pos, or the one its value at pos is assigned to, as hotmap and
// makecap report them) and where the loop grows it: v = append(v, ...),
// v[k] = x, v[k] op= x, v[k]++, maps.Copy(v, ...), maps.Insert(v, ...)
// and, for a variable made in the loop, its make. Growth inside other
// calls is not the loop line's own and is not counted.
func variableLines(pass *analysis.Pass, file *ast.File, pos token.Pos, loop analysis.RelatedInformation) (types.Object, []GrowthLine) {
	obj := findingVar(pass.TypesInfo, file, pos)
	if obj == nil {
		return nil, nil
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && pass.TypesInfo.ObjectOf(id) == obj
	}
	intoMap := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && is(ix.X)
	}
	var lines []GrowthLine
	add := func(n ast.Node, k Growth) { lines = append(lines, GrowthLine{line(pass.Fset, n.Pos()), k}) }
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || n.End() <= loop.Pos || n.Pos() >= loop.End {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if intoMap(lhs) {
					add(lhs, GrowMap)
				}
				if i < len(n.Rhs) && is(lhs) {
					if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok && len(call.Args) > 0 && is(call.Args[0]) {
						if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
							if b, ok := pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
								add(call, GrowSlice)
							}
						}
					}
				}
			}
		case *ast.CallExpr:
			if len(n.Args) > 0 && is(n.Args[0]) &&
				analysisutil.IsFunctionNamed(typeutil.Callee(pass.TypesInfo, n), "maps", "Copy", "Insert") {
				add(n, GrowMap)
			}
		case *ast.IncDecStmt:
			if intoMap(n.X) {
				add(n, GrowMap)
			}
		}
		return true
	})
	if loop.Pos <= pos && pos < loop.End { // made on every iteration
		lines = append(lines, GrowthLine{line(pass.Fset, pos), MakeMap})
	}
	return obj, lines
}

// findingVar returns the variable named at pos, or assigned the value at
// pos; nil if none.
func findingVar(info *types.Info, file *ast.File, pos token.Pos) *types.Var {
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	if len(path) == 0 {
		return nil
	}
	if id, ok := path[0].(*ast.Ident); ok {
		if v, ok := info.ObjectOf(id).(*types.Var); ok { // var out []T, or out = []T{}
			return v
		}
	}
	within := func(e ast.Expr) bool { return e.Pos() <= pos && pos < e.End() }
	varOf := func(id *ast.Ident) *types.Var { v, _ := info.ObjectOf(id).(*types.Var); return v }
	for _, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return nil // a, b := f(): no value per name
			}
			for i, r := range n.Rhs {
				if id, ok := n.Lhs[i].(*ast.Ident); ok && within(r) {
					return varOf(id)
				}
			}
			return nil
		case *ast.ValueSpec:
			for i, r := range n.Values {
				if i < len(n.Names) && within(r) {
					return varOf(n.Names[i])
				}
			}
			return nil
		case ast.Stmt:
			return nil
		}
	}
	return nil
}

func line(fset *token.FileSet, pos token.Pos) int { return fset.Position(pos).Line }

// describe is the text appended to a weighed finding's message.
func describe(w Weight, withSource bool) string {
	var s string
	if w.WholeFunc {
		s = fmt.Sprintf("; hot: %.1f%% of CPU samples in this loop's function, %.1f%% growing maps and slices in it (the profile's line numbers do not match this source, so the whole function is weighed)", w.Cum*100, w.Growth*100)
	} else {
		grows := "maps and slices" // the variable was not found: every line of the loop
		if w.GrowthOf != "" {
			grows = strconv.Quote(w.GrowthOf)
		}
		s = fmt.Sprintf("; hot: %.1f%% of CPU samples in this loop (%.1f%% flat, %.1f%% growing %s)", w.Cum*100, w.Flat*100, w.Growth*100, grows)
	}
	if withSource {
		s += " in " + w.Profile
	}
	return s
}
