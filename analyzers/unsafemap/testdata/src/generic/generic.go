package generic

import "unsafe"

func Len[M ~map[K]V, K comparable, V any](m M) int {
	return **(**int)(unsafe.Pointer(&m)) // want `reads int at offset 0 of the map header`
}

func B[M ~map[K]V, K comparable, V any](m M) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Add(p, 9)) // want `offset 9 of the map header \(B before Go 1.24\)`
}

// Header of a generic struct: its size depends on T, so no field list.
type header[T any] struct {
	count int
	x     T
}

func Generic[T any](m map[string]T) int {
	return (*(**header[T])(unsafe.Pointer(&m))).count // want `reads the map header as header\[T\]: runtime.hmap is gone since Go 1.24`
}

func Any[T any](v T) int {
	// T is not known to be a map: silent.
	return **(**int)(unsafe.Pointer(&v))
}
