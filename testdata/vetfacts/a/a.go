// Package a returns fresh maps; maplint's newmap analyzer exports that as a
// fact, which package b needs (see plugin/vet_test.go).
package a

// Fresh returns a new map on every call.
func Fresh() map[string]int { return map[string]int{} }

// Shared returns the same map every time: writing into it is not lost.
func Shared() map[string]int { return shared }

var shared = map[string]int{}
