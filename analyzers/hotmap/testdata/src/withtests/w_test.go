package withtests

import "testing"

// With -hotmap.tests, a test's fill is reported.
func TestFill(t *testing.T) {
	keys := fixtures()
	m := map[int]int{} // want `map "m" is filled with up to len\(keys\) entries`
	for _, k := range keys {
		m[k] = k
	}
	_ = m
}

// Benchmarks stay silent even then.
func BenchmarkFill(b *testing.B) {
	keys := fixtures()
	for range b.N {
		m := map[int]int{}
		for _, k := range keys {
			m[k] = k
		}
		_ = m
	}
}

// A benchmark is known by its file's real name (w_test.go), not the one a
// //line directive gives it: silent as well.
//
//line bench.go:1
func BenchmarkLine(b *testing.B) {
	keys := fixtures()
	for range b.N {
		m := map[int]int{}
		for _, k := range keys {
			m[k] = k
		}
		_ = m
	}
}

// fixtures is a call, not a literal of 3 (a tiny table, silent anyway).
func fixtures() []int { return []int{1, 2, 3} }
