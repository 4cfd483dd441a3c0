package newmap

import (
	_ "embed"
	"go/ast"
	"go/types"
	"iter"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

//go:embed doc.go
var doc string

// Analyzer reports pointers to nil maps made with new and writes into
// fresh maps that are dropped right away.
var Analyzer = &analysis.Analyzer{
	Name:             "newmap",
	Doc:              analysisutil.MustExtractDoc(doc, "newmap"),
	URL:              "https://github.com/maplint/maplint/blob/main/docs/newmap.md",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, factsAnalyzer},
	RunDespiteErrors: true,
	Run:              run,
}

// factsAnalyzer computes and exports the fresh-map facts. It is separate
// from Analyzer and needs no inspector because the checker and
// golangci-lint run the analyzers that have facts on every dependency too:
// Analyzer's own inspector would be built for each of them, for nothing
// (prometheus: 1.6x the memory). go vet's unitchecker still runs Analyzer
// on dependencies (it keeps every analyzer that needs facts), where the
// split gains nothing.
var factsAnalyzer = &analysis.Analyzer{
	Name:             "newmapfacts",
	Doc:              "newmapfacts computes which functions return fresh maps, keep no map argument, or write their map receiver (facts for newmap)",
	URL:              "https://github.com/maplint/maplint/blob/main/docs/newmap.md",
	FactTypes:        []analysis.Fact{new(freshResults), new(keepsNoArg), new(writesReceiver)},
	RunDespiteErrors: true,
	Run:              computeFacts,
	ResultType:       reflect.TypeFor[*factTable](),
}

func run(pass *analysis.Pass) (any, error) {
	pass = analysisutil.WithIgnores(pass)
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	ft := pass.ResultOf[factsAnalyzer].(*factTable)

	generated := analysisutil.GeneratedFiles(pass)
	nodeTypes := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil)}
	for fileCur := range root.Children() {
		if generated[pass.Fset.File(fileCur.Node().Pos())] {
			continue
		}
		for c := range fileCur.Preorder(nodeTypes...) {
			switch n := c.Node().(type) {
			case *ast.CallExpr:
				if isNewMap(pass.TypesInfo, n) {
					checkNew(pass, ft, c)
				} else {
					checkLostMethodWrite(pass, ft, c)
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					checkLostIndexWrite(pass, ft, lhs)
				}
			case *ast.IncDecStmt:
				checkLostIndexWrite(pass, ft, n.X)
			}
		}
	}
	return nil, nil
}

// throughConversions climbs from c over parentheses and conversions, so
// that (*M)(new(map[K]V)) is looked at where the conversion is used.
func throughConversions(info *types.Info, c inspector.Cursor) inspector.Cursor {
	c = skipParens(c)
	for c.ParentEdgeKind() == edge.CallExpr_Args {
		call := c.Parent().Node().(*ast.CallExpr)
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			break
		}
		c = skipParens(c.Parent())
	}
	return c
}

// assignedVar returns the variable that the single value at c (an RHS or
// a var spec value) is assigned to.
func assignedVar(info *types.Info, c inspector.Cursor) *types.Var {
	var lhs ast.Expr
	i := c.ParentEdgeIndex()
	switch p := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		lhs = p.Lhs[i]
	case *ast.ValueSpec:
		if len(p.Names) != len(p.Values) {
			return nil
		}
		lhs = p.Names[i]
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

// laterUses yields the uses, after c, of the local variable that the
// value at c is assigned to, in the function around c, each climbed over
// parentheses and with whether it sits in a closure nested in that
// function (which may run at any time). It yields nothing when c is not
// assigned to a local.
func laterUses(info *types.Info, c inspector.Cursor) iter.Seq2[inspector.Cursor, bool] {
	return func(yield func(inspector.Cursor, bool) bool) {
		v := assignedVar(info, c)
		if !isLocal(v) {
			return
		}
		fnBody := enclosingBody(info, c)
		if !fnBody.Valid() {
			return
		}
		after := c.Node().End()
		for u := range fnBody.Preorder((*ast.Ident)(nil)) {
			id := u.Node().(*ast.Ident)
			if id.Pos() < after || info.Uses[id] != v {
				continue
			}
			if !yield(skipParens(u), escapesToClosure(u, fnBody)) {
				return
			}
		}
	}
}

// enclosingBody returns the body of the innermost function around c.
func enclosingBody(info *types.Info, c inspector.Cursor) inspector.Cursor {
	fn, _, body := analysisutil.EnclosingFunc(info, c)
	if body == nil {
		return inspector.Cursor{}
	}
	b, _ := fn.FindNode(body)
	return b
}

// escapesToClosure reports whether the identifier at u sits in a function
// literal nested inside body: the closure may run at any time.
func escapesToClosure(u, body inspector.Cursor) bool {
	for p := u.Parent(); p != body && p.Valid(); p = p.Parent() {
		if _, ok := p.Node().(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}
