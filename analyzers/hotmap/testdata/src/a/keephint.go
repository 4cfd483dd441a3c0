//go:build go1.26

package a

// The hoist keeps the map's own size hint when it can be written before
// the loop; when it cannot (its operands change in the loop, or it calls
// a function), the map is silent: the advice would drop the hint.

type reqs struct{ roots []string }

func nextReqs(r *reqs) *reqs { return r }

func KeepHint(docs [][]string, roots []string) int {
	n := 0
	for _, words := range docs {
		in := make(map[string]bool, len(roots)+1) // want `make it once before the loop with make\(map\[string\]bool, len\(roots\) \+ 1\) and clear\(in\)`
		for _, w := range words {
			in[w] = true
		}
		n += len(in)
	}
	return n
}

// FixedPoint sizes the map from rs, which the loop replaces: silent
// (cmd/go/internal/modload/buildlist.go's inRootPaths).
func FixedPoint(rs *reqs, extra []string) int {
	n := 0
	for {
		in := make(map[string]bool, len(rs.roots)+1) // silent: rs changes in the loop
		for _, w := range extra {
			in[w] = true
		}
		n += len(in)
		if n > 100 {
			return n
		}
		rs = nextReqs(rs)
	}
}

func count() int { return 10 }

// CalledHint: a hint that calls a function stays where it is: silent.
func CalledHint(docs [][]string) int {
	n := 0
	for _, words := range docs {
		in := make(map[string]bool, count()) // silent: the hint calls count
		for _, w := range words {
			in[w] = true
		}
		n += len(in)
	}
	return n
}
