package literals

func literalWithElements(xs []string) []string {
	v := []string{"base"} // want `slice "v" starts with 1 elements and gets len\(xs\) appends; make it with capacity 1 \+ len\(xs\)`
	for _, x := range xs {
		v = append(v, x)
	}
	return v
}

func empty(xs []string) []string {
	v := []string{} // want `slice "v" gets len\(xs\) appends`
	for _, x := range xs {
		v = append(v, x)
	}
	return v
}

func conditional(xs []string) []string {
	v := []string{"base"}
	for _, x := range xs {
		if x != "" {
			v = append(v, x)
		}
	}
	return v
}
