package silent

import (
	"log"
	"reflect"
)

// The branch goes on after log.Printf: v may not be a map below (a/noreturn.go:
// the same with log.Fatalf is reported).
func kindCheckedPrint(v reflect.Value) int {
	if v.Kind() != reflect.Map {
		log.Printf("not a map: %v", v.Kind())
	}
	return *(*int)(v.UnsafePointer())
}
