// Package suite answers questions about the analyzer suite that the
// evaluation tools share.
package suite

import "golang.org/x/tools/go/analysis"

// NeedFacts reports whether any analyzer in as, or one it requires,
// declares facts: the checker then loads every package from source, and
// the floor must too, to be a fair comparison.
func NeedFacts(as []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		for _, r := range a.Requires {
			if visit(r) {
				return true
			}
		}
		return false
	}
	for _, a := range as {
		if visit(a) {
			return true
		}
	}
	return false
}
