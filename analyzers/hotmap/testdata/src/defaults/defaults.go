//go:build go1.26

// Package defaults shows hotmap at its default settings:
// per-iteration is off (-hotmap.per-iteration turns it on).
package defaults

// Distinct makes a map on every iteration: silent by default; with
// -hotmap.per-iteration, "made on every iteration" (see a/a.go).
func Distinct(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // silent: per-iteration is off
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

// Index fills one map before returning it: missing-hint still reports.
func Index(words []string) map[string]int {
	m := map[string]int{} // want `map "m" is filled with up to len\(words\) entries`
	for i, w := range words {
		m[w] = i
	}
	return m
}
