package makecap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loops"
)

// Rule 1, missing-capacity: a fresh slice that the next loop appends to
// a known number of times:
//
//	var names []string // names := make([]string, 0, len(users))
//	for _, u := range users {
//		names = append(names, u.Name)
//	}
//
// Silent when the appends are conditional, when a later loop appends to
// the slice too, or when it is not used after the loop. The loop and its
// count come from loops.NextFill, shared with hotmap.

// CategoryMissingCapacity is the category of rule 1 (missingCap).
const CategoryMissingCapacity = "missing-capacity"

// missingCap reports rule 1: a fresh slice that the next loop fills with a
// known number of elements.
func missingCap(pass *analysis.Pass, cur inspector.Cursor, c *creation) {
	// Test tables hold 2-10 fixtures: 35 of 37 findings in reviewed
	// _test.go files were not worth acting on. length-then-append is a
	// bug wherever it is, so only this rule stops here.
	if !reportTests && analysisutil.IsTestFile(pass.Fset, c.pos) {
		return
	}
	info, uses := pass.TypesInfo, loops.UsesOf(pass)
	fill, ok := loops.NextFill(pass, cur, c.obj, c.pos)
	if !ok {
		return
	}
	trip, safe := fill.Trip, fill.Safe
	k := appendsPerIteration(info, uses, fill.Loop, c.obj)
	if k == 0 || (trip.IsConst && k*trip.Const+int64(c.elems) <= 1) {
		return // nothing known, or a single element: capacity 1 saves nothing
	}
	if appendedByLaterLoop(info, uses, cur, fill.Next, c.obj) {
		return // the count is only the first part (seen in prometheus' tsdb tests)
	}
	// Appends right after the loop belong in the capacity too: without
	// them the last append always reallocates.
	after, nonNil := appendsAfter(info, uses, cur, fill.Next, c.obj)
	count, capText, plainCap := capacity(trip, k, c.elems, after)
	if c.elems > 0 {
		safe = false // the fix would have to keep the elements: report only
	}
	// A nil slice stays nil when the loop runs zero times; make's never
	// is, and callers can tell (== nil, reflect.DeepEqual, cmp.Equal,
	// JSON null vs []; seen breaking an etcd test, and in go/doc's
	// Package.Bugs). Every iteration appends, so the slice is empty
	// exactly when the loop ran zero times: slices.Grow(nil, n) is then
	// exact, it stays nil for n == 0. Conditional appends after the loop
	// break that (Grow's capacity for them would make it non-nil when
	// they do not run): no advice is exact there, so silent.
	mayStayNil := c.isNil && !(trip.IsConst && trip.Const >= 1) && !nonNil
	if mayStayNil && after > 0 {
		return
	}
	scope := uses.Innermost(c.pos)
	mk, imports, grow, pkgOK := creationText(pass, c, scope, capText, trip.Type, mayStayNil)
	safe = safe && pkgOK && (!mayStayNil || grow)
	msg, fixable := capMessage(c, scope, count, capText, plainCap, mk, grow, pkgOK, mayStayNil)
	safe = safe && fixable
	d := analysis.Diagnostic{Pos: c.pos, End: c.pos, Message: msg, Category: CategoryMissingCapacity,
		// The loop's range: editors show it, internal/hot weighs it by a profile.
		Related: []analysis.RelatedInformation{fill.Related},
	}
	if safe {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Make " + c.name + " with capacity " + capText,
			TextEdits: append(replaceCreation(pass.Fset, c, mk), imports...),
		}}
	}
	pass.Report(d)
}

// capacity returns the count of appends k*trip (+ after), and the
// capacity (+ elems) as the fix writes it (max(..., 0) when the count may
// be negative: make panics on a negative capacity, a loop just runs zero
// times) and as a message may say it.
func capacity(trip *loops.Trip, k int64, elems int, after int64) (count, capText, plainCap string) {
	count = trip.Times(k)
	capText = count
	if elems > 0 {
		capText = strconv.Itoa(elems) + " + " + capText
	}
	plainCap = capText
	if !trip.NonNeg {
		capText = "max(" + capText + ", 0)"
	}
	if after > 0 {
		count = plus(trip, k, count, after)
		capText, plainCap = plus(trip, k, capText, after), plus(trip, k, plainCap, after)
	}
	return count, capText, plainCap
}

