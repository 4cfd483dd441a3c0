package a

import (
	"reflect"
	"sync/atomic"
	"unsafe"
)

// hmap mirrors the pre-1.24 runtime.hmap (64-bit).
type hmap struct {
	count     int
	flags     uint8
	B         uint8
	noverflow uint16
	hash0     uint32

	buckets    unsafe.Pointer
	oldbuckets unsafe.Pointer
	nevacuate  uintptr
	extra      unsafe.Pointer
}

type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

func headerOfAddress(m map[string]int) int {
	h := *(**hmap)(unsafe.Pointer(&m)) // want `reads the map header as hmap: flags, B, noverflow, hash0 \(offsets 8-15\) read the hash seed; buckets \(offset 16\) reads dirPtr; oldbuckets \(offset 24\) reads dirLen; and 2 more; runtime.hmap is gone since Go 1.24 \(maps are Swiss tables, internal/runtime/maps.Map\); use len\(m\), for range, the maps package or reflect.Value.MapRange`
	return int(h.B)
}

func countOfAddress(m map[string]int) int {
	return **(**int)(unsafe.Pointer(&m)) // want "reads int at offset 0 of the map header \\(count before Go 1.24\\): since Go 1.24 maps are Swiss tables \\(internal/runtime/maps.Map\\) and this is `used`, still the count on 64-bit, but nothing guarantees it; use len\\(m\\)"
}

func bAtNine(m map[string]int) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	b := *(*uint8)(unsafe.Pointer(uintptr(p) + 9)) // want `reads uint8 at offset 9 of the map header \(B before Go 1.24\): since Go 1.24 maps are Swiss tables \(internal/runtime/maps.Map\) and this is a byte of the hash seed; use len\(m\) for the size, testing.AllocsPerRun or runtime.MemStats to observe growth`
	return b
}

func bAtNineUintptr(m map[int]bool) uint8 {
	w := *(*uintptr)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Pointer(w + 9)) // want `offset 9 of the map header \(B before Go 1.24\)`
}

func unsafeAdd(m map[int]bool) uint32 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint32)(unsafe.Add(p, 12)) // want `reads uint32 at offset 12 of the map header \(hash0 before Go 1.24\).* part of the hash seed; use hash/maphash`
}

func bucketsPointer(m map[int]bool) unsafe.Pointer {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*unsafe.Pointer)(unsafe.Add(p, 16)) // want `reads unsafe.Pointer at offset 16 of the map header \(buckets before Go 1.24\).*dirPtr`
}

func oldbuckets(m map[int]bool) unsafe.Pointer {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	q := unsafe.Add(p, 8)
	q = unsafe.Add(q, 16)
	return *(*unsafe.Pointer)(q) // want `offset 24 of the map header \(oldbuckets before Go 1.24\).*dirLen, the directory length \(0 for small maps\), not a pointer`
}

func pastEnd(m map[int]bool) uint64 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint64)(unsafe.Add(p, 48)) // want `offset 48 of the map header: .*memory past the end of the 48-byte header`
}

func computedOffset(m map[int]bool, i uintptr) uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uint8)(unsafe.Add(p, i)) // want `reads uint8 at a computed offset into the map header`
}

func wordAtZero(m map[int]bool) uintptr {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return *(*uintptr)(p) // want `reads uintptr at offset 0 of the map header \(count before Go 1.24\)`
}

func reflectUnsafePointer(m map[string]int) uint8 {
	p := reflect.ValueOf(m).UnsafePointer()
	h := (*hmap)(p) // want `reads the map header as hmap`
	return h.B
}

func reflectPointer(m map[string]int) int {
	h := (*hmap)(unsafe.Pointer(reflect.ValueOf(m).Pointer())) // want `reads the map header as hmap`
	return h.count
}

func reflectValueVar(m map[string]int) int {
	v := reflect.ValueOf(m)
	return *(*int)(v.UnsafePointer()) // want `reads int at offset 0 of the map header`
}

func reflectPointerToMap(m map[string]int) int {
	v := reflect.ValueOf(&m).Elem()
	return *(*int)(v.UnsafePointer()) // want `reads int at offset 0 of the map header`
}

