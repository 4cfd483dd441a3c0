package makecap

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loops"
)

// Rule 2, length-then-append: make with a non-zero length, then append:
// the n zero values stay in front.
//
//	out := make([]int, len(in)) // make([]int, 0, len(in))
//	for _, v := range in {
//		out = append(out, v*2)
//	}
//
// Silent when the slice is indexed, resliced, copied into or passed
// anywhere before the first append (len and cap aside), and for a
// constant length, always deliberate in the code judged (padding, a
// sentinel).

// CategoryLengthThenAppend is the category of rule 2 (lengthThenAppend).
const CategoryLengthThenAppend = "length-then-append"

// lengthThenAppend reports rule 2: make with a non-zero length whose first
// use after creation (other than len/cap) is an append.
func lengthThenAppend(pass *analysis.Pass, cur inspector.Cursor, c *creation) {
	info := pass.TypesInfo
	if firstAppend(info, loops.UsesOf(pass), cur, c) == nil {
		return
	}
	// A constant length is deliberate in the code we judged: zero padding
	// then a suffix (compress/lzw's test), a leading sentinel
	// (cmd/internal/testdir's make([]int, 1)). The bug is make([]T, len(xs)).
	if _, constLen := analysisutil.IntConst(info, c.mk.Args[1]); constLen {
		return
	}
	length := analysisutil.Render(pass.Fset, c.mk.Args[1])
	capArg := length
	if len(c.mk.Args) == 3 {
		capArg = analysisutil.Render(pass.Fset, c.mk.Args[2])
	}
	typ := analysisutil.Render(pass.Fset, c.typ)
	edit := analysis.TextEdit{Pos: c.mk.Args[1].Pos(), End: c.mk.Args[1].End(), NewText: []byte("0, " + length)}
	if len(c.mk.Args) == 3 {
		edit.NewText = []byte("0")
	}
	pass.Report(analysis.Diagnostic{
		Pos:      c.mk.Pos(),
		End:      c.mk.End(),
		Category: CategoryLengthThenAppend,
		Message: fmt.Sprintf("slice %q is made with length %s and then appended to: the %s zero values stay in front; make it with make(%s, 0, %s)",
			c.name, length, length, typ, capArg),
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Make " + c.name + " with length 0 and capacity " + capArg,
			TextEdits: []analysis.TextEdit{edit},
		}},
	})
}

// firstAppend returns the append to c's slice that is its first use after
// the make, other than len and cap, or nil.
func firstAppend(info *types.Info, uses *loops.Uses, cur inspector.Cursor, c *creation) *ast.CallExpr {
	_, _, body := analysisutil.EnclosingFunc(info, cur)
	if body == nil {
		return nil
	}
	after := c.mk.End()
	var first *ast.CallExpr // the first append, if it comes before any other use
	done := false
	visit := func(n ast.Node) bool {
		if done || n == nil {
			return false
		}
		if n.End() <= after {
			return false // before (or is) the creation
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			// s = append(s, ...): the left-hand s comes first in the walk.
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && loops.IsObj(info, n.Lhs[0], c.obj) {
				if call, ok := n.Rhs[0].(*ast.CallExpr); ok && len(call.Args) >= 1 &&
					analysisutil.IsBuiltin(info, call.Fun, "append") && loops.IsObj(info, call.Args[0], c.obj) {
					first, done = call, true
					return false
				}
			}
		case *ast.CallExpr:
			if len(n.Args) >= 1 && loops.IsObj(info, n.Args[0], c.obj) {
				switch {
				case analysisutil.IsBuiltin(info, n.Fun, "append") && n.Pos() > after:
					first, done = n, true
					return false
				case len(n.Args) == 1 && analysisutil.IsBuiltin(info, n.Fun, "len", "cap"):
					return false
				}
			}
		case *ast.Ident:
			if n.Pos() > after && info.Uses[n] == c.obj {
				done = true // indexed, resliced, copied into, passed, aliased: silent
			}
		}
		return true
	}
	// Walk, in order, only the statements of the body that refer to obj
	// after the make: every case above is a use of obj.
	for pos := after + 1; !done; {
		p, ok := uses.Next(c.obj, pos)
		if !ok || p >= body.End() {
			break
		}
		j := loops.StmtAt(body.List, p)
		if j == len(body.List) {
			break
		}
		ast.Inspect(body.List[j], visit)
		pos = body.List[j].End()
	}
	return first
}
