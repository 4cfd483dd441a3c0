package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/maplint/maplint/internal/analysisutil"
)

// Trip is a loop's trip count: the number of iterations, known before
// the loop starts.
type Trip struct {
	Text    string       // Go source for the count: "len(users)", "n", "hi - lo", "8"
	Const   int64        // the count, when IsConst
	IsConst bool         // the count is a constant
	NonNeg  bool         // the count is provably ≥ 0 (make([]T, 0, c) panics for c < 0)
	Idents  []*ast.Ident // names the count refers to (for scope checks)
	Roots   []types.Object
	// MayPanic: evaluating Text may panic or have effects (a
	// dereference, an index, a call; see collect), so it must not be
	// moved before statements that could guard it.
	MayPanic bool
	// Type is the count's type: int for len and constants, else the
	// ranged integer's or the index's (slices.Grow takes only an int).
	Type types.Type
}

// TripCount returns the loop's trip count when it is known before the
// loop and can be written as a side-effect-free expression:
//
//   - range over a slice, array, pointer to array or map held in a
//     variable or field (len(x); an array's length is a constant), or
//     over an unkeyed slice literal (its element count), also through a
//     variable whose only value is one of at most SmallCount elements
//     (uses.Table; uses may be nil);
//   - range over an integer expression;
//   - a counted loop "for i := a; i < b; i++" (also <=, b > i, and
//     counting down with i-- to a bound) whose body changes neither the
//     index nor the bound.
//
// Channels, functions (iterators), strings (runes ≤ bytes), calls, step
// loops and data-dependent conditions give ok == false.
func (l *Loop) TripCount(info *types.Info, fset *token.FileSet, uses *Uses) (t *Trip, ok bool) {
	switch s := l.Stmt.(type) {
	case *ast.RangeStmt:
		return rangeTrip(info, fset, uses, s)
	case *ast.ForStmt:
		return countedTrip(info, fset, s)
	}
	return nil, false
}

func rangeTrip(info *types.Info, fset *token.FileSet, uses *Uses, s *ast.RangeStmt) (*Trip, bool) {
	tv, ok := info.Types[s.X]
	if !ok || tv.Type == nil {
		return nil, false
	}
	u := analysisutil.CoreType(tv.Type)
	if p, ok := u.(*types.Pointer); ok {
		if a, ok := analysisutil.CoreType(p.Elem()).(*types.Array); ok {
			return constTrip(a.Len()), true
		}
		return nil, false
	}
	switch u := u.(type) {
	case *types.Array:
		return constTrip(u.Len()), true
	case *types.Slice, *types.Map:
		if lit, ok := ast.Unparen(s.X).(*ast.CompositeLit); ok {
			// for _, x := range []T{a, b, c}: as many as the elements.
			if !unkeyed(lit) {
				return nil, false
			}
			return constTrip(int64(len(lit.Elts))), true
		}
		// tomake := []string{...}; for _, x := range tomake: a tiny table
		// behind a name (cmd/internal/script's setup, pebble's key formats,
		// reviewed). Larger ones keep len(x), the count a reader checks.
		if id, ok := ast.Unparen(s.X).(*ast.Ident); ok && uses != nil {
			if lit := uses.Table(info.Uses[id]); lit != nil && unkeyed(lit) && len(lit.Elts) <= SmallCount {
				return constTrip(int64(len(lit.Elts))), true
			}
		}
		if !isRef(info, s.X) {
			return nil, false // a call or conversion: not nameable before the loop
		}
		t := &Trip{NonNeg: true, Type: types.Typ[types.Int]}
		t.Text = "len(" + render(fset, s.X) + ")"
		collect(info, s.X, t)
		return t, true
	case *types.Basic:
		if u.Info()&types.IsInteger == 0 {
			return nil, false // strings: runes ≤ bytes, only a bound
		}
		if tv.Value != nil {
			if v, exact := constant.Int64Val(constant.ToInt(tv.Value)); exact {
				return constTrip(max(v, 0)), true
			}
			return nil, false
		}
		if !isPure(info, s.X) {
			return nil, false
		}
		t := &Trip{Text: render(fset, s.X), Type: tv.Type}
		t.NonNeg = nonNeg(info, s.X)
		collect(info, s.X, t)
		return t, true
	}
	return nil, false
}

// unkeyed reports whether lit has no keyed element (an index or a map
// key), which would break the element count.
func unkeyed(lit *ast.CompositeLit) bool {
	for _, e := range lit.Elts {
		if _, keyed := e.(*ast.KeyValueExpr); keyed {
			return false
		}
	}
	return true
}

