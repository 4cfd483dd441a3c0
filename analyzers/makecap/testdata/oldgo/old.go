// Package old is in a module at Go 1.20: no max builtin, so a count that may
// be negative gets no fix; a len count still does.
package old

func counted(n int) []int {
	out := []int{} // want `make it with make\(\[\]int, 0, max\(n, 0\)\)`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

func ranged(xs []int) []int {
	out := []int{} // want `make it with make\(\[\]int, 0, len\(xs\)\)`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
