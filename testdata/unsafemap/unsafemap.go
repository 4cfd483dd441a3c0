// Package unsafemap is the end-to-end sample of the unsafemap analyzer.
package unsafemap

import (
	"reflect"
	"unsafe"
)

// hmap is the pre-Go 1.24 runtime.hmap, as copied in blog posts.
type hmap struct {
	count     int
	flags     uint8
	B         uint8
	noverflow uint16
	hash0     uint32
	buckets   unsafe.Pointer
}

// Buckets is the "B at offset 9" snippet.
func Buckets(m map[string]int) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Pointer(uintptr(p) + 9)) // want `reads uint8 at offset 9 of the map header \(B before Go 1.24\).*a byte of the hash seed`
}

// Header casts the map to a copy of hmap.
func Header(m map[string]int) int {
	h := *(**hmap)(unsafe.Pointer(&m)) // want `reads the map header as hmap`
	return h.count
}

// ViaReflect reads the header through reflect.
func ViaReflect(v reflect.Value) uint8 {
	if v.Kind() != reflect.Map {
		return 0
	}
	return (*hmap)(v.UnsafePointer()).B // want `reads the map header as hmap`
}

//go:linkname maplen reflect.maplen
func maplen(m unsafe.Pointer) int // want `reflect.maplen still links .*use len\(m\)`

// Len uses the linknamed reflect.maplen.
func Len(m map[string]int) int {
	return maplen(*(*unsafe.Pointer)(unsafe.Pointer(&m)))
}

// Same compares map identities: the map word is opaque, silent.
func Same(a, b map[string]int) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}
