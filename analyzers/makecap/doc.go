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
// s := make([]T, 0), named and generic slice types) that the loop right
// after its creation fills with k ≥ 1 elements on every iteration, where
// the trip count n is known before the loop and can be written where the
// slice is made (range over a slice, array or map variable or field,
// range over an integer, a counted for loop whose index and bound the
// body does not change), every iteration reaches the append(s) (no if,
// switch or continue before them) and the loop cannot exit early (break,
// return, goto, panic).
//
//	names := []string{} // slice "names" gets len(users) appends; make it with make([]string, 0, len(users))
//	for _, u := range users {
//		names = append(names, u.Name)
//	}
//
// It is silent for unknown trip counts (channels, iterators, strings,
// calls, step loops), conditional appends, early exits, spread appends
// (append(s, xs...)), appends in an inner loop, a shadowing variable in
// the loop, a slice used between its creation and the loop or never used
// after it, a slice that a later loop appends to as well (the count is
// only part of its length), Benchmark functions (they grow slices on purpose), and a
// total of one element. The suggested fix replaces the creation with
// make(T, 0, k*n), keeping the declared type and the var or := form;
// when n is not provably non-negative (make panics on a negative
// capacity) it becomes max(n, 0). When a builtin the fix writes (make,
// len, max) is shadowed where it lands, or the file is older than Go
// 1.21 (max), there is no fix and the message gives the capacity in words.
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
package makecap
