//go:build go1.26

// Package grow: a slice that starts nil and may stay nil (the loop may
// run zero times) is made with slices.Grow(T(nil), n), which stays nil
// for n == 0, so callers that tell nil from empty (== nil, cmp.Equal,
// JSON null) see no change. This file has no imports: the fix adds one.
package grow

type T struct{ n int }

// The nil-keeping form, fixed; the import is added.
func names(xs []T) []int {
	var out []int // want `^slice "out" gets len\(xs\) appends; make it with slices.Grow\(\[\]int\(nil\), len\(xs\)\), which stays nil when the loop runs zero times$`
	for _, x := range xs {
		out = append(out, x.n)
	}
	return out
}

// Its twin that starts empty: make, as before.
func namesEmpty(xs []T) []int {
	out := []int{} // want `^slice "out" gets len\(xs\) appends; make it with make\(\[\]int, 0, len\(xs\)\)$`
	for _, x := range xs {
		out = append(out, x.n)
	}
	return out
}

// Grow takes an int: an unsigned count is converted (make took it as is).
func unsigned(n uint32) []uint32 {
	var out []uint32 // want `^slice "out" gets n appends; make it with slices.Grow\(\[\]uint32\(nil\), int\(n\)\), which stays nil when the loop runs zero times$`
	for i := uint32(0); i < n; i++ {
		out = append(out, i)
	}
	return out
}

// Grow panics on a negative n, as make does: a count that may be
// negative keeps its max.
func counted(lo, hi int) []int {
	var out []int // want `^slice "out" gets hi - lo appends; make it with slices.Grow\(\[\]int\(nil\), max\(hi - lo, 0\)\), which stays nil when the loop runs zero times$`
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

// A slice of funcs: []func() int(nil) converts to the slice type (only a
// type that starts with func, * or <- needs parentheses).
func funcs(xs []T) []func() int {
	var out []func() int // want `slices.Grow\(\[\]func\(\) int\(nil\), len\(xs\)\)`
	for _, x := range xs {
		out = append(out, func() int { return x.n })
	}
	return out
}

// The loop surely runs (a constant count): non-nil either way, make.
func constant() []int {
	var out []int // want `^slice "out" gets 16 appends; make it with make\(\[\]int, 0, 16\)$`
	for i := range 16 {
		out = append(out, i)
	}
	return out
}

type repo struct{ items []T }

// The count reads through a pointer that the statement in between could
// guard: no fix (as with make), and the message blames nothing else.
func guarded(r *repo) []int {
	var out []int // want `^slice "out" gets len\(r.items\) appends; make it with slices.Grow\(\[\]int\(nil\), len\(r.items\)\), which stays nil when the loop runs zero times$`
	if r == nil {
		return nil
	}
	for _, x := range r.items {
		out = append(out, x.n)
	}
	return out
}