func kindChecked(v reflect.Value) uint8 {
	if v.Kind() != reflect.Map {
		return 0
	}
	return (*hmap)(v.UnsafePointer()).B // want `reads the map header as hmap`
}

func kindSwitch(v reflect.Value) uint8 {
	switch v.Kind() {
	case reflect.Slice:
		return 0
	case reflect.Map:
		return *(*uint8)(unsafe.Add(v.UnsafePointer(), 9)) // want `offset 9 of the map header \(B before Go 1.24\)`
	}
	return 0
}

func ifaceData(v any) int {
	e := (*eface)(unsafe.Pointer(&v)) // an interface header: not map-specific, silent
	if reflect.TypeOf(v).Kind() == reflect.Map {
		return (*hmap)(e.data).count // want `reads the map header as hmap`
	}
	return 0
}

func ifaceDataCopy(v any) int {
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Map {
		return -1
	}
	e := *(*eface)(unsafe.Pointer(&v))
	return *(*int)(e.data) // want `reads int at offset 0 of the map header`
}

func ifaceArray(v any) uint8 {
	if reflect.ValueOf(v).Kind() == reflect.Map {
		w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]
		return *(*uint8)(unsafe.Add(w, 9)) // want `offset 9 of the map header`
	}
	return 0
}

func ifaceFromMap(m map[int]int) int {
	var v any = m
	e := (*eface)(unsafe.Pointer(&v))
	return (*hmap)(e.data).count // want `reads the map header as hmap`
}

func pointerParam(pm *map[string]int) uint8 {
	return (*(**hmap)(unsafe.Pointer(pm))).B // want `reads the map header as hmap`
}

type holder struct {
	m  map[string]int
	pm *map[string]int
}

func pointerField(h holder) int {
	return **(**int)(unsafe.Pointer(h.pm)) // want `reads int at offset 0 of the map header`
}

func fieldAddress(h *holder) int {
	return **(**int)(unsafe.Pointer(&h.m)) // want `reads int at offset 0 of the map header`
}

func atomicLoad(m map[string]int) uint8 {
	p := atomic.LoadPointer((*unsafe.Pointer)(unsafe.Pointer(&m)))
	return *(*uint8)(unsafe.Pointer(uintptr(p) + 9)) // want `offset 9 of the map header`
}

func addressAsCount(m map[string]int) int {
	return *(*int)(unsafe.Pointer(&m)) // want `reads the map variable as int: a map value is a pointer to the runtime map header, so this is an address, not the count; use len\(m\)`
}

func convertedNotDereferenced(m map[string]int) *hmap {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return (*hmap)(p) // want `reads the map header as hmap`
}

func bytesOfHeader(m map[string]int) []byte {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return unsafe.Slice((*byte)(p), 48) // want `reads byte at offset 0 of the map header \(part of count before Go 1.24\)`
}

func closure(m map[string]int) func() uint8 {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return func() uint8 {
		return *(*uint8)(unsafe.Add(p, 34)) // want "reads uint8 at offset 34 of the map header \\(part of nevacuate before Go 1.24\\).*`writing`, the concurrent-write detector flag"
	}
}

func kindElse(v reflect.Value) int {
	if v.Kind() != reflect.Map {
		return v.Len()
	} else {
		return *(*int)(v.UnsafePointer()) // want `reads int at offset 0 of the map header`
	}
}

func kindTaglessSwitch(v reflect.Value) int {
	switch {
	case v.Kind() == reflect.Map:
		return *(*int)(v.UnsafePointer()) // want `reads int at offset 0 of the map header`
	}
	return 0
}

func kindOrEarlyExit(v reflect.Value) int {
	if !v.IsValid() || v.Kind() != reflect.Map {
		panic("not a map")
	}
	return *(*int)(v.UnsafePointer()) // want `reads int at offset 0 of the map header`
}

func kindAnd(v any) int {
	if v != nil && reflect.TypeOf(v).Kind() == reflect.Map {
		e := (*eface)(unsafe.Pointer(&v))
		return *(*int)(e.data) // want `reads int at offset 0 of the map header`
	}
	return 0
}
