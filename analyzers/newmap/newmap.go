package newmap

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/analyzers/internal/analysisutil"
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
	ResultType:       reflect.TypeFor[*flow](),
}

func run(pass *analysis.Pass) (any, error) {
	pass = analysisutil.WithIgnores(pass)
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	fl := pass.ResultOf[factsAnalyzer].(*flow)

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
					checkNew(pass, fl, c)
				} else {
					checkLostMethodWrite(pass, fl, c)
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					checkLostIndexWrite(pass, fl, lhs)
				}
			case *ast.IncDecStmt:
				checkLostIndexWrite(pass, fl, n.X)
			}
		}
	}
	return nil, nil
}

// isNewMap reports whether call is new(T) with T a map type (not Go
// 1.26's new(expr), which copies a value).
func isNewMap(info *types.Info, call *ast.CallExpr) bool {
	if _, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok { // cheap test first: most calls are not new
		return false
	}
	b, ok := typeutil.Callee(info, call).(*types.Builtin)
	if !ok || b.Name() != "new" || len(call.Args) != 1 {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	return ok && tv.IsType() && analysisutil.IsMap(tv.Type)
}

// Categories of checkNew's findings (the "category" of -json output).
const (
	CategoryNewNilMap     = "new-nil-map"     // new(map[K]V), written through later
	CategoryNilMapWritten = "nil-map-written" // *new(map[K]V), then written
)

// checkNew reports new(T) for a map type T unless the pointee gets a map
// before anything writes through it or the pointer leaves the function,
// or the pointer is handed to a call that may fill it.
func checkNew(pass *analysis.Pass, fl *flow, c inspector.Cursor) {
	call := c.Node().(*ast.CallExpr)
	typ := ast.Unparen(call.Args[0])
	typSrc := analysisutil.Render(pass.Fset, typ)
	if typSrc == "" {
		return
	}
	c = skipParens(c)
	if c.ParentEdgeKind() == edge.StarExpr_X {
		star := skipParens(c.Parent())
		if nilMapWritten(pass, fl, star) {
			pass.Report(analysis.Diagnostic{
				Category: CategoryNilMapWritten,
				Pos:      star.Node().Pos(),
				End:      star.Node().End(),
				Message:  fmt.Sprintf("*new(%s) is a nil map and it is written below: the write panics; use %s{}", typSrc, typSrc),
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   fmt.Sprintf("Replace with %s{}", typSrc),
					TextEdits: []analysis.TextEdit{{Pos: star.Node().Pos(), End: star.Node().End(), NewText: []byte(typSrc + "{}")}},
				}},
			})
		}
		return
	}
	if pointeeFilled(pass, fl, c) {
		return
	}
	pass.Report(analysis.Diagnostic{
		Category: CategoryNewNilMap,
		Pos:      call.Pos(),
		End:      call.End(),
		Message: fmt.Sprintf("new(%s) is a pointer to a nil map: a write through it panics unless a map is assigned first; use &%s{}",
			typSrc, typSrc),
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   fmt.Sprintf("Replace with &%s{}", typSrc),
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte("&" + typSrc + "{}")}},
		}},
	})
}