// creationText returns the creation to write: make(T, 0, capText), or
// slices.Grow(T(nil), capText) for a slice that may stay nil (grow), with
// the import that adds; pkgOK is false when package slices cannot be
// named at the creation.
func creationText(pass *analysis.Pass, c *creation, scope *types.Scope, capText string, tripType types.Type, mayStayNil bool) (mk string, imports []analysis.TextEdit, grow, pkgOK bool) {
	typ := analysisutil.Render(pass.Fset, c.typ)
	mk, pkgOK = fmt.Sprintf("make(%s, 0, %s)", typ, capText), true
	grow = mayStayNil && c.go121 // slices is Go 1.21
	if grow {
		ref, edits, ok := analysisutil.PackageRef(pass.TypesInfo, fileOf(pass, c.pos), scope, c.pos, "slices", "slices")
		if !ok {
			ref, pkgOK = "slices", false
		}
		mk, imports = growCall(ref, typ, capText, tripType, scope, c.pos), edits
		if strings.HasPrefix(mk, "?") {
			grow, mk = false, fmt.Sprintf("make(%s, 0, %s)", typ, capText) // int is not the type here
		}
	}
	return mk, imports, grow, pkgOK
}

// capMessage returns missingCap's message, and fixable false when a
// builtin that the fix or the message writes (make, len, max) is not the
// builtin where the text lands, or max needs Go 1.21: then the message
// says it in words.
func capMessage(c *creation, scope *types.Scope, count, capText, plainCap, mk string, grow, pkgOK, mayStayNil bool) (msg string, fixable bool) {
	if bad := analysisutil.UnavailableBuiltin(scope, c.pos, c.go121, mk); bad != "" {
		why := analysisutil.WhyUnavailable(bad, c.go121)
		switch {
		case analysisutil.UnavailableBuiltin(scope, c.pos, c.go121, plainCap) != "":
			return fmt.Sprintf("slice %q gets one append per iteration of the loop, a count known before it; make it with that capacity (not fixed automatically: %s)", c.name, why), false
		case c.elems > 0:
			return fmt.Sprintf("slice %q starts with %d elements and gets %s appends; make it with capacity %s (not fixed automatically: %s)",
				c.name, c.elems, count, plainCap, why), false
		}
		return fmt.Sprintf("slice %q gets %s appends; make it with capacity %s (not fixed automatically: %s)", c.name, count, plainCap, why), false
	}
	switch {
	case c.elems > 0:
		return fmt.Sprintf("slice %q starts with %d elements and gets %s appends; make it with capacity %s",
			c.name, c.elems, count, capText), true
	case grow && !pkgOK: // only when that is why there is no fix
		return fmt.Sprintf("slice %q gets %s appends; make it with %s, which stays nil when the loop runs zero times (not fixed automatically: slices is not the package here)", c.name, count, mk), true
	case grow:
		return fmt.Sprintf("slice %q gets %s appends; make it with %s, which stays nil when the loop runs zero times", c.name, count, mk), true
	case mayStayNil:
		return fmt.Sprintf("slice %q gets %s appends; make it with %s (not fixed automatically: it would no longer be nil when the loop runs zero times)", c.name, count, mk), true
	}
	return fmt.Sprintf("slice %q gets %s appends; make it with %s", c.name, count, mk), true
}

// growCall returns ref.Grow(T(nil), n), the creation that keeps a nil
// slice nil when n is 0, or "?" when the int it may write to convert n
// (Grow takes an int; make took any integer) is not the type int at pos.
func growCall(ref, typ, n string, nType types.Type, scope *types.Scope, pos token.Pos) string {
	if nType == nil || !types.Identical(nType, types.Typ[types.Int]) {
		if _, obj := scope.LookupParent("int", pos); obj != types.Universe.Lookup("int") {
			return "?"
		}
		n = "int(" + n + ")"
	}
	if strings.HasPrefix(typ, "func") || strings.HasPrefix(typ, "*") || strings.HasPrefix(typ, "<-") {
		typ = "(" + typ + ")"
	}
	return fmt.Sprintf("%s.Grow(%s(nil), %s)", ref, typ, n)
}

