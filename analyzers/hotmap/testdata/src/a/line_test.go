//go:build go1.26

package a

import "testing"

// A //line directive names another file: the test-file check reads the
// real name (line_test.go), so this stays silent like any test.
func TestLineDirective(t *testing.T) {
	keys := []int{1, 2, 3}
//line generated.go:1
	m := map[int]int{}
	for _, k := range keys {
		m[k] = k
	}
	_ = m
}
