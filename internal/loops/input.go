package loops

import (
	"go/ast"
	"go/token"
	"go/types"
	"sync/atomic"

	"github.com/maplint/maplint/internal/analysisutil"
)

// FromInput reports whether the count t is a value decoded from bytes by
// encoding/binary in the function body: a root of the count is filled by
// binary.Read, or is assigned (itself or a field of it) such a value, a
// ByteOrder's Uint16/32/64, or a varint (binary.Uvarint, ReadUvarint, …),
// possibly converted or in arithmetic. Such a count is whatever the
// input says: presized, a corrupt header of a few bytes asks for
// gigabytes up front, where the loop would have failed on the missing
// data after a few appends (the standard library caps such counts with
// internal/saferio.SliceCap for this reason). One assignment deep.
func FromInput(info *types.Info, uses *Uses, body *ast.BlockStmt, t *Trip) bool {
	if body == nil || t.IsConst || len(t.Roots) == 0 {
		return false
	}
	in := uses.inputs(info, body)
	for _, r := range t.Roots {
		if in.read[r] {
			return true
		}
	}
	for _, r := range t.Roots {
		for _, rhs := range in.assigned[r] {
			if decoded(info, rhs, in.read) {
				return true
			}
		}
	}
	return false
}

// inputs is what FromInput needs of one function body, found by one walk
// of it: a function that fills thousands of variables asks about each,
// and a walk per question was quadratic (BenchmarkOneBigFunction).
type inputs struct {
	read     map[types.Object]bool       // filled by binary.Read
	assigned map[types.Object][]ast.Expr // what each variable (itself or a field of it) is assigned
}

// inputWalks counts the walks inputs makes, for TestFromInputOneWalk.
var inputWalks atomic.Int64

// inputs returns body's inputs, found on the first question about it.
func (u *Uses) inputs(info *types.Info, body *ast.BlockStmt) *inputs {
	u.inputsMu.Lock()
	defer u.inputsMu.Unlock()
	if in, ok := u.inputsOf[body]; ok {
		return in
	}
	inputWalks.Add(1)
	in := &inputs{read: map[types.Object]bool{}, assigned: map[types.Object][]ast.Expr{}}
	assign := func(lhs, rhs ast.Expr) {
		if o := rootObj(info, lhs); o != nil {
			in.assigned[o] = append(in.assigned[o], rhs)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if len(n.Args) == 3 && isBinaryFunc(info, n.Fun, "Read") {
				if o := rootObj(info, n.Args[2]); o != nil {
					in.read[o] = true
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case len(n.Rhs) == len(n.Lhs):
					assign(lhs, n.Rhs[i])
				case i == 0 && len(n.Rhs) == 1: // n, k := binary.Uvarint(b)
					assign(lhs, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) && len(n.Values) == len(n.Names) {
					assign(name, n.Values[i])
				} else if i == 0 && len(n.Values) == 1 {
					assign(name, n.Values[0])
				}
			}
		}
		return true
	})
	if u.inputsOf == nil {
		u.inputsOf = make(map[*ast.BlockStmt]*inputs)
	}
	u.inputsOf[body] = in
	return in
}

// decoded reports whether e is a value decoded by encoding/binary, or a
// field of a variable that binary.Read fills.
func decoded(info *types.Info, e ast.Expr, read map[types.Object]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return decoded(info, e.X, read) || decoded(info, e.Y, read)
	case *ast.SelectorExpr, *ast.StarExpr:
		o := rootObj(info, e)
		return o != nil && read[o]
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return decoded(info, e.Args[0], read) // a conversion
		}
		if isBinaryFunc(info, e.Fun, "Uvarint", "Varint", "ReadUvarint", "ReadVarint") {
			return true
		}
		// binary.BigEndian.Uint32(b), or through a ByteOrder value.
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "Uint16", "Uint32", "Uint64":
				fn, ok := info.Uses[sel.Sel].(*types.Func)
				return ok && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/binary"
			}
		}
	}
	return false
}

func isBinaryFunc(info *types.Info, fun ast.Expr, names ...string) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	return ok && analysisutil.IsFunctionNamed(info.Uses[sel.Sel], "encoding/binary", names...)
}

// rootObj is root for &x too, and for an x that the statement defines.
func rootObj(info *types.Info, e ast.Expr) types.Object {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	if id := rootIdent(info, e); id != nil {
		if o, ok := info.ObjectOf(id).(*types.Var); ok {
			return o
		}
	}
	return nil
}