// pointeeFilled reports whether the pointer made by new at c is harmless:
// passed straight to a call, or kept in a local whose pointee is assigned
// (or which is passed to a call) before any write through it or any other
// way out of the function.
func pointeeFilled(pass *analysis.Pass, fl *flow, c inspector.Cursor) bool {
	info := pass.TypesInfo
	c = throughConversions(info, c)
	if c.ParentEdgeKind() == edge.CallExpr_Args {
		return true // a decoder, flag.Var, or a helper that fills it
	}
	if t := targetType(info, c); (t != nil && types.IsInterface(t)) || types.IsInterface(info.TypeOf(c.Node().(ast.Expr))) {
		// Stored as an interface (a decode table's "ptr any" field):
		// handed to reflection, which fills a nil map through it.
		return true
	}
	if k := c.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return false
	}
	if assignedNext(pass, c) {
		return true
	}
	v := assignedVar(info, c)
	if !isLocal(v) {
		return false
	}
	fnBody := enclosingBody(c)
	if !fnBody.Valid() {
		return false
	}
	after := c.Node().End()
	readByMethod := false
	for u := range fnBody.Preorder((*ast.Ident)(nil)) {
		id := u.Node().(*ast.Ident)
		if id.Pos() < after || info.Uses[id] != v {
			continue
		}
		if escapesToClosure(u, fnBody) {
			return false
		}
		u = skipParens(u)
		switch u.ParentEdgeKind() {
		case edge.StarExpr_X:
			star := skipParens(u.Parent())
			if star.ParentEdgeKind() == edge.AssignStmt_Lhs {
				as := star.Parent().Node().(*ast.AssignStmt)
				if as.Tok == token.ASSIGN {
					return true // *p = make(...) before any write
				}
			}
			if fl.isWrite(star) {
				return false
			}
			continue // reading a nil map is fine
		case edge.AssignStmt_Lhs:
			return true // p now points elsewhere
		case edge.CallExpr_Args:
			return true
		case edge.SelectorExpr_X:
			sel := u.Parent().Node().(*ast.SelectorExpr)
			s, ok := info.Selections[sel]
			if !ok || s.Kind() != types.MethodVal || u.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
				return false // a method value or a field: the pointer is kept
			}
			fn, _ := s.Obj().(*types.Func)
			if fn == nil || isPointerRecv(fn) {
				return true // p.Set(...) with a pointer receiver may fill *p
			}
			// A value method gets the nil map *p: it cannot fill it,
			// and a write into it (http.Header.Set) panics.
			if fl.writesFact(fn) {
				return false
			}
			readByMethod = true
			continue
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			continue
		}
		return false // returned, stored, aliased: leaves the function as a nil map
	}
	// Only read: through a value method (h.Get) it stays silent, as when
	// any method call was taken to fill *p.
	return readByMethod
}

// isPointerRecv reports whether method fn has a pointer receiver.
func isPointerRecv(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	_, ok := types.Unalias(sig.Recv().Type()).(*types.Pointer)
	return ok
}

// assignedNext reports whether the new(T) at c is stored as "x = new(T)"
// into some place x (a field, a dereference) and the very next statement
// assigns the pointee: "*x = ...".
func assignedNext(pass *analysis.Pass, c inspector.Cursor) bool {
	if c.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	stmt := c.Parent()
	as := stmt.Node().(*ast.AssignStmt)
	if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	next, ok := stmt.NextSibling()
	if !ok {
		return false
	}
	nas, ok := next.Node().(*ast.AssignStmt)
	if !ok || nas.Tok != token.ASSIGN || len(nas.Lhs) != 1 {
		return false
	}
	star, ok := ast.Unparen(nas.Lhs[0]).(*ast.StarExpr)
	if !ok {
		return false
	}
	lhs := analysisutil.Render(pass.Fset, as.Lhs[0])
	return lhs != "" && analysisutil.Render(pass.Fset, ast.Unparen(star.X)) == lhs
}

// nilMapWritten reports whether the nil map *new(T) at star is written:
// directly, or through the local it initializes before that local is
// assigned again.
func nilMapWritten(pass *analysis.Pass, fl *flow, star inspector.Cursor) bool {
	if fl.isWrite(star) {
		return true
	}
	if k := star.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return false
	}
	v := assignedVar(pass.TypesInfo, star)
	if !isLocal(v) {
		return false
	}
	fnBody := enclosingBody(star)
	if !fnBody.Valid() {
		return false
	}
	after := star.Node().End()
	for u := range fnBody.Preorder((*ast.Ident)(nil)) {
		id := u.Node().(*ast.Ident)
		if id.Pos() < after || pass.TypesInfo.Uses[id] != v {
			continue
		}
		if escapesToClosure(u, fnBody) {
			return false
		}
		u = skipParens(u)
		switch u.ParentEdgeKind() {
		case edge.AssignStmt_Lhs:
			return false // assigned a map before the write
		case edge.UnaryExpr_X:
			return false // &m: may be assigned through the pointer
		}
		if fl.isWrite(u) {
			return true
		}
	}
	return false
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