func constTrip(n int64) *Trip {
	return &Trip{Text: strconv.FormatInt(n, 10), Const: n, IsConst: true, NonNeg: n >= 0, Type: types.Typ[types.Int]}
}

// countedIndex matches "for i := a; i < b; i++" and its variants and
// returns the index variable, the bound expressions (lo, hi, inclusive).
func countedIndex(info *types.Info, s *ast.ForStmt) (idx types.Object, c counted, ok bool) {
	init, ok1 := s.Init.(*ast.AssignStmt)
	cond, ok2 := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok1 || !ok2 || s.Post == nil || len(init.Lhs) != 1 || len(init.Rhs) != 1 ||
		(init.Tok != token.DEFINE && init.Tok != token.ASSIGN) {
		return nil, c, false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, c, false
	}
	idx = identObj(info, id)
	if idx == nil || !isInteger(idx.Type()) {
		return nil, c, false
	}
	start := init.Rhs[0]
	// Normalize the condition to "i op bound".
	op, bound := cond.Op, cond.Y
	if IsObj(info, cond.Y, idx) {
		bound = cond.X
		switch op {
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		default:
			return nil, c, false
		}
	} else if !IsObj(info, cond.X, idx) {
		return nil, c, false
	}
	step := stepOf(info, s.Post, idx)
	switch {
	case step == 1 && (op == token.LSS || op == token.LEQ):
		c = counted{lo: start, hi: bound, inclusive: op == token.LEQ}
	case step == -1 && (op == token.GTR || op == token.GEQ):
		c = counted{lo: bound, hi: start, inclusive: op == token.GEQ}
	default:
		return nil, c, false // step loops, wrong direction
	}
	c.bound = bound
	return idx, c, true
}

type counted struct {
	lo, hi    ast.Expr // the count is hi - lo (+1 if inclusive)
	inclusive bool
	bound     ast.Expr // the expression evaluated on every iteration
}

// stepOf returns +1 for i++ / i += 1, -1 for i-- / i -= 1, else 0.
func stepOf(info *types.Info, post ast.Stmt, idx types.Object) int {
	switch p := post.(type) {
	case *ast.IncDecStmt:
		if IsObj(info, p.X, idx) {
			if p.Tok == token.INC {
				return 1
			}
			return -1
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 && IsObj(info, p.Lhs[0], idx) {
			if v, ok := analysisutil.IntConst(info, p.Rhs[0]); ok && v == 1 {
				switch p.Tok {
				case token.ADD_ASSIGN:
					return 1
				case token.SUB_ASSIGN:
					return -1
				}
			}
		}
	}
	return 0
}

func countedTrip(info *types.Info, fset *token.FileSet, s *ast.ForStmt) (*Trip, bool) {
	idx, c, ok := countedIndex(info, s)
	if !ok || !isPure(info, c.lo) || !isPure(info, c.hi) {
		return nil, false
	}
	// The body must change neither the index nor what the bound reads.
	t := &Trip{}
	collect(info, c.bound, t)
	if Assigns(info, s.Body, append([]types.Object{idx}, t.Roots...)) {
		return nil, false
	}
	// The bound is re-evaluated each iteration; a call in it could change.
	t = &Trip{}
	var lin linear
	lin.add(info, fset, c.hi, 1)
	lin.add(info, fset, c.lo, -1)
	if c.inclusive {
		lin.c++
	}
	collect(info, c.hi, t)
	collect(info, c.lo, t)
	t.Text, t.Type = lin.String(), idx.Type()
	if len(lin.terms) == 0 {
		t.Const, t.IsConst, t.NonNeg, t.Type = max(lin.c, 0), true, true, types.Typ[types.Int]
		t.Text = strconv.FormatInt(t.Const, 10)
		t.Idents, t.Roots, t.MayPanic = nil, nil, false
		return t, true
	}
	t.NonNeg = lin.c >= 0
	for _, term := range lin.terms {
		if term.coef < 0 || !nonNeg(info, term.e) {
			t.NonNeg = false
		}
	}
	if !t.NonNeg && isUnsigned(idx.Type()) {
		// hi - lo + 1 in unsigned arithmetic wraps to about 4e9 when
		// lo > hi, where the loop runs zero times: no count to write
		// (max(c, 0) cannot help, an unsigned c is never negative).
		return nil, false
	}
	return t, true
}

// linear is a sum of terms with integer coefficients plus a constant, so
// that "len(s)-1 - 0 + 1" prints as "len(s)".
type linear struct {
	terms []term
	c     int64
}

type term struct {
	coef int64
	text string
	e    ast.Expr
}

func (l *linear) add(info *types.Info, fset *token.FileSet, e ast.Expr, sign int64) {
	e = ast.Unparen(e)
	if v, ok := analysisutil.IntConst(info, e); ok {
		l.c += sign * v
		return
	}
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.ADD || b.Op == token.SUB) {
		l.add(info, fset, b.X, sign)
		if b.Op == token.ADD {
			l.add(info, fset, b.Y, sign)
		} else {
			l.add(info, fset, b.Y, -sign)
		}
		return
	}
	text := render(fset, e)
	for i := range l.terms {
		if l.terms[i].text == text {
			l.terms[i].coef += sign
			if l.terms[i].coef == 0 {
				l.terms = append(l.terms[:i], l.terms[i+1:]...)
			}
			return
		}
	}
	l.terms = append(l.terms, term{coef: sign, text: text, e: e})
}

