// Package factload lets a go/analysis driver load only its root packages
// from source (packages.LoadSyntax: dependencies from export data, as
// linters without facts do) and still run analyzers that have facts.
//
// The checker runs an analyzer with facts on every dependency, so it
// needs every package from source (packages.LoadAllSyntax): on std that
// costs maplint 1.9× the CPU of a fact-free linter (docs/driver-speed.md).
// Yet facts only exist where an analyzer can put them. factload computes
// them itself:
//
//   - on a root package, by running the analyzer on its syntax;
//   - on a dependency whose export data declares no object that could
//     carry a fact (Options.MayCarry), nothing;
//   - on a dependency with a root of the same path (go list's test
//     variants of the packages between a test and its package), by
//     translating that root's facts onto it with objectpath;
//   - on any other dependency, by type-checking it from source against
//     its imports' export data, running the analyzer, and translating its
//     facts onto the export-data objects; only once an analysis asks for
//     the fact of one of its objects that MayCarry allows.
//
// Analyzers then gives the checker copies of the analyzers that run like
// fact-free ones, on the roots only, returning what factload computed.
package factload

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// Mode is the go/packages load mode a driver using factload needs:
// packages.LoadSyntax plus the export data files of the dependencies
// (factload completes and reads them) and modules (Go versions).
const Mode = packages.LoadSyntax | packages.NeedExportFile | packages.NeedModule

// Options configures a Provider.
type Options struct {
	// MayCarry reports whether obj, an object of a dependency as its
	// export data declares it, could carry a fact of analyzer a. A
	// dependency without any such object is not analyzed. Nil means
	// every object may.
	MayCarry func(a *analysis.Analyzer, obj types.Object) bool

	// CacheDir, if set, keeps the facts of the dependencies analyzed
	// from source across runs (see cache.go); Warn (default os.Stderr)
	// receives a note when an entry is corrupt.
	CacheDir string
	Warn     io.Writer

	// OwnFactsOnly makes every import of a fact from another package fail
	// (an experiment: which findings need facts across packages).
	OwnFactsOnly bool
}

// Stats counts what a Provider did, for measurements.
type Stats struct {
	Roots        int      // root packages analyzed
	Deps         int      // dependency packages whose facts were asked for
	DepsMayCarry int      // of those, with an object that could carry a fact
	FromRoot     int      // of those, facts translated from a root of the same path
	FromCache    int      // of those, facts read from Options.CacheDir
	FromSource   int      // of those, type-checked and analyzed from source here
	SourcePkgs   []string // their paths
	DepFacts     int      // facts on dependency objects
	RootFacts    int      // facts the roots export
	Completed    int      // dependencies whose export data was read to complete them
	Skipped      int      // fact lookups on objects that MayCarry rules out
}

// A Provider holds the facts and results of the fact analyzers for one
// package graph.
type Provider struct {
	analyzers []*analysis.Analyzer                      // those with facts (the originals)
	given     []*analysis.Analyzer                      // New's argument
	copies    map[*analysis.Analyzer]*analysis.Analyzer // an original's stand-in (see Analyzers)
	originals map[*analysis.Analyzer]*analysis.Analyzer // a stand-in's original
	opts      Options
	nodes     map[*types.Package]*node
	plain     map[string]*node // per path, the package that is no test variant (ID = path)

	cache *diskCache // nil without Options.CacheDir

	mu    sync.Mutex
	stats Stats
}

type node struct {
	pkg  *packages.Package
	root bool

	once     sync.Once
	facts    map[factKey]analysis.Fact // on objects of pkg.Types
	pkgFacts map[reflect.Type]analysis.Fact
	results  map[*analysis.Analyzer]*result // roots

	keyOnce sync.Once
	key     string // cache key, "" if none

	// Decided by New, before any analysis (see plan).
	carry   bool                      // its view (export data read so far) has an object that could carry a fact
	needSrc bool                      // a dependency whose facts (src) are needed: from the cache or from source
	src     map[pathKey]analysis.Fact // its exported facts by objectpath, read from the cache (else filled by analyzeSource)
	srcOnce sync.Once
}

// pathKey names a fact independently of any view of its package.
type pathKey struct {
	path objectpath.Path // "" for a package fact
	typ  reflect.Type
}

type factKey struct {
	obj types.Object
	typ reflect.Type
}

