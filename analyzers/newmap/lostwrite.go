package newmap

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
)

// The lost-write rule reports a write into a fresh map that nothing keeps:
//
//	u.Query().Set("page", "2")      // Query returns a new url.Values each call
//	map[string]int{"a": 1}["b"] = 2 // a literal, written and dropped
//
// and stays silent when the map is kept:
//
//	q := u.Query()
//	q.Set("page", "2")
//	u.RawQuery = q.Encode()

// CategoryLostWrite is the category of a write into a fresh map that
// nothing keeps.
const CategoryLostWrite = "lost-write"

// checkLostIndexWrite reports m[k] = v where m is a fresh map value that
// nothing keeps.
func checkLostIndexWrite(pass *analysis.Pass, ft *factTable, lhs ast.Expr) {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok || !analysisutil.IsMap(pass.TypesInfo.TypeOf(ix.X)) || !ft.isFreshValue(ix.X) {
		return
	}
	reportLost(pass, ix, ix.X, "")
}

// checkLostMethodWrite reports x.Set(k, v) and similar receiver-writing
// calls where x is a fresh map value that nothing keeps.
func checkLostMethodWrite(pass *analysis.Pass, ft *factTable, c inspector.Cursor) {
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
	if !isMapish(s.Recv()) || !ft.writesFact(fn) || !ft.isFreshValue(sel.X) {
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
