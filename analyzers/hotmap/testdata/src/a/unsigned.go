//go:build go1.26

package a

// Rule 5 of issue 13: an unsigned count that may wrap (n-1 for n == 0,
// hi-lo for lo > hi) would ask make for billions of entries where the
// loop adds none: silent. The signed twins are reported (a negative hint
// is harmless for a map).
func unsignedHints(n, lo, hi uint, sn, slo, shi int) (map[uint]bool, map[uint]bool, map[int]bool, map[int]bool) {
	a := map[uint]bool{} // silent: n - 1 may wrap
	for i := uint(1); i < n; i++ {
		a[i] = true
	}
	b := map[uint]bool{} // silent: hi - lo may wrap
	for i := lo; i < hi; i++ {
		b[i] = true
	}
	c := map[int]bool{} // want `map "c" is filled with up to sn - 1 entries; make it with make\(map\[int\]bool, sn - 1\)`
	for i := 1; i < sn; i++ {
		c[i] = true
	}
	d := map[int]bool{} // want `map "d" is filled with up to shi - slo entries`
	for i := slo; i < shi; i++ {
		d[i] = true
	}
	return a, b, c, d
}

// An unsigned bound alone cannot wrap: reported.
func unsignedBound(n uint32) map[uint32]bool {
	m := map[uint32]bool{} // want `map "m" is filled with up to n entries; make it with make\(map\[uint32\]bool, n\)`
	for i := uint32(0); i < n; i++ {
		m[i] = true
	}
	return m
}
