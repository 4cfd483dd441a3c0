package unsafemap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/analysisutil"
)

// The header-read rule reports a conversion that types the memory a map
// word points to, tracking map words through one top-level declaration:
//
//	h := *(**hmap)(unsafe.Pointer(&m))             // reported: hmap is not the layout since Go 1.24
//	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))    // silent: an opaque word
//	b := *(*uint8)(unsafe.Pointer(uintptr(p) + 9)) // reported: B before Go 1.24, the seed now
//
// Where a value is only known to be a map after a Kind() check, the check
// (kindcheck.go) says where it holds.

// A region is memory a tracked pointer points into.
type region int

const (
	mapVar   region = iota + 1 // a variable of map type: one pointer word, the map word
	ifaceVar                   // an interface variable (type word, data word) holding a map
	header                     // the runtime map header the map word points to
)

// A kind classifies what an expression is, as far as maps are concerned.
type kind int

const (
	unknown   kind = iota
	mapValue       // a value of map type
	ifaceMap       // an interface value holding a map
	pointer        // unsafe.Pointer, uintptr or *T pointing into a region
	copied         // a struct or array value loaded from a region
	reflectV       // a reflect.Value of a map
	reflectVP      // a reflect.Value of a *map
	reflectT       // a reflect.Type of a map
)

// A value is what the checker knows about an expression.
type value struct {
	kind     kind
	region   region     // for pointer and copied
	off      int64      // offset into region
	offKnown bool       // off is exact
	elem     types.Type // pointer: pointee of a typed pointer (nil for unsafe.Pointer, uintptr); copied: its type
	// root, if non-nil, is the variable whose map-ness this value depends
	// on: an interface, reflect.Value or reflect.Type variable is known to
	// be (or hold) a map only after a Kind() == reflect.Map check on it.
	root types.Object
}

// A checker tracks map words through one top-level declaration, in
// source order.
type checker struct {
	pass     *analysis.Pass
	sizes    types.Sizes
	wordSize int64
	vars     map[types.Object]value  // last value assigned to each local variable
	knownMap map[types.Object][]span // where a variable is known to be a map (Kind() checks)
}

func (c *checker) checkDecl(declCur inspector.Cursor) {
	filter := []ast.Node{
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.IfStmt)(nil),
		(*ast.SwitchStmt)(nil),
		(*ast.CallExpr)(nil),
	}
	for cur := range declCur.Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			c.assign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.assign(lhs, n.Values)
		case *ast.IfStmt:
			c.ifKindCheck(cur, n)
		case *ast.SwitchStmt:
			c.switchKindCheck(n)
		case *ast.CallExpr:
			c.checkConversion(n)
		}
	}
}

// assign records what each assigned local variable now holds.
func (c *checker) assign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		obj := c.pass.TypesInfo.ObjectOf(id)
		if obj == nil {
			continue
		}
		if len(lhs) != len(rhs) {
			delete(c.vars, obj)
			continue
		}
		v := c.classify(rhs[i], 0)
		if v.kind == mapValue && types.IsInterface(obj.Type()) {
			v.kind = ifaceMap
		}
		if v.kind == unknown {
			delete(c.vars, obj)
		} else {
			c.vars[obj] = v
		}
	}
}

// checkConversion reports a conversion (*T)(x) that types map header
// memory: x points into the header (a map word, possibly plus an offset),
// or x is &m and T is itself a pointer type.
func (c *checker) checkConversion(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	tv, ok := c.pass.TypesInfo.Types[call.Fun]
	if !ok || !tv.IsType() || tv.Type == nil {
		return
	}
	ptr, ok := tv.Type.Underlying().(*types.Pointer)
	if !ok {
		return
	}
	x := c.classify(call.Args[0], 0)
	if x.kind != pointer || !c.isKnown(x, call.Pos()) {
		return
	}
	target := ptr.Elem()
	if b, ok := target.Underlying().(*types.Basic); ok && b.Kind() == types.Invalid {
		return // incomplete type information
	}
	if isRuntimeMapType(target) {
		return // the runtime's own type (internal/runtime/maps tests): the current layout
	}
	switch x.region {
	case header:
		if x.offKnown && x.off == 0 && isUnsafePointer(target) {
			return // *(*unsafe.Pointer)(p): an opaque word
		}
		c.report(call, c.headerReadMessage(target, x.off, x.offKnown))
	case mapVar:
		if !x.offKnown || x.off != 0 {
			return
		}
		if p, ok := target.Underlying().(*types.Pointer); ok && !isRuntimeMapType(p.Elem()) {
			// (**T)(unsafe.Pointer(&m)): *T points at the header.
			c.report(call, c.headerReadMessage(p.Elem(), 0, true))
		} else if isSignedInteger(target) {
			c.report(call, fmt.Sprintf("reads the map variable as %s: a map value is a pointer to the runtime map header, so this is an address, not the count; use len(m)",
				types.TypeString(target, types.RelativeTo(c.pass.Pkg))))
		}
	}
}

