package hotmap

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/analyzers/internal/analysisutil"
	"github.com/maplint/maplint/analyzers/internal/loops"
	"github.com/maplint/maplint/internal/loopmark"
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

func init() {
	analysisutil.TestsFlag(Analyzer, &reportTests,
		"also report maps in _test.go files (off: test inputs are mostly a few keys, where a hint changes nothing)")
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

// CategoryMissingHint is the category of rule 1 (missingHint).
const CategoryMissingHint = "missing-hint"

// missingHint reports rule 1: a fresh unhinted map that the next loop
// fills with one plain insert per iteration.
func missingHint(pass *analysis.Pass, cur inspector.Cursor, c *creation) {
	info, uses := pass.TypesInfo, loops.UsesOf(pass)
	fill, ok := loops.NextFill(pass, cur, c.obj, c.pos)
	if !ok || !oneInsertPerIteration(info, fill.Loop, c.obj) {
		return
	}
	// Single keys added after the loop count; keys from anything else
	// would make "up to n entries" false.
	extra, ok := insertsAfter(info, uses, cur, c, fill.Loop.Stmt.End())
	if !ok {
		return
	}
	trip, safe := fill.Trip, fill.Safe
	hint := trip.Text
	switch {
	case extra > 0 && trip.IsConst:
		hint = strconv.FormatInt(trip.Const+int64(extra), 10)
	case extra > 0:
		hint += " + " + strconv.Itoa(extra)
	}
	typ := analysisutil.Render(pass.Fset, c.typ)
	mk := fmt.Sprintf("make(%s, %s)", typ, hint)
	msg := fmt.Sprintf("map %q is filled with up to %s entries; make it with %s", c.name, hint, mk)
	// make and len must be the builtins where the text lands: else no
	// fix, and the message says it in words.
	scope := uses.Innermost(c.value.Pos())
	if bad := analysisutil.UnavailableBuiltin(scope, c.value.Pos(), true, mk); bad != "" {
		safe = false
		why := analysisutil.WhyUnavailable(bad, true)
		if analysisutil.UnavailableBuiltin(scope, c.value.Pos(), true, hint) == "" {
			msg = fmt.Sprintf("map %q is filled with up to %s entries; give it a size hint of %s (not fixed automatically: %s)", c.name, hint, hint, why)
		} else {
			msg = fmt.Sprintf("map %q is filled with one entry per iteration of the loop, a count known before it; give it that size hint (not fixed automatically: %s)", c.name, why)
		}
	}
	d := analysis.Diagnostic{
		Pos:      c.value.Pos(),
		End:      c.value.End(),
		Category: CategoryMissingHint,
		Message:  msg,
		// The loop's range: editors show it, internal/hot weighs it by a profile.
		Related: []analysis.RelatedInformation{fill.Related},
	}
	if safe {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Make " + c.name + " with size hint " + hint,
			TextEdits: []analysis.TextEdit{{Pos: c.value.Pos(), End: c.value.End(), NewText: []byte(mk)}},
		}}
	}
	pass.Report(d)
}

// insertsAfter returns how many keys the function around cur can add to
// c's map after end (the filling loop's end): single inserts (m[k] = v,
// m[k]++, conditional or not) that run at most once each. ok is false
// when keys may come from anything else: an insert in a later loop or a
// closure, a call that takes the map (maps.Copy, a helper that fills it),
// a method call on it, its address, a goto, or a variable it is copied
// to (last = m) that gets any of those.
func insertsAfter(info *types.Info, uses *loops.Uses, cur inspector.Cursor, c *creation, end token.Pos) (n int, ok bool) {
	_, _, body := analysisutil.EnclosingFunc(info, cur)
	if body == nil {
		return 0, false
	}
	n, aliases, ok := keysAdded(info, uses, body, c.obj, end, c.pos)
	for _, a := range aliases {
		// Anywhere in the function: a loop may run its inserts after the copy.
		if k, more, aliasOK := keysAdded(info, uses, body, a, body.Pos(), body.End()); k > 0 || len(more) > 0 || !aliasOK {
			return 0, false
		}
	}
	return n, ok
}

