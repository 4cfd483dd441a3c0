package makecap

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/analyzers/internal/analysisutil"
	"github.com/maplint/maplint/analyzers/internal/loops"
)

//go:embed doc.go
var doc string

// Analyzer reports slices appended to in loops without capacity, and
// slices made with a length and then appended to.
var Analyzer = &analysis.Analyzer{
	Name:     "makecap",
	Doc:      analysisutil.MustExtractDoc(doc, "makecap"),
	URL:      "https://github.com/maplint/maplint/blob/main/docs/makecap.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, loops.UsesAnalyzer},
	Run:      run,
}

// reportLiterals is the -literals flag.
var reportLiterals bool

// reportTests is the -tests flag.
var reportTests bool

func init() {
	analysisutil.TestsFlag(Analyzer, &reportTests,
		"also report missing capacities in _test.go files (off: test tables hold a few elements, where a capacity changes nothing)")
	Analyzer.Flags.BoolVar(&reportLiterals, "literals", false,
		"also report slice literals with elements that a loop then fills (report only)")
}

func run(pass *analysis.Pass) (any, error) {
	pass = analysisutil.WithIgnores(pass)
	h := holdSplits(pass)
	for d := range loops.VarDecls(pass) {
		if d.Spec != nil && len(d.Spec.Names) > 1 && d.Value == nil {
			h.specs[d.Name.Pos()] = d.Spec // var a, b []T: a fix splits a name off
		}
		check(h.pass, d)
	}
	h.flush()
	return nil, nil
}

// splits holds back the findings on the names of a "var a, b []T" until
// the whole package is seen. Their fixes split a name off the spec; two
// on one spec would collide (each deletes a name and a comma), so when
// several names of a spec have a fix, none keeps it: reported only.
type splits struct {
	pass  *analysis.Pass               // the pass to report to: holds back those findings
	orig  *analysis.Pass               // where flush reports them
	specs map[token.Pos]*ast.ValueSpec // by name position (a finding's Pos)
	held  []analysis.Diagnostic
	fixes map[*ast.ValueSpec]int // held findings with a fix, per spec
}

func holdSplits(pass *analysis.Pass) *splits {
	h := &splits{orig: pass, specs: map[token.Pos]*ast.ValueSpec{}, fixes: map[*ast.ValueSpec]int{}}
	p := *pass
	p.Report = func(d analysis.Diagnostic) {
		vs := h.specs[d.Pos]
		if vs == nil {
			pass.Report(d)
			return
		}
		h.held = append(h.held, d)
		if len(d.SuggestedFixes) > 0 {
			h.fixes[vs]++
		}
	}
	h.pass = &p
	return h
}

func (h *splits) flush() {
	for _, d := range h.held {
		if h.fixes[h.specs[d.Pos]] > 1 {
			d.SuggestedFixes = nil
		}
		h.orig.Report(d)
	}
}

// creation is a new slice variable and how it is made.
type creation struct {
	obj   types.Object
	id    *ast.Ident
	name  string
	pos   token.Pos      // where it is declared: the scope of the fix
	stmt  ast.Stmt       // the declaring statement
	spec  *ast.ValueSpec // var form, else nil
	value ast.Expr       // initializer, nil for "var s T"
	typ   ast.Expr       // the slice type as written
	elems int            // elements of a composite literal
	mk    *ast.CallExpr  // the make call, if any
	isNil bool           // the slice starts nil: var s []T, var s []T = nil
	go121 bool           // the file may use max and package slices (Go 1.21)
}

