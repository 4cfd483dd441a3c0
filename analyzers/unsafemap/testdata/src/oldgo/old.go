//go:build !go1.24

package oldgo

import "unsafe"

// Built only with the pre-1.24 hmap layout: silent (and not even loaded
// by a Go 1.24+ toolchain).
func B(m map[string]int) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Add(p, 9))
}
