//go:build go1.26

package a

// Rule 6 of issue 13: each name of a multi-name declaration is checked as
// if it had its own.

type edge struct{ from, to string }

// Both reported; each would get a slices.Grow fix (they start nil), but
// two splits of one spec collide: reported only.
func sourcesDests(edges []edge) ([]string, []string) {
	var sources, destinations []string // want `slice "sources" gets len\(edges\) appends; make it with slices.Grow\(\[\]string\(nil\), len\(edges\)\), which stays nil when the loop runs zero times$` `slice "destinations" gets len\(edges\) appends; make it with slices.Grow\(\[\]string\(nil\), len\(edges\)\), which stays nil when the loop runs zero times$`
	for _, e := range edges {
		sources = append(sources, e.from)
		destinations = append(destinations, e.to)
	}
	return sources, destinations
}

// One name of the spec filled by a loop that surely runs: the fix splits
// it off, whether it comes first, in the middle or last.
func splitFirst() ([]int, []int) {
	var sq, other []int // want `slice "sq" gets 16 appends; make it with make\(\[\]int, 0, 16\)$`
	for i := range 16 {
		sq = append(sq, i*i)
	}
	other = sq[:1]
	return sq, other
}

func splitMiddle() ([]int, []int, []int) {
	var a, sq, b []int // want `slice "sq" gets 16 appends`
	for i := range 16 {
		sq = append(sq, i*i)
	}
	a, b = sq[:1], sq[:2]
	return a, sq, b
}

func splitLast() ([]int, []int) {
	var other, sq []int // want `slice "sq" gets 16 appends`
	for i := range 16 {
		sq = append(sq, i*i)
	}
	other = sq[:1]
	return sq, other
}

func splitInGroup() ([]int, []int, int) {
	var (
		n         int
		sq, other []int // want `slice "sq" gets 16 appends`
	)
	for i := range 16 {
		sq = append(sq, i*i)
	}
	other = sq[:1]
	return sq, other, n
}

// Two names of one spec with a fix each: the edits would collide, so
// both are reported without one.
func evenOdd() ([]int, []int) {
	var even, odd []int // want `slice "even" gets 16 appends` `slice "odd" gets 16 appends`
	for i := range 16 {
		even = append(even, 2*i)
		odd = append(odd, 2*i+1)
	}
	return even, odd
}

// With a value per name, each value is replaced: both fixed.
func twoValues(xs []int) ([]int, []int) {
	var lo, hi = []int{}, []int{} // want `slice "lo" gets len\(xs\) appends` `slice "hi" gets len\(xs\) appends`
	for _, x := range xs {
		lo = append(lo, x-1)
		hi = append(hi, x+1)
	}
	return lo, hi
}

func twoDefines(xs []int) ([]int, []int) {
	lo, hi := []int{}, []int{} // want `slice "lo" gets len\(xs\) appends` `slice "hi" gets len\(xs\) appends`
	for _, x := range xs {
		lo = append(lo, x-1)
		hi = append(hi, x+1)
	}
	return lo, hi
}

func twoSlices() ([]int, []int) { return nil, nil }

// Two names from one call: no value per name, silent.
func fromCall(xs []int) ([]int, []int) {
	lo, hi := twoSlices()
	for _, x := range xs {
		lo = append(lo, x-1)
		hi = append(hi, x+1)
	}
	return lo, hi
}
