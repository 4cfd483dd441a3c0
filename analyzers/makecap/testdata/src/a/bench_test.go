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

// The same loop in a test is reported.
func TestAppend(t *testing.T) {
	var x []byte // want `slice "x" gets 1024 appends`
	for j := 0; j < 1<<10; j++ {
		x = append(x, byte(j))
	}
	_ = x
}
