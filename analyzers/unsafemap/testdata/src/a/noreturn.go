package a

import (
	"log"
	"reflect"
)

// A Kind() check whose branch ends in a call that does not return
// (log.Fatal, t.Fatal, os.Exit) proves map-ness after it, as a return
// does (silent/noreturn.go: the same with log.Printf).
func kindCheckedFatal(v reflect.Value) uint8 {
	if v.Kind() != reflect.Map {
		log.Fatalf("not a map: %v", v.Kind())
	}
	return (*hmap)(v.UnsafePointer()).B // want `reads the map header as hmap`
}
