//go:build go1.26

package a

// Rule 7 of issue 13: var m map[K]V, then m = make(map[K]V) as the next
// statement, is m := make(map[K]V).

func declaredThenMade(orders []*Order) map[int64]*Order {
	var m map[int64]*Order
	m = make(map[int64]*Order) // want `map "m" is filled with up to len\(orders\) entries; make it with make\(map\[int64\]\*Order, len\(orders\)\)`
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

func declaredThenLiteral(orders []*Order) map[int64]*Order {
	var m map[int64]*Order
	m = map[int64]*Order{} // want `map "m" is filled with up to len\(orders\) entries`
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

// Used between the make and the loop: silent, as with :=.
func declaredThenUsed(orders []*Order) map[int64]*Order {
	var m map[int64]*Order
	m = make(map[int64]*Order)
	m[0] = nil
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

// Assigned from something other than a make or a literal: silent.
func declaredThenCopied(orders []*Order, src map[int64]*Order) map[int64]*Order {
	var m map[int64]*Order
	m = src
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

// Made on every iteration: reported, without the hoist (it would leave
// the var in the loop, shadowing the hoisted map).
func declaredPerIteration(docs [][]string) int {
	total := 0
	for _, words := range docs {
		var seen map[string]bool
		seen = map[string]bool{} // want `map "seen" is made on every iteration and filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		total += len(seen)
	}
	return total
}
