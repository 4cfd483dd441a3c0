package withtests

// Outside tests: reported whatever the flag.
func fill(keys []int) map[int]int {
	m := map[int]int{} // want `map "m" is filled with up to len\(keys\) entries`
	for _, k := range keys {
		m[k] = k
	}
	return m
}
