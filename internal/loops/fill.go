package loops

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loopmark"
)

// A Fill is the loop that fills a fresh variable right after its
// declaration, with what hotmap's missing-hint and makecap's
// missing-capacity rules both need to size the variable there:
//
//	byID := map[int64]*Order{} // pos: the count is written here
//	n := 0                     // Between: does not touch byID
//	for _, o := range orders { // Loop, Trip: len(orders)
//		byID[o.ID] = o      // the rule's own check of the body
//	}
//	use(byID)
//
// NextFill finds it; each rule then checks only the loop's body and
// writes its own message.
type Fill struct {
	Next    ast.Stmt   // the statement after the declaration that uses the variable: the loop, or its label
	Between []ast.Stmt // the statements between the declaration and Next, which do not use the variable
	Loop    *Loop
	Trip    *Trip
	// Safe reports whether a fix may write Trip at the declaration:
	// moving it before Between cannot panic (see Writable).
	Safe bool
	// Related spans the loop, for editors and for internal/hot.
	Related analysis.RelatedInformation
}

// NextFill returns the loop that fills obj, declared at pos by the
// statement at cur, when the next statement that uses obj is a loop
// whose trip count is known before it starts, more than SmallCount, not
// decoded from input and writable at pos; the loop never exits early,
// and obj is used after it (a variable filled and dropped is filled for
// the allocation itself: runtime/pprof's growMap test).
func NextFill(pass *analysis.Pass, cur inspector.Cursor, obj types.Object, pos token.Pos) (*Fill, bool) {
	info, uses := pass.TypesInfo, UsesOf(pass)
	next, between, ok := nextUse(uses, cur, obj)
	if !ok {
		return nil, false
	}
	loop, ok := AsLoop(next)
	if !ok {
		return nil, false
	}
	trip, ok := loop.TripCount(info, pass.Fset, uses)
	if !ok || (trip.IsConst && trip.Const <= SmallCount) || loop.ExitsEarly(info) {
		return nil, false
	}
	fn, _, body := analysisutil.EnclosingFunc(info, cur)
	if !fn.Valid() || !uses.In(obj, loop.Stmt.End()+1, fn.Node().End()) {
		return nil, false
	}
	if FromInput(info, uses, body, trip) {
		return nil, false // a count a corrupt file sets: presizing trusts it (internal/xcoff's nimpid)
	}
	writable, safe := Writable(info, uses, pass.Pkg, trip, pos, between)
	if !writable {
		return nil, false
	}
	return &Fill{Next: next, Between: between, Loop: loop, Trip: trip, Safe: safe,
		Related: loopmark.Related(loop.Stmt, loopmark.Filled)}, true
}
