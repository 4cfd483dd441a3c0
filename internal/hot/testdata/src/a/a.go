package a

func Hot(xs []int) int { // want `loop in Hot; hot: 75\.0% of CPU samples in this loop \(25\.0% flat, 50\.0% growing maps and slices\)`
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func Cold(xs []int) int { // dropped below the threshold
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func Warm(xs []int) int { // dropped: a hot loop that grows nothing
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func Plain() {} // want `^no loop$`

func Grows(xs []int) []int {
	var out []int // want `loop in Grows; hot: 12\.0% of CPU samples in this loop \(0\.0% flat, 4\.0% growing "out"\)`
	other := []int{}
	for _, x := range xs {
		out = append(out, x)
		other = append(other, x)
	}
	return append(out, other...)
}
