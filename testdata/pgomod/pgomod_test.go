package pgomod

import "testing"

func BenchmarkWork(b *testing.B) {
	t := &Table{Rows: make([]int, 5000)}
	for i := range t.Rows {
		t.Rows[i] = i
	}
	small := []int{1, 2, 3}
	for b.Loop() {
		t.Render()
		Cold(small)
		ColdIndex(small)
	}
}
