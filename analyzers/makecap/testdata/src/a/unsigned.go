//go:build go1.26

package a

// Rule 5 of issue 13: counts in unsigned arithmetic.

type span struct{ N uint32 }

// An unsigned bound is never negative: the capacity is n, without max.
func unsignedBound(n uint32, s span) ([]uint32, []uint32) {
	out := []uint32{} // want `slice "out" gets n appends; make it with make\(\[\]uint32, 0, n\)$`
	for i := uint32(0); i < n; i++ {
		out = append(out, i)
	}
	fs := []uint32{} // want `slice "fs" gets s.N appends; make it with make\(\[\]uint32, 0, s.N\)$`
	for i := uint32(0); i < s.N; i++ {
		fs = append(fs, i)
	}
	return out, fs
}

// hi-lo+1 wraps to about 4e9 when lo > hi, where the loop runs zero
// times: silent. The signed twin is reported with max.
func unsignedDiff(lo, hi uint32, slo, shi int32) ([]uint32, []int32) {
	out := []uint32{} // silent: hi - lo + 1 may wrap
	for e := lo; e <= hi; e++ {
		out = append(out, e)
	}
	sout := []int32{} // want `slice "sout" gets shi - slo \+ 1 appends; make it with make\(\[\]int32, 0, max\(shi - slo \+ 1, 0\)\)$`
	for e := slo; e <= shi; e++ {
		sout = append(sout, e)
	}
	return out, sout
}

// n-1 wraps when n is 0: silent. With lo ≤ hi known from constants the
// count is a constant, reported.
func unsignedOffset(n, lo uint) ([]uint, []uint) {
	out := []uint{} // silent: n - 1 may wrap
	for i := uint(1); i < n; i++ {
		out = append(out, i)
	}
	win := []uint{} // want `slice "win" gets 21 appends; make it with make\(\[\]uint, 0, 21\)$`
	for i := lo; i <= lo+20; i++ {
		win = append(win, i)
	}
	return out, win
}

// A type set of signed and unsigned types has no core type: the index is
// not a counted integer, silent.
func genericDiff[T ~int32 | ~uint32](lo, hi T) []T {
	out := []T{} // silent: hi - lo + 1 may wrap
	for e := lo; e <= hi; e++ {
		out = append(out, e)
	}
	return out
}
