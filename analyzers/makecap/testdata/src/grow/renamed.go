//go:build go1.26

package grow

import sl "slices"

// slices is imported under another name: the fix uses it.
func renamed(xs []string) []string {
	var out []string // want `make it with sl.Grow\(\[\]string\(nil\), len\(xs\)\), which stays nil`
	for _, x := range xs {
		out = append(out, x)
	}
	sl.Sort(out)
	return out
}
