//go:build go1.26

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

// The slice is reset between the loops: the first count is complete.
func resetBetween(xs, ys []int) {
	out := []int{} // want `slice "out" gets len\(xs\) appends`
	for _, x := range xs {
		out = append(out, x)
	}
	use(out)
	out = nil
	for _, y := range ys {
		out = append(out, y)
	}
	use(out)
}

// A later loop under if, appending a spread: still a partial count. Silent.
func nestedLater(xs, ys [][]int, more bool) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x[0])
	}
	if more {
		for _, y := range ys {
			out = append(out, y...)
		}
	}
	return out
}

func use([]int) {}
