// Package hotmap is the end-to-end sample of the hotmap analyzer.
package hotmap

import "strings"

type Order struct{ ID int64 }

func ByID(orders []*Order) map[int64]*Order {
	byID := map[int64]*Order{} // want `map "byID" is filled with up to len\(orders\) entries; make it with make\(map\[int64\]\*Order, len\(orders\)\)`
	for _, o := range orders {
		byID[o.ID] = o
	}
	return byID
}

func Squares(n int) map[int]int {
	sq := make(map[int]int) // want `map "sq" is filled with up to n entries`
	for i := 0; i < n; i++ {
		sq[i] = i * i
	}
	return sq
}

func Distinct(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen := map[string]bool{} // silent by default: -hotmap.per-iteration reports it (made on every iteration)
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}

func Lower(words []string) map[string]bool {
	set := map[string]bool{} // computed key: silent
	for _, w := range words {
		set[strings.ToLower(w)] = true
	}
	return set
}
