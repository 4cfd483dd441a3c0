package hotmap

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loopmark"
	"github.com/maplint/maplint/internal/loops"
)

// Rule 2, per-iteration: a map made by a statement of a loop body, filled
// in the iteration with more than smallMap entries, that does not escape it:
//
//	for _, r := range rows {
//		seen := map[string]bool{} // make it once before the loop, clear(seen) here
//		for _, c := range r.Cells {
//			seen[c.Name] = true
//		}
//		use(seen)
//	}
//
// Silent when the map escapes the iteration (stored, returned, captured),
// when it stays small, and when the iteration that makes it always leaves
// the loop.

// CategoryPerIteration is the category of rule 2 (perIteration).
const CategoryPerIteration = "per-iteration"

// perIteration reports rule 2 (and returns true when it did): a map made
// by a statement of a loop body and filled in the iteration with more
// than smallMap entries possible, that does not escape the iteration.
func perIteration(pass *analysis.Pass, cur inspector.Cursor, c *creation) bool {
	info := pass.TypesInfo
	loop, body, ok := bodyLoop(cur)
	if !ok {
		return false
	}
	if t, ok := loop.TripCount(info, pass.Fset, loops.UsesOf(pass)); ok && t.IsConst && t.Const <= smallMap {
		return false // a few iterations: a few maps, little to gain
	}
	if repeats(info, loops.UsesOf(pass), loop) {
		return false
	}
	// The rest of the iteration: the statements after the creation.
	rest := body.List[cur.ParentEdgeIndex()+1:]
	if leavesLoop(info, loop, rest) {
		// The iteration that makes the map always ends the loop: it is
		// made at most once per run (crypto/x509's attribute search,
		// judged wrong by a second reviewer).
		return false
	}
	f := fillOf(info, pass.Fset, loops.UsesOf(pass), rest, c.obj)
	if f.escapes {
		return false
	}
	if f.grouping {
		// Grouping by level or counting by kind: often a handful of keys
		// that live on the stack (pebble's compaction tests, reviewed).
		return false
	}
	if !f.unknown && f.count+c.elems <= smallMap {
		return false // small: lives on the stack, a hoist gains nothing
	}
	if f.count == 0 && !f.unknown {
		return false // not filled in the iteration (a literal that is only read)
	}

	hint, ok := hoistHint(pass, loop, c, f)
	if !ok {
		// The map is sized per iteration by an existing hint that cannot
		// be written before the loop (its operands change in the loop):
		// a hoist would drop it (cmd/go's modload, reviewed), and the
		// hint already saves the growth.
		return true
	}
	if !reportPerIteration {
		// Off by default; the map is still this rule's, not missing-hint's.
		return true
	}
	typ := analysisutil.Render(pass.Fset, c.typ)
	mk := "make(" + typ + ")"
	if hint != "" {
		mk = "make(" + typ + ", " + hint + ")"
	}
	size := "an unknown number of"
	switch {
	case f.inner != nil && !f.unknownBeyondInner:
		size = "up to " + f.inner.Text
	case !f.unknown:
		size = fmt.Sprint("up to ", f.count+c.elems) // inserts may repeat keys
	}
	msg, fixable := hoistMessage(loops.UsesOf(pass), loop, body, c, mk, hint, size)
	d := analysis.Diagnostic{
		Pos:      c.value.Pos(),
		End:      c.value.End(),
		Category: CategoryPerIteration,
		Message:  msg,
		Related:  []analysis.RelatedInformation{loopmark.Related(loop.Stmt, loopmark.MadeEachRound)},
	}
	if fixable && c.elems == 0 && declaresOnly(c) && hoistable(info, pass.Pkg, loop, c) {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Make " + c.name + " once before the loop and clear it per iteration",
			TextEdits: hoistEdits(pass, loop, body, c, mk),
		}}
	}
	pass.Report(d)
	return true
}