// classify says what e is. depth bounds the recursion.
func (c *checker) classify(e ast.Expr, depth int) value {
	if depth > 32 || e == nil {
		return value{}
	}
	depth++
	e = ast.Unparen(e)
	info := c.pass.TypesInfo
	tv, ok := info.Types[e]
	if !ok || tv.IsType() || tv.Type == nil {
		return value{}
	}
	if analysisutil.IsMap(tv.Type) {
		return value{kind: mapValue}
	}
	if p, ok := tv.Type.Underlying().(*types.Pointer); ok && analysisutil.IsMap(p.Elem()) {
		// &m, or a *map[K]V parameter, variable or field: &m by another name
		return value{kind: pointer, region: mapVar, offKnown: true, elem: p.Elem()}
	}
	switch e := e.(type) {
	case *ast.Ident:
		return c.classifyVar(e, tv.Type)
	case *ast.UnaryExpr:
		if e.Op != token.AND {
			return value{}
		}
		x := c.classify(e.X, depth)
		switch x.kind {
		case mapValue:
			return value{kind: pointer, region: mapVar, offKnown: true, elem: info.TypeOf(e.X), root: x.root}
		case ifaceMap:
			return value{kind: pointer, region: ifaceVar, offKnown: true, elem: info.TypeOf(e.X), root: x.root}
		}
	case *ast.StarExpr:
		x := c.classify(e.X, depth)
		if x.kind == pointer && x.elem != nil {
			return c.load(x, x.elem)
		}
	case *ast.SelectorExpr:
		return c.classifyField(e, depth)
	case *ast.IndexExpr:
		return c.classifyIndex(e, depth)
	case *ast.BinaryExpr:
		if e.Op != token.ADD && e.Op != token.SUB {
			return value{}
		}
		x, y := c.classify(e.X, depth), c.classify(e.Y, depth)
		switch {
		case x.kind == pointer && x.elem == nil:
			n, known := analysisutil.IntConst(c.pass.TypesInfo, e.Y)
			if e.Op == token.SUB {
				n = -n
			}
			return x.plus(n, known)
		case y.kind == pointer && y.elem == nil && e.Op == token.ADD:
			n, known := analysisutil.IntConst(c.pass.TypesInfo, e.X)
			return y.plus(n, known)
		}
	case *ast.CallExpr:
		return c.classifyCall(e, depth)
	}
	return value{}
}

// classifyVar says what the variable id is: what was last assigned to it
// in this declaration, else what its type alone tells.
func (c *checker) classifyVar(id *ast.Ident, t types.Type) value {
	obj, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return value{}
	}
	if v, ok := c.vars[obj]; ok {
		return v
	}
	switch {
	case analysisutil.IsTypeNamed(t, "reflect", "Value"):
		return value{kind: reflectV, root: obj}
	case analysisutil.IsTypeNamed(t, "reflect", "Type"):
		return value{kind: reflectT, root: obj}
	case types.IsInterface(t):
		if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
			return value{}
		}
		return value{kind: ifaceMap, root: obj}
	}
	return value{}
}

// plus returns p advanced by n bytes.
func (v value) plus(n int64, known bool) value {
	v.off += n
	v.offKnown = v.offKnown && known
	return v
}

