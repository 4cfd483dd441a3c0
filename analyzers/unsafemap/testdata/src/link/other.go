package link

import "unsafe"

// The directive may sit in another file than the declaration.
//
//go:linkname mapdeleteElsewhere runtime.mapdelete

var _ = 0

func use() { _ = unsafe.Pointer(nil) }