// bodyLoop returns the loop (with its labels) whose body is the block
// that directly holds the statement at cur.
func bodyLoop(cur inspector.Cursor) (loop *loops.Loop, body *ast.BlockStmt, ok bool) {
	body, ok = cur.Parent().Node().(*ast.BlockStmt)
	if !ok || cur.ParentEdgeIndex() < 0 {
		return nil, nil, false
	}
	loopCur := cur.Parent().Parent()
	var outer ast.Stmt
	switch l := loopCur.Node().(type) {
	case *ast.ForStmt:
		if l.Body != body {
			return nil, nil, false
		}
		outer = l
	case *ast.RangeStmt:
		if l.Body != body {
			return nil, nil, false
		}
		outer = l
	default:
		return nil, nil, false
	}
	for p := loopCur.Parent(); ; p = p.Parent() {
		lab, ok := p.Node().(*ast.LabeledStmt)
		if !ok {
			break
		}
		outer = lab
	}
	loop, ok = loops.AsLoop(outer)
	return loop, body, ok
}

// hoistHint returns the size hint for the hoisted make: the existing
// one, or the inner fill's count, when it can be written before the loop.
// ok is false when the map has a hint that cannot: the advice would drop it.
func hoistHint(pass *analysis.Pass, loop *loops.Loop, c *creation, f fill) (hint string, ok bool) {
	info := pass.TypesInfo
	t, text := f.inner, ""
	existing := c.hint != nil && !analysisutil.IsZero(info, c.hint)
	if existing {
		t, text = loops.Names(info, c.hint), analysisutil.Render(pass.Fset, c.hint)
	} else if f.inner != nil {
		text = f.inner.Text
	}
	if t == nil {
		return "", true
	}
	if ok, _ := loops.Writable(info, loops.UsesOf(pass), pass.Pkg, t, loop.Outer.Pos(), nil); ok && !t.MayPanic &&
		!loops.Assigns(info, loop.Stmt, t.Roots) {
		return text, true
	}
	return "", !existing
}

// hoistMessage returns perIteration's message; fixable is false when
// make (or the hint's builtins, before the loop) or clear (first in the
// body) is not the builtin where it lands, or clear needs Go 1.21: then
// the message says it in words.
func hoistMessage(uses *loops.Uses, loop *loops.Loop, body *ast.BlockStmt, c *creation, mk, hint, size string) (msg string, fixable bool) {
	at := loop.Outer.Pos()
	mkBad := analysisutil.UnavailableBuiltin(uses.Innermost(at), at, c.go121, mk)
	clrPos := body.List[0].Pos()
	clrBad := analysisutil.UnavailableBuiltin(uses.Innermost(clrPos), clrPos, c.go121, "clear("+c.name+")")
	before := " with " + mk
	if mkBad != "" {
		before = " with a size hint of " + hint
		if hint == "" || analysisutil.UnavailableBuiltin(uses.Innermost(at), at, c.go121, hint) != "" {
			before = ""
		}
	}
	msg = fmt.Sprintf("map %q is made on every iteration and filled with %s entries; make it once before the loop%s and clear(%s) at the start of each iteration",
		c.name, size, before, c.name)
	if clrBad != "" {
		msg = fmt.Sprintf("map %q is made on every iteration and filled with %s entries; make it once before the loop%s and empty it at the start of each iteration",
			c.name, size, before)
	}
	if bad := cmp.Or(mkBad, clrBad); bad != "" {
		msg += " (not fixed automatically: " + analysisutil.WhyUnavailable(bad, c.go121) + ")"
		return msg, false
	}
	return msg, true
}

// leavesLoop reports whether one of stmts, statements of loop's body
// itself, unconditionally leaves the loop: a return, a break of this
// loop, or a call that does not return (analysisutil.NoReturn).
func leavesLoop(info *types.Info, loop *loops.Loop, stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			if s.Tok == token.BREAK && (s.Label == nil || loop.Label != nil && s.Label.Name == loop.Label.Name) {
				return true
			}
		case *ast.ExprStmt:
			if call, ok := s.X.(*ast.CallExpr); ok && analysisutil.NoReturn(info, call) {
				return true
			}
		}
	}
	return false
}

