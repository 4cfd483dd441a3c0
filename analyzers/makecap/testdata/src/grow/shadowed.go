//go:build go1.26

package grow

import "strings"

// slices is a local name here: Grow cannot be written, no fix.
func shadowed(xs []string) []string {
	slices := strings.Fields("a b")
	var out []string // want `^slice "out" gets len\(xs\) appends; make it with slices.Grow\(\[\]string\(nil\), len\(xs\)\), which stays nil when the loop runs zero times \(not fixed automatically: slices is not the package here\)$`
	for _, x := range xs {
		out = append(out, x)
	}
	return append(out, slices...)
}
