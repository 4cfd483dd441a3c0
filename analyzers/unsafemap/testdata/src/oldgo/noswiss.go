//go:build !goexperiment.swissmap

package oldgo

import "unsafe"

// Gated on the GOEXPERIMENT=noswissmap builds of Go 1.24 and 1.25, but Go
// 1.26 dropped the goexperiment.swissmap tag: this file is built there, with
// Swiss-table maps, so it is checked.
func Count(m map[string]int) int {
	return **(**int)(unsafe.Pointer(&m)) // want `reads int at offset 0 of the map header`
}