// declaresOnly reports whether c's statement declares nothing but the
// map, so the hoist may delete it: not a var group "var ( a = ...; m = ... )"
// or a statement with other names (var a, m = ...; a, m := ...),
// nor the "m = make(...)" after "var m map[K]V" (the var would stay in the
// loop, shadowing the hoisted map).
func declaresOnly(c *creation) bool {
	if as, ok := c.stmt.(*ast.AssignStmt); ok {
		return as.Tok == token.DEFINE && len(as.Lhs) == 1
	}
	ds, ok := c.stmt.(*ast.DeclStmt)
	if !ok {
		return true
	}
	g, ok := ds.Decl.(*ast.GenDecl)
	return ok && len(g.Specs) == 1 && c.spec != nil && len(c.spec.Names) == 1
}

// repeats reports whether loop repeats the same work: a range or
// counted loop whose body uses no iteration variable (for range 1000).
// Tests and stress loops do that, and want a fresh map per round
// (runtime's map tests check iteration order over fresh maps).
func repeats(info *types.Info, uses *loops.Uses, loop *loops.Loop) bool {
	if f, ok := loop.Stmt.(*ast.ForStmt); ok && (f.Init == nil || f.Post == nil) {
		return false // for {} and for cond {}: state moves through other variables
	}
	a, b := loop.IterVars(info)
	for _, v := range [2]types.Object{a, b} {
		if v != nil && uses.Mentions(loop.Body, v) {
			return false
		}
	}
	return true
}

// fill is what the rest of an iteration does with a map made in it.
type fill struct {
	count   int         // inserts counted outside inner loops (and constant inner loops)
	unknown bool        // some insert runs an unknown number of times
	inner   *loops.Trip // the trip count of the single inner loop that fills it, if known
	// unknownBeyondInner: other fills besides that inner loop
	unknownBeyondInner bool
	escapes            bool
	// grouping: an insert appends to the map's own entry
	// (m[k] = append(m[k], x)): items grouped by a category, whose
	// number of keys the inserts say nothing about. Counting (m[w]++)
	// is not grouping: its keys are usually the items themselves.
	grouping bool
}

// fillOf counts the inserts into obj in stmts and decides whether the map
// escapes them.
func fillOf(info *types.Info, fset *token.FileSet, uses *loops.Uses, stmts []ast.Stmt, obj types.Object) fill {
	w := &fillWalk{info: info, uses: uses, obj: obj}
	refs := 0
	for _, s := range stmts {
		ast.Inspect(s, w.visit)
		refs += uses.Count(obj, s.Pos(), s.End())
	}
	if refs != w.accounted {
		w.f.escapes = true // a use that is no insert, read or allowed call
	}
	w.countInner(fset)
	return w.f
}

// fillWalk is fillOf's walk of the rest of an iteration.
type fillWalk struct {
	info *types.Info
	uses *loops.Uses
	obj  types.Object
	f    fill
	// accounted counts the uses of obj known to keep it in the iteration
	// (index, range, allowed call).
	accounted int
	loopStack []ast.Stmt // the loops around the current node, within the walk
	// innerLoop is the loop that holds the inserts under one loop, and
	// innerInserts their number.
	innerLoop    *loops.Loop
	innerInserts int
}