// fileOf returns the file of pass that holds pos.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// plus returns text + after, folded into one number when text is the
// constant k*trip.
func plus(trip *loops.Trip, k int64, text string, after int64) string {
	if trip.IsConst && text == trip.Times(k) {
		return strconv.FormatInt(k*trip.Const+after, 10)
	}
	return text + " + " + strconv.FormatInt(after, 10)
}

// appendsAfter counts the elements that the statements right after loop
// (in the block of the creation at cur) append to obj before any other
// use of it: "obj = append(obj, e1, ..., ek)" statements, and if
// statements whose branches use obj only in such statements (the larger
// branch counts). nonNil reports whether one append runs whatever
// happens: obj is non-nil after it, as make's slice would be.
func appendsAfter(info *types.Info, uses *loops.Uses, cur inspector.Cursor, loop ast.Stmt, obj types.Object) (n int64, nonNil bool) {
	list, _, ok := loops.StmtList(cur)
	if !ok {
		return 0, false
	}
	for s := range uses.Using(list, obj, loop.End()) {
		if k := appendedElems(info, s, obj); k > 0 {
			n, nonNil = n+k, true
		} else if k, ok := branchAppends(info, uses, s, obj); ok {
			n += k
		} else {
			break // another use: what follows is not the fill
		}
	}
	return n, nonNil
}

// branchAppends returns the most elements that the if statement s can
// append to obj, when its branches use obj only in
// "obj = append(obj, ...)" statements of their own blocks.
func branchAppends(info *types.Info, uses *loops.Uses, s ast.Stmt, obj types.Object) (int64, bool) {
	switch s := s.(type) {
	case nil:
		return 0, true
	case *ast.IfStmt:
		if (s.Init != nil && uses.Mentions(s.Init, obj)) || uses.Mentions(s.Cond, obj) {
			return 0, false
		}
		then, ok1 := branchAppends(info, uses, s.Body, obj)
		els, ok2 := branchAppends(info, uses, s.Else, obj)
		return max(then, els), ok1 && ok2
	case *ast.BlockStmt:
		if s == nil {
			return 0, true
		}
		var n int64
		for _, st := range s.List {
			if k := appendedElems(info, st, obj); k > 0 {
				n += k
			} else if uses.Mentions(st, obj) {
				return 0, false
			}
		}
		return n, true
	}
	return 0, false
}