func (l *linear) String() string {
	var b strings.Builder
	for i, t := range l.terms {
		switch {
		case t.coef < 0 && i == 0:
			b.WriteString("-")
		case t.coef < 0:
			b.WriteString(" - ")
		case i > 0:
			b.WriteString(" + ")
		}
		if a := abs(t.coef); a != 1 {
			b.WriteString(strconv.FormatInt(a, 10) + "*")
		}
		b.WriteString(t.text) // + and - were flattened: a term needs no parentheses
	}
	switch {
	case l.c > 0:
		b.WriteString(" + " + strconv.FormatInt(l.c, 10))
	case l.c < 0:
		b.WriteString(" - " + strconv.FormatInt(-l.c, 10))
	}
	return b.String()
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// Times returns the source for k*t ("2*len(xs)"), parenthesized as needed.
func (t *Trip) Times(k int64) string {
	if k == 1 {
		return t.Text
	}
	if t.IsConst {
		return strconv.FormatInt(k*t.Const, 10)
	}
	text := t.Text
	if strings.ContainsAny(text, "+-") && !simpleCall(text) {
		text = "(" + text + ")"
	}
	return strconv.FormatInt(k, 10) + "*" + text
}

// simpleCall reports whether text is a single call like len(a-b), whose
// operators are inside the parentheses.
func simpleCall(text string) bool {
	i := strings.IndexByte(text, '(')
	return i > 0 && strings.HasSuffix(text, ")") && !strings.ContainsAny(text[:i], "+- ") &&
		strings.Count(text, "(") == 1
}

// IsObj reports whether e (parentheses aside) is an identifier referring to obj.
func IsObj(info *types.Info, e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && obj != nil && info.Uses[id] == obj
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := analysisutil.CoreType(t).(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isUnsigned(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := analysisutil.CoreType(t).(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

// isRef reports whether e names storage without computing: x, x.f,
// pkg.V, x[i] with a pure index, *p, (x).
func isRef(info *types.Info, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		_, isVar := info.Uses[x].(*types.Var)
		return isVar
	case *ast.ParenExpr:
		return isRef(info, x.X)
	case *ast.StarExpr:
		return isRef(info, x.X)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal && isRef(info, x.X)
		}
		_, isVar := info.Uses[x.Sel].(*types.Var) // pkg.V
		return isVar
	case *ast.IndexExpr:
		if tv, ok := info.Types[x.X]; ok && tv.Type != nil {
			if _, isMap := analysisutil.CoreType(tv.Type).(*types.Map); isMap {
				return false // m[k] of a map of slices: fine, but rare; keep simple
			}
		}
		return isRef(info, x.X) && isPure(info, x.Index)
	}
	return false
}

// isPure reports whether evaluating e has no side effects and calls
// nothing but len, cap and conversions: it can be evaluated once more,
// earlier, with the same result.
func isPure(info *types.Info, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		switch info.Uses[x].(type) {
		case *types.Var, *types.Const:
			return true
		}
		return false
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return isPure(info, x.X)
	case *ast.StarExpr, *ast.SelectorExpr, *ast.IndexExpr:
		return isRef(info, x)
	case *ast.UnaryExpr:
		return (x.Op == token.SUB || x.Op == token.ADD) && isPure(info, x.X)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL:
			return isPure(info, x.X) && isPure(info, x.Y)
		}
		return false // division can panic, shifts and logic are not counts
	case *ast.CallExpr:
		if len(x.Args) != 1 || x.Ellipsis.IsValid() {
			return false
		}
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return isPure(info, x.Args[0]) // conversion
		}
		if analysisutil.IsBuiltin(info, x.Fun, "len", "cap") {
			return isRef(info, x.Args[0]) || isPure(info, x.Args[0])
		}
	}
	return false
}

