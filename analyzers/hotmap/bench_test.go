package hotmap_test

// Benchmarks behind the figures in docs/hotmap.md: a map filled with n
// keys with and without a size hint (rule 1), and a map made fresh on
// every iteration of an outer loop versus one made before the loop and
// cleared (rule 2). Run with:
//
//	go test -run '^$' -bench . -benchmem ./analyzers/hotmap/

import (
	"fmt"
	"testing"
)

var sinkLen int

func BenchmarkFill(b *testing.B) {
	for _, n := range []int{8, 64, 1024, 65536} {
		keys := make([]int, n)
		for i := range keys {
			keys[i] = i * 7919
		}
		b.Run(fmt.Sprintf("n=%d/unhinted", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := map[int]int{}
				for _, k := range keys {
					m[k] = k
				}
				sinkLen += len(m)
			}
		})
		b.Run(fmt.Sprintf("n=%d/hinted", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := make(map[int]int, len(keys))
				for _, k := range keys {
					m[k] = k
				}
				sinkLen += len(m)
			}
		})
	}
}

// 1000 outer iterations, 100 keys each; the map escapes to the heap in
// both variants through sink (as a map filled by a loop usually does).
var sink map[int]int

func BenchmarkPerIteration(b *testing.B) {
	const outer, inner = 1000, 100
	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range outer {
				m := map[int]int{}
				for k := range inner {
					m[k*i] = k
				}
				sinkLen += len(m)
				if i == -1 {
					sink = m
				}
			}
		}
	})
	b.Run("hoisted+clear", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := map[int]int{}
			for i := range outer {
				clear(m)
				for k := range inner {
					m[k*i] = k
				}
				sinkLen += len(m)
				if i == -1 {
					sink = m
				}
			}
		}
	})
}

// A map that does not escape gets its first group (8 slots) on the
// stack: made fresh per iteration it allocates nothing until a ninth
// key, which is why rule 2 wants more than 8 possible entries. 100
// outer iterations; nothing escapes in either variant.
func BenchmarkPerIterationStack(b *testing.B) {
	const outer = 100
	for _, keys := range []int{1, 8, 9, 64} {
		b.Run(fmt.Sprintf("keys=%d/fresh", keys), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for range outer {
					m := map[int]struct{}{}
					for k := range keys {
						m[k] = struct{}{}
					}
					sinkLen += len(m)
				}
			}
		})
		b.Run(fmt.Sprintf("keys=%d/hoisted+clear", keys), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := map[int]struct{}{}
				for range outer {
					clear(m)
					for k := range keys {
						m[k] = struct{}{}
					}
					sinkLen += len(m)
				}
			}
		})
	}
}
