package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// Refs is maplint's one index of references: for one declaration (a
// function, or a var with closures), the identifiers that refer to each
// object (info.Uses) in source order, and the one that declares it
// (info.Defs). Questions such as "the first use of m after this
// statement" are a binary search, not a walk of the rest of the body: a
// function declaring thousands of maps and filling each in a loop of its
// own took time quadratic in their number (issue 14). newmap's facts build
// one per candidate function; loops.Uses one per declaration it is asked
// about.
type Refs struct {
	uses map[types.Object][]inspector.Cursor
	defs map[types.Object]inspector.Cursor
}

// NewRefs indexes the identifiers under decl.
func NewRefs(info *types.Info, decl inspector.Cursor) *Refs {
	r := &Refs{
		uses: make(map[types.Object][]inspector.Cursor),
		defs: make(map[types.Object]inspector.Cursor),
	}
	for c := range decl.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		// An embedded field's name is in both maps: it uses its type and
		// defines the field.
		if obj := info.Uses[id]; obj != nil {
			r.uses[obj] = append(r.uses[obj], c)
		}
		if obj := info.Defs[id]; obj != nil {
			r.defs[obj] = c
		}
	}
	return r
}

// In returns the identifiers that refer to obj in [from, to), in order.
func (r *Refs) In(obj types.Object, from, to token.Pos) []inspector.Cursor {
	list := r.uses[obj]
	i := search(list, from)
	return list[i : i+search(list[i:], to)]
}

// Next returns the position of the first reference to obj at or after pos.
func (r *Refs) Next(obj types.Object, pos token.Pos) (token.Pos, bool) {
	list := r.uses[obj]
	if i := search(list, pos); i < len(list) {
		return list[i].Node().Pos(), true
	}
	return token.NoPos, false
}

// Def returns the identifier that declares obj, if it is in the
// declaration.
func (r *Refs) Def(obj types.Object) (inspector.Cursor, bool) {
	c, ok := r.defs[obj]
	return c, ok
}

// search returns the index of the first identifier of list at or after pos.
func search(list []inspector.Cursor, pos token.Pos) int {
	i, _ := slices.BinarySearchFunc(list, pos, func(c inspector.Cursor, pos token.Pos) int {
		return int(c.Node().Pos() - pos)
	})
	return i
}