type result struct {
	val   any
	err   error
	diags []analysis.Diagnostic
}

// New prepares the fact analyzers among as (and their prerequisites) for
// roots and their dependencies, loaded with Mode. It reads the export
// data that the dependencies it analyzes from source need (see plan)
// before analysis starts. It fails if a fact
// analyzer has prerequisites (not supported yet): the driver should then
// load everything from source.
func New(as []*analysis.Analyzer, roots []*packages.Package, opts Options) (*Provider, error) {
	p := &Provider{opts: opts, given: slices.Clone(as), nodes: make(map[*types.Package]*node), plain: make(map[string]*node),
		copies: make(map[*analysis.Analyzer]*analysis.Analyzer), originals: make(map[*analysis.Analyzer]*analysis.Analyzer)}
	for _, a := range Closure(as) {
		if len(a.FactTypes) > 0 {
			p.analyzers = append(p.analyzers, a)
		}
	}
	for _, a := range p.analyzers {
		if len(a.Requires) > 0 {
			return nil, fmt.Errorf("factload: analyzer %s has facts and prerequisites (not supported)", a.Name)
		}
	}
	for _, a := range as {
		p.copyOf(a) // now: Analyzers only reads the maps
	}
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, r := range roots {
		isRoot[r] = true
	}
	var all []*packages.Package
	packages.Visit(roots, nil, func(pkg *packages.Package) {
		if pkg.Types == nil {
			return
		}
		n := &node{pkg: pkg, root: isRoot[pkg] && pkg.TypesInfo != nil}
		p.nodes[pkg.Types] = n
		if pkg.ID == pkg.PkgPath {
			p.plain[pkg.PkgPath] = n
		}
		all = append(all, pkg)
	})
	if opts.CacheDir != "" {
		warn := opts.Warn
		if warn == nil {
			warn = os.Stderr
		}
		c, err := newDiskCache(opts.CacheDir, p.analyzers, warn)
		if err != nil {
			return nil, fmt.Errorf("factload: cache: %v", err)
		}
		p.cache = c
	}
	if err := p.plan(all, isRoot); err != nil {
		return nil, err
	}
	return p, nil
}

// plan decides, before any analysis, which dependencies need facts and
// reads the export data that their analysis needs: reading export data
// adds objects to packages that others may be reading, so it cannot wait
// for the checker's goroutines.
//
// go/packages reads completely only the export data of the roots' direct
// imports; of the others (indirect dependencies) a package holds the
// objects its importers' export data mention: all that the roots, or any
// package type-checked against them, can refer to. So MayCarry is asked of
// that view. A dependency that is analyzed from source needs its own
// imports complete (the type checker looks their objects up); completing
// them adds objects that may carry facts, so this runs to a fixpoint.
// Only the dependencies analyzed from source have their imports completed
// (Stats.Completed); on a run whose facts all come from roots or from the
// cache, no export data is read beyond go/packages'.
func (p *Provider) plan(all []*packages.Package, isRoot map[*packages.Package]bool) error {
	fset := token.NewFileSet()
	planned := make(map[*node]bool)
	for changed := true; changed; {
		changed = false
		for _, pkg := range all {
			n := p.nodes[pkg.Types]
			if n.root {
				continue
			}
			n.carry = p.mayCarry(pkg.Types)
			target := n
			if r := p.plain[pkg.PkgPath]; r != nil {
				target = r // a test variant takes the facts of the package itself
			}
			if n.carry && !target.root {
				target.needSrc = true
			}
		}
		for _, pkg := range all {
			n := p.nodes[pkg.Types]
			if !n.needSrc || planned[n] {
				continue
			}
			planned[n] = true
			if p.cache != nil {
				if key, ok := p.key(n); ok && p.cache.get(key, n) {
					continue
				}
			}
			for _, imp := range pkg.Imports {
				if imp.Types != nil && !isRoot[imp] && !imp.Types.Complete() && imp.ExportFile != "" {
					if err := complete(fset, imp); err != nil {
						return err
					}
					p.stats.Completed++
					changed = true
				}
			}
		}
	}
	return nil
}

