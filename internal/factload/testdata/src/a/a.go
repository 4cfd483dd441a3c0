// Package a returns fresh maps: a dependency whose facts its importers need.
package a

func Fresh() map[string]int { return map[string]int{} }

func Kept() map[string]int { return shared }

var shared = map[string]int{}
