// Package old is in a module at Go 1.20: no max builtin, so a count that may
// be negative gets no fix and no max(...) in the message; a len count still
// gets both.
package old

func counted(n int) []int {
	out := []int{} // want `^slice "out" gets n appends; make it with capacity n \(not fixed automatically: max needs Go 1.21 and this file's Go version is older\)$`
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

// A nil slice at Go 1.20: no slices.Grow (Go 1.21), so the make advice,
// without a fix.
func nilSlice(xs []int) []int {
	var out []int // want `make it with make\(\[\]int, 0, len\(xs\)\) \(not fixed automatically: it would no longer be nil when the loop runs zero times\)$`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
