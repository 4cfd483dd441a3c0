//go:build go1.26

package a

// Rule 7 of issue 13: var s []T, then s = make([]T, 0) as the next
// statement, is s := make([]T, 0).

func declaredThenMade(xs []int) []int {
	var out []int
	out = make([]int, 0) // want `slice "out" gets len\(xs\) appends; make it with make\(\[\]int, 0, len\(xs\)\)$`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func declaredThenLiteral(xs []int) []int {
	var out []int
	out = []int{} // want `slice "out" gets len\(xs\) appends; make it with make\(\[\]int, 0, len\(xs\)\)$`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// Used between the make and the loop: silent, as with :=.
func declaredThenUsed(xs []int) []int {
	var out []int
	out = make([]int, 0)
	out = append(out, -1)
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// Assigned from something other than a make or a literal: silent.
func declaredThenCopied(xs, src []int) []int {
	var out []int
	out = src[:0]
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// A length then append in the same form: reported.
func declaredWithLength(xs []int) []int {
	var out []int
	out = make([]int, len(xs)) // want `slice "out" is made with length len\(xs\) and then appended to`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
