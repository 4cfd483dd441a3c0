package a

// A second loop appends too: len(xs) is only the first part of the length
// (prometheus tsdb/ooo_head_test.go). Silent.
func twoLoops(xs, ys []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
	}
	out = append(out, 0)
	for _, y := range ys {
		if y > 0 {
			out = append(out, y)
		}
	}
	return out
}

// The later loop appends to another slice: reported.
func laterLoopOtherSlice(xs, ys []int) ([]int, []int) {
	out := []int{} // want `slice "out" gets len\(xs\) appends; make it with make\(\[\]int, 0, len\(xs\)\)`
	for _, x := range xs {
		out = append(out, x)
	}
	var rest []int
	for _, y := range ys {
		if y > 0 {
			rest = append(rest, y) // conditional: not reported
		}
	}
	return out, rest
}
