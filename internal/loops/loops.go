// Package loops holds the loop facts that makecap and hotmap share: how
// many times a loop runs (trip count), whether it can stop early, whether
// a statement runs on every iteration, and whether a variable is fresh
// between its creation and the loop that fills it. One implementation, so
// both analyzers agree on what "a loop that runs n times" means.
//
// Every function tolerates incomplete type information: a missing type or
// object makes the answer "unknown", never a panic.
package loops

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

// SmallCount is the largest constant trip count (or map fill) that the
// advice rules leave alone: a map of up to 8 entries is one group of
// slots, on the stack when it does not escape, so a hint or a hoist
// changes nothing; a loop of at most 8 iterations over a literal or an
// array is a table, where presizing a slice saves a few tiny
// allocations at most.
const SmallCount = 8

// Loop is a for or range statement with its label, if any.
type Loop struct {
	Stmt  ast.Stmt   // *ast.ForStmt or *ast.RangeStmt
	Label *ast.Ident // label of an enclosing LabeledStmt, or nil
	Body  *ast.BlockStmt
	// Outer is the statement to insert code before: the LabeledStmt when
	// the loop is labeled, else Stmt.
	Outer ast.Stmt
}

// AsLoop returns the loop that stmt is (looking through labels).
func AsLoop(stmt ast.Stmt) (*Loop, bool) {
	outer := stmt
	var label *ast.Ident
	for {
		l, ok := stmt.(*ast.LabeledStmt)
		if !ok {
			break
		}
		label, stmt = l.Label, l.Stmt
	}
	switch s := stmt.(type) {
	case *ast.ForStmt:
		if s.Body != nil {
			return &Loop{Stmt: s, Label: label, Body: s.Body, Outer: outer}, true
		}
	case *ast.RangeStmt:
		if s.Body != nil {
			return &Loop{Stmt: s, Label: label, Body: s.Body, Outer: outer}, true
		}
	}
	return nil, false
}

// IterVars returns the objects that identify an iteration: the range key
// and value, or the index of a counted for loop. Unknown objects are nil.
func (l *Loop) IterVars(info *types.Info) (a, b types.Object) {
	switch s := l.Stmt.(type) {
	case *ast.RangeStmt:
		return identObj(info, s.Key), identObj(info, s.Value)
	case *ast.ForStmt:
		if idx, _, ok := countedIndex(info, s); ok {
			return idx, nil
		}
	}
	return nil, nil
}

// ExitsEarly reports whether the loop can stop before its trip count:
// a break of this loop, a labeled break or continue to an outer
// statement, a return, a goto or a call that does not return (panic,
// os.Exit, log.Fatal, t.Fatal: analysisutil.NoReturn) in the body. A break of
// a nested loop, switch or select, and anything inside a function
// literal, does not exit this loop.
func (l *Loop) ExitsEarly(info *types.Info) bool {
	inner := innerLabels(l.Body)
	return jumps(info, l.Body, l.Label, inner, true)
}

// EveryIteration reports whether stmt runs on every iteration that runs
// at all: it is a statement of the loop body itself (no if, switch or
// select around it), and no continue of this loop comes before it.
// It does not look at early exits; see ExitsEarly.
func (l *Loop) EveryIteration(info *types.Info, stmt ast.Stmt) bool {
	inner := innerLabels(l.Body)
	for _, s := range l.Body.List {
		if s == stmt {
			return true
		}
		if jumps(info, s, l.Label, inner, false) {
			return false
		}
	}
	return false
}

// innerLabels returns the names of labels declared inside n (nil when
// there are none: bodies rarely have labels).
func innerLabels(n ast.Node) []string {
	var labels []string
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels = append(labels, n.Label.Name)
		}
		return true
	})
	return labels
}

// jumps reports whether n contains a statement that leaves the current
// iteration of the loop labeled label early. With exits, it looks for
// exits of the whole loop (break, return, goto, panic, outer continue);
// without, for continues of this loop too (both skip the rest of the
// iteration). Labels are unique per function, so names identify them.
func jumps(info *types.Info, n ast.Node, label *ast.Ident, inner []string, exits bool) bool {
	found := false
	// depthLoop counts enclosing nested loops, depthBreak nested loops,
	// switches and selects (the targets of an unlabeled break).
	var walk func(n ast.Node, depthLoop, depthBreak int, skipRoot bool)
	walk = func(n ast.Node, depthLoop, depthBreak int, skipRoot bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			if skipRoot && m == n {
				return true
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false // its returns and panics are not ours
			case *ast.ForStmt, *ast.RangeStmt:
				walk(m, depthLoop+1, depthBreak+1, true)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(m, depthLoop, depthBreak+1, true)
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				switch m.Tok {
				case token.GOTO:
					found = true // conservative: any goto may leave the loop
				case token.BREAK:
					if m.Label == nil {
						found = depthBreak == 0
					} else {
						found = !slices.Contains(inner, m.Label.Name)
					}
				case token.CONTINUE:
					ours := false // a continue of this loop
					if m.Label == nil {
						ours = depthLoop == 0
					} else if !slices.Contains(inner, m.Label.Name) {
						ours = label != nil && m.Label.Name == label.Name
						if !ours {
							found = true // continue of an outer loop: exit
						}
					}
					if ours && !exits {
						found = true
					}
				}
			case *ast.CallExpr:
				if analysisutil.NoReturn(info, m) {
					found = true // panic, os.Exit, log.Fatal, t.Fatal, ...
				}
			}
			return !found
		})
	}
	walk(n, 0, 0, false)
	return found
}

