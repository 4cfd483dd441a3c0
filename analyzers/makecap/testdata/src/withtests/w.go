package withtests

// Outside tests: reported whatever the flag.
func fill(keys []int) []int {
	out := []int{} // want `slice "out" gets len\(keys\) appends`
	for _, k := range keys {
		out = append(out, k)
	}
	return out
}
