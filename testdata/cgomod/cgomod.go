// Package cgomod imports "C": the analyzers see cmd/cgo's rewritten copy of
// this file, which cgo marks as generated, and report at this file's
// positions, without fixes (they would be applied to the copy).
package cgomod

/*
#include <stdlib.h>
static int twice(int x) { return 2 * x; }
*/
import "C"

import "unsafe"

func Counts() *map[string]int {
	return new(map[string]int) // want "new\\(map\\[string\\]int\\) is a pointer to a nil map"
}

func Index(keys []string) map[string]int {
	m := map[string]int{} // want "map \"m\" is filled with up to len\\(keys\\) entries"
	for i, k := range keys {
		m[k] = int(C.twice(C.int(i)))
	}
	return m
}

func Twice(xs []int) []int {
	out := []int{} // want "slice \"out\" gets len\\(xs\\) appends"
	for _, x := range xs {
		out = append(out, int(C.twice(C.int(x))))
	}
	return out
}

func Buckets(m map[string]int) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Pointer(uintptr(p) + 9)) // want "reads uint8 at offset 9 of the map header"
}

func Free(p unsafe.Pointer) { C.free(p) }
