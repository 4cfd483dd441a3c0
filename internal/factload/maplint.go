package factload

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// MaplintMayCarry is the Options.MayCarry of maplint's suite: newmap's
// facts (fresh results, map arguments not kept, receiver writes; computed
// by its newmapfacts pass) only mark functions that take or return a map
// or a *sync.Map, or are methods of a map type. Other analyzers: any
// object.
func MaplintMayCarry(a *analysis.Analyzer, obj types.Object) bool {
	if a.Name != "newmapfacts" {
		return true
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if !fn.Exported() {
		return false // no importer can call it
	}
	if r := sig.Recv(); r != nil && isMap(r.Type()) {
		return true
	}
	for _, t := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range t.Variables() {
			if mapish(v.Type()) {
				return true
			}
		}
	}
	return false
}

// mapish over-approximates newmap's isMapish: a map or a *sync.Map.
func mapish(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok {
			obj := n.Obj()
			return obj.Pkg() != nil && obj.Pkg().Path() == "sync" && obj.Name() == "Map"
		}
		return false
	}
	return isMap(t)
}

// isMap over-approximates newmap's IsMap: a type whose underlying type is
// a map, or a type parameter whose constraint admits one (newmap asks for
// the core type; facts are on generic functions' origins).
func isMap(t types.Type) bool {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		return admitsMap(tp.Constraint())
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// admitsMap reports whether a constraint has a map among its type terms
// (any, comparable and method-only constraints have none).
func admitsMap(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Map:
		return true
	case *types.Union:
		for i := range u.Len() {
			if admitsMap(u.Term(i).Type()) {
				return true
			}
		}
	case *types.Interface:
		for i := range u.NumEmbeddeds() {
			if admitsMap(u.EmbeddedType(i)) {
				return true
			}
		}
	}
	return false
}
