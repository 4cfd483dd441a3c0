package newmap

// The facts pass (factsAnalyzer) finds, in every package, the functions
// whose results are fresh maps, the functions that keep no map argument and
// the methods that write their map receiver; lostwrite.go and nilmap.go
// read them through a factTable:
//
//	func (u *URL) Query() Values { v, _ := ParseQuery(u.RawQuery); return v } // freshResults(1)
//	func (v Values) Set(key, value string) { v[key] = []string{value} }      // writesReceiver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
)

// freshResults marks a function whose results at the set bits of Mask are
// always a map made inside the call and not kept anywhere else: a write
// into such a result, not stored first, is lost.
type freshResults struct{ Mask uint64 }

func (*freshResults) AFact()           {}
func (f *freshResults) String() string { return fmt.Sprintf("freshResults(%b)", f.Mask) }

// keepsNoArg marks a function that does not retain the map-typed
// parameters at the set bits of Mask (it only reads, writes, ranges over
// them, or hands them to other such parameters), so a map passed there
// stays fresh.
type keepsNoArg struct{ Mask uint64 }

func (*keepsNoArg) AFact()           {}
func (f *keepsNoArg) String() string { return fmt.Sprintf("keepsNoArg(%b)", f.Mask) }

// writesReceiver marks a value-receiver method of a named map type that
// inserts into its receiver (url.Values.Set, http.Header.Add).
type writesReceiver struct{}

func (*writesReceiver) AFact()         {}
func (*writesReceiver) String() string { return "writesReceiver" }

// factTable holds what is known in this package about functions' maps: facts
// imported from dependencies and facts computed here so far.
type factTable struct {
	pass   *analysis.Pass
	fresh  map[*types.Func]uint64
	keeps  map[*types.Func]uint64
	writes map[*types.Func]bool
	cands  []*fnInfo
}

// fnInfo is one function declared in the package whose facts may hold.
type fnInfo struct {
	obj  *types.Func
	decl *ast.FuncDecl
	cur  inspector.Cursor
	refs *analysisutil.Refs // built on the first question
}

// isMapish reports whether writes into a value of type t can be lost:
// maps and *sync.Map.
func isMapish(t types.Type) bool {
	return t != nil && (analysisutil.IsMap(t) || analysisutil.IsPointerToNamed(t, "sync", "Map"))
}

// syncMapWriters are the methods of *sync.Map that insert into it
// (TestAPITables checks them against sync's doc).
var syncMapWriters = []string{"Store", "LoadOrStore", "Swap", "CompareAndSwap"}

// freshMapFuncs are the functions of package maps whose result is a new
// map (TestAPITables checks them against maps' doc).
var freshMapFuncs = []string{"Clone", "Collect"}

// computeFacts finds, to a fixed point, the package's functions that
// return fresh maps, that keep no map argument, and the methods that
// write their receiver, and exports them as facts. Its result answers
// newmap's questions about any function, imported or not.
func computeFacts(pass *analysis.Pass) (any, error) {
	ft := &factTable{
		pass:   pass,
		fresh:  make(map[*types.Func]uint64),
		keeps:  make(map[*types.Func]uint64),
		writes: make(map[*types.Func]bool),
	}
	ft.importFacts()
	ft.cands = candidates(pass)
	if len(ft.cands) == 0 {
		return ft, nil
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range ft.cands {
			if m := ft.freshMask(fn); m != ft.fresh[fn.obj] {
				ft.fresh[fn.obj], changed = m, true
			}
			if m := ft.keepMask(fn); m != ft.keeps[fn.obj] {
				ft.keeps[fn.obj], changed = m, true
			}
			if !ft.writes[fn.obj] && ft.writesRecv(fn) {
				ft.writes[fn.obj], changed = true, true
			}
		}
	}
	for _, fn := range ft.cands {
		if m := ft.fresh[fn.obj]; m != 0 {
			pass.ExportObjectFact(fn.obj, &freshResults{m})
		}
		if m := ft.keeps[fn.obj]; m != 0 {
			pass.ExportObjectFact(fn.obj, &keepsNoArg{m})
		}
		if ft.writes[fn.obj] {
			pass.ExportObjectFact(fn.obj, &writesReceiver{})
		}
	}
	ft.cands = nil // the result lives as long as the run; drop what newmap does not read
	return ft, nil
}

