package loops_test

import (
	"fmt"
	"go/ast"
	"strings"
	"testing"

	"github.com/maplint/maplint/internal/loops"
)

// TestFromInputOneWalk: FromInput answers for every loop of a function
// that fills many slices, one count decoded by encoding/binary and the
// others not, with one walk of the body however many loops ask: a walk
// per question made hotmap and makecap quadratic in the number of
// variables (BenchmarkOneBigFunction: 11 s at 3,000).
func TestFromInputOneWalk(t *testing.T) {
	const n = 50
	var b strings.Builder
	b.WriteString("package p\n\nimport \"encoding/binary\"\n\nfunc f(b []byte, xs []int) {\n\tk := int(binary.BigEndian.Uint32(b))\n")
	for i := range n {
		fmt.Fprintf(&b, "\tvar s%d []int\n\tfor j := 0; j < k+%d; j++ {\n\t\ts%d = append(s%d, j)\n\t}\n", i, i, i, i)
		fmt.Fprintf(&b, "\tvar r%d []int\n\tfor _, x := range xs {\n\t\tr%d = append(r%d, x)\n\t}\n", i, i, i)
	}
	b.WriteString("}\n")
	fset, f, _, info, u := uses(t, b.String())
	body := f.Decls[1].(*ast.FuncDecl).Body
	before := loops.InputWalks.Load()
	decoded, other := 0, 0
	for _, st := range body.List {
		l, ok := loops.AsLoop(st)
		if !ok {
			continue
		}
		trip, ok := l.TripCount(info, fset, u)
		if !ok {
			t.Fatalf("%s: no trip count", fset.Position(st.Pos()))
		}
		_, isFor := st.(*ast.ForStmt)
		if got := loops.FromInput(info, u, body, trip); got != isFor {
			t.Errorf("%s: FromInput(%s) = %v, want %v", fset.Position(st.Pos()), trip.Text, got, isFor)
		}
		if isFor {
			decoded++
		} else {
			other++
		}
	}
	if decoded != n || other != n {
		t.Fatalf("asked about %d decoded and %d other counts, want %d each", decoded, other, n)
	}
	if walks := loops.InputWalks.Load() - before; walks != 1 {
		t.Errorf("FromInput walked the body %d times for %d loops, want once", walks, 2*n)
	}
}
