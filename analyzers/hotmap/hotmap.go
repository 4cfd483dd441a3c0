package hotmap

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

// Analyzer reports maps filled in loops without a size hint, and maps
// made on every iteration of a loop.
var Analyzer = &analysis.Analyzer{
	Name:     "hotmap",
	Doc:      analysisutil.MustExtractDoc(doc, "hotmap"),
	URL:      "https://github.com/maplint/maplint/blob/main/docs/hotmap.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, loops.UsesAnalyzer},
	Run:      run,
}

// reportTests is the -tests flag.
var reportTests bool

// reportPerIteration is the -per-iteration flag: rule 2 is off by
// default, since whether a hoist pays depends on how many keys arrive
// and how often the loop runs, which a CPU profile sees and syntax does
// not (11 of 17 reviewed findings were wrong: few-pass retry loops,
// maps of <= 8 keys on the stack).
var reportPerIteration bool

func init() {
	analysisutil.TestsFlag(Analyzer, &reportTests,
		"also report maps in _test.go files (off: test inputs are mostly a few keys, where a hint changes nothing)")
	Analyzer.Flags.BoolVar(&reportPerIteration, "per-iteration", false,
		"also report maps made on every iteration of a loop (off: whether a hoist pays depends on run-time sizes; pair with -profile)")
}

// smallMap is the largest fill for which a hint or a hoist changes
// nothing (shared with makecap's tiny loops).
const smallMap = loops.SmallCount

func run(pass *analysis.Pass) (any, error) {
	pass = analysisutil.WithIgnores(pass)
	for d := range loops.VarDecls(pass) {
		if d.Value != nil {
			check(pass, d)
		}
	}
	return nil, nil
}

// creation is a new map variable made by make or a composite literal.
type creation struct {
	obj   types.Object
	name  string
	stmt  ast.Stmt
	pos   token.Pos      // where it is declared
	spec  *ast.ValueSpec // var form, else nil
	value ast.Expr       // make call or composite literal
	typ   ast.Expr       // the map type as written
	hint  ast.Expr       // make's size argument, if any
	elems int            // elements of a composite literal
	go121 bool           // the file may use clear (Go 1.21)
}

func check(pass *analysis.Pass, d loops.VarDecl) {
	cur, stmt, spec, id, value := d.Cur, d.Stmt, d.Spec, d.Name, d.Value
	if id.Name == "_" || loops.InBenchmark(pass.Fset, cur) {
		return
	}
	// Tests fill maps from fixtures of one or two entries: 8 of the 9
	// wrong findings in a reviewed prometheus sample were there.
	if !reportTests && analysisutil.IsTestFile(pass.Fset, stmt.Pos()) {
		return
	}
	obj := pass.TypesInfo.Defs[id]
	if obj == nil || obj.Type() == nil || !analysisutil.IsMap(obj.Type()) {
		return
	}
	c := &creation{obj: obj, name: id.Name, stmt: stmt, pos: stmt.Pos(), spec: spec, value: value, go121: d.Go121Builtins}
	if spec != nil {
		c.pos = spec.Pos()
	}
	switch v := value.(type) {
	case *ast.CompositeLit:
		if v.Type == nil {
			return
		}
		c.typ, c.elems = v.Type, len(v.Elts)
	case *ast.CallExpr:
		if !analysisutil.IsBuiltin(pass.TypesInfo, v.Fun, "make") || len(v.Args) < 1 || len(v.Args) > 2 {
			return
		}
		c.typ = v.Args[0]
		if len(v.Args) == 2 {
			c.hint = v.Args[1]
		}
	default:
		return
	}
	if perIteration(pass, cur, c) {
		return // one diagnostic per map: the hoist carries the hint
	}
	if c.elems == 0 && (c.hint == nil || analysisutil.IsZero(pass.TypesInfo, c.hint)) {
		missingHint(pass, cur, c)
	}
}