func (w *fillWalk) visit(n ast.Node) bool {
	if w.f.escapes {
		return false
	}
	info, obj := w.info, w.obj
	switch n := n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		w.enterLoop(n.(ast.Stmt))
		return false
	case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
		if w.uses.Mentions(n, obj) {
			w.f.escapes = true // a closure, goroutine or deferred call keeps it
		}
		return false
	case *ast.IndexExpr:
		if loops.IsObj(info, n.X, obj) {
			w.accounted++
		}
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			if ix, ok := l.(*ast.IndexExpr); ok && loops.IsObj(info, ix.X, obj) {
				w.insert()
				if n.Tok == token.ASSIGN && len(n.Rhs) == len(n.Lhs) && w.uses.Mentions(n.Rhs[i], obj) {
					w.f.grouping = true
				}
			}
		}
	case *ast.IncDecStmt:
		if ix, ok := n.X.(*ast.IndexExpr); ok && loops.IsObj(info, ix.X, obj) {
			w.insert()
		}
	case *ast.CallExpr:
		a, isFill := allowedCall(info, n, obj)
		w.accounted += a
		if isFill {
			w.f.unknown = true
		}
	}
	return true
}

// enterLoop walks an inner loop with it on the stack.
func (w *fillWalk) enterLoop(n ast.Stmt) {
	w.loopStack = append(w.loopStack, n)
	ast.Inspect(n, func(m ast.Node) bool {
		if m == n {
			return true
		}
		return w.visit(m)
	})
	// Range over the map itself reads it.
	if r, ok := n.(*ast.RangeStmt); ok && loops.IsObj(w.info, r.X, w.obj) {
		w.accounted++
	}
	w.loopStack = w.loopStack[:len(w.loopStack)-1]
}

// insert records an insert under the loops of the stack.
func (w *fillWalk) insert() {
	switch len(w.loopStack) {
	case 0:
		w.f.count++
	case 1:
		l, _ := loops.AsLoop(w.loopStack[0])
		if w.innerLoop != nil && w.innerLoop.Stmt != l.Stmt {
			w.f.unknown = true // inserts in two inner loops
			return
		}
		w.innerLoop = l
		w.innerInserts++
	default:
		w.f.unknown = true // nested inner loops
	}
}

// countInner adds the inserts of the inner loop: a constant trip count
// to the count, a known one as f.inner; any other is unknown.
func (w *fillWalk) countInner(fset *token.FileSet) {
	f := &w.f
	if w.innerLoop != nil && w.innerInserts == 1 {
		if t, ok := w.innerLoop.TripCount(w.info, fset, w.uses); ok {
			if t.IsConst {
				f.count += int(min(t.Const, 1<<20))
			} else {
				f.inner = t
			}
		} else {
			f.unknown = true
		}
	} else if w.innerLoop != nil || w.innerInserts > 0 {
		f.unknown = true
	}
	if f.inner != nil {
		f.unknownBeyondInner = f.unknown || f.count > 0
		f.unknown = true // not a constant
	}
}

// allowedCall returns how many of call's arguments are obj in a position
// that does not retain it, and whether the call fills it (maps.Copy
// into it). Calls that retain get 0, so the use count flags an escape.
func allowedCall(info *types.Info, call *ast.CallExpr, obj types.Object) (accounted int, fills bool) {
	n := 0
	for _, a := range call.Args {
		if loops.IsObj(info, a, obj) {
			n++
		}
	}
	// maps.Keys(m) / maps.Values(m) consumed in place.
	if isConsumer(info, call) && len(call.Args) >= 1 {
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok && isKeysValues(info, inner) &&
			len(inner.Args) == 1 && loops.IsObj(info, inner.Args[0], obj) {
			return 1, false
		}
	}
	if n == 0 {
		return 0, false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "delete", "clear":
				return n, false
			}
			return 0, false
		}
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	intoFirst, ok := keepsNoMapArg[fn.FullName()]
	if !ok {
		return 0, false
	}
	return n, intoFirst && loops.IsObj(info, call.Args[0], obj)
}

