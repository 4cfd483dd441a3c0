package loops

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"reflect"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

// UsesAnalyzer provides the package's Uses: makecap and hotmap require it,
// so both share one index.
var UsesAnalyzer = &analysis.Analyzer{
	Name:     "maplintuses",
	Doc:      "index of the uses of each object, for maplint's loop analyzers",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		insp, _ := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		if insp == nil { // a pass built by hand (tests)
			insp = inspector.New(pass.Files)
		}
		return &Uses{info: pass.TypesInfo, pkg: pass.Pkg, root: insp.Root()}, nil
	},
	ResultType: reflect.TypeFor[*Uses](),
}

// UsesOf returns the Uses of the pass of an analyzer that requires
// UsesAnalyzer.
func UsesOf(pass *analysis.Pass) *Uses { return pass.ResultOf[UsesAnalyzer].(*Uses) }

// Uses answers, for one package, where each object is referred to (an
// analysisutil.Refs per top-level declaration, built on the first
// question about a position in it) and which of the references are
// written (see Assigns). Safe for concurrent use: makecap and hotmap ask
// at once.
type Uses struct {
	info *types.Info
	pkg  *types.Package
	root inspector.Cursor
	once sync.Once
	// kids are the children of each scope by position, for Innermost.
	kids map[*types.Scope][]*types.Scope
	// decls are the package's top-level declarations by position, and
	// refs their indexes, each built once.
	decls    []inspector.Cursor
	refs     []*analysisutil.Refs
	refsOnce []sync.Once
	// writes are the uses that change the object, in order.
	writes map[types.Object][]token.Pos
	gotos  []token.Pos // goto statements, in order
	// lits are the variables declared with a composite literal (x := T{...},
	// var x = T{...}), with it.
	lits map[types.Object]*ast.CompositeLit
	// inputsOf are FromInput's findings per function body.
	inputsMu sync.Mutex
	inputsOf map[*ast.BlockStmt]*inputs
}

func (u *Uses) index() {
	u.once.Do(func() {
		u.indexWrites()
		u.indexDecls()
		u.indexScopes()
	})
}

var writeNodes = []ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil),
	(*ast.UnaryExpr)(nil), (*ast.CallExpr)(nil), (*ast.BranchStmt)(nil)}

// indexWrites finds the writes, the gotos and the literal-valued
// variables of the package.
func (u *Uses) indexWrites() {
	writes := make(map[*ast.Ident]bool)
	mark := func(e ast.Expr) {
		if id := rootIdent(u.info, e); id != nil {
			writes[id] = true
		}
	}
	u.lits = make(map[types.Object]*ast.CompositeLit)
	lit := func(names []*ast.Ident, values []ast.Expr) {
		for i, id := range names {
			if obj := u.info.Defs[id]; obj != nil && len(values) == len(names) {
				if cl, ok := ast.Unparen(values[i]).(*ast.CompositeLit); ok {
					u.lits[obj] = cl
				}
			}
		}
	}
	// Only the nodes below, through the inspector's index (walking every
	// node cost a quarter of the old index's time on go/net/encoding).
	for c := range u.root.Preorder(writeNodes...) {
		switch n := c.Node().(type) {
		case *ast.ValueSpec:
			lit(n.Names, n.Values)
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				mark(l)
			}
			if n.Tok == token.DEFINE {
				ids := make([]*ast.Ident, len(n.Lhs))
				for i, l := range n.Lhs {
					ids[i], _ = l.(*ast.Ident)
				}
				lit(ids, n.Rhs)
			}
		case *ast.IncDecStmt:
			mark(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				if n.Key != nil {
					mark(n.Key)
				}
				if n.Value != nil {
					mark(n.Value)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.CallExpr:
			if sel := pointerMethodCall(u.info, n); sel != nil {
				mark(sel.X)
			}
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				u.gotos = append(u.gotos, n.Pos())
			}
		}
	}
	u.writes = make(map[types.Object][]token.Pos)
	for id := range writes {
		if obj := u.info.Uses[id]; obj != nil {
			u.writes[obj] = append(u.writes[obj], id.Pos())
		}
		if obj := u.info.Defs[id]; obj != nil {
			u.writes[obj] = append(u.writes[obj], id.Pos()) // :=, as Assigns counts it
		}
	}
	for _, list := range u.writes {
		slices.Sort(list)
	}
	slices.Sort(u.gotos)
}

// indexDecls lists the top-level declarations, whose Refs are built on
// demand.
func (u *Uses) indexDecls() {
	for f := range u.root.Children() {
		for d := range f.Children() {
			if _, ok := d.Node().(ast.Decl); ok {
				u.decls = append(u.decls, d)
			}
		}
	}
	slices.SortFunc(u.decls, func(a, b inspector.Cursor) int { return int(a.Node().Pos() - b.Node().Pos()) })
	u.refs = make([]*analysisutil.Refs, len(u.decls))
	u.refsOnce = make([]sync.Once, len(u.decls))
}

// indexScopes sorts the children of every scope, for Innermost.
func (u *Uses) indexScopes() {
	u.kids = make(map[*types.Scope][]*types.Scope)
	if u.pkg != nil {
		var sortKids func(s *types.Scope)
		sortKids = func(s *types.Scope) {
			kids := slices.Collect(s.Children())
			slices.SortFunc(kids, func(a, b *types.Scope) int { return int(a.Pos() - b.Pos()) })
			u.kids[s] = kids
			for _, k := range kids {
				sortKids(k)
			}
		}
		sortKids(u.pkg.Scope())
	}
}