// nonNeg reports whether e is provably ≥ 0: a non-negative constant,
// len or cap, an unsigned value, or a sum of those.
func nonNeg(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if v, ok := analysisutil.IntConst(info, e); ok {
		return v >= 0
	}
	if isUnsigned(info.TypeOf(e)) {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if analysisutil.IsBuiltin(info, x.Fun, "len", "cap") {
			return true
		}
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return isInteger(tv.Type) && nonNeg(info, x.Args[0])
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD || x.Op == token.MUL {
			return nonNeg(info, x.X) && nonNeg(info, x.Y)
		}
	}
	return false
}

// Names returns the names e refers to and whether evaluating it may
// panic, for the scope checks of Writable: a Trip with no count, as for an
// existing size hint that a hoist would move.
func Names(info *types.Info, e ast.Expr) *Trip {
	t := &Trip{}
	collect(info, e, t)
	return t
}

// collect records the names e refers to (not field names) and whether
// evaluating it may panic or do more than compute a value, so that it
// must not run where it did not: a dereference; an index other than a
// constant one into an array; a slice expression; a type assertion; an
// integer division or shift by a variable; a receive; a call other than
// len, cap, min, max, a constant one (unsafe.Sizeof) or a conversion from anything
// but a slice ([4]int(s) panics when s is shorter).
func collect(info *types.Info, e ast.Expr, t *Trip) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok {
				if sel.Indirect() {
					t.MayPanic = true
				}
				ast.Inspect(n.X, func(m ast.Node) bool { // skip n.Sel: a field name
					return collectNode(info, m, t)
				})
				return false
			}
			// pkg.Name: the package name is the ident to check
			if id, ok := n.X.(*ast.Ident); ok {
				t.Idents = append(t.Idents, id)
			}
			if o := info.Uses[n.Sel]; o != nil {
				t.Roots = append(t.Roots, o)
			}
			return false
		}
		return collectNode(info, n, t)
	})
}

func collectNode(info *types.Info, n ast.Node, t *Trip) bool {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		collect(info, n, t)
		return false
	case *ast.Ident:
		t.Idents = append(t.Idents, n)
		if o, ok := info.Uses[n].(*types.Var); ok {
			t.Roots = append(t.Roots, o)
		}
	case *ast.StarExpr, *ast.SliceExpr, *ast.TypeAssertExpr:
		t.MayPanic = true
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			t.MayPanic = true
		}
	case *ast.BinaryExpr:
		if arithMayPanic(info, n) {
			t.MayPanic = true
		}
	case *ast.CallExpr:
		if !safeCall(info, n) {
			t.MayPanic = true
		}
	case *ast.IndexExpr:
		if tv, ok := info.Types[n.X]; ok && tv.IsType() {
			return true // generic instantiation
		}
		if tv, ok := info.Types[n.X]; !ok || tv.Type == nil {
			t.MayPanic = true
		} else if _, isArr := analysisutil.CoreType(tv.Type).(*types.Array); !isArr {
			t.MayPanic = true
		} else if tv, ok := info.Types[n.Index]; !ok || tv.Value == nil {
			t.MayPanic = true // arr[k]: k may be out of range
		}
	}
	return true
}

// safeCall reports whether evaluating call can neither panic nor have
// effects: len, cap, min, max, a constant, or a conversion of a
// non-slice.
func safeCall(info *types.Info, call *ast.CallExpr) bool {
	if tv, ok := info.Types[call]; ok && tv.Value != nil {
		return true
	}
	if analysisutil.IsBuiltin(info, call.Fun, "len", "cap", "min", "max") {
		return true
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() || len(call.Args) != 1 {
		return false
	}
	arg, ok := info.Types[call.Args[0]]
	if !ok || arg.Type == nil {
		return false
	}
	_, isSlice := analysisutil.CoreType(arg.Type).(*types.Slice)
	return !isSlice
}

// arithMayPanic reports whether b is an integer division or remainder by
// a variable (it panics on zero) or a shift by a signed variable (it
// panics when negative).
func arithMayPanic(info *types.Info, b *ast.BinaryExpr) bool {
	switch b.Op {
	case token.QUO, token.REM, token.SHL, token.SHR:
	default:
		return false
	}
	y, ok := info.Types[b.Y]
	if !ok || y.Type == nil {
		return true
	}
	if y.Value != nil {
		return false // a constant: the compiler rejects zero and negative ones
	}
	basic, ok := analysisutil.CoreType(y.Type).(*types.Basic)
	if !ok {
		return true
	}
	if b.Op == token.SHL || b.Op == token.SHR {
		return basic.Info()&types.IsUnsigned == 0
	}
	return basic.Info()&types.IsInteger != 0 // x / y: y has x's type; a float divides by zero
}

func render(fset *token.FileSet, n ast.Node) string { return analysisutil.Render(fset, n) }