// importFacts imports the facts of the functions this package refers to,
// up front: newmap asks after this pass has ended. (AllObjectFacts would
// copy every transitive fact into every package's result.)
func (ft *factTable) importFacts() {
	pass := ft.pass
	seen := make(map[*types.Func]bool)
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == pass.Pkg || fn.Pkg() == nil {
			continue
		}
		fn = fn.Origin()
		if seen[fn] {
			continue
		}
		seen[fn] = true
		// A fact lookup is cheaper than checking the signature first.
		var fresh freshResults
		if pass.ImportObjectFact(fn, &fresh) {
			ft.fresh[fn] = fresh.Mask
		}
		var keeps keepsNoArg
		if pass.ImportObjectFact(fn, &keeps) {
			ft.keeps[fn] = keeps.Mask
		}
		if pass.ImportObjectFact(fn, new(writesReceiver)) {
			ft.writes[fn] = true
		}
	}
}

// candidates returns the package's functions with a body that take or
// return a map or have a map receiver: the only ones facts can hold for.
func candidates(pass *analysis.Pass) []*fnInfo {
	info := pass.TypesInfo
	// An inspector over the candidate functions alone: few functions take
	// or return maps, and one over whole files would cost more than this
	// analysis on the dependencies that only need facts.
	var files []*ast.File
	for _, file := range pass.Files {
		var decls []ast.Decl
		for _, d := range file.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			obj, _ := info.Defs[decl.Name].(*types.Func)
			if obj == nil {
				continue
			}
			sig := obj.Type().(*types.Signature)
			if hasMapish(sig.Results()) || hasMapish(sig.Params()) || isMapRecv(sig) {
				decls = append(decls, decl)
			}
		}
		if len(decls) > 0 {
			// Package sets File.Pos: the inspector sizes its events by End-Pos.
			files = append(files, &ast.File{Package: decls[0].Pos(), Name: file.Name, Decls: decls})
		}
	}
	if len(files) == 0 {
		return nil
	}
	var cands []*fnInfo
	for cur := range inspector.New(files).Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		cands = append(cands, &fnInfo{obj: info.Defs[decl.Name].(*types.Func), decl: decl, cur: cur})
	}
	return cands
}

func hasMapish(t *types.Tuple) bool {
	for v := range t.Variables() {
		if isMapish(v.Type()) {
			return true
		}
	}
	return false
}

func isMapRecv(sig *types.Signature) bool {
	return sig.Recv() != nil && analysisutil.IsMap(sig.Recv().Type())
}

// localRefs yields the identifiers of fn's body that denote v, a local
// variable or parameter, in source order: its declaration if there, then
// its uses.
func (ft *factTable) localRefs(fn *fnInfo, v *types.Var) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		if !isLocal(v) {
			return
		}
		if fn.refs == nil {
			fn.refs = analysisutil.NewRefs(ft.pass.TypesInfo, fn.cur)
		}
		body := fn.decl.Body
		if def, ok := fn.refs.Def(v); ok && body.Pos() <= def.Node().Pos() && def.Node().Pos() < body.End() && !yield(def) {
			return
		}
		for _, c := range fn.refs.In(v, body.Pos(), body.End()) {
			if !yield(c) {
				return
			}
		}
	}
}

// lookup returns fn's bits: computed in this package so far, or imported.
func lookup(fn *types.Func, m map[*types.Func]uint64) uint64 {
	if fn == nil {
		return 0
	}
	return m[fn.Origin()]
}

func (ft *factTable) freshFact(fn *types.Func) uint64 { return lookup(fn, ft.fresh) }
func (ft *factTable) keepFact(fn *types.Func) uint64  { return lookup(fn, ft.keeps) }

// writesFact reports whether calling method fn writes into its receiver.
func (ft *factTable) writesFact(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	fn = fn.Origin()
	if recv := fn.Signature().Recv(); recv != nil && analysisutil.IsPointerToNamed(recv.Type(), "sync", "Map") {
		return slices.Contains(syncMapWriters, fn.Name())
	}
	return ft.writes[fn]
}

