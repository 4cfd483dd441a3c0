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

func noReason() *map[string]int {
	// The expectation is on the line above: on the directive's line it would be its reason.
	// want +1 `malformed //maplint:ignore: no reason given, so it silences nothing; write //maplint:ignore newmap <why this finding is wrong here>`
	//maplint:ignore newmap
	return new(map[string]int) // want `pointer to a nil map`
}

func d() *map[string]int {
	//maplint:ignore new-nil-map the caller fills it // want `malformed //maplint:ignore: new-nil-map is a category of newmap, not an analyzer, so it silences nothing; write //maplint:ignore newmap the caller fills it`
	return new(map[string]int) // want `pointer to a nil map`
}

func f() *map[string]int {
	//maplint:ignore newamp,hotmap a typo // want `malformed //maplint:ignore: "newamp" is not a maplint analyzer \(newmap, hotmap, makecap, unsafemap or \*\), so it silences only hotmap; write //maplint:ignore hotmap a typo`
	return new(map[string]int) // want `pointer to a nil map`
}

func g() *map[string]int {
	// maplint:ignore newmap a space after the slashes // want `malformed //maplint:ignore: "// maplint:ignore" is not a directive \(no space after //\), so it silences nothing; write //maplint:ignore newmap a space`
	return new(map[string]int) // want `pointer to a nil map`
}

func h() *map[string]int {
	//maplint:ignore newmap // the reason may be written as a comment
	return new(map[string]int)
}

func e() *map[string]int {
	//maplint:ignore newmap,hotmap two lines above is too far

	return new(map[string]int) // want `pointer to a nil map`
}