// Closure returns as and their prerequisites, each once, prerequisites
// first.
func Closure(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if !seen[a] {
			seen[a] = true
			for _, r := range a.Requires {
				visit(r)
			}
			out = append(out, a)
		}
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// complete reads pkg's export data into its existing, incomplete
// types.Package, as go/packages does for the direct dependencies of its
// roots.
func complete(fset *token.FileSet, pkg *packages.Package) error {
	view := map[string]*types.Package{pkg.PkgPath: pkg.Types}
	seen := map[*packages.Package]bool{}
	var visit func(m map[string]*packages.Package)
	visit = func(m map[string]*packages.Package) {
		for _, q := range m {
			if !seen[q] {
				seen[q] = true
				if q.Types != nil {
					view[q.PkgPath] = q.Types
				}
				visit(q.Imports)
			}
		}
	}
	visit(pkg.Imports)
	f, err := os.Open(pkg.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("factload: reading %s: %v", pkg.ExportFile, err)
	}
	if _, err := gcexportdata.Read(r, fset, view, pkg.PkgPath); err != nil {
		return fmt.Errorf("factload: reading %s: %v", pkg.ExportFile, err)
	}
	return nil
}

// Stats returns what the provider did so far.
func (p *Provider) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// Analyzers returns the analyzers given to New as the checker should run
// them with p: each fact analyzer is replaced by a copy without facts
// whose Run returns what p computes (on first use, in the checker's
// goroutines), and each analyzer that requires one, directly or not, by a
// copy that requires the copies and runs the original with its results
// keyed as the original expects. Analyzers without facts below them are
// returned as they are. The originals are never modified, so other
// drivers, other Providers and go vet's unitchecker may use them at the
// same time. Original maps a copy back.
func (p *Provider) Analyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(p.given))
	for i, a := range p.given {
		out[i] = p.copies[a]
	}
	return out
}

// Original returns the analyzer that a, one of the Analyzers or their
// prerequisites, stands for (a itself if it is no copy).
func (p *Provider) Original(a *analysis.Analyzer) *analysis.Analyzer {
	if o, ok := p.originals[a]; ok {
		return o
	}
	return a
}

// copyOf returns a's stand-in (memoized: a shared prerequisite has one
// copy, as the checker needs one action per analyzer and package).
func (p *Provider) copyOf(a *analysis.Analyzer) *analysis.Analyzer {
	if c, ok := p.copies[a]; ok {
		return c
	}
	c := a
	if len(a.FactTypes) > 0 {
		cp := *a
		cp.FactTypes = nil
		cp.Run = func(pass *analysis.Pass) (any, error) { return p.run(a, pass) }
		c = &cp
	} else {
		reqs := make([]*analysis.Analyzer, len(a.Requires))
		changed := false
		for i, r := range a.Requires {
			reqs[i] = p.copyOf(r)
			changed = changed || reqs[i] != r
		}
		if changed {
			cp := *a
			cp.Requires = reqs
			cp.Run = func(pass *analysis.Pass) (any, error) {
				inner := *pass
				inner.Analyzer = a
				inner.ResultOf = make(map[*analysis.Analyzer]any, len(pass.ResultOf))
				for r, v := range pass.ResultOf {
					inner.ResultOf[p.Original(r)] = v
				}
				return a.Run(&inner)
			}
			c = &cp
		}
	}
	p.copies[a] = c
	if c != a {
		p.originals[c] = a
	}
	return c
}

// run answers the checker's pass of fact analyzer a on a root package.
func (p *Provider) run(a *analysis.Analyzer, pass *analysis.Pass) (any, error) {
	n := p.nodes[pass.Pkg]
	if n == nil || !n.root {
		return nil, fmt.Errorf("factload: package %s was not prepared", pass.Pkg.Path())
	}
	p.ensure(n)
	r := n.results[a]
	for _, d := range r.diags {
		pass.Report(d)
	}
	return r.val, r.err
}

// ensure computes n's facts (and results, for a root) once.
func (p *Provider) ensure(n *node) {
	n.once.Do(func() {
		n.facts = make(map[factKey]analysis.Fact)
		n.pkgFacts = make(map[reflect.Type]analysis.Fact)
		if n.root {
			p.analyzeRoot(n)
			return
		}
		p.analyzeDep(n)
	})
}

