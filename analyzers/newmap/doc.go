// Package newmap defines an Analyzer that reports pointers to nil maps
// made with new, and writes into fresh maps that are thrown away.
//
// # Analyzer newmap
//
// newmap: report new(map[K]V) and writes into maps that are dropped
//
// new(map[K]V) returns a pointer to a nil map: a write through it panics
// unless a map is assigned to the pointee first. &map[K]V{} is never
// worse. The analyzer reports new(T) for every map type T (literal, named
// such as http.Header, or a type parameter whose core type is a map,
// embedded constraint interfaces included),
// wherever the pointer goes, unless in the same function the pointee is
// assigned a map before any write through it and before the pointer leaves
// the function, or the pointer is handed to a call that may fill it
// (json.Unmarshal(b, p), flag.Var, a pointer-receiver method). A call of a
// value-receiver method that writes its receiver through the pointer,
// h := new(http.Header); h.Set(k, v), writes into the nil map *h and is
// reported; one that only reads (h.Get) is not. Go 1.26's new(expr) form,
// new(map[string]int{}), copies a value and is never reported.
// *new(map[K]V), a nil map value, is reported when it is then written.
//
// It also reports a write into a map that is provably fresh and dropped
// right after: an index assignment, ++ or op= on, or a receiver-writing
// method call (url.Values.Set, (*sync.Map).Store) of, a map literal, make,
// maps.Clone, new(sync.Map), or a call to a function that returns a new
// map every time, such as (*url.URL).Query:
//
//	u.Query().Set("page", "2") // lost: Query returns a new map on each call
//
// Functions that return fresh maps, that do not retain map arguments, and
// methods that write their receiver are exported as facts, so the check
// works across packages.
//
// The suggested fix rewrites new(T) to &T{} and *new(T) to T{}.
package newmap
