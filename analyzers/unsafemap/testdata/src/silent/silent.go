package silent

import (
	"reflect"
	"sync/atomic"
	"unsafe"
)

type hmap struct {
	count int
	flags uint8
	B     uint8
}

// Identity comparison of map words.
func sameMap(a, b map[string]int) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// Taking and storing the opaque map word.
func word(m map[string]int) unsafe.Pointer {
	var p unsafe.Pointer = *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return p
}

func wordAsUintptr(m map[string]int) uintptr {
	return *(*uintptr)(unsafe.Pointer(&m))
}

// Atomic swap and store of the whole map word.
func swap(dst *map[string]int, src map[string]int) {
	atomic.SwapPointer((*unsafe.Pointer)(unsafe.Pointer(dst)), *(*unsafe.Pointer)(unsafe.Pointer(&src)))
}

func store(dst *map[string]int, src map[string]int) {
	atomic.StorePointer((*unsafe.Pointer)(unsafe.Pointer(dst)), *(*unsafe.Pointer)(unsafe.Pointer(&src)))
}

// Back to the map type: the word is still a map.
func asOtherMap(m map[string]int) map[string]uint {
	return *(*map[string]uint)(unsafe.Pointer(&m))
}

func sizes(m map[string]int) uintptr {
	return unsafe.Sizeof(m) + unsafe.Alignof(m)
}

// unsafe on map values and keys.
func values(m map[string][]byte, k string) string {
	b := m[k]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func keyData(m map[string]int) []*byte {
	var out []*byte
	for k := range m {
		out = append(out, unsafe.StringData(k))
	}
	return out
}

type point struct{ x, y int }

func valueCopy(m map[string]point, k string) int {
	v := m[k]
	return *(*int)(unsafe.Pointer(&v))
}

func sliceHeader(s []int) int {
	return *(*int)(unsafe.Add(unsafe.Pointer(&s), 8))
}

func sliceOfValue(m map[string][4]byte, k string) []byte {
	v := m[k]
	return unsafe.Slice(&v[0], len(v))
}

// An interface header without a map check: not known to be a map.
type eface struct {
	typ, data unsafe.Pointer
}

func unknownIface(v any) int {
	e := (*eface)(unsafe.Pointer(&v))
	return (*hmap)(e.data).count
}

// A reflect.Value not known to be a map.
func unknownValue(v reflect.Value) int {
	return *(*int)(v.UnsafePointer())
}

// The Kind check comes after the conversion.
func lateCheck(v reflect.Value) int {
	n := *(*int)(v.UnsafePointer())
	if v.Kind() == reflect.Map {
		return n
	}
	return 0
}

// Type word of an interface holding a map.
func typeWord(v any) unsafe.Pointer {
	if reflect.TypeOf(v).Kind() != reflect.Map {
		return nil
	}
	e := (*eface)(unsafe.Pointer(&v))
	return *(*unsafe.Pointer)(e.typ)
}

// Odd but harmless: converting the address of a map variable to a
// non-pointer, non-signed type.
func bytesOfWord(m map[string]int) [8]byte {
	return *(*[8]byte)(unsafe.Pointer(&m))
}

// The Kind check holds only where it was made.
func otherCase(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Map:
		return v.Len()
	case reflect.Ptr:
		return *(*int)(v.UnsafePointer()) // v is a pointer here
	}
	return 0
}

func elseBranch(v reflect.Value) int {
	if v.Kind() == reflect.Map {
		return v.Len()
	} else {
		return *(*int)(v.UnsafePointer())
	}
}

func afterIf(v reflect.Value) int {
	if v.Kind() == reflect.Map {
		_ = v.Len()
	}
	return *(*int)(v.UnsafePointer())
}

func noEarlyExit(v reflect.Value) int {
	if v.Kind() != reflect.Map {
		println("not a map")
	}
	return *(*int)(v.UnsafePointer())
}

// A clause with several kinds proves nothing about map-ness.
func mapOrChan(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Map, reflect.Chan:
		return *(*int)(v.UnsafePointer())
	}
	return 0
}

func flag(v reflect.Value) int {
	isMap := v.Kind() == reflect.Map
	if isMap {
		return *(*int)(v.UnsafePointer())
	}
	return 0
}