// appendedByLaterLoop reports whether a loop after first, in the same
// statement list as the creation at cur (or nested in a later statement),
// appends to obj too before obj is assigned anew: then first's trip count
// is only part of the length. Only the statements that refer to obj can
// do either: they are found from obj's uses, not by walking the list.
func appendedByLaterLoop(info *types.Info, uses *loops.Uses, cur inspector.Cursor, first ast.Stmt, obj types.Object) bool {
	list, _, ok := loops.StmtList(cur)
	if !ok {
		return false
	}
	for pos := first.End(); ; {
		p, ok := uses.Next(obj, pos)
		if !ok {
			return false
		}
		j := loops.StmtAt(list, p)
		if j == len(list) {
			return false // after the list
		}
		s := list[j]
		pos = s.End()
		if resets(info, s, obj) {
			return false // out = nil: a new slice from here on
		}
		found := false
		ast.Inspect(s, func(n ast.Node) bool {
			if _, isLoop := n.(ast.Stmt); isLoop {
				if _, isLoop = loops.AsLoop(n.(ast.Stmt)); isLoop {
					found = found || appendsTo(info, n, obj)
					return false
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
}

// appendsTo reports whether n holds "obj = append(obj, ...)" (spread or not).
func appendsTo(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && loops.IsObj(info, as.Lhs[0], obj) && isAppendTo(info, as.Rhs[0], obj) {
			found = true
		}
		return !found
	})
	return found
}

// resets reports whether s is an assignment of obj other than an append
// to itself.
func resets(info *types.Info, s ast.Stmt, obj types.Object) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for i, lhs := range as.Lhs {
		if !loops.IsObj(info, lhs, obj) {
			continue
		}
		if len(as.Rhs) == len(as.Lhs) && isAppendTo(info, as.Rhs[i], obj) {
			continue
		}
		return true
	}
	return false
}

// isAppendTo reports whether e is append(obj, ...), spread or not.
func isAppendTo(info *types.Info, e ast.Expr, obj types.Object) bool {
	call, ok := e.(*ast.CallExpr)
	return ok && len(call.Args) > 0 && analysisutil.IsBuiltin(info, call.Fun, "append") && loops.IsObj(info, call.Args[0], obj)
}

// replaceCreation turns the creation into mk, keeping var or :=.
func replaceCreation(fset *token.FileSet, c *creation, mk string) []analysis.TextEdit {
	switch {
	case c.value != nil:
		return []analysis.TextEdit{{Pos: c.value.Pos(), End: c.value.End(), NewText: []byte(mk)}}
	case len(c.spec.Names) == 1: // var s T  ->  var s = make(T, 0, n)
		return []analysis.TextEdit{{Pos: c.id.End(), End: c.spec.Type.End(), NewText: []byte(" = " + mk)}}
	}
	// var a, s, b T  ->  var a, b T, then var s = make(T, 0, n) on a line
	// of its own: after the statement, or after the spec in a var group.
	names := c.spec.Names
	i := slices.Index(names, c.id)
	del := analysis.TextEdit{Pos: c.id.Pos(), End: names[min(i+1, len(names)-1)].Pos()}
	if i == len(names)-1 {
		del = analysis.TextEdit{Pos: names[i-1].End(), End: c.id.End()}
	}
	after, decl := c.stmt.End(), "var "+c.name+" = "+mk
	if g := c.stmt.(*ast.DeclStmt).Decl.(*ast.GenDecl); g.Lparen.IsValid() {
		after, decl = c.spec.End(), c.name+" = "+mk
	}
	indent := strings.Repeat("\t", max(fset.Position(c.spec.Pos()).Column-1, 0))
	if after == c.stmt.End() {
		indent = strings.Repeat("\t", max(fset.Position(c.stmt.Pos()).Column-1, 0))
	}
	return []analysis.TextEdit{del, {Pos: after, End: after, NewText: []byte("\n" + indent + decl)}}
}

// appendsPerIteration returns k when every use of obj in the loop is
// one of the loop body's own "s = append(s, e1, ..., ek)" statements, reached
// on every iteration, or a len/cap/index read; the total of their
// elements is k. Anything else (an append under if, in an inner loop or
// closure, a spread append, a reslice, an alias) gives 0.
func appendsPerIteration(info *types.Info, uses *loops.Uses, loop *loops.Loop, obj types.Object) int64 {
	var k, stmts int64
	for _, s := range loop.Body.List {
		if n := appendedElems(info, s, obj); n > 0 {
			if !loop.EveryIteration(info, s) {
				return 0
			}
			k += n
			stmts++
		}
	}
	if k == 0 {
		return 0
	}
	// Each counted statement uses obj twice; reads may use it once each.
	var reads int64
	bad := false
	ast.Inspect(loop.Stmt, func(n ast.Node) bool {
		if bad {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if len(n.Args) == 1 && loops.IsObj(info, n.Args[0], obj) &&
				analysisutil.IsBuiltin(info, n.Fun, "len", "cap") {
				reads++
			}
		case *ast.IndexExpr:
			if loops.IsObj(info, n.X, obj) {
				reads++
			}
		case *ast.UnaryExpr:
			// &s[i]: a pointer into the backing array that presizing
			// would keep valid across appends; don't change that.
			if ix, ok := n.X.(*ast.IndexExpr); ok && n.Op == token.AND && loops.IsObj(info, ix.X, obj) {
				bad = true
			}
		}
		return true
	})
	if bad || int64(uses.Count(obj, loop.Stmt.Pos(), loop.Stmt.End())) != 2*stmts+reads {
		return 0
	}
	return k
}

// appendedElems returns k for "s = append(s, e1, ..., ek)", else 0.
func appendedElems(info *types.Info, s ast.Stmt, obj types.Object) int64 {
	as, ok := s.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !loops.IsObj(info, as.Lhs[0], obj) {
		return 0
	}
	call, ok := as.Rhs[0].(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() || len(call.Args) < 2 || !analysisutil.IsBuiltin(info, call.Fun, "append") ||
		!loops.IsObj(info, call.Args[0], obj) {
		return 0
	}
	return int64(len(call.Args) - 1)
}
