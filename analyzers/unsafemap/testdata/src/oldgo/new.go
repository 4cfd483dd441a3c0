//go:build go1.24

package oldgo

import "unsafe"

func B(m map[string]int) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Add(p, 9)) // want `offset 9 of the map header`
}
