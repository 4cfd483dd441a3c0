//go:build go1.26

package a

import "sort"

// Rule 3 of issue 13: single appends right after the filling loop, before
// any other use of the slice, are part of the capacity.

type table struct{ name string }

// One unconditional append after the loop: n+1, and the slice is non-nil
// whatever the loop does, so the nil caveat does not apply: fixed.
func tableNames(tables []table) []string {
	var names []string // want `slice "names" gets len\(tables\) \+ 1 appends; make it with make\(\[\]string, 0, len\(tables\) \+ 1\)$`
	for _, t := range tables {
		names = append(names, t.name)
	}
	names = append(names, "sqlite_master")
	return names
}

// Only a conditional append to a slice that starts nil: make(n+1) would
// make it non-nil when the loop runs zero times and master is false,
// slices.Grow(nil, n+1) too (its capacity is 1 then), and Grow(nil, n)
// leaves the last append to reallocate. No advice is exact: silent.
func maybeMaster(tables []table, master bool) []string {
	var names []string
	for _, t := range tables {
		names = append(names, t.name)
	}
	if master {
		names = append(names, "sqlite_master")
	}
	return names
}

// Its twin starting non-nil: n+1, fixed.
func maybeMasterEmpty(tables []table, master bool) []string {
	names := []string{} // want `slice "names" gets len\(tables\) \+ 1 appends; make it with make\(\[\]string, 0, len\(tables\) \+ 1\)$`
	for _, t := range tables {
		names = append(names, t.name)
	}
	if master {
		names = append(names, "sqlite_master")
	}
	return names
}

// Several, with statements that do not use the slice in between, and an
// if/else: the larger branch counts (1 + 2 + 1).
func several(tables []table, a, b bool) []string {
	names := []string{} // want `slice "names" gets len\(tables\) \+ 4 appends; make it with make\(\[\]string, 0, len\(tables\) \+ 4\)$`
	for _, t := range tables {
		names = append(names, t.name)
	}
	names = append(names, "a")
	if a {
		names = append(names, "b", "c")
	} else if b {
		names = append(names, "d")
	}
	sort.Strings([]string{"unrelated"})
	names = append(names, "e")
	return names
}

// A constant count is folded; a count that may be negative keeps its max.
func constAndMax(n int) ([]int, []int) {
	var xs []int // want `slice "xs" gets 17 appends; make it with make\(\[\]int, 0, 17\)$`
	for i := range 16 {
		xs = append(xs, i)
	}
	xs = append(xs, -1)
	ys := []int{} // want `slice "ys" gets n \+ 1 appends; make it with make\(\[\]int, 0, max\(n, 0\) \+ 1\)$`
	for i := 0; i < n; i++ {
		ys = append(ys, i)
	}
	ys = append(ys, -1)
	return xs, ys
}

// Another use first: the appends after it are not counted (n, not n+1).
func usedFirst(tables []table) []string {
	names := []string{} // want `slice "names" gets len\(tables\) appends; make it with make\(\[\]string, 0, len\(tables\)\)$`
	for _, t := range tables {
		names = append(names, t.name)
	}
	sort.Strings(names)
	names = append(names, "sqlite_master")
	return names
}

// The branch uses the slice otherwise: not counted, and the count stops.
func branchUses(tables []table, dedupe bool) []string {
	names := []string{} // want `slice "names" gets len\(tables\) appends;`
	for _, t := range tables {
		names = append(names, t.name)
	}
	if dedupe {
		sort.Strings(names)
	}
	names = append(names, "sqlite_master")
	return names
}

// Appends after the loop inside another loop: a partial count, silent.
func appendedInLaterLoop(tables []table, extra []string) []string {
	var names []string
	for _, t := range tables {
		names = append(names, t.name)
	}
	names = append(names, "sqlite_master")
	for _, e := range extra {
		names = append(names, e)
	}
	return names
}
