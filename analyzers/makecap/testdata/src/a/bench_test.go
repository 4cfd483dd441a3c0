//go:build go1.26

package a

import "testing"

// Benchmarks grow slices on purpose to measure growth: silent.
func BenchmarkAppendGrow(b *testing.B) {
	for range b.N {
		var x []byte
		for j := 0; j < 1<<10; j++ {
			x = append(x, byte(j))
		}
	}
}

// The same loop in a test is silent too: a missing capacity is advice,
// and test tables hold a few elements (see package withtests for -tests).
func TestAppend(t *testing.T) {
	var x []byte
	for j := 0; j < 1<<10; j++ {
		x = append(x, byte(j))
	}
	_ = x
}

// A length then append is a bug in a test as anywhere: reported.
func TestLengthThenAppend(t *testing.T) {
	conns := []string{"a", "b"}
	out := make([]string, len(conns)) // want `slice "out" is made with length len\(conns\) and then appended to`
	for _, c := range conns {
		out = append(out, c)
	}
	_ = out
}