func (p *Provider) analyzeRoot(n *node) {
	p.count(func(s *Stats) { s.Roots++ })
	n.results = make(map[*analysis.Analyzer]*result)
	pkg := n.pkg
	for _, a := range p.analyzers {
		r := &result{}
		n.results[a] = r
		if pkg.IllTyped && !a.RunDespiteErrors {
			r.err = fmt.Errorf("analysis skipped due to errors in package")
			continue
		}
		pass := p.pass(a, n, pkg.Fset, pkg.Syntax, pkg.Types, pkg.TypesInfo, n.facts, n.pkgFacts)
		pass.TypeErrors = pkg.TypeErrors
		pass.Report = func(d analysis.Diagnostic) { r.diags = append(r.diags, d) }
		r.val, r.err = a.Run(pass)
	}
	p.count(func(s *Stats) { s.RootFacts += len(n.facts) })
}

// analyzeDep gives a dependency's view the facts of its package.
func (p *Provider) analyzeDep(n *node) {
	p.count(func(s *Stats) { s.Deps++ })
	if !n.carry {
		return
	}
	p.count(func(s *Stats) { s.DepsMayCarry++ })
	from := n
	if r := p.plain[n.pkg.PkgPath]; r != nil && r != n {
		// A test variant: the same declarations as the package itself
		// (test files only add some), so the same facts. The package is
		// a root (analyzed anyway) or a dependency analyzed once for all
		// its variants.
		if r.root {
			p.ensure(r)
			p.translate(encode(r.facts, r.pkgFacts), n)
			p.count(func(s *Stats) { s.FromRoot++ })
			return
		}
		from = r
	}
	from.srcOnce.Do(func() { p.analyzeSource(from) })
	p.translate(from.src, n)
}

// analyzeSource computes n.src, the facts of a dependency, unless plan
// read them from the cache: it type-checks n from source against its
// imports' export data and runs the fact analyzers.
func (p *Provider) analyzeSource(n *node) {
	if n.src != nil {
		p.count(func(s *Stats) { s.FromCache++ })
		return
	}
	pkg := n.pkg
	if p.cache != nil {
		if key, ok := p.key(n); ok {
			defer func() { p.cache.put(key, n) }()
		}
	}
	p.count(func(s *Stats) { s.FromSource++; s.SourcePkgs = append(s.SourcePkgs, pkg.ID) })
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range pkg.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if f != nil {
			files = append(files, f)
		}
		if err != nil {
			break // as a compiler would: facts of what parsed
		}
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if imp := pkg.Imports[path]; imp != nil && imp.Types != nil {
				return imp.Types, nil
			}
			return nil, fmt.Errorf("no package for import %q", path)
		}),
		Sizes: pkg.TypesSizes,
		Error: func(error) {}, // as the checker: RunDespiteErrors decides
	}
	if pkg.Module != nil && pkg.Module.GoVersion != "" {
		conf.GoVersion = "go" + pkg.Module.GoVersion
	}
	src, err := conf.Check(pkg.PkgPath, fset, files, info)
	facts := make(map[factKey]analysis.Fact)
	pkgFacts := make(map[reflect.Type]analysis.Fact)
	for _, a := range p.analyzers {
		if err != nil && !a.RunDespiteErrors {
			continue
		}
		pass := p.pass(a, n, fset, files, src, info, facts, pkgFacts)
		pass.Report = func(analysis.Diagnostic) {} // findings are for roots only
		a.Run(pass)                                // an error leaves the facts so far, as the checker does
	}
	n.src = encode(facts, pkgFacts)
}

// encode names the facts that importers can see by objectpath: those on
// exported objects, and package facts (path "").
func encode(facts map[factKey]analysis.Fact, pkgFacts map[reflect.Type]analysis.Fact) map[pathKey]analysis.Fact {
	out := make(map[pathKey]analysis.Fact, len(facts)+len(pkgFacts))
	var enc objectpath.Encoder
	for k, f := range facts {
		if !exported(k.obj) {
			continue // the checker does not pass these on either
		}
		if path, err := enc.For(k.obj); err == nil {
			out[pathKey{path, k.typ}] = f
		}
	}
	for t, f := range pkgFacts {
		out[pathKey{"", t}] = f
	}
	return out
}

// translate puts facts named by objectpath onto n's own objects.
func (p *Provider) translate(facts map[pathKey]analysis.Fact, n *node) {
	for k, f := range facts {
		if k.path == "" {
			n.pkgFacts[k.typ] = f
			continue
		}
		obj, err := objectpath.Object(n.pkg.Types, k.path)
		if err != nil {
			continue // not in n's view of the package: nothing here can refer to it
		}
		n.facts[factKey{obj, k.typ}] = f
	}
	p.count(func(s *Stats) { s.DepFacts += len(n.facts) })
}