// freshMask returns the results of fn that every return statement fills
// with a fresh map.
func (ft *factTable) freshMask(fn *fnInfo) uint64 {
	sig := fn.obj.Type().(*types.Signature)
	res := sig.Results()
	if res.Len() > 64 {
		return 0
	}
	var want uint64
	for i := range res.Len() {
		if isMapish(res.At(i).Type()) {
			want |= 1 << i
		}
	}
	if want == 0 {
		return 0
	}
	mask := want
	body, _ := fn.cur.FindNode(fn.decl.Body)
	body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(c inspector.Cursor) bool {
		ret, ok := c.Node().(*ast.ReturnStmt)
		if !ok {
			return false // a closure's returns are not fn's
		}
		switch {
		case len(ret.Results) == res.Len():
			for i, r := range ret.Results {
				if mask&(1<<i) != 0 && !ft.isFresh(fn, r) {
					mask &^= 1 << i
				}
			}
		case len(ret.Results) == 1:
			call, _ := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if call == nil {
				return false
			}
			mask &= ft.freshFact(typeutil.StaticCallee(ft.pass.TypesInfo, call))
		default:
			mask = 0 // bare return of named results: not tracked
		}
		return false
	})
	return mask
}

// isFresh reports whether e, evaluated in fn, is a map made here that no
// one else holds.
func (ft *factTable) isFresh(fn *fnInfo, e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok && fn != nil {
		v, ok := ft.pass.TypesInfo.Uses[id].(*types.Var)
		return ok && ft.isFreshVar(fn, v)
	}
	return ft.isFreshValue(e)
}

// isFreshValue reports whether e itself (not a variable) yields a new map:
// a literal, make, maps.Clone/Collect, new(sync.Map), &sync.Map{}, a
// conversion of one, or a static call whose only result is fresh.
func (ft *factTable) isFreshValue(e ast.Expr) bool {
	info := ft.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return analysisutil.IsMap(info.TypeOf(e))
	case *ast.UnaryExpr:
		lit, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		return ok && e.Op == token.AND && analysisutil.IsTypeNamed(info.TypeOf(lit), "sync", "Map")
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 && analysisutil.IsMap(tv.Type) && ft.isFreshValue(e.Args[0])
		}
		switch callee := typeutil.Callee(info, e).(type) {
		case *types.Builtin:
			switch callee.Name() {
			case "make":
				return analysisutil.IsMap(info.TypeOf(e))
			case "new":
				return len(e.Args) == 1 && analysisutil.IsTypeNamed(info.TypeOf(e.Args[0]), "sync", "Map") && info.Types[e.Args[0]].IsType()
			}
		case *types.Func:
			if analysisutil.IsFunctionNamed(callee, "maps", freshMapFuncs...) {
				return true
			}
			sig := callee.Type().(*types.Signature)
			return sig.Results().Len() == 1 && ft.freshFact(typeutil.StaticCallee(info, e))&1 != 0
		}
	}
	return false
}

// isFreshVar reports whether local v of fn only ever holds fresh maps and
// never lets them out except through fn's return.
func (ft *factTable) isFreshVar(fn *fnInfo, v *types.Var) bool {
	if fn.decl.Body == nil || v.Pos() < fn.decl.Body.Pos() || v.Pos() >= fn.decl.Body.End() {
		return false // parameters, results and globals may be shared
	}
	for c := range ft.localRefs(fn, v) {
		if !ft.keepsFresh(fn, c, true) {
			return false
		}
	}
	return true
}

// keepMask returns the map parameters of fn that fn does not retain.
func (ft *factTable) keepMask(fn *fnInfo) uint64 {
	sig := fn.obj.Type().(*types.Signature)
	var mask uint64
	for i := range min(sig.Params().Len(), 64) {
		p := sig.Params().At(i)
		if !isMapish(p.Type()) || (sig.Variadic() && i == sig.Params().Len()-1) {
			continue
		}
		ok := true
		for c := range ft.localRefs(fn, p) {
			if !ft.keepsFresh(fn, c, false) {
				ok = false
				break
			}
		}
		if ok {
			mask |= 1 << i
		}
	}
	return mask
}