func check(pass *analysis.Pass, d loops.VarDecl) {
	cur, stmt, spec, id, value := d.Cur, d.Stmt, d.Spec, d.Name, d.Value
	if id.Name == "_" || loops.InBenchmark(pass.Fset, cur) {
		return
	}
	obj := pass.TypesInfo.Defs[id]
	if obj == nil {
		return // := reusing an existing variable: not a new slice
	}
	if obj.Type() == nil {
		return
	}
	if _, ok := analysisutil.CoreType(obj.Type()).(*types.Slice); !ok {
		return
	}
	// The name's own position (a, b := ...; var a, b []T), but the
	// assignment in var s []T; s = make(...).
	c := &creation{obj: obj, id: id, name: id.Name, pos: id.Pos(), stmt: stmt, spec: spec, value: value, go121: d.Go121Builtins}
	if as, ok := stmt.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
		c.pos = stmt.Pos()
	}
	if spec != nil {
		c.typ = spec.Type
	}
	empty := false
	switch v := ast.Unparen(value).(type) {
	case nil:
		empty = c.typ != nil
		c.isNil = true
	case *ast.Ident:
		empty = v.Name == "nil" && c.typ != nil && isNil(pass.TypesInfo, v)
		c.isNil = true
	case *ast.CompositeLit:
		if v.Type == nil {
			return
		}
		c.typ, c.elems = v.Type, len(v.Elts)
		for _, e := range v.Elts {
			if _, keyed := e.(*ast.KeyValueExpr); keyed {
				return // indexed elements: the length is not the count
			}
		}
		empty = c.elems == 0
	case *ast.CallExpr:
		if !analysisutil.IsBuiltin(pass.TypesInfo, v.Fun, "make") || len(v.Args) < 2 || v.Ellipsis.IsValid() {
			return
		}
		c.typ, c.mk = v.Args[0], v
		if !analysisutil.IsZero(pass.TypesInfo, v.Args[1]) {
			lengthThenAppend(pass, cur, c)
			return
		}
		empty = len(v.Args) == 2 || analysisutil.IsZero(pass.TypesInfo, v.Args[2])
	}
	if empty || (reportLiterals && c.elems > 0 && c.mk == nil) {
		missingCap(pass, cur, c)
	}
}

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
	k := appendsPerIteration(info, fill.Loop, c.obj)
	if k == 0 || (trip.IsConst && k*trip.Const+int64(c.elems) <= 1) {
		return // nothing known, or a single element: capacity 1 saves nothing
	}
	if appendedByLaterLoop(info, uses, cur, fill.Next, c.obj) {
		return // the count is only the first part (seen in prometheus' tsdb tests)
	}
	// Appends right after the loop belong in the capacity too: without
	// them the last append always reallocates.
	after, nonNil := appendsAfter(info, uses, cur, fill.Next, c.obj)
	count := trip.Times(k)
	capText := count
	if c.elems > 0 {
		capText = strconv.Itoa(c.elems) + " + " + capText
		safe = false // the fix would have to keep the elements: report only
	}
	plainCap := capText
	if !trip.NonNeg {
		// make panics on a negative capacity; a loop just runs 0 times.
		capText = "max(" + capText + ", 0)"
	}
	if after > 0 {
		count = plus(trip, k, count, after)
		capText, plainCap = plus(trip, k, capText, after), plus(trip, k, plainCap, after)
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
	typ := analysisutil.Render(pass.Fset, c.typ)
	mk := fmt.Sprintf("make(%s, 0, %s)", typ, capText)
	scope := uses.Innermost(c.pos)
	var imports []analysis.TextEdit
	grow := mayStayNil && c.go121 // slices is Go 1.21
	if grow {
		ref, edits, ok := analysisutil.PackageRef(info, fileOf(pass, c.pos), scope, c.pos, "slices", "slices")
		if !ok {
			ref, safe = "slices", false
		}
		mk, imports = growCall(ref, typ, capText, trip.Type, scope, c.pos), edits
		if strings.HasPrefix(mk, "?") {
			grow, mk = false, fmt.Sprintf("make(%s, 0, %s)", typ, capText) // int is not the type here
		}
	}
	safe = safe && (!mayStayNil || grow)
	var msg string
	// Every builtin the fix or the message writes (make, len, max) must
	// be the builtin where the text lands, and max needs Go 1.21;
	// otherwise no fix, and the message says it in words.
	if bad := analysisutil.UnavailableBuiltin(scope, c.pos, c.go121, mk); bad != "" {
		safe = false
		why := analysisutil.WhyUnavailable(bad, c.go121)
		if analysisutil.UnavailableBuiltin(scope, c.pos, c.go121, plainCap) == "" {
			msg = fmt.Sprintf("slice %q gets %s appends; make it with capacity %s (not fixed automatically: %s)", c.name, count, plainCap, why)
			if c.elems > 0 {
				msg = fmt.Sprintf("slice %q starts with %d elements and gets %s appends; make it with capacity %s (not fixed automatically: %s)",
					c.name, c.elems, count, plainCap, why)
			}
		} else {
			msg = fmt.Sprintf("slice %q gets one append per iteration of the loop, a count known before it; make it with that capacity (not fixed automatically: %s)", c.name, why)
		}
	} else {
		switch {
		case c.elems > 0:
			msg = fmt.Sprintf("slice %q starts with %d elements and gets %s appends; make it with capacity %s",
				c.name, c.elems, count, capText)
		case grow && !safe:
			msg = fmt.Sprintf("slice %q gets %s appends; make it with %s, which stays nil when the loop runs zero times (not fixed automatically: slices is not the package here)", c.name, count, mk)
		case grow:
			msg = fmt.Sprintf("slice %q gets %s appends; make it with %s, which stays nil when the loop runs zero times", c.name, count, mk)
		case mayStayNil:
			msg = fmt.Sprintf("slice %q gets %s appends; make it with %s (not fixed automatically: it would no longer be nil when the loop runs zero times)", c.name, count, mk)
		default:
			msg = fmt.Sprintf("slice %q gets %s appends; make it with %s", c.name, count, mk)
		}
	}
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
		} else if k, ok := branchAppends(info, s, obj); ok {
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
func branchAppends(info *types.Info, s ast.Stmt, obj types.Object) (int64, bool) {
	switch s := s.(type) {
	case nil:
		return 0, true
	case *ast.IfStmt:
		if (s.Init != nil && loops.Mentions(info, s.Init, obj)) || loops.Mentions(info, s.Cond, obj) {
			return 0, false
		}
		then, ok1 := branchAppends(info, s.Body, obj)
		els, ok2 := branchAppends(info, s.Else, obj)
		return max(then, els), ok1 && ok2
	case *ast.BlockStmt:
		if s == nil {
			return 0, true
		}
		var n int64
		for _, st := range s.List {
			if k := appendedElems(info, st, obj); k > 0 {
				n += k
			} else if loops.Mentions(info, st, obj) {
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
func appendsPerIteration(info *types.Info, loop *loops.Loop, obj types.Object) int64 {
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
	var uses, reads int64
	bad := false
	ast.Inspect(loop.Stmt, func(n ast.Node) bool {
		if bad {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if info.Uses[n] == obj {
				uses++
			}
		case *ast.CallExpr:
			if len(n.Args) == 1 && loops.IsObj(info, n.Args[0], obj) &&
				(analysisutil.IsBuiltin(info, n.Fun, "len") || analysisutil.IsBuiltin(info, n.Fun, "cap")) {
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
	if bad || uses != 2*stmts+reads {
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

// CategoryLengthThenAppend is the category of rule 2 (lengthThenAppend).
const CategoryLengthThenAppend = "length-then-append"

// lengthThenAppend reports rule 2: make with a non-zero length whose first
// use after creation (other than len/cap) is an append.
func lengthThenAppend(pass *analysis.Pass, cur inspector.Cursor, c *creation) {
	info, uses := pass.TypesInfo, loops.UsesOf(pass)
	_, _, body := analysisutil.EnclosingFunc(info, cur)
	if body == nil {
		return
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
				case len(n.Args) == 1 && (analysisutil.IsBuiltin(info, n.Fun, "len") || analysisutil.IsBuiltin(info, n.Fun, "cap")):
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
	if first == nil {
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

func isNil(info *types.Info, id *ast.Ident) bool {
	_, ok := info.Uses[id].(*types.Nil)
	return ok
}