// targetType returns the type that the value at c is converted to where
// it is used: the field, element, result or variable it is stored in.
func targetType(info *types.Info, c inspector.Cursor) types.Type {
	p := c.Parent()
	i := c.ParentEdgeIndex()
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := p.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) && as.Tok == token.ASSIGN {
			return info.TypeOf(as.Lhs[i])
		}
	case edge.ValueSpec_Values:
		vs := p.Node().(*ast.ValueSpec)
		if vs.Type != nil {
			return info.TypeOf(vs.Type)
		}
	case edge.ReturnStmt_Results:
		for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var sig *types.Signature
			switch f := f.Node().(type) {
			case *ast.FuncDecl:
				if obj := info.Defs[f.Name]; obj != nil {
					sig, _ = obj.Type().(*types.Signature)
				}
			case *ast.FuncLit:
				sig, _ = info.TypeOf(f).(*types.Signature)
			}
			if sig != nil && sig.Results().Len() == len(p.Node().(*ast.ReturnStmt).Results) {
				return sig.Results().At(i).Type()
			}
			return nil
		}
	case edge.KeyValueExpr_Value:
		kv := p.Node().(*ast.KeyValueExpr)
		if p.ParentEdgeKind() != edge.CompositeLit_Elts {
			return nil
		}
		switch u := analysisutil.CoreType(info.TypeOf(p.Parent().Node().(*ast.CompositeLit))).(type) {
		case *types.Struct:
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok {
					return f.Type()
				}
			}
		case *types.Map:
			return u.Elem()
		case *types.Slice:
			return u.Elem()
		case *types.Array:
			return u.Elem()
		}
	case edge.CompositeLit_Elts:
		switch u := analysisutil.CoreType(info.TypeOf(p.Node().(*ast.CompositeLit))).(type) {
		case *types.Struct:
			if i < u.NumFields() {
				return u.Field(i).Type()
			}
		case *types.Slice:
			return u.Elem()
		case *types.Array:
			return u.Elem()
		}
	}
	return nil
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

// enclosingBody returns the body of the innermost function around c.
func enclosingBody(c inspector.Cursor) inspector.Cursor {
	for p := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		switch f := p.Node().(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body == nil {
			return inspector.Cursor{}
		}
		b, _ := p.FindNode(body)
		return b
	}
	return inspector.Cursor{}
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

// CategoryLostWrite is the category of a write into a fresh map that
// nothing keeps.
const CategoryLostWrite = "lost-write"

// checkLostIndexWrite reports m[k] = v where m is a fresh map value that
// nothing keeps.
func checkLostIndexWrite(pass *analysis.Pass, fl *flow, lhs ast.Expr) {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok || !analysisutil.IsMap(pass.TypesInfo.TypeOf(ix.X)) || !fl.isFreshValue(ix.X) {
		return
	}
	reportLost(pass, ix, ix.X, "")
}

// checkLostMethodWrite reports x.Set(k, v) and similar receiver-writing
// calls where x is a fresh map value that nothing keeps.
func checkLostMethodWrite(pass *analysis.Pass, fl *flow, c inspector.Cursor) {
	call := c.Node().(*ast.CallExpr)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s, ok := pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return
	}
	fn, _ := s.Obj().(*types.Func)
	if !isMapish(s.Recv()) || !fl.writesFact(fn) || !fl.isFreshValue(sel.X) {
		return
	}
	reportLost(pass, call, sel.X, fn.Name())
}

func reportLost(pass *analysis.Pass, at ast.Node, m ast.Expr, method string) {
	src := analysisutil.Render(pass.Fset, m)
	what := "this write"
	if method != "" {
		what = "this " + method
	}
	var msg string
	if call, ok := ast.Unparen(m).(*ast.CallExpr); ok && !isBuiltinOrConversion(pass.TypesInfo, call) {
		msg = fmt.Sprintf("%s is lost: %s returns a new map on every call; assign it to a variable, write to that and use it", what, src)
	} else {
		msg = fmt.Sprintf("%s is lost: %s is a new map that nothing keeps", what, src)
	}
	pass.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: CategoryLostWrite, Message: msg})
}

func isBuiltinOrConversion(info *types.Info, call *ast.CallExpr) bool {
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	_, ok := typeutil.Callee(info, call).(*types.Builtin)
	return ok
}
