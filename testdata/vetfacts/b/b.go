// Package b writes into maps from package a. Only a fact about a.Fresh,
// computed while analyzing package a, tells that the first write is lost:
// go vet passes it from a to b in a .vetx file.
package b

import "example.com/e2e/vetfacts/a"

func Use() {
	a.Fresh()["k"] = 1 // want `this write is lost: a.Fresh\(\) returns a new map`
	a.Shared()["k"] = 1
}
