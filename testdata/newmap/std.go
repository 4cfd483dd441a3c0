package newmap

import (
	"maps"
	"net/http"
)

// Writes into maps that standard library functions return: what newmap
// knows of them comes from std, a dependency that maplint analyzes apart
// from the packages it lints.

func Merge(m map[string]int) map[string]int {
	maps.Clone(m)["n"]++ // want "this write is lost: maps.Clone\\(m\\) returns a new map on every call"
	c := maps.Clone(m)   // kept: silent
	c["n"]++
	return c
}

// Header.Clone returns nil for a nil h, not always a new map, so newmap
// does not call its result fresh: silent, as with every package analyzed
// from source.
func Retry(h http.Header) {
	h.Clone().Set("Retry", "1")
}
