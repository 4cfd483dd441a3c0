//go:build go1.26

package a

import (
	"log"
	"maps"
	"slices"
	"testing"
)

// Rule 4 of issue 13: single keys added after the filling loop count in
// the hint; keys from anything else make "up to n entries" false: silent.

func withSentinel(names []string) map[string]bool {
	idx := map[string]bool{} // want `map "idx" is filled with up to len\(names\) \+ 1 entries; make it with make\(map\[string\]bool, len\(names\) \+ 1\)`
	for _, n := range names {
		idx[n] = true
	}
	idx[">"] = true
	return idx
}

// Conditional keys count as well: each runs at most once.
func withOptional(names []string, root bool) map[string]int {
	idx := map[string]int{} // want `map "idx" is filled with up to len\(names\) \+ 2 entries`
	for i, n := range names {
		idx[n] = i
	}
	if root {
		idx["/"] = -1
	}
	idx[">"]++
	return idx
}

func constPlusOne() map[int]bool {
	m := map[int]bool{} // want `map "m" is filled with up to 17 entries; make it with make\(map\[int\]bool, 17\)`
	for i := range 16 {
		m[i] = true
	}
	m[-1] = true
	return m
}

// Reads after the loop add no key: n.
func readAfter(names []string) []string {
	idx := map[string]bool{} // want `map "idx" is filled with up to len\(names\) entries`
	for _, n := range names {
		idx[n] = true
	}
	if idx["x"] {
		return nil
	}
	log.Printf("%v", idx)
	return slices.Sorted(maps.Keys(idx))
}

// Printing it through log or testing reads it.
func printed(t *testing.T, names []string) map[string]bool {
	idx := map[string]bool{} // want `map "idx" is filled with up to len\(names\) entries`
	for _, n := range names {
		idx[n] = true
	}
	t.Errorf("got %v", idx)
	return idx
}

func laterLoop(names, extra []string) map[string]bool {
	idx := map[string]bool{} // silent: another loop adds keys
	for _, n := range names {
		idx[n] = true
	}
	for _, e := range extra {
		idx[e] = true
	}
	return idx
}

func sub(string) map[string]bool { return nil }

func recursive(names []string) map[string]bool {
	idx := map[string]bool{} // silent: a range over a call result adds keys
	for _, n := range names {
		idx[n] = true
	}
	for k := range sub(names[0]) {
		idx[k] = true
	}
	return idx
}

func copied(names []string, more map[string]bool) map[string]bool {
	idx := map[string]bool{} // silent: maps.Copy adds keys
	for _, n := range names {
		idx[n] = true
	}
	maps.Copy(idx, more)
	return idx
}

func addBuiltins(map[string]bool) {}

func passed(names []string) map[string]bool {
	idx := map[string]bool{} // silent: a call that takes the map may add keys
	for _, n := range names {
		idx[n] = true
	}
	addBuiltins(idx)
	return idx
}

func inClosure(names []string) map[string]bool {
	idx := map[string]bool{} // silent: the closure may run any number of times
	for _, n := range names {
		idx[n] = true
	}
	add := func(k string) { idx[k] = true }
	add("a")
	add("b")
	return idx
}

func aliased(names []string) map[string]bool {
	idx := map[string]bool{} // silent: keys added through a copy of the map
	for _, n := range names {
		idx[n] = true
	}
	alias := idx
	alias["x"] = true
	return idx
}

type keySet map[string]bool

func (s keySet) add(k string) { s[k] = true }

func method(names []string) keySet {
	s := keySet{} // silent: a method may add keys
	for _, n := range names {
		s[n] = true
	}
	s.add("x")
	return s
}

func address(names []string) map[string]bool {
	idx := map[string]bool{} // silent: through its address
	for _, n := range names {
		idx[n] = true
	}
	fill(&idx)
	return idx
}

func fill(*map[string]bool) {}