// exported reports whether the checker passes facts on obj to importers
// (go/analysis/checker's exportedFrom, for package-level objects).
func exported(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Exported() || obj.Signature().Recv() != nil
	case *types.Var, *types.TypeName, *types.Const:
		return true
	}
	return false
}

func (p *Provider) mayCarry(pkg *types.Package) bool {
	return p.opts.MayCarry == nil || PackageMayCarry(pkg, p.analyzers, p.opts.MayCarry)
}

// PackageMayCarry reports whether pkg (as its export data declares it)
// has an object, or a method of a named type, that could carry a fact of
// one of the analyzers.
func PackageMayCarry(pkg *types.Package, analyzers []*analysis.Analyzer, mayCarry func(*analysis.Analyzer, types.Object) bool) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		objs := []types.Object{obj}
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() {
			if named, ok := tn.Type().(*types.Named); ok {
				for i := range named.NumMethods() {
					objs = append(objs, named.Method(i))
				}
			}
		}
		for _, o := range objs {
			for _, a := range analyzers {
				if mayCarry(a, o) {
					return true
				}
			}
		}
	}
	return false
}

// pass builds a pass of a over a package view whose facts go to facts.
func (p *Provider) pass(a *analysis.Analyzer, n *node, fset *token.FileSet, files []*ast.File, pkg *types.Package, info *types.Info,
	facts map[factKey]analysis.Fact, pkgFacts map[reflect.Type]analysis.Fact) *analysis.Pass {
	module := &analysis.Module{}
	if m := n.pkg.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	return &analysis.Pass{
		Analyzer:     a,
		Fset:         fset,
		Files:        files,
		OtherFiles:   n.pkg.OtherFiles,
		IgnoredFiles: n.pkg.IgnoredFiles,
		Pkg:          pkg,
		TypesInfo:    info,
		TypesSizes:   n.pkg.TypesSizes,
		Module:       module,
		ResultOf:     map[*analysis.Analyzer]any{},
		ReadFile:     os.ReadFile,
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			if obj == nil {
				panic("nil object")
			}
			var m map[factKey]analysis.Fact
			if obj.Pkg() == pkg {
				m = facts
			} else if p.opts.OwnFactsOnly {
				return false
			} else if p.opts.MayCarry != nil && !p.opts.MayCarry(a, obj) {
				// No fact can be on obj: its package is not analyzed for
				// it (a first run analyzes only the dependencies whose
				// objects the roots ask about).
				p.count(func(s *Stats) { s.Skipped++ })
				return false
			} else if dep := p.nodes[obj.Pkg()]; dep != nil {
				p.ensure(dep)
				m = dep.facts
			}
			f, ok := m[factKey{obj, reflect.TypeOf(ptr)}]
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
			}
			return ok
		},
		ExportObjectFact: func(obj types.Object, f analysis.Fact) {
			if obj.Pkg() != pkg {
				panic(fmt.Sprintf("factload: %s: fact on %s, which belongs to another package", a.Name, obj))
			}
			facts[factKey{obj, reflect.TypeOf(f)}] = f
		},
		ImportPackageFact: func(q *types.Package, ptr analysis.Fact) bool {
			m := pkgFacts
			if q != pkg {
				if p.opts.OwnFactsOnly {
					return false
				}
				dep := p.nodes[q]
				if dep == nil {
					return false
				}
				p.ensure(dep)
				m = dep.pkgFacts
			}
			f, ok := m[reflect.TypeOf(ptr)]
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
			}
			return ok
		},
		ExportPackageFact: func(f analysis.Fact) { pkgFacts[reflect.TypeOf(f)] = f },
		AllObjectFacts: func() []analysis.ObjectFact {
			out := make([]analysis.ObjectFact, 0, len(facts))
			for k, f := range facts {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
			return out
		},
		AllPackageFacts: func() []analysis.PackageFact {
			out := make([]analysis.PackageFact, 0, len(pkgFacts))
			for _, f := range pkgFacts {
				out = append(out, analysis.PackageFact{Package: pkg, Fact: f})
			}
			return out
		},
	}
}

func (p *Provider) count(f func(*Stats)) {
	p.mu.Lock()
	f(&p.stats)
	p.mu.Unlock()
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