// keepsNoMapArg are the functions and methods, as [types.Func.FullName]
// writes them, that read their map arguments and keep none; true marks
// those that copy entries into their first argument (maps.Copy(m, src)):
// a fill of unknown size. TestAPITables checks each against its doc in
// GOROOT.
var keepsNoMapArg = map[string]bool{
	"fmt.Print": false, "fmt.Printf": false, "fmt.Println": false,
	"fmt.Sprint": false, "fmt.Sprintf": false, "fmt.Sprintln": false,
	"fmt.Fprint": false, "fmt.Fprintf": false, "fmt.Fprintln": false,
	"fmt.Append": false, "fmt.Appendf": false, "fmt.Appendln": false,
	"fmt.Errorf": false,

	"encoding/json.Marshal": false, "encoding/json.MarshalIndent": false,
	"(*encoding/json.Encoder).Encode": false,

	"reflect.DeepEqual": false,

	"maps.Clone": false, "maps.Equal": false, "maps.EqualFunc": false,
	"maps.Copy": true, "maps.Insert": true,
}

func isConsumer(info *types.Info, call *ast.CallExpr) bool {
	return analysisutil.IsFunctionNamed(typeutil.Callee(info, call), "slices", "Collect", "Sorted", "SortedFunc")
}

func isKeysValues(info *types.Info, call *ast.CallExpr) bool {
	return analysisutil.IsFunctionNamed(typeutil.Callee(info, call), "maps", "Keys", "Values")
}

// hoistable reports whether the creation can move before the loop: its
// name is visible nowhere there and the loop declares it nowhere else,
// and its type is written in names visible before the loop.
func hoistable(info *types.Info, pkg *types.Package, loop *loops.Loop, c *creation) bool {
	if pkg == nil {
		return false
	}
	pos := loop.Outer.Pos()
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	if _, o := scope.LookupParent(c.name, pos); o != nil {
		return false
	}
	clash := false
	ast.Inspect(loop.Stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == c.name {
			if o := info.Defs[id]; o != nil && o != c.obj {
				clash = true
			}
			if o := info.Uses[id]; o != nil && o != c.obj {
				clash = true
			}
		}
		return !clash
	})
	if clash {
		return false
	}
	inScope := true
	ast.Inspect(c.typ, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			n = sel.X // pkg.T: the package name must be visible
		}
		if id, ok := n.(*ast.Ident); ok {
			if _, o := scope.LookupParent(id.Name, pos); o == nil || o != info.Uses[id] {
				inScope = false
			}
			return false
		}
		return inScope
	})
	return inScope
}

// hoistEdits moves the creation before the loop as mk and puts clear(m)
// first in the body.
func hoistEdits(pass *analysis.Pass, loop *loops.Loop, body *ast.BlockStmt, c *creation, mk string) []analysis.TextEdit {
	indent := strings.Repeat("\t", max(pass.Fset.Position(loop.Stmt.Pos()).Column-1, 0)) // a label sits at column 1
	decl := c.name + " := " + mk
	if c.spec != nil {
		decl = "var " + c.name + " = " + mk
	}
	edits := []analysis.TextEdit{{Pos: loop.Outer.Pos(), End: loop.Outer.Pos(), NewText: []byte(decl + "\n" + indent)}}
	clr := "clear(" + c.name + ")"
	if body.List[0] == c.stmt {
		return append(edits, analysis.TextEdit{Pos: c.stmt.Pos(), End: c.stmt.End(), NewText: []byte(clr)})
	}
	bodyIndent := strings.Repeat("\t", max(pass.Fset.Position(body.List[0].Pos()).Column-1, 0))
	var next token.Pos
	for i, s := range body.List {
		if s == c.stmt && i+1 < len(body.List) {
			next = body.List[i+1].Pos()
		}
	}
	if !next.IsValid() {
		next = c.stmt.End()
	}
	return append(edits,
		analysis.TextEdit{Pos: body.List[0].Pos(), End: body.List[0].Pos(), NewText: []byte(clr + "\n" + bodyIndent)},
		analysis.TextEdit{Pos: c.stmt.Pos(), End: next})
}