// keysAdded walks body from pos from on and counts the inserts into obj
// that run at most once each (not in a loop or closure that starts after
// fresh); ok is false when keys may come otherwise (see insertsAfter).
// aliases are the variables obj is copied to.
func keysAdded(info *types.Info, uses *loops.Uses, body *ast.BlockStmt, obj types.Object, from, fresh token.Pos) (n int, aliases []types.Object, ok bool) {
	if uses.GotoIn(body.Pos(), body.End()) {
		return 0, nil, false // a jump back could run an insert again
	}
	ok = true
	var stack []ast.Node
	repeated := func() bool {
		for _, s := range stack {
			switch s.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
				if s.Pos() > fresh {
					return true
				}
			}
		}
		return false
	}
	insert := func(e ast.Expr) {
		if ix, isIndex := ast.Unparen(e).(*ast.IndexExpr); isIndex && loops.IsObj(info, ix.X, obj) {
			ok = ok && !repeated()
			n++
		}
	}
	copied := func(lhs ast.Expr) {
		id, isIdent := ast.Unparen(lhs).(*ast.Ident)
		if !isIdent || id.Name == "_" {
			return // a field, element or global store: filled elsewhere, not here
		}
		if o := info.ObjectOf(id); o != nil && o != obj {
			aliases = append(aliases, o)
		}
	}
	visit := func(node ast.Node) bool {
		if !ok {
			return false
		}
		if node == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		// Every case below needs a use of obj inside node: skip the rest
		// of a function that fills thousands of maps (issue 14) by index.
		if node.End() <= from || !uses.In(obj, max(node.Pos(), from), node.End()) {
			return false
		}
		if node.Pos() >= from {
			switch x := node.(type) {
			case *ast.AssignStmt:
				for i, l := range x.Lhs {
					insert(l)
					if len(x.Rhs) == len(x.Lhs) && loops.IsObj(info, x.Rhs[i], obj) {
						copied(l)
					}
				}
			case *ast.ValueSpec:
				for i, v := range x.Values {
					if loops.IsObj(info, v, obj) && i < len(x.Names) {
						copied(x.Names[i])
					}
				}
			case *ast.IncDecStmt:
				insert(x.X)
			case *ast.UnaryExpr:
				if x.Op == token.AND && loops.IsObj(info, x.X, obj) {
					ok = false
				}
			case *ast.SelectorExpr:
				if sel, isSel := info.Selections[x]; isSel && sel.Kind() == types.MethodVal && loops.IsObj(info, x.X, obj) {
					ok = false // a method of a named map type may insert
				}
			case *ast.CallExpr:
				ok = !mayInsert(info, x, obj)
			}
		}
		stack = append(stack, node)
		return true
	}
	// Only the statements that refer to obj (the body itself is no loop).
	for s := range uses.Using(body.List, obj, from) {
		if ast.Inspect(s, visit); !ok {
			break
		}
	}
	return n, aliases, ok
}

// mayInsert reports whether call takes obj and may add keys to it: any
// call but the builtins, the reading functions rule 2 allows, log's and
// testing's printers, and maps.Keys, Values and All (iterators over it).
func mayInsert(info *types.Info, call *ast.CallExpr, obj types.Object) bool {
	n := 0
	for _, a := range call.Args {
		if loops.IsObj(info, a, obj) {
			n++
		}
	}
	if n == 0 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, builtin := info.Uses[id].(*types.Builtin); builtin {
			return false // append(ms, m), len, delete, clear: none adds a key
		}
	}
	if accounted, fills := allowedCall(info, call, obj); fills || accounted == n {
		return fills
	}
	// log's printers and those of testing.T, B and F format it, as fmt's do.
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Pkg() != nil &&
		(fn.Pkg().Path() == "log" || fn.Pkg().Path() == "testing") {
		for _, p := range [...]string{"Print", "Fatal", "Panic", "Error", "Log", "Skip"} {
			if strings.HasPrefix(fn.Name(), p) {
				return false
			}
		}
	}
	return !isKeysValues(info, call) && !analysisutil.IsFunctionNamed(typeutil.Callee(info, call), "maps", "All")
}

