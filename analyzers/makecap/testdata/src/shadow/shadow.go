//go:build go1.26

// Package shadow shadows the builtins makecap's fixes write: each
// finding where the name is not the builtin is reported without a fix and
// without the name in its message; its twin, where the name is the
// builtin, is fixed.
package shadow

// max is not the builtin anywhere in this package.
func max(xs ...float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = float64(len(xs)) + x + m
	}
	return m
}

func counted(n int) []int {
	out := []int{} // want `^slice "out" gets n appends; make it with capacity n \(not fixed automatically: max is not the builtin here\)$`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

func lenParam(xs []int, len int) []int {
	out := []int{} // want `^slice "out" gets one append per iteration of the loop, a count known before it; make it with that capacity \(not fixed automatically: len is not the builtin here\)$`
	for _, x := range xs {
		out = append(out, x+len)
	}
	return out
}

func lenTwin(xs []int, n int) []int {
	out := []int{} // want `^slice "out" gets len\(xs\) appends; make it with make\(\[\]int, 0, len\(xs\)\)$`
	for _, x := range xs {
		out = append(out, x+n)
	}
	return out
}

func localMake(xs []int) []int {
	make := func() int { return 1 }
	out := []int{} // want `^slice "out" gets len\(xs\) appends; make it with capacity len\(xs\) \(not fixed automatically: make is not the builtin here\)$`
	for _, x := range xs {
		out = append(out, x*make())
	}
	return out
}

func makeLaterTwin(xs []int) []int {
	out := []int{} // want `^slice "out" gets len\(xs\) appends; make it with make\(\[\]int, 0, len\(xs\)\)$`
	for _, x := range xs {
		out = append(out, x)
	}
	make := func() int { return 1 } // declared after: the builtin at the fix
	return append(out, make())
}
