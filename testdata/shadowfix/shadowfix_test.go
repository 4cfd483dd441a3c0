package shadowfix

import "testing"

func TestAll(t *testing.T) {
	if got := len(Counted(3)) + len(LenParam([]int{1, 2}, 1)) + len(Ranged([]int{1})); got != 6 {
		t.Errorf("slices: %d elements, want 6", got)
	}
	if got := len(LocalMake([]string{"a", "b", "a"})) + len(Index([]string{"a"})); got != 3 {
		t.Errorf("maps: %d keys, want 3", got)
	}
	docs := [][]string{{"a", "a", "b"}, {"c"}}
	if LocalClear(docs) != 3 || Distinct(docs) != 3 || max(1, 2) != 3 {
		t.Error("wrong counts")
	}
}