// oneInsertPerIteration reports whether the loop's only write to the map
// is one plain "m[key] = v" statement of the body, reached on every
// iteration, with a key that is the iteration's own value; the map is
// used nowhere else in the loop.
func oneInsertPerIteration(info *types.Info, loop *loops.Loop, obj types.Object) bool {
	var insert *ast.AssignStmt
	for _, s := range loop.Body.List {
		as, ok := s.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 {
			continue
		}
		ix, ok := as.Lhs[0].(*ast.IndexExpr)
		if !ok || !loops.IsObj(info, ix.X, obj) {
			continue
		}
		if insert != nil || as.Tok != token.ASSIGN || len(as.Rhs) != 1 ||
			!loop.EveryIteration(info, s) || !loop.Derived(info, ix.Index) ||
			loops.Mentions(info, as.Rhs[0], obj) || loops.Mentions(info, ix.Index, obj) {
			return false // a second insert, m[k] += v, a conditional or computed key, a grouping
		}
		insert = as
	}
	if insert == nil {
		return false
	}
	// The insert must be the loop's only use of the map. A read (a lookup
	// before the insert, len(m)) means the loop cares about keys already
	// there: it groups or dedupes (stats := m[k]; ...; m[k] = stats in
	// cmd/trace), so n would over-size the map.
	uses := 0
	ast.Inspect(loop.Stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			uses++
		}
		return true
	})
	return uses == 1
}

// CategoryPerIteration is the category of rule 2 (perIteration).
const CategoryPerIteration = "per-iteration"

