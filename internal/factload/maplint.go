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
	if r := sig.Recv(); r != nil && mapish(r.Type()) {
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

// mapish over-approximates newmap's isMapish: a map, a *sync.Map, or any
// type parameter (its core type may be a map).
func mapish(t types.Type) bool {
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		if n, ok := types.Unalias(t.Elem()).(*types.Named); ok {
			obj := n.Obj()
			return obj.Pkg() != nil && obj.Pkg().Path() == "sync" && obj.Name() == "Map"
		}
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}