// load says what is read from memory at p as a value of type t.
func (c *checker) load(p value, t types.Type) value {
	if p.kind != pointer && p.kind != copied || !p.offKnown || t == nil {
		return value{}
	}
	switch t.Underlying().(type) {
	case *types.Struct, *types.Array:
		return value{kind: copied, region: p.region, off: p.off, offKnown: true, elem: t, root: p.root}
	}
	if size, ok := c.sizeof(t); !ok || size != c.wordSize {
		return value{}
	}
	if p.region == mapVar && p.off == 0 || p.region == ifaceVar && p.off == c.wordSize {
		// the map word: a pointer to the header
		var elem types.Type
		if tp, ok := t.Underlying().(*types.Pointer); ok {
			elem = tp.Elem()
		}
		return value{kind: pointer, region: header, offKnown: true, elem: elem, root: p.root}
	}
	return value{}
}

// regionElem returns the type that a typed pointer into, or a copy of, a
// tracked region holds.
func regionElem(v value) (types.Type, bool) {
	if (v.kind == pointer || v.kind == copied) && v.elem != nil {
		return v.elem, true
	}
	return nil, false
}

// classifyField handles x.f where x is a typed pointer into, or a copy of,
// a tracked region (e.g. e.data with e := (*eface)(unsafe.Pointer(&v))).
func (c *checker) classifyField(sel *ast.SelectorExpr, depth int) value {
	s, ok := c.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return value{}
	}
	base := c.classify(sel.X, depth)
	t, ok := regionElem(base)
	if !ok {
		return value{}
	}
	off := base.off
	for _, idx := range s.Index() {
		st, ok := t.Underlying().(*types.Struct)
		if !ok || idx >= st.NumFields() {
			return value{} // through an embedded pointer: not followed
		}
		fields := make([]*types.Var, st.NumFields())
		for i := range fields {
			fields[i] = st.Field(i)
		}
		offs, ok := c.offsetsof(fields)
		if !ok {
			return value{}
		}
		off += offs[idx]
		t = fields[idx].Type()
	}
	base.off = off
	base.kind = pointer
	return c.load(base, t)
}

// classifyIndex handles a[i] where a is a typed pointer to, or a copy of,
// an array in a tracked region (e.g. (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]).
func (c *checker) classifyIndex(ix *ast.IndexExpr, depth int) value {
	base := c.classify(ix.X, depth)
	t, ok := regionElem(base)
	if !ok {
		return value{}
	}
	arr, ok := t.Underlying().(*types.Array)
	if !ok {
		return value{}
	}
	i, ok := analysisutil.IntConst(c.pass.TypesInfo, ix.Index)
	if !ok {
		return value{}
	}
	size, ok := c.sizeof(arr.Elem())
	if !ok {
		return value{}
	}
	base.off += i * size
	base.kind = pointer
	return c.load(base, arr.Elem())
}

func (c *checker) classifyCall(call *ast.CallExpr, depth int) value {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 || tv.Type == nil {
			return value{}
		}
		return c.convert(tv.Type, c.classify(call.Args[0], depth))
	}
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		if fn == types.Unsafe.Scope().Lookup("Add") && len(call.Args) == 2 {
			x := c.classify(call.Args[0], depth)
			if x.kind == pointer && x.elem == nil {
				n, known := analysisutil.IntConst(c.pass.TypesInfo, call.Args[1])
				return x.plus(n, known)
			}
		}
	case *types.Func:
		return c.classifyFuncCall(fn, call, depth)
	}
	return value{}
}

// atomicWordReads are the sync/atomic functions that read the word at
// their pointer argument, loaded or swapped out: given &m, the map word
// (TestAPITables checks them against sync/atomic's doc).
var atomicWordReads = []string{"LoadPointer", "LoadUintptr", "SwapPointer", "SwapUintptr"}

