package ignore

func a() *map[string]int {
	//maplint:ignore newmap the caller assigns *p before use
	return new(map[string]int)
}

func b() *map[string]int {
	return new(map[string]int) //maplint:ignore * reason given
}

func c() *map[string]int {
	//maplint:ignore makecap another analyzer's findings only
	return new(map[string]int) // want `pointer to a nil map`
}

func d() *map[string]int {
	//maplint:ignore newmap
	return new(map[string]int) // want `pointer to a nil map`
}

func e() *map[string]int {
	//maplint:ignore newmap,hotmap two lines above is too far

	return new(map[string]int) // want `pointer to a nil map`
}
