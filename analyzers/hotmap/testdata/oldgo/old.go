// Package old is in a module at Go 1.20: no clear builtin, so rule 2 reports
// without a fix.
package old

func perIteration(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is made on every iteration`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}