// keepsFresh reports whether the occurrence c of a local map variable
// neither stores it nor lets it out of fn (a return counts as letting out
// unless returnOK).
func (ft *factTable) keepsFresh(fn *fnInfo, c inspector.Cursor, returnOK bool) bool {
	info := ft.pass.TypesInfo
	for p := c.Parent(); p.Node() != fn.decl.Body; p = p.Parent() {
		if _, ok := p.Node().(*ast.FuncLit); ok {
			return false // captured by a closure: may outlive the call
		}
	}
	id := c.Node().(*ast.Ident)
	if info.Defs[id] != nil {
		return ft.definedFresh(fn, c)
	}
	c = throughConversions(info, c) // T(v) is the same map: look at its use
	p := c.Parent()
	switch c.ParentEdgeKind() {
	case edge.IndexExpr_X, edge.RangeStmt_X:
		return true
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return true // comparison with nil
	case edge.ReturnStmt_Results:
		return returnOK
	case edge.AssignStmt_Lhs:
		as := p.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return false
		}
		return ft.isFresh(fn, as.Rhs[c.ParentEdgeIndex()])
	case edge.SelectorExpr_X:
		// A method call on the map; a method value could be kept.
		sel := p.Node().(*ast.SelectorExpr)
		s, ok := info.Selections[sel]
		return ok && s.Kind() == types.MethodVal && p.ParentEdgeKind() == edge.CallExpr_Fun
	case edge.CallExpr_Args:
		call := p.Node().(*ast.CallExpr)
		switch callee := typeutil.Callee(info, call).(type) {
		case *types.Builtin:
			switch callee.Name() {
			case "len", "clear", "delete":
				return true
			}
			return false
		case *types.Func:
			i := c.ParentEdgeIndex()
			return i < 64 && call.Ellipsis == token.NoPos && ft.keepFact(typeutil.StaticCallee(info, call))&(1<<i) != 0
		}
	}
	return false
}

// definedFresh reports whether the declaration at c gives its variable a
// fresh map.
func (ft *factTable) definedFresh(fn *fnInfo, c inspector.Cursor) bool {
	var lhs []ast.Expr
	var rhs []ast.Expr
	switch p := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		lhs, rhs = p.Lhs, p.Rhs
	case *ast.ValueSpec:
		for _, n := range p.Names {
			lhs = append(lhs, n)
		}
		rhs = p.Values
	default:
		return false // range variables, type switches
	}
	i := c.ParentEdgeIndex()
	if len(rhs) == len(lhs) {
		return ft.isFresh(fn, rhs[i])
	}
	if len(rhs) == 1 && i < 64 {
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		return ok && ft.freshFact(typeutil.StaticCallee(ft.pass.TypesInfo, call))&(1<<i) != 0
	}
	return false
}

// writesRecv reports whether method fn of a named map type inserts into
// its receiver.
func (ft *factTable) writesRecv(fn *fnInfo) bool {
	sig := fn.obj.Type().(*types.Signature)
	if !isMapRecv(sig) || sig.Recv().Name() == "" {
		return false
	}
	for c := range ft.localRefs(fn, sig.Recv()) {
		if ft.isWrite(c) {
			return true
		}
	}
	return false
}

// isWrite reports whether the map expression at c is inserted into:
// c[k] = v, c[k]++, c[k] op= v, or a receiver-writing method call on it.
func (ft *factTable) isWrite(c inspector.Cursor) bool {
	info := ft.pass.TypesInfo
	c = throughConversions(info, c)
	p := c.Parent()
	switch c.ParentEdgeKind() {
	case edge.IndexExpr_X:
		ix := skipParens(p)
		switch ix.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
			return true
		}
	case edge.SelectorExpr_X:
		if p.ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
		sel := p.Node().(*ast.SelectorExpr)
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			fn, _ := s.Obj().(*types.Func)
			return ft.writesFact(fn)
		}
	}
	return false
}

// isLocal reports whether v is a function's variable or parameter (not a
// field or a package-level variable).
func isLocal(v *types.Var) bool {
	return v != nil && !v.IsField() && v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope()
}

// skipParens climbs from c over enclosing parentheses.
func skipParens(c inspector.Cursor) inspector.Cursor {
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	return c
}