// perIteration reports rule 2 (and returns true when it did): a map made
// by a statement of a loop body and filled in the iteration with more
// than smallMap entries possible, that does not escape the iteration.
func perIteration(pass *analysis.Pass, cur inspector.Cursor, c *creation) bool {
	info := pass.TypesInfo
	body, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok || cur.ParentEdgeIndex() < 0 {
		return false
	}
	loopCur := cur.Parent().Parent()
	var outer ast.Stmt
	switch l := loopCur.Node().(type) {
	case *ast.ForStmt:
		if l.Body != body {
			return false
		}
		outer = l
	case *ast.RangeStmt:
		if l.Body != body {
			return false
		}
		outer = l
	default:
		return false
	}
	for p := loopCur.Parent(); ; p = p.Parent() {
		lab, ok := p.Node().(*ast.LabeledStmt)
		if !ok {
			break
		}
		outer = lab
	}
	loop, ok := loops.AsLoop(outer)
	if !ok {
		return false
	}
	if t, ok := loop.TripCount(info, pass.Fset); ok && t.IsConst && t.Const <= smallMap {
		return false // a few iterations: a few maps, little to gain
	}
	if repeats(info, loop) {
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
	f := fillOf(info, pass.Fset, rest, c.obj)
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

	// Hint for the hoisted make: the existing one, or the inner fill's
	// count, when it can be written before the loop.
	var hint string
	if c.hint != nil && !analysisutil.IsZero(info, c.hint) {
		if t := hintTrip(info, c.hint); t != nil {
			if ok, _ := loops.Writable(info, loops.UsesOf(pass), pass.Pkg, t, loop.Outer.Pos(), nil); ok && !t.MayPanic &&
				!loops.Assigns(info, loop.Stmt, t.Roots) {
				hint = analysisutil.Render(pass.Fset, c.hint)
			}
		}
	} else if f.inner != nil {
		if ok, _ := loops.Writable(info, loops.UsesOf(pass), pass.Pkg, f.inner, loop.Outer.Pos(), nil); ok && !f.inner.MayPanic &&
			!loops.Assigns(info, loop.Stmt, f.inner.Roots) {
			hint = f.inner.Text
		}
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
	// make (and the hint's builtins) land before the loop, clear first
	// in the body: each must be the builtin there, and clear needs Go
	// 1.21. Otherwise no fix, and the message says it in words.
	uses := loops.UsesOf(pass)
	mkBad := analysisutil.UnavailableBuiltin(uses.Innermost(loop.Outer.Pos()), loop.Outer.Pos(), c.go121, mk)
	clrPos := body.List[0].Pos()
	clrBad := analysisutil.UnavailableBuiltin(uses.Innermost(clrPos), clrPos, c.go121, "clear("+c.name+")")
	before := " with " + mk
	if mkBad != "" {
		before = " with a size hint of " + hint
		if hint == "" || analysisutil.UnavailableBuiltin(uses.Innermost(loop.Outer.Pos()), loop.Outer.Pos(), c.go121, hint) != "" {
			before = ""
		}
	}
	msg := fmt.Sprintf("map %q is made on every iteration and filled with %s entries; make it once before the loop%s and clear(%s) at the start of each iteration",
		c.name, size, before, c.name)
	if clrBad != "" {
		msg = fmt.Sprintf("map %q is made on every iteration and filled with %s entries; make it once before the loop%s and empty it at the start of each iteration",
			c.name, size, before)
	}
	if bad := cmp.Or(mkBad, clrBad); bad != "" {
		msg += " (not fixed automatically: " + analysisutil.WhyUnavailable(bad, c.go121) + ")"
	}
	d := analysis.Diagnostic{
		Pos:      c.value.Pos(),
		End:      c.value.End(),
		Category: CategoryPerIteration,
		Message:  msg,
		Related:  []analysis.RelatedInformation{loopmark.Related(loop.Stmt, loopmark.MadeEachRound)},
	}
	if mkBad == "" && clrBad == "" && c.elems == 0 && declaresOnly(c) && hoistable(info, pass.Pkg, loop, c) {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Make " + c.name + " once before the loop and clear it per iteration",
			TextEdits: hoistEdits(pass, loop, body, c, mk),
		}}
	}
	pass.Report(d)
	return true
}