// refsAt returns the index of the top-level declaration that holds pos, or
// nil between declarations.
func (u *Uses) refsAt(pos token.Pos) *analysisutil.Refs {
	u.index()
	i := sort.Search(len(u.decls), func(i int) bool { return u.decls[i].Node().End() > pos })
	if i == len(u.decls) || u.decls[i].Node().Pos() > pos {
		return nil
	}
	u.refsOnce[i].Do(func() { u.refs[i] = analysisutil.NewRefs(u.info, u.decls[i]) })
	return u.refs[i]
}

// Innermost returns what pkg.Scope().Innermost(pos) does, by binary
// search: go/types scans the children of each scope, and a function's
// scope has one per block, so asking once per finding was quadratic.
// Sibling scopes do not overlap.
func (u *Uses) Innermost(pos token.Pos) *types.Scope {
	u.index()
	if u.pkg == nil {
		return nil
	}
	var inner *types.Scope
	for _, f := range u.kids[u.pkg.Scope()] { // file scopes: the package scope has no extent
		if f.Contains(pos) {
			inner = f
			break
		}
	}
	for s := inner; s != nil; {
		inner = s
		kids := u.kids[s]
		i := sort.Search(len(kids), func(i int) bool { return kids[i].End() > pos })
		s = nil
		if i < len(kids) && kids[i].Contains(pos) {
			s = kids[i]
		}
	}
	return inner
}

// Next returns the position of the first reference to obj at or after pos,
// in the top-level declaration that holds pos: every question is about one
// function.
func (u *Uses) Next(obj types.Object, pos token.Pos) (token.Pos, bool) {
	if r := u.refsAt(pos); r != nil {
		return r.Next(obj, pos)
	}
	return token.NoPos, false
}

// next returns the first of the sorted list at or after pos.
func next(list []token.Pos, pos token.Pos) (token.Pos, bool) {
	i, _ := slices.BinarySearch(list, pos)
	if i == len(list) {
		return token.NoPos, false
	}
	return list[i], true
}

// In reports whether obj is referred to in [from, to), a range of one
// function.
func (u *Uses) In(obj types.Object, from, to token.Pos) bool {
	p, ok := u.Next(obj, from)
	return ok && p < to
}

// Count returns the number of references to obj in [from, to), a range
// of one function.
func (u *Uses) Count(obj types.Object, from, to token.Pos) int {
	if r := u.refsAt(from); r != nil {
		return len(r.In(obj, from, to))
	}
	return 0
}

// Mentions reports whether obj is referred to in n, a statement or an
// expression.
func (u *Uses) Mentions(n ast.Node, obj types.Object) bool { return u.In(obj, n.Pos(), n.End()) }

// Using yields the statements of list (sorted by position) that refer to
// obj at or after pos, in order, found by the index: the statements in
// between are not walked, and one function may fill thousands of
// variables (issue 14).
func (u *Uses) Using(list []ast.Stmt, obj types.Object, pos token.Pos) iter.Seq[ast.Stmt] {
	return func(yield func(ast.Stmt) bool) {
		for {
			p, ok := u.Next(obj, pos)
			if !ok {
				return
			}
			i := StmtAt(list, p)
			if i == len(list) || !yield(list[i]) {
				return // past the list, or done
			}
			pos = list[i].End()
		}
	}
}

// GotoIn reports whether a goto statement is in [from, to).
func (u *Uses) GotoIn(from, to token.Pos) bool {
	u.index()
	p, ok := next(u.gotos, from)
	return ok && p < to
}

// Written reports whether one of objs is changed in [from, to), as
// Assigns sees it.
func (u *Uses) Written(objs []types.Object, from, to token.Pos) bool {
	u.index()
	for _, o := range objs {
		if p, ok := next(u.writes[o], from); ok && p < to {
			return true
		}
	}
	return false
}

// Table returns the literal that obj, a variable, is declared with, when
// that is its only value: it is never assigned again, never written
// through (x[i] = v, append's x = append(x, ...)), its address never taken,
// in any file of the package; an exported package-level variable may be
// changed by other packages and has none.
func (u *Uses) Table(obj types.Object) *ast.CompositeLit {
	u.index()
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() && v.Exported() {
		return nil
	}
	cl := u.lits[obj]
	if cl == nil {
		return nil
	}
	for _, p := range u.writes[obj] {
		if p != obj.Pos() { // x := T{...} itself counts as a write
			return nil
		}
	}
	return cl
}

// StmtList returns the statement list that holds the statement at cur, and
// its index there.
func StmtList(cur inspector.Cursor) ([]ast.Stmt, int, bool) {
	var list []ast.Stmt
	switch p := cur.Parent().Node().(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	default:
		return nil, 0, false
	}
	i := cur.ParentEdgeIndex()
	if i < 0 || i >= len(list) || list[i] != cur.Node() {
		return nil, 0, false
	}
	return list, i, true
}

// StmtAt returns the index of the statement of list (sorted by position)
// that contains pos, or len(list).
func StmtAt(list []ast.Stmt, pos token.Pos) int {
	i := sort.Search(len(list), func(i int) bool { return list[i].End() > pos })
	if i < len(list) && list[i].Pos() > pos {
		return len(list) // between statements
	}
	return i
}
