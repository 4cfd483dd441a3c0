// Package makecap defines an Analyzer that reports slices appended to in
// loops without a capacity, and slices made with a length and then
// appended to.
//
// # Analyzer makecap
//
// makecap: report slices that a loop fills without capacity, and make with a length before append
//
// A slice grown by append in a loop re-allocates and copies about log2(n)
// times. When the loop's trip count is known before the loop, presizing
// allocates once: on Go 1.26, appending n ints into a presized slice took
// 0.22–0.43× the time, with one allocation.
//
// Rule 1, missing capacity: a fresh empty slice (var s []T, s := []T{},
// s := make([]T, 0), var s []T followed right away by s = make([]T, 0),
// named and generic slice types) that the loop right after its creation
// fills with k ≥ 1 elements on every iteration, where the trip count n is
// known before the loop and can be written where the slice is made (range
// over a slice, array or map variable or field, or over an unkeyed slice
// literal, range over an integer, a counted for loop whose index and
// bound the body does not change), n is not a constant ≤ 8 (a table of a
// few entries, silent as in hotmap; also a range over a variable whose only
// value is an unkeyed literal of ≤ 8 elements, never assigned, written
// through or addressed in the package, not exported), every iteration reaches the
// append(s) (no if, switch or continue before them) and the loop cannot
// exit early (break, return, goto, panic, os.Exit, log.Fatal, t.Fatal).
//
//	names := []string{} // slice "names" gets len(users) appends; make it with make([]string, 0, len(users))
//	for _, u := range users {
//		names = append(names, u.Name)
//	}
//
// Appends right after the loop, in the same block and before any other
// use of the slice (alone or in the branches of an if), add to the count:
// make([]string, 0, len(tables)+1). When one of them is unconditional the
// slice is non-nil afterwards anyway, so a slice that starts nil gets the
// fix too; when all of them are conditional and the slice starts nil, no
// advice keeps nil exactly: silent. Each name of var a, b []T or a, b := x, y is checked on its own.
//
// It is silent for unknown trip counts (channels, iterators, strings,
// calls, step loops), conditional appends, early exits, spread appends
// (append(s, xs...)), appends in an inner loop, a shadowing variable in
// the loop, a slice used between its creation and the loop or never used
// after it, a slice that a later loop appends to as well (the count is
// only part of its length), a count decoded from bytes by encoding/binary
// (binary.Read, ByteOrder.Uint32, varints: a corrupt header would ask for
// gigabytes up front), Benchmark functions (they grow slices on
// purpose), and a total of one element. Rule 1 is advice, and test tables
// hold a few elements: it is silent in _test.go files (by the file's real
// name, not a //line directive) unless -tests is set. Rule 2 reports in
// tests too.
//
// The suggested fix replaces the creation with make(T, 0, k*n), keeping
// the declared type and the var or := form. A slice that starts nil and
// may stay nil (the loop may run zero times) gets slices.Grow(T(nil), n)
// instead, which is nil exactly when the original is (every iteration
// appends; Grow keeps nil for n == 0), and the fix adds the slices
// import (Go 1.21; older files: make, reported without a fix, as make's
// slice would no longer be nil); in a spec without values
// that declares other names it splits the name off (var b []T, then
// var a = make(...)), unless two names of the spec have a fix (their
// edits would collide: reported only). When n is not provably
// non-negative (make panics on a negative capacity) it becomes
// max(n, 0). An unsigned n needs no max; a count that is a difference in
// unsigned arithmetic (hi-lo+1 from for e := lo; e <= hi; e++ over
// uint32) is silent unless it folds to a constant: it wraps to about 4e9
// when lo > hi, where the loop runs zero times. When a builtin the fix
// writes (make, len, max) is shadowed where it lands, or the file is
// older than Go 1.21 (max), there is no fix and the message gives the
// capacity in words.
//
// Rule 2, length instead of capacity: make([]T, n) or make([]T, n, c)
// with a length that is not a constant, assigned to a new variable that is then
// appended to before being indexed, resliced, copied into or passed
// anywhere. The result keeps n zero values in front of the appended
// elements, which is almost always a bug when n is computed from the data
// (a constant length is taken as deliberate padding or a sentinel:
// silent). The fix makes the length 0 and
// the capacity n (or c).
//
// Flags:
//
//	-literals  also report a slice literal with elements that a loop then
//	           fills (v := []string{"base"}); report only, off by default.
//	-tests     also report rule 1 in _test.go files; off by default.
package makecap
