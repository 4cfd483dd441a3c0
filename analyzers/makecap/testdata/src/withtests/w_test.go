package withtests

import "testing"

// With -makecap.tests, a test's loop is reported.
func TestFill(t *testing.T) {
	keys := fixtures()
	out := []int{} // want `slice "out" gets len\(keys\) appends`
	for _, k := range keys {
		out = append(out, k)
	}
	_ = out
}

// Benchmarks stay silent even then.
func BenchmarkFill(b *testing.B) {
	keys := fixtures()
	for range b.N {
		out := []int{}
		for _, k := range keys {
			out = append(out, k)
		}
		_ = out
	}
}

// A benchmark is known by its file's real name (w_test.go), not the one a
// //line directive gives it: silent as well.
//
//line bench.go:1
func BenchmarkLine(b *testing.B) {
	keys := fixtures()
	for range b.N {
		out := []int{}
		for _, k := range keys {
			out = append(out, k)
		}
		_ = out
	}
}

// fixtures is a call, not a literal of 3 (a tiny table, silent anyway).
func fixtures() []int { return []int{1, 2, 3} }
