//go:build go1.26

package a

// A map made in the iteration that then always leaves the loop is made
// at most once per run of the loop: nothing to hoist (rule 2 is silent;
// rule 1 still sizes its fill).

func madeThenBreak(docs [][]string, want int) int {
	for i, words := range docs {
		if i != want {
			continue
		}
		// Not per-iteration: the loop ends after this iteration.
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		return len(seen)
	}
	return 0
}

func madeThenLabeledBreak(docs [][]string, want int) (n int) {
outer:
	for i, words := range docs {
		if i != want {
			continue
		}
		// Not per-iteration: break outer ends the loop.
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		n = len(seen)
		break outer
	}
	return n
}

func madeThenConditionalBreak(docs [][]string, want int) (n int) {
	for i, words := range docs {
		seen := map[string]bool{} // want `map "seen" is made on every iteration`
		for _, w := range words {
			seen[w] = true
		}
		n += len(seen)
		if i == want {
			break // only sometimes: the map is made on every iteration before it
		}
	}
	return n
}
