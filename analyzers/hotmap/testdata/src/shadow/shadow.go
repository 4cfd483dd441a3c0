//go:build go1.26

// Package shadow shadows the builtins hotmap's fixes write: each finding
// where the name is not the builtin is reported without a fix and without
// the name in its message; its twin, where the name is the builtin, is
// fixed.
package shadow

func localMake(words []string) map[string]int {
	make := func() int { return 1 }
	m := map[string]int{} // want `^map "m" is filled with up to len\(words\) entries; give it a size hint of len\(words\) \(not fixed automatically: make is not the builtin here\)$`
	for _, w := range words {
		m[w] = make()
	}
	return m
}

func makeTwin(words []string) map[string]int {
	m := map[string]int{} // want `^map "m" is filled with up to len\(words\) entries; make it with make\(map\[string\]int, len\(words\)\)$`
	for _, w := range words {
		m[w] = 1
	}
	return m
}

func lenParam(words []string, len int) map[string]int {
	m := map[string]int{} // want `^map "m" is filled with one entry per iteration of the loop, a count known before it; give it that size hint \(not fixed automatically: len is not the builtin here\)$`
	for _, w := range words {
		m[w] = len
	}
	return m
}

func localClear(docs [][]string) int {
	clear := false
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `^map "seen" is made on every iteration and filled with up to len\(words\) entries; make it once before the loop with make\(map\[string\]bool\) and empty it at the start of each iteration \(not fixed automatically: clear is not the builtin here\)$`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	if clear {
		total++
	}
	return total
}

func clearTwin(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `^map "seen" is made on every iteration and filled with up to len\(words\) entries; make it once before the loop with make\(map\[string\]bool\) and clear\(seen\) at the start of each iteration$`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

func makeInBody(docs [][]string) int {
	total := 0
	for _, words := range docs {
		make := 0 // in the body: the hoisted make lands outside, clear first in the body
		seen := map[string]bool{} // want `^map "seen" is made on every iteration and filled with up to len\(words\) entries; make it once before the loop with make\(map\[string\]bool\) and clear\(seen\) at the start of each iteration$`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen) + make
	}
	return total
}
