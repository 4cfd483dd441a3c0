// Package unsafemap defines an Analyzer that reports unsafe reads of the
// runtime's map header and //go:linkname access to runtime map functions.
//
// # Analyzer unsafemap
//
// unsafemap: report unsafe reads of runtime map internals
//
// Since Go 1.24 maps are Swiss tables: a map value points to an
// internal/runtime/maps.Map header (48 bytes on 64-bit: used, seed,
// dirPtr, dirLen, globalDepth, globalShift, writing, tombstonePossible,
// clearSeq). runtime.hmap no longer exists, so code that casts a map to a
// copy of hmap reads other fields: "B at offset 9" is a byte of the random
// hash seed, "buckets" is the table directory, "oldbuckets" is an int.
//
// The analyzer reports, on the line of the conversion, each conversion
// that types the memory a map word points to:
//
//	h := *(**hmap)(unsafe.Pointer(&m))                      // (**T) of &m, any T
//	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))             // opaque: silent
//	b := *(*uint8)(unsafe.Pointer(uintptr(p) + 9))          // reported
//	h := (*hmap)(reflect.ValueOf(m).UnsafePointer())        // reported
//
// A map word is *(*unsafe.Pointer or *uintptr)(unsafe.Pointer(&m)) (also
// through a *map[K]V parameter or field, or atomic.LoadPointer),
// reflect.Value.UnsafePointer or Pointer of a map, or the data word of an
// interface holding a map (e.g. e.data with e := (*eface)(unsafe.Pointer(&v))).
// A value is known to be a map when its static type is a map (or a type
// parameter whose core type is one), or where a Kind() check proves it:
// inside "if x.Kind() == reflect.Map { ... }", after
// "if x.Kind() != reflect.Map { return }", or in a "case reflect.Map:"
// clause of "switch x.Kind()". Reading the map variable itself as a
// signed integer (*(*int)(unsafe.Pointer(&m))) is also reported: it is an
// address, not the count. The message says what the read was before Go
// 1.24, what it reads now and what to use instead: len(m), for range, the
// maps package, reflect.Value.MapRange, or testing.AllocsPerRun and
// runtime.MemStats to observe growth.
//
// It also reports, on the line of the function declaration, a
// //go:linkname that binds a body-less function to a runtime or reflect
// map function (mapaccess*, mapassign*, mapdelete*, mapiterinit,
// mapiternext, maplen, makemap*, mapclear, mapIterStart, ...), saying
// whether the linker rejects it or whether it still links with the Go 1.24
// types (*maps.Map instead of *hmap, a shim iterator).
//
// It is silent when the map word is only used as an opaque pointer
// (comparing UnsafePointer results, atomic swaps or stores of the whole
// word, keeping it in an unsafe.Pointer), for unsafe.Sizeof(m), for unsafe
// on map keys and values, for linknames to non-map functions and for the
// push form of //go:linkname. Files whose build constraint excludes every
// Swiss-table build (//go:build !go1.24) are not checked: they are compiled
// only with the old layout. Files gated on !goexperiment.swissmap are
// checked: Go 1.26 dropped that tag, so they build with Swiss tables.
// Generated files, the runtime's own types (internal/runtime/maps) and a
// package's linkname to its own symbol (maps.clone in maps) are not
// reported. There is no suggested fix: the right replacement depends on
// what the code wanted.
package unsafemap