func (c *checker) classifyFuncCall(fn *types.Func, call *ast.CallExpr, depth int) value {
	switch {
	case len(call.Args) > 0 && analysisutil.IsFunctionNamed(fn, "sync/atomic", atomicWordReads...):
		x := c.classify(call.Args[0], depth)
		if t := c.pass.TypesInfo.TypeOf(call.Args[0]); t != nil && x.kind == pointer {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				return c.load(x, p.Elem())
			}
		}
	case len(call.Args) > 0 && analysisutil.IsFunctionNamed(fn, "reflect", "ValueOf", "TypeOf"):
		x := c.classify(call.Args[0], depth)
		k := reflectV
		if fn.Name() == "TypeOf" {
			k = reflectT
		}
		switch {
		case x.kind == mapValue || x.kind == ifaceMap:
			return value{kind: k, root: x.root}
		case x.kind == pointer && x.region == mapVar && fn.Name() == "ValueOf":
			return value{kind: reflectVP, root: x.root}
		}
	case analysisutil.IsMethodNamed(fn, "reflect", "Value", "UnsafePointer", "Pointer", "Type", "Interface", "Elem"):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return reflectMethod(c.classify(sel.X, depth), fn.Name())
		}
	}
	return value{}
}

// reflectMethod says what calling the reflect.Value method name on recv
// returns.
func reflectMethod(recv value, name string) value {
	switch {
	case recv.kind == reflectV && (name == "UnsafePointer" || name == "Pointer"):
		return value{kind: pointer, region: header, offKnown: true, root: recv.root}
	case recv.kind == reflectV && name == "Type":
		return value{kind: reflectT, root: recv.root}
	case recv.kind == reflectV && name == "Interface":
		return value{kind: ifaceMap, root: recv.root}
	case recv.kind == reflectVP && name == "Elem":
		return value{kind: reflectV, root: recv.root}
	case recv.kind == reflectVP && (name == "UnsafePointer" || name == "Pointer"):
		return value{kind: pointer, region: mapVar, offKnown: true, root: recv.root}
	}
	return value{}
}

// convert says what the conversion T(x) is.
func (c *checker) convert(t types.Type, x value) value {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if x.kind == pointer && (u.Kind() == types.UnsafePointer || u.Info()&types.IsInteger != 0) {
			x.elem = nil
			return x
		}
	case *types.Pointer:
		if x.kind == pointer {
			x.elem = u.Elem()
			return x
		}
	case *types.Interface:
		if x.kind == mapValue || x.kind == ifaceMap {
			return value{kind: ifaceMap, root: x.root}
		}
	}
	return value{}
}

// sizeof is Sizes.Sizeof, made safe for odd types (it must not panic).
func (c *checker) sizeof(t types.Type) (size int64, ok bool) {
	defer func() {
		if recover() != nil {
			size, ok = 0, false
		}
	}()
	if t == nil || !isSized(t, 0) {
		return 0, false
	}
	return c.sizes.Sizeof(t), true
}

// offsetsof is Sizes.Offsetsof, made safe for odd types.
func (c *checker) offsetsof(fields []*types.Var) (offs []int64, ok bool) {
	defer func() {
		if recover() != nil {
			offs, ok = nil, false
		}
	}()
	for _, f := range fields {
		if !isSized(f.Type(), 0) {
			return nil, false
		}
	}
	return c.sizes.Offsetsof(fields), true
}

// isSized reports whether t has a size independent of type arguments and
// free of invalid types.
func isSized(t types.Type, depth int) bool {
	if depth > 16 {
		return false
	}
	depth++
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return false
	case *types.Basic:
		return t.Kind() != types.Invalid
	case *types.Named:
		if t.TypeArgs().Len() > 0 {
			for i := 0; i < t.TypeArgs().Len(); i++ {
				if !isSized(t.TypeArgs().At(i), depth) {
					return false
				}
			}
		}
		return isSized(t.Underlying(), depth)
	case *types.Array:
		return isSized(t.Elem(), depth)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if !isSized(t.Field(i).Type(), depth) {
				return false
			}
		}
	}
	return true
}

// isRuntimeMapType reports whether t is a type of internal/runtime/maps,
// which only the runtime and its tests can name.
func isRuntimeMapType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "internal/runtime/maps"
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

func isSignedInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0 && b.Info()&types.IsUnsigned == 0
}

// CategoryHeaderRead is the category of a conversion that types the
// memory of a runtime map header.
const CategoryHeaderRead = "header-read"

// report flags a conversion that types map header memory.
func (c *checker) report(call ast.Node, msg string) {
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: CategoryHeaderRead, Message: msg})
}
