//go:build go1.26

package a

// Rule 2 of issue 13: a loop of a constant trip count ≤ 8 is a table of a
// few entries, silent as in hotmap; 9 and more are reported with the count.

func smallArray(a [8]int, p *[8]int) ([]int, []int) {
	var xs []int // silent: 8 iterations
	for _, v := range a {
		xs = append(xs, v)
	}
	var ys []int // silent: 8 iterations
	for _, v := range p {
		ys = append(ys, v)
	}
	return xs, ys
}

func smallCounted() ([]int, []int) {
	var xs []int // silent: 8 iterations
	for i := 0; i < 8; i++ {
		xs = append(xs, i)
	}
	var ys []int // want `slice "ys" gets 9 appends; make it with make\(\[\]int, 0, 9\)$`
	for i := 0; i < 9; i++ {
		ys = append(ys, i)
	}
	return xs, ys
}

func smallRange() ([]int, []int) {
	xs := []int{} // silent: 8 iterations
	for i := range 8 {
		xs = append(xs, i)
	}
	ys := []int{} // want `slice "ys" gets 64 appends; make it with make\(\[\]int, 0, 64\)$`
	for i := range 64 {
		ys = append(ys, i)
	}
	return xs, ys
}

func literalRange() ([]string, []string, []string) {
	var few []string // silent: a literal of 8 elements
	for _, s := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		few = append(few, s+"!")
	}
	var many []string // want `slice "many" gets 9 appends; make it with make\(\[\]string, 0, 9\)$`
	for _, s := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} {
		many = append(many, s+"!")
	}
	var keyed []string // silent: keyed elements, the length is not the element count
	for _, s := range []string{0: "a", 9: "j"} {
		keyed = append(keyed, s)
	}
	return few, many, keyed
}

// Two appends per iteration of 8 iterations: the loop is still a table.
func smallTwice() []int {
	var xs []int // silent: 8 iterations
	for i := range 8 {
		xs = append(xs, i, -i)
	}
	return xs
}
