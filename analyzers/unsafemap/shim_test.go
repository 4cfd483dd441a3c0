package unsafemap

import (
	"testing"
	"unsafe"
)

// Measurements behind the "still links" wording: what two linknamed
// reflect map functions do on the running Go (1.24+, 64-bit).

//go:linkname reflectMaplen reflect.maplen
func reflectMaplen(m unsafe.Pointer) int //maplint:ignore unsafemap the shim is what this test measures

//go:linkname reflectMapiterinit reflect.mapiterinit
func reflectMapiterinit(t, m unsafe.Pointer, it *oldHiter) //maplint:ignore unsafemap measured shim

// oldHiter is the pre-1.24 runtime.hiter (go1.22.12), 96 bytes on 64-bit.
type oldHiter struct {
	key, elem, t, h, buckets, bptr, overflow, oldoverflow unsafe.Pointer
	startBucket                                           uintptr
	offset                                                uint8
	wrapped                                               bool
	B, i                                                  uint8
	bucket, checkBucket                                   uintptr
}

func TestMeasureLinknameShims(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 || !tableMadeFor.MatchString(goVersionOfRuntime()) {
		t.Skip("measured for 64-bit go1.24-go1.26")
	}
	for n := 0; n <= 1000; n += 37 {
		//maplint:ignore hotmap maps grown without a hint, as old code grew them
		m := make(map[int]int)
		for j := 0; j < n; j++ {
			m[j] = j
		}
		if got := reflectMaplen(*(*unsafe.Pointer)(unsafe.Pointer(&m))); got != len(m) {
			t.Fatalf("reflect.maplen = %d, len %d", got, len(m))
		}
	}

	m := map[string]int{"a": 1, "b": 2, "c": 3}
	var v any = m
	e := *(*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	var it oldHiter
	reflectMapiterinit(e[0], e[1], &it)
	if it.key == nil || it.elem == nil || it.t != e[0] {
		t.Errorf("key, elem, t not kept: %+v", it)
	}
	if it.h == e[1] || it.buckets != nil || it.B != 0 {
		t.Errorf("old hiter fields filled: h==map %v buckets %v B %d", it.h == e[1], it.buckets, it.B)
	}
	t.Logf("hiter %d bytes; after reflect.mapiterinit key/elem set, t = map type, h != map (%v), buckets = %v, B = %d",
		unsafe.Sizeof(it), it.h != e[1], it.buckets, it.B)
}
