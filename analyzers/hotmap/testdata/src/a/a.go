//go:build go1.26

package a

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

type Order struct {
	ID   int64
	Key  [2]string
	Tags []string
}

type ByID map[int64]*Order

type Store struct{ orders []*Order }

// ---- Rule 1: reported ----

func byID(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{} // want `map "m" is filled with up to len\(orders\) entries; make it with make\(map\[int64\]\*Order, len\(orders\)\)`
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

func makeForm(orders []*Order) map[int64]bool {
	m := make(map[int64]bool) // want `make it with make\(map\[int64\]bool, len\(orders\)\)`
	for i := range orders {
		m[orders[i].ID] = true
	}
	return m
}

func makeZero(orders []*Order) map[string]int {
	var m = make(map[string]int, 0) // want `map "m" is filled with up to len\(orders\) entries`
	for i, o := range orders {
		m[o.Key[0]] = i
	}
	return m
}

func named(orders []*Order) ByID {
	var m = ByID{} // want `make it with make\(ByID, len\(orders\)\)`
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

func generic[M ~map[K]V, K comparable, V any](keys []K, v V) M {
	m := make(M) // want `make it with make\(M, len\(keys\)\)`
	for _, k := range keys {
		m[k] = v
	}
	return m
}

func counted(n int) map[int]int {
	m := map[int]int{} // want `filled with up to n entries; make it with make\(map\[int\]int, n\)`
	for i := 0; i < n; i++ {
		m[i] = i * i
	}
	return m
}

func rangeInt(n int) map[int]bool {
	m := map[int]bool{} // want `up to n entries`
	for i := range n {
		m[i] = true
	}
	return m
}

func fromMap(src map[string]int) map[int]string {
	inv := map[int]string{} // want `up to len\(src\) entries`
	for k, v := range src {
		inv[v] = k
	}
	return inv
}

func field(s *Store) map[int64]*Order {
	m := map[int64]*Order{} // want `up to len\(s.orders\) entries`
	for _, o := range s.orders {
		m[o.ID] = o
	}
	return m
}

func bigArray(a [16]string) map[string]int {
	m := map[string]int{} // want `up to 16 entries`
	for i, s := range a {
		m[s] = i
	}
	return m
}

func readBefore(orders []*Order) map[int64]int {
	m := map[int64]int{} // the insert reads the map: silent
	for i, o := range orders {
		m[o.ID] = i + len(m)
	}
	return m
}

// ---- Rule 1: silent twins ----

func conditional(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{}
	for _, o := range orders {
		if o.ID != 0 {
			m[o.ID] = o
		}
	}
	return m
}

func bothBranches(orders []*Order) map[int64]bool {
	m := map[int64]bool{}
	for _, o := range orders {
		if o.ID > 0 {
			m[o.ID] = true
		} else {
			m[o.ID] = false
		}
	}
	return m
}

func continueBefore(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{}
	for _, o := range orders {
		if o == nil {
			continue
		}
		m[o.ID] = o
	}
	return m
}

func earlyExit(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{}
	for _, o := range orders {
		m[o.ID] = o
		if o.ID < 0 {
			break
		}
	}
	return m
}

func computedKey(names []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[strings.ToLower(n)] = true
	}
	return m
}

func moduloKey(xs []int) map[int]int {
	m := map[int]int{}
	for _, x := range xs {
		m[x%10] = x
	}
	return m
}

func counting(words []string) map[string]int {
	m := map[string]int{}
	for _, w := range words {
		m[w]++
	}
	return m
}

func summing(words []string) map[string]int {
	m := map[string]int{}
	for i, w := range words {
		m[w] += i
	}
	return m
}

func grouping(orders []*Order) map[int64][]*Order {
	m := map[int64][]*Order{}
	for _, o := range orders {
		m[o.ID] = append(m[o.ID], o)
	}
	return m
}

func smallConst() map[int]bool {
	m := map[int]bool{}
	for i := range 8 {
		m[i] = true
	}
	return m
}

func twoInserts(orders []*Order) map[int64]bool {
	m := map[int64]bool{}
	for _, o := range orders {
		m[o.ID] = true
		m[-o.ID] = true
	}
	return m
}

func insertedBetween(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{}
	m[0] = nil
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

func shadowed(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{}
	for _, o := range orders {
		m := map[int64]*Order{}
		m[o.ID] = o
		_ = m
	}
	return m
}

func param(m map[int64]*Order, orders []*Order) {
	for _, o := range orders {
		m[o.ID] = o
	}
}

func channel(ch chan *Order) map[int64]*Order {
	m := map[int64]*Order{}
	for o := range ch {
		m[o.ID] = o
	}
	return m
}

func split(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		m[f] = true
	}
	return m
}

func hinted(orders []*Order) map[int64]*Order {
	m := make(map[int64]*Order, len(orders))
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

func passedInLoop(orders []*Order) map[int64]*Order {
	m := map[int64]*Order{}
	for _, o := range orders {
		m[o.ID] = o
		fmt.Println(m)
	}
	return m
}

// ---- Rule 2: reported ----

func perIteration(docs [][]string, vocab []string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is made on every iteration and filled with up to len\(words\) entries; make it once before the loop with make\(map\[string\]bool\) and clear\(seen\) at the start of each iteration`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

func perIterationHint(rows [][]int, cols []string) []string {
	var out []string
	for _, row := range rows {
		_ = row
		m := make(map[string]int) // want `filled with up to len\(cols\) entries; make it once before the loop with make\(map\[string\]int, len\(cols\)\)`
		for i, c := range cols {
			m[c] = row[i%len(row)]
		}
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out
}

func perIterationKeys(groups [][]string) [][]string {
	var out [][]string
	for i := 0; i < len(groups); i++ {
		var set = make(map[string]struct{}, 16) // want `make it once before the loop with make\(map\[string\]struct\{\}, 16\)`
		for _, g := range groups[i] {
			set[g] = struct{}{}
		}
		out = append(out, slices.Sorted(maps.Keys(set)))
		fmt.Printf("%d %v\n", len(set), set)
	}
	return out
}

func perIterationCounts(lines []string) {
	for _, line := range lines {
		counts := map[rune]int{} // want `map "counts" is made on every iteration and filled with an unknown number of entries`
		for _, r := range line {
			counts[r]++
		}
		for r, n := range counts {
			fmt.Println(r, n)
		}
	}
}

// ---- Rule 2: silent twins ----
// The map escapes the iteration, so rule 2 is silent; the fill of a
// known size still gets rule 1's hint (one diagnostic, not two).

func escapesAppend(docs [][]string) []map[string]bool {
	var out []map[string]bool
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		out = append(out, seen)
	}
	return out
}

func escapesReturn(docs [][]string) map[string]bool {
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		if len(seen) > 3 {
			return seen
		}
	}
	return nil
}

// Rule 1 is silent too: sink may add keys, so "up to len(words)" could
// be false (issue 13, rule 4).
func escapesCall(docs [][]string, sink func(map[string]bool)) {
	for _, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[w] = true
		}
		sink(seen)
	}
}

func escapesClosure(docs [][]string) []func() int {
	var fs []func() int
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		fs = append(fs, func() int { return len(seen) })
	}
	return fs
}

func escapesChannel(docs [][]string, ch chan map[string]bool) {
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		ch <- seen
	}
}

func escapesOuterVar(docs [][]string) map[string]bool {
	var last map[string]bool
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		last = seen
	}
	return last
}

func escapesField(docs [][]string, s *struct{ m map[string]bool }) {
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		s.m = seen
	}
}

func escapesKeysKept(docs [][]string) {
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		keys := maps.Keys(seen)
		_ = keys
	}
}

func smallFill(docs [][2]string) int {
	total := 0
	for _, d := range docs {
		seen := map[string]bool{}
		seen[d[0]] = true
		seen[d[1]] = true
		total += len(seen)
	}
	return total
}

func smallInnerLoop(docs [][8]string) int {
	total := 0
	for _, d := range docs {
		seen := map[string]bool{}
		for _, w := range d {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

func notFilled(xs []string) int {
	n := 0
	for _, x := range xs {
		table := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9}
		n += table[x]
	}
	return n
}

func escapesComputed(docs [][]string) []map[string]bool {
	var out []map[string]bool
	for _, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[strings.TrimSpace(w)] = true
		}
		out = append(out, seen)
	}
	return out
}

// Filled and never used: the growth is the point (runtime/pprof's growMap).
func growMap() {
	m := make(map[int]int)
	for i := range 512 {
		m[i] = i
	}
}

var lastSeen map[string]bool

func escapesGoroutine(docs [][]string, done chan bool) {
	for _, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[strings.TrimSpace(w)] = true
		}
		go func() { done <- len(seen) > 0 }()
	}
}

func escapesMapStore(docs [][]string) map[int]map[string]bool {
	all := map[int]map[string]bool{} // want `map "all" is filled with up to len\(docs\) entries`
	for i, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[strings.TrimSpace(w)] = true
		}
		all[i] = seen
	}
	return all
}

func escapesGlobal(docs [][]string) {
	for _, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[strings.TrimSpace(w)] = true
		}
		lastSeen = seen
	}
}

func escapesDefer(docs [][]string) {
	for _, words := range docs {
		seen := map[string]bool{}
		for _, w := range words {
			seen[strings.TrimSpace(w)] = true
		}
		defer fmt.Println(seen)
	}
}

// Not escaping, with a computed key: rule 2 alone.
func computedNotEscaping(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // want `map "seen" is made on every iteration and filled with up to len\(words\) entries`
		for _, w := range words {
			seen[strings.TrimSpace(w)] = true
		}
		fmt.Println(seen)
		total += len(seen)
	}
	return total
}

// Grouping through a variable (cmd/trace): the lookup shows keys repeat,
// so len(orders) would over-size the map: silent.
func groupViaVar(orders []*Order) map[string]int {
	m := map[string]int{}
	for _, o := range orders {
		n := m[o.Key[0]]
		n++
		m[o.Key[0]] = n
	}
	return m
}

// Dedupe check before the insert: silent for the same reason.
func dedupe(orders []*Order) map[int64]bool {
	seen := map[int64]bool{}
	for _, o := range orders {
		if seen[o.ID] {
			fmt.Println("duplicate", o.ID)
		}
		seen[o.ID] = true
	}
	return seen
}

// A range over a literal runs once per element: 8 keys are silent, 9 get
// the constant hint.
func literalKeys() (map[string]bool, map[string]bool) {
	few := map[string]bool{}
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		few[k] = true
	}
	many := map[string]bool{} // want `map "many" is filled with up to 9 entries; make it with make\(map\[string\]bool, 9\)`
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} {
		many[k] = true
	}
	return few, many
}

// A map handed to (*json.Encoder).Encode is only read; one handed to a
// method of the same name that keeps it escapes.
func perIterationEncode(enc *json.Encoder, k *keeper, rows [][]string) {
	for _, row := range rows {
		m := make(map[string]int) // want `filled with up to len\(row\) entries`
		for i, c := range row {
			m[c] = i
		}
		enc.Encode(m)
	}
	for _, row := range rows {
		m := make(map[string]int) // silent: k keeps it
		for i, c := range row {
			m[c] = i
		}
		k.Encode(m)
	}
}

type keeper struct{ kept []map[string]int }

func (k *keeper) Encode(m map[string]int) { k.kept = append(k.kept, m) }

// An existing hint moves with the map when its names mean the same before
// the loop: a qualified constant, a field of a field. One that may panic
// (an element of a slice) must not run when the loop does not: silent.
func perIterationMovedHints(groups [][]string, c config, cs []config) {
	for _, g := range groups {
		set := make(map[string]bool, utf8.UTFMax) // want `make it once before the loop with make\(map\[string\]bool, utf8.UTFMax\)`
		for _, s := range g {
			set[s] = true
		}
		fmt.Println(set)
	}
	for _, g := range groups {
		seen := make(map[string]bool, c.inner.n) // want `make it once before the loop with make\(map\[string\]bool, c.inner.n\)`
		for _, s := range g {
			seen[s] = true
		}
		fmt.Println(seen)
	}
	for _, g := range groups {
		names := make(map[string]bool, len(cs[0].names)) // silent: cs[0] panics on an empty cs
		for _, s := range g {
			names[s] = true
		}
		fmt.Println(names)
	}
}

// A hint that may panic or do more than compute a value must not run
// before a loop that may not run: silent. A constant index into an array,
// min, a division by a constant and a shift by an unsigned variable
// cannot: reported, the hint moved.
func perIterationHintsThatMayPanic(groups [][]string, sizes [4]int, k int, s0 []int, v any, n int, ch chan int, shift uint) {
	for _, g := range groups {
		m := make(map[string]bool, sizes[k]) // silent: k may be out of range
		for _, s := range g {
			m[s] = true
		}
		fmt.Println(m)
	}
	for _, g := range groups {
		m := make(map[string]bool, [1]int(s0)[0]) // silent: panics when s0 is empty
		for _, s := range g {
			m[s] = true
		}
		fmt.Println(m)
	}
	for _, g := range groups {
		m := make(map[string]bool, v.(int)) // silent: panics when v is not an int
		for _, s := range g {
			m[s] = true
		}
		fmt.Println(m)
	}
	for _, g := range groups {
		m := make(map[string]bool, n/k) // silent: panics when k is 0
		for _, s := range g {
			m[s] = true
		}
		fmt.Println(m)
	}
	for _, g := range groups {
		m := make(map[string]bool, <-ch) // silent: one receive instead of one per iteration
		for _, s := range g {
			m[s] = true
		}
		fmt.Println(m)
	}
	for _, g := range groups {
		m := make(map[string]bool, sizes[2]) // want `make it once before the loop with make\(map\[string\]bool, sizes\[2\]\)`
		for _, s := range g {
			m[s] = true
		}
		fmt.Println(m)
	}
	for _, g := range groups {
		mm := make(map[string]bool, min(n, 64)) // want `make it once before the loop with make\(map\[string\]bool, min\(n, 64\)\)`
		for _, s := range g {
			mm[s] = true
		}
		fmt.Println(mm)
	}
	for _, g := range groups {
		md := make(map[string]bool, n/2) // want `make it once before the loop with make\(map\[string\]bool, n / 2\)`
		for _, s := range g {
			md[s] = true
		}
		fmt.Println(md)
	}
	for _, g := range groups {
		ms := make(map[string]bool, n>>shift) // want `make it once before the loop with make\(map\[string\]bool, n >> shift\)`
		for _, s := range g {
			ms[s] = true
		}
		fmt.Println(ms)
	}
}

type config struct {
	inner struct{ n int }
	names []string
}
