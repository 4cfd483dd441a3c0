package pgomod

import "testing"

func BenchmarkWork(b *testing.B) {
	t := &Table{Rows: make([]int, 5000)}
	for i := range t.Rows {
		t.Rows[i] = i
	}
	small := []int{1, 2, 3}
	// The cold loops run once per 1000 iterations: allocating in them on
	// every iteration let GC assists, charged to whoever allocates, lift
	// them over the threshold on a loaded machine (seen: 1.1%).
	i := 0
	for b.Loop() {
		t.Render()
		if i%1000 == 0 {
			Cold(small)
			ColdIndex(small)
		}
		i++
	}
}
