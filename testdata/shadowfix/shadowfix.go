// Package shadowfix is cmd/maplint's TestFixShadowed module (issue 14):
// the four builtins a fix writes, each shadowed where the fix would land,
// and a twin of each where it is not. After maplint -fix ./..., the module
// must build, vet and test, and the four shadowed findings remain.
package shadowfix

// max shadows the builtin in the whole package.
func max(xs ...float64) float64 {
	m := 0.0
	for _, x := range xs {
		m += x
	}
	return m
}

// Counted's fix would be make([]int, 0, max(n, 0)): the package's max.
func Counted(n int) []int {
	out := []int{} // want `gets n appends; make it with capacity n \(not fixed automatically: max is not the builtin here\)`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// LenParam's fix would be make([]int, 0, len(xs)): the int parameter.
func LenParam(xs []int, len int) []int {
	out := []int{} // want `one append per iteration of the loop.*len is not the builtin here`
	for _, x := range xs {
		out = append(out, x+len)
	}
	return out
}

// LocalMake's fix would call the local make.
func LocalMake(words []string) map[string]int {
	make := func() int { return 1 }
	m := map[string]int{} // want `give it a size hint of len\(words\) \(not fixed automatically: make is not the builtin here\)`
	for _, w := range words {
		m[w] = make()
	}
	return m
}

// LocalClear's fix would call clear(seen) on a bool.
func LocalClear(docs [][]string) int {
	clear := false
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `empty it at the start of each iteration \(not fixed automatically: clear is not the builtin here\)`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
		clear = total > 100
	}
	if clear {
		total = -total
	}
	return total
}

// The twins: the same code where the names are the builtins, fixed.

func Ranged(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func Index(words []string) map[string]int {
	m := map[string]int{}
	for i, w := range words {
		m[w] = i
	}
	return m
}

func Distinct(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}
