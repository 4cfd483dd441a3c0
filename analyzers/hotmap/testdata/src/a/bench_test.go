//go:build go1.26

package a

import "testing"

// Benchmarks fill maps without hints on purpose: silent.
func BenchmarkFill(b *testing.B) {
	keys := []int{1, 2, 3}
	for range b.N {
		m := map[int]int{}
		for _, k := range keys {
			m[k] = k
		}
	}
}

// The same fill in a test is silent too, unless -hotmap.tests (see
// package withtests).
func TestFill(t *testing.T) {
	keys := []int{1, 2, 3}
	m := map[int]int{}
	for _, k := range keys {
		m[k] = k
	}
	_ = m
}
