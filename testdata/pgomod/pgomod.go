// Package pgomod is the sample of maplint's profile weighing
// (docs/profile.md, cmd/maplint's TestProfile): BenchmarkWork spends nearly
// all its time in the loop of (*Table).Render and almost none in Cold's, so
// a CPU profile of it keeps Render's makecap finding and drops Cold's
// (makecap) and ColdIndex's (hotmap).
//
// It is a module of its own, outside the e2e module's ./..., and has no
// "// want" comments: its expectations depend on a profile.
package pgomod

import "strconv"

// Table holds rows of numbers.
type Table struct{ Rows []int }

// Render formats every row: the hot loop.
func (t *Table) Render() []string {
	var out []string
	for _, n := range t.Rows {
		out = append(out, strconv.Itoa(n*n)+" = "+strconv.Itoa(n)+"²")
	}
	return out
}

// Cold adds one to a few numbers: the cold loop.
func Cold(ns []int) []int {
	var out []int
	for _, n := range ns {
		out = append(out, n+1)
	}
	return out
}

// ColdIndex maps a few numbers to their successors: another cold loop.
func ColdIndex(ns []int) map[int]int {
	m := map[int]int{}
	for _, n := range ns {
		m[n] = n + 1
	}
	return m
}
