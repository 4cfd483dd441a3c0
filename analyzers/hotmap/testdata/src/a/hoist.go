package a

// Fix cases: the creation is not the first statement; a labeled loop;
// a name visible before the loop (report, no fix).

func notFirst(docs [][]string) int {
	total := 0
	for i, words := range docs {
		total += i
		seen := map[string]bool{} // want `map "seen" is made on every iteration`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

func labeled(docs [][]string) int {
	total := 0
outer:
	for _, words := range docs {
		seen := make(map[string]int) // want `map "seen" is made on every iteration`
		for _, w := range words {
			seen[w]++
		}
		if len(seen) == 0 {
			continue outer
		}
		total += len(seen)
	}
	return total
}

func nameClash(docs [][]string, seen int) int {
	total := seen
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is made on every iteration`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}
