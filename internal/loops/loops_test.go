package loops_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/maplint/maplint/internal/loops"
)

// Each loop is preceded by a comment: "trip: <text>", "trip: ?" (unknown),
// and optionally "exits" (ExitsEarly) or "nonneg".
const src = `package p

type T struct{ xs []int; p *[4]int }

func f(xs []int, m map[string]int, s string, n, lo, hi int, u, ulo, uhi uint, ch chan int, t *T, a [3]int) {
	// trip: len(xs) nonneg
	for range xs {}
	// trip: len(m) nonneg
	for range m {}
	// trip: 3 nonneg
	for range a {}
	// trip: 4 nonneg
	for range t.p {}
	// trip: len(t.xs) nonneg
	for range t.xs {}
	// trip: ?
	for range s {}
	// trip: ?
	for range ch {}
	// trip: n
	for range n {}
	// trip: u nonneg
	for range u {}
	// trip: 10 nonneg
	for range 10 {}
	// trip: 3 nonneg
	for range []int{1, 2, 3} {}
	// trip: ?
	for range []int{5: 1} {}
	// trip: ?
	for range map[int]int{1: 1} {}
	// trip: n
	for i := 0; i < n; i++ {}
	// trip: hi - lo + 1
	for i := lo; i <= hi; i++ {}
	// trip: len(xs) nonneg
	for i := len(xs) - 1; i >= 0; i-- {}
	// trip: len(xs) - 1
	for i := 1; i < len(xs); i++ {}
	// trip: n
	for i := 1; i <= n; i++ {}
	// trip: hi - lo
	for i := hi; i > lo; i-- {}
	// trip: u nonneg
	for i := uint(0); i < u; i++ {}
	// trip: ?
	for i := ulo; i <= uhi; i++ {}
	// trip: ?
	for i := uint(1); i < u; i++ {}
	// trip: 21 nonneg
	for i := ulo; i <= ulo+20; i++ {}
	// trip: ?
	for i := 0; i < n; i += 2 {}
	// trip: ?
	for i := 0; i < n; i++ { n-- }
	// trip: ?
	for i := 0; i < n; i++ { i++ }
	// trip: ?
	for i := 0; i < len(xs); i++ { xs = xs[1:] }
	// trip: len(xs) nonneg exits
	for range xs { break }
	// trip: len(xs) nonneg
	for range xs { for { break }; switch { default: break }; func() { return }() }
	// trip: len(xs) nonneg exits
	for range xs { panic(0) }
	// trip: len(xs) nonneg exits
	for range xs { switch { default: return } }
	// trip: len(xs) nonneg
	for range xs { continue }
}
`

func TestTripCount(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	cmap := ast.NewCommentMap(fset, f, f.Comments)
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		stmt, ok := node.(ast.Stmt)
		if !ok {
			return true
		}
		l, ok := loops.AsLoop(stmt)
		if !ok || len(cmap[stmt]) == 0 {
			return true
		}
		want := strings.TrimPrefix(strings.TrimSpace(cmap[stmt][0].Text()), "trip: ")
		fields := strings.Fields(want)
		n++
		line := fset.Position(stmt.Pos()).Line
		trip, ok := l.TripCount(info, fset, nil)
		got := "?"
		if ok {
			got = trip.Text
			if trip.NonNeg {
				got += " nonneg"
			}
			if l.ExitsEarly(info) {
				got += " exits"
			}
		}
		if got != want {
			t.Errorf("line %d: got %q, want %q (%v)", line, got, want, fields)
		}
		return false
	})
	if n < 20 {
		t.Fatalf("checked %d loops", n)
	}
}
