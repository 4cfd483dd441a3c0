package newmap

// A //maplint:ignore that names a category instead of its analyzer silences
// nothing: the directive is reported, and so is the finding.
func Directive() *map[string]int {
	//maplint:ignore new-nil-map the caller fills it // want "malformed //maplint:ignore: new-nil-map is a category of newmap, not an analyzer, so it silences nothing; write //maplint:ignore newmap the caller fills it"
	return new(map[string]int) // want "new\\(map\\[string\\]int\\) is a pointer to a nil map"
}
