// Package old is in a module at Go 1.20: no clear builtin, so rule 2 reports
// without a fix and without clear(...) in the message.
package old

func perIteration(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `^map "seen" is made on every iteration and filled with up to len\(words\) entries; make it once before the loop with make\(map\[string\]bool\) and empty it at the start of each iteration \(not fixed automatically: clear needs Go 1.21 and this file's Go version is older\)$`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}
