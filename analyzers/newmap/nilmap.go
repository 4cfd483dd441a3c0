package newmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
)

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

// The nil-map rules report a map made with new, which is nil:
//
//	p := new(map[string]int) // new-nil-map: use &map[string]int{}
//	(*p)["a"] = 1            // panics
//
//	m := *new(map[string]int) // nil-map-written: use map[string]int{}
//	m["a"] = 1                // panics
//
// and stay silent when the pointee gets a map first or the pointer goes
// to a call that may fill it:
//
//	p := new(map[string]int)
//	json.Unmarshal(b, p)

// Categories of checkNew's findings (the "category" of -json output).
const (
	CategoryNewNilMap     = "new-nil-map"     // new(map[K]V), written through later
	CategoryNilMapWritten = "nil-map-written" // *new(map[K]V), then written
)

// checkNew reports new(T) for a map type T unless the pointee gets a map
// before anything writes through it or the pointer leaves the function,
// or the pointer is handed to a call that may fill it.
func checkNew(pass *analysis.Pass, ft *factTable, c inspector.Cursor) {
	call := c.Node().(*ast.CallExpr)
	typ := ast.Unparen(call.Args[0])
	typSrc := analysisutil.Render(pass.Fset, typ)
	if typSrc == "" {
		return
	}
	c = skipParens(c)
	if c.ParentEdgeKind() == edge.StarExpr_X {
		star := skipParens(c.Parent())
		if nilMapWritten(pass, ft, star) {
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
	if pointeeFilled(pass, ft, c) {
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
func pointeeFilled(pass *analysis.Pass, ft *factTable, c inspector.Cursor) bool {
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
	readByMethod := false
	for u, inClosure := range laterUses(info, c) {
		if inClosure {
			return false
		}
		switch u.ParentEdgeKind() {
		case edge.StarExpr_X:
			star := skipParens(u.Parent())
			if star.ParentEdgeKind() == edge.AssignStmt_Lhs {
				as := star.Parent().Node().(*ast.AssignStmt)
				if as.Tok == token.ASSIGN {
					return true // *p = make(...) before any write
				}
			}
			if ft.isWrite(star) {
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
			if ft.writesFact(fn) {
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
func nilMapWritten(pass *analysis.Pass, ft *factTable, star inspector.Cursor) bool {
	if ft.isWrite(star) {
		return true
	}
	if k := star.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return false
	}
	for u, inClosure := range laterUses(pass.TypesInfo, star) {
		if inClosure {
			return false
		}
		switch u.ParentEdgeKind() {
		case edge.AssignStmt_Lhs:
			return false // assigned a map before the write
		case edge.UnaryExpr_X:
			return false // &m: may be assigned through the pointer
		}
		if ft.isWrite(u) {
			return true
		}
	}
	return false
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
		if _, sig, _ := analysisutil.EnclosingFunc(info, c); sig != nil && sig.Results().Len() == len(p.Node().(*ast.ReturnStmt).Results) {
			return sig.Results().At(i).Type()
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
