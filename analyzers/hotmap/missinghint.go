package hotmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
	"github.com/maplint/maplint/internal/loops"
)

// Rule 1, missing-hint: a fresh map without a size hint that the next
// loop fills with one insert per iteration, a count known before it:
//
//	byID := map[int64]*Order{} // make(map[int64]*Order, len(orders))
//	for _, o := range orders {
//		byID[o.ID] = o
//	}
//
// Silent when the loop may insert a key twice or not at all (a computed
// key, a conditional insert), or when the map is not used after it. The
// loop and its count come from loops.NextFill, shared with makecap.

// CategoryMissingHint is the category of rule 1 (missingHint).
const CategoryMissingHint = "missing-hint"

// missingHint reports rule 1: a fresh unhinted map that the next loop
// fills with one plain insert per iteration.
func missingHint(pass *analysis.Pass, cur inspector.Cursor, c *creation) {
	info, uses := pass.TypesInfo, loops.UsesOf(pass)
	fill, ok := loops.NextFill(pass, cur, c.obj, c.pos)
	if !ok || !oneInsertPerIteration(info, uses, fill.Loop, c.obj) {
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
	k := &keyWalk{info: info, uses: uses, obj: obj, from: from, fresh: fresh, ok: true}
	// Only the statements that refer to obj (the body itself is no loop).
	for s := range uses.Using(body.List, obj, from) {
		if ast.Inspect(s, k.visit); !k.ok {
			break
		}
	}
	return k.n, k.aliases, k.ok
}

// keyWalk is keysAdded's walk.
type keyWalk struct {
	info        *types.Info
	uses        *loops.Uses
	obj         types.Object
	from, fresh token.Pos
	stack       []ast.Node // the nodes around the current one
	n           int
	aliases     []types.Object
	ok          bool
}

func (k *keyWalk) visit(node ast.Node) bool {
	if !k.ok {
		return false
	}
	if node == nil {
		k.stack = k.stack[:len(k.stack)-1]
		return true
	}
	// Every case of use needs a use of obj inside node: skip the rest of
	// a function that fills thousands of maps (issue 14) by index.
	if node.End() <= k.from || !k.uses.In(k.obj, max(node.Pos(), k.from), node.End()) {
		return false
	}
	if node.Pos() >= k.from {
		k.use(node)
	}
	k.stack = append(k.stack, node)
	return true
}

// use records what node, which refers to obj, does with it.
func (k *keyWalk) use(node ast.Node) {
	info, obj := k.info, k.obj
	switch x := node.(type) {
	case *ast.AssignStmt:
		for i, l := range x.Lhs {
			k.insert(l)
			if len(x.Rhs) == len(x.Lhs) && loops.IsObj(info, x.Rhs[i], obj) {
				k.copied(l)
			}
		}
	case *ast.ValueSpec:
		for i, v := range x.Values {
			if loops.IsObj(info, v, obj) && i < len(x.Names) {
				k.copied(x.Names[i])
			}
		}
	case *ast.IncDecStmt:
		k.insert(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND && loops.IsObj(info, x.X, obj) {
			k.ok = false
		}
	case *ast.SelectorExpr:
		if sel, isSel := info.Selections[x]; isSel && sel.Kind() == types.MethodVal && loops.IsObj(info, x.X, obj) {
			k.ok = false // a method of a named map type may insert
		}
	case *ast.CallExpr:
		k.ok = !mayInsert(info, x, obj)
	}
}

// insert counts e if it is an insert into obj (e is an assignment's or
// inc/dec's left side).
func (k *keyWalk) insert(e ast.Expr) {
	if ix, isIndex := ast.Unparen(e).(*ast.IndexExpr); isIndex && loops.IsObj(k.info, ix.X, k.obj) {
		k.ok = k.ok && !k.repeated()
		k.n++
	}
}

// repeated reports whether the current node is in a loop or closure that
// starts after fresh: it may run more than once.
func (k *keyWalk) repeated() bool {
	for _, s := range k.stack {
		switch s.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			if s.Pos() > k.fresh {
				return true
			}
		}
	}
	return false
}

// copied records the variable lhs when obj is copied to it.
func (k *keyWalk) copied(lhs ast.Expr) {
	id, isIdent := ast.Unparen(lhs).(*ast.Ident)
	if !isIdent || id.Name == "_" {
		return // a field, element or global store: filled elsewhere, not here
	}
	if o := k.info.ObjectOf(id); o != nil && o != k.obj {
		k.aliases = append(k.aliases, o)
	}
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
func oneInsertPerIteration(info *types.Info, uses *loops.Uses, loop *loops.Loop, obj types.Object) bool {
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
			uses.Mentions(as.Rhs[0], obj) || uses.Mentions(ix.Index, obj) {
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
	return uses.Count(obj, loop.Stmt.Pos(), loop.Stmt.End()) == 1
}
