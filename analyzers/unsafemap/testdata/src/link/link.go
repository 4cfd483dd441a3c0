package link

import (
	"unsafe"
)

//go:linkname mapaccess1 runtime.mapaccess1
func mapaccess1(t, m, k unsafe.Pointer) unsafe.Pointer // want `//go:linkname to runtime.mapaccess1 is rejected by the linker since Go 1.24 \("invalid reference": the build fails\); use m\[k\] / v, ok := m\[k\] \(reflect.Value.MapIndex\)`

//go:linkname mapclear runtime.mapclear
func mapclear(t, m unsafe.Pointer) // want `runtime.mapclear is rejected by the linker.*use clear\(m\)`

//go:linkname mapIterStart runtime.mapIterStart
func mapIterStart(t, m, it unsafe.Pointer) // want `runtime.mapIterStart is rejected by the linker.*for range, the maps package or reflect.Value.MapRange`

//go:linkname mapiterinit runtime.mapiterinit
func mapiterinit(t, m, it unsafe.Pointer) // want `//go:linkname to runtime.mapiterinit still links \(kept for existing users, go.dev/issue/67401\), but its ABI changed in Go 1.24 \(the iterator is a compatibility shim: of the old hiter only key, elem and t keep their meaning.*\); use for range, the maps package or reflect.Value.MapRange`

//go:linkname reflectMapiterinit reflect.mapiterinit
func reflectMapiterinit(t, m, it unsafe.Pointer) // want `reflect.mapiterinit still links \(kept for existing users, go.dev/issue/67401\), but its ABI changed in Go 1.24`

//go:linkname maplen reflect.maplen
func maplen(m unsafe.Pointer) int // want `reflect.maplen still links \(kept for existing users, go.dev/issue/67401\), but its ABI changed in Go 1.24 \(it takes \*maps.Map, not \*hmap\); use len\(m\) \(reflect.Value.Len\)`

//go:linkname makemap runtime.makemap
func makemap(t unsafe.Pointer, hint int, m unsafe.Pointer) unsafe.Pointer // want `runtime.makemap still links.*use make\(map\[K\]V, n\)`

//go:linkname reflectMapassign reflect.mapassign
func reflectMapassign(t, m, k, e unsafe.Pointer) // want `reflect.mapassign still links.*use m\[k\] = v \(reflect.Value.SetMapIndex\)`

//go:linkname reflectMapassignFaststr reflect.mapassign_faststr
func reflectMapassignFaststr(t, m unsafe.Pointer, k string, e unsafe.Pointer) // want `reflect.mapassign_faststr is rejected by the linker since Go 1.23`

// Silent: non-map runtime functions.

//go:linkname nanotime runtime.nanotime
func nanotime() int64

//go:linkname fastrand runtime.fastrand
func fastrand() uint32

// Silent: push forms (the local function provides the symbol).

//go:linkname exported
func exported() {}

//go:linkname pushed example.com/other.mapaccess1
func pushed() {}

//go:linkname pushedRuntimeName runtime.mapaccess2
func pushedRuntimeName(t, m, k unsafe.Pointer) (unsafe.Pointer, bool) { return nil, false }

// Silent: a linkname to a variable.

//go:linkname someVar runtime.mapaccess1
var someVar int

func mapdeleteElsewhere(t, m, k unsafe.Pointer) // want `runtime.mapdelete still links`
