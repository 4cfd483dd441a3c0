//go:build go1.26

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

// A loop of at most 8 iterations makes at most 8 maps: rule 2 is silent
// (rule 1 still hints the inner fill).
func fewIterations(docs [4][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

// A loop that repeats the same work (its variable unused), like a stress
// test wanting a fresh map per round: rule 2 is silent.
func repeatRounds(words []string) int {
	total := 0
	for range 1000 {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

// The same loop using its variable is reported.
func rounds(words []string) int {
	total := 0
	for round := range 1000 {
		seen := map[string]bool{} // want `map "seen" is made on every iteration`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen) + round
	}
	return total
}

// A map declared in a var group: reported, but the hoist would delete the
// whole group, so there is no fix (cmd/go/internal/workcmd/sync.go).
func grouped(docs [][]string) int {
	total := 0
	for _, doc := range docs {
		var (
			n    = len(doc)
			seen = map[string]bool{} // want `map "seen" is made on every iteration`
		)
		for _, w := range doc {
			seen[w] = true
		}
		total += len(seen) + n
	}
	return total
}

// Grouping by a category (pebble's compaction tests group files by LSM
// level): few keys whatever the item count, so rule 2 is silent.
func groupedByLevel(runs [][]int) int {
	total := 0
	for _, run := range runs {
		byLevel := map[int][]int{}
		for _, f := range run {
			byLevel[f%7] = append(byLevel[f%7], f)
		}
		total += len(byLevel)
	}
	return total
}

// The same loop filling one key per item is reported.
func oneKeyPerItem(runs [][]int) int {
	total := 0
	for _, run := range runs {
		seen := map[int]bool{} // want `map "seen" is made on every iteration`
		for _, f := range run {
			seen[f] = true
		}
		total += len(seen)
	}
	return total
}