// leavesLoop reports whether one of stmts, statements of loop's body
// itself, unconditionally leaves the loop: a return, a break of this
// loop, or a call to panic.
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
			if call, ok := s.X.(*ast.CallExpr); ok && analysisutil.IsBuiltin(info, call.Fun, "panic") {
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
func repeats(info *types.Info, loop *loops.Loop) bool {
	if f, ok := loop.Stmt.(*ast.ForStmt); ok && (f.Init == nil || f.Post == nil) {
		return false // for {} and for cond {}: state moves through other variables
	}
	a, b := loop.IterVars(info)
	for _, v := range [2]types.Object{a, b} {
		if v != nil && loops.Mentions(info, loop.Body, v) {
			return false
		}
	}
	return true
}

// hintTrip wraps an existing hint expression for the scope checks.
func hintTrip(info *types.Info, e ast.Expr) *loops.Trip {
	t := &loops.Trip{}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if _, isField := info.Selections[n]; isField {
				t.MayPanic = t.MayPanic || info.Selections[n].Indirect()
				ast.Inspect(n.X, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						t.Idents = append(t.Idents, id)
						if o := info.Uses[id]; o != nil {
							t.Roots = append(t.Roots, o)
						}
					}
					return true
				})
				return false
			}
		case *ast.Ident:
			t.Idents = append(t.Idents, n)
			if o := info.Uses[n]; o != nil {
				t.Roots = append(t.Roots, o)
			}
		case *ast.CallExpr:
			if !analysisutil.IsBuiltin(info, n.Fun, "len") && !analysisutil.IsBuiltin(info, n.Fun, "cap") {
				if tv, ok := info.Types[n.Fun]; !ok || !tv.IsType() {
					t.MayPanic = true // a call: may have effects, keep it in place
				}
			}
		case *ast.StarExpr, *ast.IndexExpr, *ast.SliceExpr:
			t.MayPanic = true
		}
		return true
	})
	return t
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
func fillOf(info *types.Info, fset *token.FileSet, stmts []ast.Stmt, obj types.Object) fill {
	var f fill
	var uses, accounted int
	var innerLoop *loops.Loop
	innerInserts := 0
	// loopStack holds the loops enclosing the current node (within stmts).
	var loopStack []ast.Stmt
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if f.escapes {
			return false
		}
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loopStack = append(loopStack, n.(ast.Stmt))
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return visit(m)
			})
			// Range over the map itself reads it.
			if r, ok := n.(*ast.RangeStmt); ok && loops.IsObj(info, r.X, obj) {
				accounted++
			}
			loopStack = loopStack[:len(loopStack)-1]
			return false
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			if loops.Mentions(info, n, obj) {
				f.escapes = true // a closure, goroutine or deferred call keeps it
			}
			return false
		case *ast.Ident:
			if info.Uses[n] == obj {
				uses++
			}
		case *ast.IndexExpr:
			if loops.IsObj(info, n.X, obj) {
				accounted++
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if ix, ok := l.(*ast.IndexExpr); ok && loops.IsObj(info, ix.X, obj) {
					insertAt(&f, loopStack, &innerLoop, &innerInserts)
					if n.Tok == token.ASSIGN && len(n.Rhs) == len(n.Lhs) && loops.Mentions(info, n.Rhs[i], obj) {
						f.grouping = true
					}
				}
			}
		case *ast.IncDecStmt:
			if ix, ok := n.X.(*ast.IndexExpr); ok && loops.IsObj(info, ix.X, obj) {
				insertAt(&f, loopStack, &innerLoop, &innerInserts)
			}
		case *ast.CallExpr:
			a, isFill := allowedCall(info, n, obj)
			accounted += a
			if isFill {
				f.unknown = true
			}
		}
		return true
	}
	for _, s := range stmts {
		ast.Inspect(s, visit)
	}
	if uses != accounted {
		f.escapes = true
	}
	if innerLoop != nil && innerInserts == 1 {
		if t, ok := innerLoop.TripCount(info, fset); ok {
			if t.IsConst {
				f.count += int(min(t.Const, 1<<20))
			} else {
				f.inner = t
			}
		} else {
			f.unknown = true
		}
	} else if innerLoop != nil || innerInserts > 0 {
		f.unknown = true
	}
	if f.inner != nil {
		f.unknownBeyondInner = f.unknown || f.count > 0
		f.unknown = true // not a constant
	}
	return f
}

// insertAt records an insert under the loops of stack.
func insertAt(f *fill, stack []ast.Stmt, innerLoop **loops.Loop, innerInserts *int) {
	switch len(stack) {
	case 0:
		f.count++
	case 1:
		l, _ := loops.AsLoop(stack[0])
		if *innerLoop != nil && (*innerLoop).Stmt != l.Stmt {
			f.unknown = true // inserts in two inner loops
			return
		}
		*innerLoop = l
		*innerInserts++
	default:
		f.unknown = true // nested inner loops
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
	path, name := fn.Pkg().Path(), fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		if path == "encoding/json" && name == "Encode" {
			return n, false
		}
		return 0, false
	}
	switch path {
	case "fmt":
		if strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Sprint") ||
			strings.HasPrefix(name, "Fprint") || strings.HasPrefix(name, "Append") || name == "Errorf" {
			return n, false
		}
	case "encoding/json":
		if name == "Marshal" || name == "MarshalIndent" {
			return n, false
		}
	case "reflect":
		if name == "DeepEqual" {
			return n, false
		}
	case "maps":
		switch name {
		case "Clone", "Equal", "EqualFunc":
			return n, false
		case "Copy", "Insert":
			if loops.IsObj(info, call.Args[0], obj) {
				return n, true // copying into it: a fill of unknown size
			}
			return n, false
		}
	}
	return 0, false
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
