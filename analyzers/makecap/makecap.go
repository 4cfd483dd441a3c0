package makecap

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loops"
)

//go:embed doc.go
var doc string

// Analyzer reports slices appended to in loops without capacity, and
// slices made with a length and then appended to.
var Analyzer = &analysis.Analyzer{
	Name:     "makecap",
	Doc:      analysisutil.MustExtractDoc(doc, "makecap"),
	URL:      "https://github.com/maplint/maplint/blob/main/docs/makecap.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, loops.UsesAnalyzer},
	Run:      run,
}

// reportLiterals is the -literals flag.
var reportLiterals bool

// reportTests is the -tests flag.
var reportTests bool

func init() {
	analysisutil.TestsFlag(Analyzer, &reportTests,
		"also report missing capacities in _test.go files (off: test tables hold a few elements, where a capacity changes nothing)")
	Analyzer.Flags.BoolVar(&reportLiterals, "literals", false,
		"also report slice literals with elements that a loop then fills (report only)")
}

func run(pass *analysis.Pass) (any, error) {
	pass = analysisutil.WithIgnores(pass)
	h := holdSplits(pass)
	for d := range loops.VarDecls(pass) {
		if d.Spec != nil && len(d.Spec.Names) > 1 && d.Value == nil {
			h.specs[d.Name.Pos()] = d.Spec // var a, b []T: a fix splits a name off
		}
		check(h.pass, d)
	}
	h.flush()
	return nil, nil
}

// splits holds back the findings on the names of a "var a, b []T" until
// the whole package is seen. Their fixes split a name off the spec; two
// on one spec would collide (each deletes a name and a comma), so when
// several names of a spec have a fix, none keeps it: reported only.
type splits struct {
	pass  *analysis.Pass               // the pass to report to: holds back those findings
	orig  *analysis.Pass               // where flush reports them
	specs map[token.Pos]*ast.ValueSpec // by name position (a finding's Pos)
	held  []analysis.Diagnostic
	fixes map[*ast.ValueSpec]int // held findings with a fix, per spec
}

func holdSplits(pass *analysis.Pass) *splits {
	h := &splits{orig: pass, specs: map[token.Pos]*ast.ValueSpec{}, fixes: map[*ast.ValueSpec]int{}}
	p := *pass
	p.Report = func(d analysis.Diagnostic) {
		vs := h.specs[d.Pos]
		if vs == nil {
			pass.Report(d)
			return
		}
		h.held = append(h.held, d)
		if len(d.SuggestedFixes) > 0 {
			h.fixes[vs]++
		}
	}
	h.pass = &p
	return h
}

func (h *splits) flush() {
	for _, d := range h.held {
		if h.fixes[h.specs[d.Pos]] > 1 {
			d.SuggestedFixes = nil
		}
		h.orig.Report(d)
	}
}

// creation is a new slice variable and how it is made.
type creation struct {
	obj   types.Object
	id    *ast.Ident
	name  string
	pos   token.Pos      // where it is declared: the scope of the fix
	stmt  ast.Stmt       // the declaring statement
	spec  *ast.ValueSpec // var form, else nil
	value ast.Expr       // initializer, nil for "var s T"
	typ   ast.Expr       // the slice type as written
	elems int            // elements of a composite literal
	mk    *ast.CallExpr  // the make call, if any
	isNil bool           // the slice starts nil: var s []T, var s []T = nil
	go121 bool           // the file may use max and package slices (Go 1.21)
}

func check(pass *analysis.Pass, d loops.VarDecl) {
	cur, stmt, spec, id, value := d.Cur, d.Stmt, d.Spec, d.Name, d.Value
	if id.Name == "_" || loops.InBenchmark(pass.Fset, cur) {
		return
	}
	obj := pass.TypesInfo.Defs[id]
	if obj == nil {
		return // := reusing an existing variable: not a new slice
	}
	if obj.Type() == nil {
		return
	}
	if _, ok := analysisutil.CoreType(obj.Type()).(*types.Slice); !ok {
		return
	}
	// The name's own position (a, b := ...; var a, b []T), but the
	// assignment in var s []T; s = make(...).
	c := &creation{obj: obj, id: id, name: id.Name, pos: id.Pos(), stmt: stmt, spec: spec, value: value, go121: d.Go121Builtins}
	if as, ok := stmt.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
		c.pos = stmt.Pos()
	}
	if spec != nil {
		c.typ = spec.Type
	}
	empty := false
	switch v := ast.Unparen(value).(type) {
	case nil:
		empty = c.typ != nil
		c.isNil = true
	case *ast.Ident:
		empty = v.Name == "nil" && c.typ != nil && isNil(pass.TypesInfo, v)
		c.isNil = true
	case *ast.CompositeLit:
		if v.Type == nil {
			return
		}
		c.typ, c.elems = v.Type, len(v.Elts)
		for _, e := range v.Elts {
			if _, keyed := e.(*ast.KeyValueExpr); keyed {
				return // indexed elements: the length is not the count
			}
		}
		empty = c.elems == 0
	case *ast.CallExpr:
		if !analysisutil.IsBuiltin(pass.TypesInfo, v.Fun, "make") || len(v.Args) < 2 || v.Ellipsis.IsValid() {
			return
		}
		c.typ, c.mk = v.Args[0], v
		if !analysisutil.IsZero(pass.TypesInfo, v.Args[1]) {
			lengthThenAppend(pass, cur, c)
			return
		}
		empty = len(v.Args) == 2 || analysisutil.IsZero(pass.TypesInfo, v.Args[2])
	}
	if empty || (reportLiterals && c.elems > 0 && c.mk == nil) {
		missingCap(pass, cur, c)
	}
}

func isNil(info *types.Info, id *ast.Ident) bool {
	_, ok := info.Uses[id].(*types.Nil)
	return ok
}
