// Package hotmap defines an Analyzer that reports maps filled in loops
// without a size hint, and maps made anew on every iteration of a loop.
//
// # Analyzer hotmap
//
// hotmap: report maps filled in loops without a size hint, and maps made on every iteration
//
// A map that grows by inserts rehashes and reallocates as it doubles. On
// Go 1.26, filling n ≥ 64 keys into make(map[K]V, n) took 0.35–0.56× the
// time of an unhinted map and half the bytes; hints ≤ 8 change nothing.
//
// Rule 1, missing size hint: a fresh map made without a size
// (make(map[K]V), make(map[K]V, 0), map[K]V{}, also assigned right after
// var m map[K]V, each name of a, b := x, y or var a, b = x, y on its own,
// named map types, type parameters whose core type is a map, also
// through an embedded constraint) that the loop right after its creation
// fills with exactly one plain insert m[key] = v per iteration, where the trip count n is known before the
// loop and can be written where the map is made (a range over an unkeyed
// slice literal counts its elements; a difference in unsigned arithmetic,
// hi-lo or n-1 over uint, is no count: it wraps when the loop runs zero
// times; nor is a value decoded from bytes by encoding/binary, which a
// corrupt header sets to billions), every iteration reaches the insert, the loop cannot exit early,
// the key is the iteration's own value (the range key or value, the
// index, or a field or element of them, not a computed key) and the map
// is used nowhere else in the loop (m[k]++, m[k] = append(m[k], x) and
// lookups before the insert group, count or dedupe: n is not the number
// of keys). Keys may repeat, so n is an upper bound: "up to n entries".
// Single keys added after the loop (m[">"] = true, conditional or not,
// each running at most once) make it n+k; keys from anything else after
// the loop (another loop, a closure, maps.Copy, a call or method that
// takes the map, its address, a copy of it that gets keys) would make the
// bound false: silent. A constant n ≤ 8 (also a range over a variable whose
// only value is an unkeyed literal of ≤ 8 elements: never assigned, written
// through or addressed in the package, not exported), a map never used after the loop
// and Benchmark functions are silent; so are _test.go files unless -tests
// is set (fixtures hold a few keys), for both rules; the file's real name
// counts, not a //line directive.
//
//	byID := map[int64]*Order{} // map "byID" is filled with up to len(orders) entries; make it with make(map[int64]*Order, len(orders))
//	for _, o := range orders {
//		byID[o.ID] = o
//	}
//
// Rule 2, map made on every iteration, off unless -per-iteration is set
// (whether a hoist pays depends on run-time sizes and how often the loop
// runs: pair it with -profile): a map created by a statement of a
// loop body, filled within the iteration with more than 8 entries
// possible, that does not escape the iteration. It escapes when it is
// returned, assigned or aliased, stored in a field, slice, map or global,
// appended, sent, captured by a closure, goroutine or defer, or passed to
// a call other than len, delete, clear, fmt's print functions,
// json.Marshal, (*json.Encoder).Encode, reflect.DeepEqual, maps.Clone,
// maps.Copy, maps.Equal and maps.Keys/Values consumed in place
// (slices.Collect, slices.Sorted, range). Loops of a constant ≤ 8
// iterations, loops repeating the same work (no iteration variable
// used: for range 1000) and iterations that make the map and then always
// leave the loop (a return, a break of the loop or a panic, os.Exit, log.Fatal or t.Fatal among the body's
// statements after it: made at most once) are silent. On Go 1.26, 1000 iterations
// filling 100 keys took 15 ms and 9000 allocations with a fresh map, 2.7
// ms and 9 allocations with one map cleared per iteration.
//
//	for _, doc := range docs {
//		seen := map[string]bool{} // map "seen" is made on every iteration ...
//		for _, w := range doc.Words {
//			seen[w] = true
//		}
//		total += len(seen)
//	}
//
// The fix hoists the map before the loop (with a size hint when the fill
// inside the iteration has a count that can be written there; a map whose
// own hint cannot be written there is silent) and calls
// clear(m) as the first statement of the body; it needs Go 1.21 and is
// not offered when another variable of that name is visible there. When
// make, len or clear is shadowed where the fix would write it (or clear
// is missing, before Go 1.21), there is no fix and the message does not
// write that name.
package hotmap
