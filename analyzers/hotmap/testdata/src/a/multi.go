//go:build go1.26

package a

// Rule 6 of issue 13: each name of a multi-name declaration is checked as
// if it had its own.

func twoIndexes(orders []*Order) (map[int64]*Order, map[[2]string]*Order) {
	byID, byKey := map[int64]*Order{}, map[[2]string]*Order{} // want `map "byID" is filled with up to len\(orders\) entries` `map "byKey" is filled with up to len\(orders\) entries`
	for _, o := range orders {
		byID[o.ID] = o
		byKey[o.Key] = o
	}
	return byID, byKey
}

func twoVarIndexes(orders []*Order) (map[int64]*Order, map[[2]string]*Order) {
	var byID, byKey = make(map[int64]*Order), make(map[[2]string]*Order) // want `map "byID" is filled with up to len\(orders\) entries` `map "byKey" is filled with up to len\(orders\) entries`
	for _, o := range orders {
		byID[o.ID] = o
		byKey[o.Key] = o
	}
	return byID, byKey
}

func twoMaps() (map[int64]*Order, map[[2]string]*Order) { return nil, nil }

// Two names from one call: no value per name, silent.
func twoFromCall(orders []*Order) (map[int64]*Order, map[[2]string]*Order) {
	byID, byKey := twoMaps()
	for _, o := range orders {
		byID[o.ID] = o
		byKey[o.Key] = o
	}
	return byID, byKey
}

// Made on every iteration in a statement that declares another name too:
// reported without the hoist, which would delete the other name.
func perIterationPair(docs [][]string) int {
	total := 0
	for _, words := range docs {
		seen, n := map[string]bool{}, 0 // want `map "seen" is made on every iteration and filled with up to len\(words\) entries`
		for _, w := range words {
			seen[w] = true
		}
		n = len(seen)
		total += n
	}
	return total
}