// identObj returns the object e names, if e is an identifier other than _.
func identObj(info *types.Info, e ast.Expr) types.Object {
	if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
		return info.ObjectOf(id)
	}
	return nil
}

// nextUse returns the first statement after the one at cur (in the same
// statement list) that refers to obj, and the statements in between
// (which do not refer to obj: the variable is untouched there).
func nextUse(uses *Uses, cur inspector.Cursor, obj types.Object) (next ast.Stmt, between []ast.Stmt, ok bool) {
	list, i, ok := StmtList(cur)
	if !ok {
		return nil, nil, false // an if or switch init, a labeled statement: no list to follow
	}
	p, ok := uses.Next(obj, list[i].End())
	if !ok {
		return nil, nil, false
	}
	j := StmtAt(list, p)
	if j == len(list) {
		return nil, nil, false // used only after the list
	}
	return list[j], list[i+1 : j : j], true
}

// root returns the variable at the root of a reference chain
// (x, x.f.g, x[i], *x, (x)), or nil.
func root(info *types.Info, e ast.Expr) types.Object {
	if id := rootIdent(info, e); id != nil {
		return info.Uses[id]
	}
	return nil
}

// rootIdent returns the identifier root looks up: the x of x.f.g, x[i],
// *x, (x), x[i:j], or the Var of pkg.Var.
func rootIdent(info *types.Info, e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
				e = x.X
				continue
			}
			return x.Sel // pkg.Var
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// pointerMethodCall returns the selector of a call of a method with a
// pointer receiver (x.M() can change x), or nil.
func pointerMethodCall(info *types.Info, call *ast.CallExpr) *ast.SelectorExpr {
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
				if _, isPtr := sig.Recv().Type().(*types.Pointer); isPtr {
					return sel
				}
			}
		}
	}
	return nil
}

// Assigns reports whether n may change one of objs: an assignment or
// ++/-- whose target is rooted at it, a range that assigns it, or its
// address taken. Writes through calls are not seen.
func Assigns(info *types.Info, n ast.Node, objs []types.Object) bool {
	if len(objs) == 0 {
		return false
	}
	hit := func(e ast.Expr) bool {
		r := root(info, e)
		if r == nil {
			if id, ok := e.(*ast.Ident); ok {
				r = info.Defs[id] // := redeclaring an existing var is a Use, new ones are Defs
			}
		}
		for _, o := range objs {
			if r != nil && r == o {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if hit(l) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = hit(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				found = (n.Key != nil && hit(n.Key)) || (n.Value != nil && hit(n.Value))
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				found = hit(n.X)
			}
		case *ast.CallExpr:
			// A method with a pointer receiver called on x can change x.
			if sel := pointerMethodCall(info, n); sel != nil {
				found = hit(sel.X)
			}
		}
		return !found
	})
	return found
}

// Writable reports whether a trip-count expression can be written at pos
// (the creation of the variable the loop fills) with the same value:
// every name in it means the same object there, and none is changed by
// the statements between creation and loop. safe is false when moving
// the expression before those statements could panic (a dereference or
// index that they might guard).
func Writable(info *types.Info, uses *Uses, pkg *types.Package, t *Trip, pos token.Pos, between []ast.Stmt) (ok, safe bool) {
	if pkg == nil {
		return false, false
	}
	scope := uses.Innermost(pos)
	if scope == nil {
		return false, false
	}
	for _, id := range t.Idents {
		obj := info.Uses[id]
		if obj == nil {
			return false, false
		}
		if _, found := scope.LookupParent(id.Name, pos); found != obj {
			return false, false
		}
	}
	if len(between) > 0 && uses.Written(t.Roots, between[0].Pos(), between[len(between)-1].End()) {
		return false, false
	}
	return true, !t.MayPanic || len(between) == 0
}

// Derived reports whether e is the iteration's own value, not computed
// from it: an iteration variable (range key or value, counted index), a
// field or constant-indexed element of one (o.ID, p.Key[0]), or the
// element of a named slice at the index (orders[i], orders[i].ID).
func (l *Loop) Derived(info *types.Info, e ast.Expr) bool {
	a, b := l.IterVars(info)
	return derived(info, e, a, b)
}

func derived(info *types.Info, e ast.Expr, a, b types.Object) bool {
	switch x := e.(type) {
	case *ast.Ident:
		o := info.Uses[x]
		return o != nil && (o == a || o == b)
	case *ast.ParenExpr:
		return derived(info, x.X, a, b)
	case *ast.StarExpr:
		return derived(info, x.X, a, b)
	case *ast.SelectorExpr:
		sel, ok := info.Selections[x]
		return ok && sel.Kind() == types.FieldVal && derived(info, x.X, a, b)
	case *ast.IndexExpr:
		if _, isConst := analysisutil.IntConst(info, x.Index); isConst && derived(info, x.X, a, b) {
			return true
		}
		id, ok := ast.Unparen(x.Index).(*ast.Ident)
		return ok && derived(info, id, a, b) && isRef(info, x.X) && !isMapExpr(info, x.X)
	}
	return false
}

func isMapExpr(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return true // unknown: not a plain element
	}
	return analysisutil.IsMap(t)
}

// InBenchmark reports whether c is inside a Benchmark function of a
// _test.go file: those often grow slices and maps on purpose, to measure
// just that (runtime's BenchmarkAppendGrowByte), so a hint would defeat them.
func InBenchmark(fset *token.FileSet, c inspector.Cursor) bool {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil)) {
		fd := fc.Node().(*ast.FuncDecl)
		return fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Benchmark") &&
			analysisutil.IsTestFile(fset, fd.Pos())
	}
	return false
}
